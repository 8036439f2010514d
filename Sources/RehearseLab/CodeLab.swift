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
        let snippets = guide.items.compactMap { item -> (GuideItem, String, String)? in
            if case .code(let language, let code, _) = item.content { return (item, language, code) }
            return nil
        }
        let claims = guide.items.compactMap { item -> (GuideItem, String, String, String?)? in
            if case .claim(let expr, let expected, let setup) = item.content { return (item, expr, expected, setup) }
            return nil
        }
        let total = snippets.count + claims.count
        let done = Counter()
        let snippetResults = Results<SnippetResult>(count: snippets.count)
        let claimResults = Results<ClaimResult>(count: claims.count)
        DispatchQueue.concurrentPerform(iterations: total) { index in
            if index < snippets.count {
                let (item, language, code) = snippets[index]
                snippetResults.set(index, verdict(item: item, language: language, code: code))
            } else {
                let (item, expr, expected, setup) = claims[index - snippets.count]
                let answer = runner.run(.claim(expr: expr, setup: setup, limits: limits))
                let actual = answer.actual ?? answer.error ?? answer.status
                let status: ClaimResult.Status =
                    answer.status != "ok" ? .error : ClaimResult.agrees(expected: expected, actual: actual) ? .holds : .differs
                claimResults.set(index - snippets.count, ClaimResult(id: item.id, expr: expr, expected: expected, actual: actual, status: status))
            }
            progress(done.increment(), total)
        }
        return LabReport(python: pythonVersion(), isolation: runner.isolation.rawValue, snippets: snippetResults.values, claims: claimResults.values)
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
