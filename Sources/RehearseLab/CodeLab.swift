import Foundation
import RehearseCore

/// Checks a guide's code: runs every Python snippet and claim in the sandbox and reports a
/// verdict for each (`rehearse check`).
///
/// ```swift
/// let lab = CodeLab(runner: try ForkServerPool(isolation: .bubblewrap))
/// let report = lab.check(guide)
/// ```
public struct CodeLab: Sendable {
    public let runner: any SnippetRunner
    public var limits: LabLimits

    public init(runner: any SnippetRunner, limits: LabLimits = LabLimits()) {
        self.runner = runner
        self.limits = limits
    }

    /// Every snippet and claim of the guide, in document order; `progress` is told how many
    /// of the total are done.
    /// - Returns: the guide with the readings its claims chose (``ClaimedReading``), and the
    ///   verdicts on it.
    public func check(_ guide: Guide, progress: @Sendable (Int, Int) -> Void = { _, _ in }) -> (guide: Guide, report: LabReport) {
        let checked = run(guide, twice: false, remembering: nil, progress: progress)
        return (checked.guide, checked.report)
    }

    /// ``check(_:progress:)``, then a second run of each snippet whose output could make a
    /// "What does this print?" card (``PredictOutputCards/canBeAnswer(_:)``): a card is made
    /// only from output printed the same both times. What `memory` holds for this sandbox is not
    /// run again.
    /// - Returns: the guide with the readings its claims chose, the report, the second runs'
    ///   verdicts, and the memory of every answer.
    public func checkTwice(_ guide: Guide, remembering memory: LabMemory? = nil)
        -> (guide: Guide, report: LabReport, again: [SnippetResult], memory: LabMemory)
    {
        run(guide, twice: true, remembering: memory, progress: { _, _ in })
    }

    /// ``pass(_:in:twice:remembering:progress:)`` over the guide; when claims that do not hold
    /// choose another reading of the Python they run (``choosingReadings(_:report:known:learned:)``),
    /// a second pass over the guide so read, which runs only what changed.
    private func run(_ guide: Guide, twice: Bool, remembering memory: LabMemory?, progress: @Sendable (Int, Int) -> Void)
        -> (guide: Guide, report: LabReport, again: [SnippetResult], memory: LabMemory)
    {
        let sandbox = LabMemory.sandbox(isolation: runner.isolation, limits: limits)
        let known = memory?.sandbox == sandbox ? memory : nil
        var first = pass(guide, in: sandbox, twice: twice, remembering: known, progress: progress)
        let chosen = choosingReadings(guide, report: first.report, known: known, learned: &first.memory)
        guard chosen != guide else { return (guide, first.report, first.again, first.memory) }
        var remembered = first.memory
        if let known { remembered.merge(known) }
        var second = pass(chosen, in: sandbox, twice: twice, remembering: remembered, progress: { _, _ in })
        second.memory.merge(first.memory)
        return (chosen, second.report, second.again, second.memory)
    }

    /// `guide` with each restored block whose claims do not all hold read as the first rival
    /// reading under which they all do (``ClaimedReading``); the rivals' claims run at once,
    /// and their answers join `learned`.
    private func choosingReadings(_ guide: Guide, report: LabReport, known: LabMemory?, learned: inout LabMemory) -> Guide {
        let verdicts = Dictionary(report.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let blocks = ClaimedReading.candidates(in: guide, holds: { verdicts[$0]?.status == .holds }) { id in
            verdicts[id].flatMap { $0.status == .error ? Self.undefinedName(in: $0.actual) : nil }
        }
        let trials = blocks.indices.flatMap { block in
            blocks[block].rivals.indices.flatMap { rival in blocks[block].claims.indices.map { (block: block, rival: rival, claim: $0) } }
        }
        guard !trials.isEmpty else { return guide }
        let preludes = EarlierImports.preludes(in: guide)
        let setups = trials.map { trial in
            let claim = blocks[trial.block].claims[trial.claim]
            return EarlierImports.withPrelude(preludes[claim.item.id], blocks[trial.block].setup(claim.setup, rival: trial.rival))
        }
        let answers = ConcurrentResults<LabAnswer>(count: trials.count)
        DispatchQueue.concurrentPerform(iterations: trials.count) { index in
            let claim = blocks[trials[index].block].claims[trials[index].claim]
            let remembered = known?.claims[LabMemory.claimKey(expr: claim.expr, setup: setups[index])]
            answers.set(index, remembered ?? runner.run(.claim(expr: claim.expr, setup: setups[index], limits: limits)))
        }
        // Per block, whether all its claims hold under each rival.
        var allHold = blocks.map { [Bool](repeating: true, count: $0.rivals.count) }
        for ((trial, setup), answer) in zip(zip(trials, setups), answers.values) {
            let claim = blocks[trial.block].claims[trial.claim]
            learned.remember(answer, expr: claim.expr, setup: setup)
            if Self.status(of: answer, expected: claim.expected) != .holds { allHold[trial.block][trial.rival] = false }
        }
        var chosen = guide
        for (block, holding) in zip(blocks, allHold) {
            if let rival = holding.firstIndex(of: true) { chosen = block.choosing(rival, in: chosen) }
        }
        return chosen
    }

    /// The name a `NameError` says is not defined (`NameError: name 'q' is not defined`).
    static func undefinedName(in error: String) -> String? {
        guard error.hasPrefix("NameError: name '"), let end = error.dropFirst(17).firstIndex(of: "'") else { return nil }
        return String(error[error.index(error.startIndex, offsetBy: 17)..<end])
    }

    /// A claim's status from the sandbox's answer.
    private static func status(of answer: LabAnswer, expected: String) -> ClaimResult.Status {
        answer.status != "ok" ? .error : ClaimResult.agrees(expected: expected, actual: answer.actual ?? answer.error ?? answer.status) ? .holds : .differs
    }

    /// One pass over every snippet and claim, all at once on the runner's processes (with
    /// the question of the sandbox's Python version among them), then, when `twice`, a
    /// second over the snippets whose output could be a card's answer; what `known` holds
    /// is not run. `sandbox` is the runner's ``LabMemory/sandbox(isolation:limits:)``.
    private func pass(_ guide: Guide, in sandbox: String, twice: Bool, remembering known: LabMemory?, progress: @Sendable (Int, Int) -> Void)
        -> (report: LabReport, again: [SnippetResult], memory: LabMemory)
    {
        // A snippet or a claim runs after what earlier blocks imported and it does not.
        let preludes = EarlierImports.preludes(in: guide)
        let snippets = guide.items.compactMap { item -> Snippet? in
            if case .code(let language, let code, _) = item.content { return Snippet(item: item, language: language, code: code, prelude: preludes[item.id]) }
            return nil
        }
        let claims = guide.items.compactMap { item -> (item: GuideItem, expr: String, expected: String, setup: String?)? in
            if case .claim(let expr, let expected, let setup) = item.content {
                return (item, expr, expected, EarlierImports.withPrelude(preludes[item.id], setup))
            }
            return nil
        }
        var learned = LabMemory(sandbox: sandbox, python: nil)

        let total = snippets.count + claims.count
        let done = Counter()
        let firstAnswers = ConcurrentResults<LabAnswer?>(count: snippets.count)
        let claimAnswers = ConcurrentResults<LabAnswer>(count: claims.count)
        let version = ConcurrentResults<String?>(count: 1)
        DispatchQueue.concurrentPerform(iterations: total + 1) { index in
            if index == total {
                version.set(0, known?.python ?? pythonVersion())
                return
            }
            if index < snippets.count {
                firstAnswers.set(index, answer(snippets[index], pass: 0, known: known))
            } else {
                let claim = claims[index - snippets.count]
                let remembered = known?.claims[LabMemory.claimKey(expr: claim.expr, setup: claim.setup)]
                claimAnswers.set(index - snippets.count, remembered ?? runner.run(.claim(expr: claim.expr, setup: claim.setup, limits: limits)))
            }
            progress(done.increment(), total)
        }
        learned.python = version.values.first ?? nil
        let results = zip(snippets, firstAnswers.values).map { snippet, answer in
            learned.remember(answer, of: snippet.run)
            return verdict(item: snippet.item, language: snippet.language, code: snippet.code, answer: answer)
        }
        let claimResults = zip(claims, claimAnswers.values).map { claim, answer in
            learned.remember(answer, expr: claim.expr, setup: claim.setup)
            let actual = answer.actual ?? answer.error ?? answer.status
            return ClaimResult(id: claim.item.id, expr: claim.expr, expected: claim.expected, actual: actual,
                               status: Self.status(of: answer, expected: claim.expected))
        }

        var again: [SnippetResult] = []
        if twice {
            let printed = snippets.indices.filter { PredictOutputCards.canBeAnswer(results[$0]) }
            let secondAnswers = ConcurrentResults<LabAnswer?>(count: printed.count)
            DispatchQueue.concurrentPerform(iterations: printed.count) { index in
                let snippet = snippets[printed[index]]
                secondAnswers.set(index, answer(snippet, pass: 1, known: known))
            }
            again = zip(printed, secondAnswers.values).map { index, answer in
                let snippet = snippets[index]
                learned.remember(answer, of: snippet.run)
                return verdict(item: snippet.item, language: snippet.language, code: snippet.code, answer: answer)
            }
        }
        let report = LabReport(python: learned.python ?? "unknown", isolation: runner.isolation.rawValue, snippets: results, claims: claimResults)
        return (report, again, learned)
    }

    /// A code item as the lab runs it.
    private struct Snippet {
        var item: GuideItem
        var language: String
        var code: String
        /// The imports of earlier blocks it relies on (``EarlierImports``).
        var prelude: String?
        /// What runs, prelude first: what its answers are remembered by.
        var run: String { EarlierImports.withPrelude(prelude, code) ?? code }
    }

    /// The answer for the `pass`-th run of a snippet: remembered, or run now; nil when it is
    /// not Python, which is not run.
    private func answer(_ snippet: Snippet, pass: Int, known: LabMemory?) -> LabAnswer? {
        guard snippet.language == "python" else { return nil }
        let remembered = known?.snippets[snippet.run].flatMap { $0.indices.contains(pass) ? $0[pass] : nil }
        return remembered ?? runner.run(.snippet(snippet.code, prelude: snippet.prelude, limits: limits))
    }

    /// A snippet's verdict from the sandbox's answer; `answer` is nil for a snippet not in Python, which is not run.
    func verdict(item: GuideItem, language: String, code: String, answer: LabAnswer?) -> SnippetResult {
        let firstLine = String(code.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") } ?? "")
        guard let answer else {
            let why = language == PythonSession.language ? "a Python session: the values it shows are checked as claims" : "not Python: not run"
            return SnippetResult(id: item.id, firstLine: firstLine, language: language, status: .notPython, output: "", error: why, package: nil)
        }
        let status = SnippetResult.Status(rawValue: answer.status) ?? .fails
        return SnippetResult(
            id: item.id, firstLine: firstLine, language: language, status: status, output: answer.output ?? "", error: answer.error,
            package: answer.package)
    }

    /// The sandbox's Python version (`3.11.2`); nil when the sandbox did not answer.
    public func pythonVersion() -> String? {
        let answer = runner.run(.claim(expr: "'%d.%d.%d' % __import__('sys').version_info[:3]", setup: nil, limits: limits))
        return answer.actual?.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int { lock.withLock { count += 1; return count } }
}
