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
        run(guide, snippetPasses: 1, remembering: nil, progress: progress).report
    }

    /// ``check(_:progress:)``, with every snippet run a second time in the same pass (claims
    /// once): what "What does this print?" cards are made from, an output printed the same
    /// both times. What `memory` holds for this sandbox is not run again.
    /// - Returns: the report, the second run's verdicts, and the memory of every answer.
    public func checkTwice(_ guide: Guide, remembering memory: LabMemory? = nil) -> (report: LabReport, again: [SnippetResult], memory: LabMemory) {
        run(guide, snippetPasses: 2, remembering: memory, progress: { _, _ in })
    }

    /// Runs the guide's snippets `snippetPasses` times and its claims once, all at once on the
    /// runner's processes (with the question of the sandbox's Python version among them),
    /// but for what `memory` already holds.
    private func run(_ guide: Guide, snippetPasses: Int, remembering memory: LabMemory?, progress: @Sendable (Int, Int) -> Void)
        -> (report: LabReport, again: [SnippetResult], memory: LabMemory)
    {
        let sandbox = LabMemory.sandbox(isolation: runner.isolation, limits: limits)
        let known = memory?.sandbox == sandbox ? memory : nil
        let snippets = guide.items.compactMap { item -> (GuideItem, String, String)? in
            if case .code(let language, let code, _) = item.content { return (item, language, code) }
            return nil
        }
        let claims = guide.items.compactMap { item -> (GuideItem, String, String, String?)? in
            if case .claim(let expr, let expected, let setup) = item.content { return (item, expr, expected, setup) }
            return nil
        }
        let runs = snippets.count * snippetPasses
        let total = runs + claims.count
        let done = Counter()
        let snippetAnswers = Results<LabAnswer?>(count: runs)
        let claimAnswers = Results<LabAnswer>(count: claims.count)
        let version = Results<String?>(count: 1)
        DispatchQueue.concurrentPerform(iterations: total + 1) { index in
            if index == total {
                version.set(0, known?.python ?? pythonVersion())
                return
            }
            if index < runs {
                let (_, language, code) = snippets[index % snippets.count]
                let pass = index / snippets.count
                let remembered = known?.snippets[code].flatMap { $0.indices.contains(pass) ? $0[pass] : nil }
                snippetAnswers.set(index, language == "python" ? remembered ?? runner.run(.snippet(code, limits: limits)) : nil)
            } else {
                let (_, expr, _, setup) = claims[index - runs]
                let remembered = known?.claims[LabMemory.claimKey(expr: expr, setup: setup)]
                claimAnswers.set(index - runs, remembered ?? runner.run(.claim(expr: expr, setup: setup, limits: limits)))
            }
            progress(done.increment(), total)
        }
        let python = version.values.first ?? nil
        var learned = LabMemory(sandbox: sandbox, python: python)
        let answers = snippetAnswers.values
        var results: [SnippetResult] = []
        for (index, answer) in answers.enumerated() {
            let (item, language, code) = snippets[index % snippets.count]
            results.append(verdict(item: item, language: language, code: code, answer: answer))
            if let answer, !LabMemory.isTransient(answer) { learned.snippets[code, default: []].append(answer) }
        }
        let claimResults = zip(claims, claimAnswers.values).map { claim, answer in
            let (item, expr, expected, setup) = claim
            if !LabMemory.isTransient(answer) { learned.claims[LabMemory.claimKey(expr: expr, setup: setup)] = answer }
            let actual = answer.actual ?? answer.error ?? answer.status
            let status: ClaimResult.Status =
                answer.status != "ok" ? .error : ClaimResult.agrees(expected: expected, actual: actual) ? .holds : .differs
            return ClaimResult(id: item.id, expr: expr, expected: expected, actual: actual, status: status)
        }
        let report = LabReport(python: python ?? "unknown", isolation: runner.isolation.rawValue, snippets: Array(results.prefix(snippets.count)), claims: claimResults)
        return (report, Array(results.dropFirst(snippets.count)), learned)
    }

    /// A snippet's verdict from the sandbox's answer; `answer` is nil for a snippet not in Python, which is not run.
    func verdict(item: GuideItem, language: String, code: String, answer: LabAnswer?) -> SnippetResult {
        let firstLine = String(code.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") } ?? "")
        guard let answer else {
            return SnippetResult(id: item.id, firstLine: firstLine, language: language, status: .notPython, output: "", error: "not Python: not run", package: nil)
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

/// Results filled in from several threads, read in order.
final class Results<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }
    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int { lock.withLock { count += 1; return count } }
}
