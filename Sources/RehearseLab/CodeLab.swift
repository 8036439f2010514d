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
        run(guide, snippetPasses: 1, progress: progress).report
    }

    /// ``check(_:progress:)``, with every snippet run a second time in the same pass (claims
    /// once): what "What does this print?" cards are made from, an output printed the same
    /// both times. Returns the report and the second run's verdicts.
    public func checkTwice(_ guide: Guide) -> (report: LabReport, again: [SnippetResult]) {
        let (report, again) = run(guide, snippetPasses: 2, progress: { _, _ in })
        return (report, again)
    }

    /// Runs the guide's snippets `snippetPasses` times and its claims once, all at once on the
    /// runner's processes, with the question of the sandbox's Python version among them.
    private func run(_ guide: Guide, snippetPasses: Int, progress: @Sendable (Int, Int) -> Void) -> (report: LabReport, again: [SnippetResult]) {
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
        let snippetResults = Results<SnippetResult>(count: runs)
        let claimResults = Results<ClaimResult>(count: claims.count)
        let version = Results<String>(count: 1)
        DispatchQueue.concurrentPerform(iterations: total + 1) { index in
            if index == total {
                version.set(0, pythonVersion())
                return
            }
            if index < runs {
                let (item, language, code) = snippets[index % snippets.count]
                snippetResults.set(index, verdict(item: item, language: language, code: code))
            } else {
                let (item, expr, expected, setup) = claims[index - runs]
                let answer = runner.run(.claim(expr: expr, setup: setup, limits: limits))
                let actual = answer.actual ?? answer.error ?? answer.status
                let status: ClaimResult.Status =
                    answer.status != "ok" ? .error : ClaimResult.agrees(expected: expected, actual: actual) ? .holds : .differs
                claimResults.set(index - runs, ClaimResult(id: item.id, expr: expr, expected: expected, actual: actual, status: status))
            }
            progress(done.increment(), total)
        }
        let results = snippetResults.values
        let report = LabReport(
            python: version.values.first ?? "unknown", isolation: runner.isolation.rawValue, snippets: Array(results.prefix(snippets.count)),
            claims: claimResults.values)
        return (report, Array(results.dropFirst(snippets.count)))
    }

    func verdict(item: GuideItem, language: String, code: String) -> SnippetResult {
        let firstLine = String(code.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") } ?? "")
        guard language == "python" else {
            return SnippetResult(id: item.id, firstLine: firstLine, language: language, status: .notPython, output: "", error: "not Python: not run", package: nil)
        }
        let answer = runner.run(.snippet(code, limits: limits))
        let status = SnippetResult.Status(rawValue: answer.status) ?? .fails
        return SnippetResult(
            id: item.id, firstLine: firstLine, language: language, status: status, output: answer.output ?? "", error: answer.error,
            package: answer.package)
    }

    /// The sandbox's Python version (`3.11.2`).
    public func pythonVersion() -> String {
        let answer = runner.run(.claim(expr: "'%d.%d.%d' % __import__('sys').version_info[:3]", setup: nil, limits: limits))
        return answer.actual?.trimmingCharacters(in: CharacterSet(charactersIn: "'")) ?? "unknown"
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
