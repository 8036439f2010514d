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
    public func check(_ guide: Guide, progress: @Sendable (Int, Int) -> Void = { _, _ in }) -> LabReport {
        run(guide, twice: false, remembering: nil, progress: progress).report
    }

    /// ``check(_:progress:)``, then a second run of each snippet whose output could make a
    /// "What does this print?" card (``PredictOutputCards/canBeAnswer(_:)``): a card is made
    /// only from output printed the same both times. What `memory` holds for this sandbox is not
    /// run again.
    /// - Returns: the report, the second runs' verdicts, and the memory of every answer.
    public func checkTwice(_ guide: Guide, remembering memory: LabMemory? = nil) -> (report: LabReport, again: [SnippetResult], memory: LabMemory) {
        run(guide, twice: true, remembering: memory, progress: { _, _ in })
    }

    /// One pass over every snippet and claim, all at once on the runner's processes (with
    /// the question of the sandbox's Python version among them), then, when `twice`, a
    /// second over the snippets whose output could be a card's answer; what `memory` holds
    /// is not run.
    private func run(_ guide: Guide, twice: Bool, remembering memory: LabMemory?, progress: @Sendable (Int, Int) -> Void)
        -> (report: LabReport, again: [SnippetResult], memory: LabMemory)
    {
        let sandbox = LabMemory.sandbox(isolation: runner.isolation, limits: limits)
        let known = memory?.sandbox == sandbox ? memory : nil
        let snippets = guide.items.compactMap { item -> (item: GuideItem, language: String, code: String)? in
            if case .code(let language, let code, _) = item.content { return (item, language, code) }
            return nil
        }
        let claims = guide.items.compactMap { item -> (item: GuideItem, expr: String, expected: String, setup: String?)? in
            if case .claim(let expr, let expected, let setup) = item.content { return (item, expr, expected, setup) }
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
                firstAnswers.set(index, answer(snippets[index].code, language: snippets[index].language, pass: 0, known: known))
            } else {
                let claim = claims[index - snippets.count]
                let remembered = known?.claims[LabMemory.claimKey(expr: claim.expr, setup: claim.setup)]
                claimAnswers.set(index - snippets.count, remembered ?? runner.run(.claim(expr: claim.expr, setup: claim.setup, limits: limits)))
            }
            progress(done.increment(), total)
        }
        learned.python = version.values.first ?? nil
        let results = zip(snippets, firstAnswers.values).map { snippet, answer in
            learned.remember(answer, of: snippet.code)
            return verdict(item: snippet.item, language: snippet.language, code: snippet.code, answer: answer)
        }
        let claimResults = zip(claims, claimAnswers.values).map { claim, answer in
            learned.remember(answer, expr: claim.expr, setup: claim.setup)
            let actual = answer.actual ?? answer.error ?? answer.status
            let status: ClaimResult.Status =
                answer.status != "ok" ? .error : ClaimResult.agrees(expected: claim.expected, actual: actual) ? .holds : .differs
            return ClaimResult(id: claim.item.id, expr: claim.expr, expected: claim.expected, actual: actual, status: status)
        }

        var again: [SnippetResult] = []
        if twice {
            let printed = snippets.indices.filter { PredictOutputCards.canBeAnswer(results[$0]) }
            let secondAnswers = ConcurrentResults<LabAnswer?>(count: printed.count)
            DispatchQueue.concurrentPerform(iterations: printed.count) { index in
                let snippet = snippets[printed[index]]
                secondAnswers.set(index, answer(snippet.code, language: snippet.language, pass: 1, known: known))
            }
            again = zip(printed, secondAnswers.values).map { index, answer in
                let snippet = snippets[index]
                learned.remember(answer, of: snippet.code)
                return verdict(item: snippet.item, language: snippet.language, code: snippet.code, answer: answer)
            }
        }
        let report = LabReport(python: learned.python ?? "unknown", isolation: runner.isolation.rawValue, snippets: results, claims: claimResults)
        return (report, again, learned)
    }

    /// The answer for the `pass`-th run of a snippet: remembered, or run now; nil when it is
    /// not Python, which is not run.
    private func answer(_ code: String, language: String, pass: Int, known: LabMemory?) -> LabAnswer? {
        guard language == "python" else { return nil }
        let remembered = known?.snippets[code].flatMap { $0.indices.contains(pass) ? $0[pass] : nil }
        return remembered ?? runner.run(.snippet(code, limits: limits))
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
