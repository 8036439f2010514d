import Foundation

/// What the sandbox answered for a guide's snippets and claims, by what it ran, so that
/// importing the guide again runs only what changed (an edit to its prose runs nothing).
///
/// Answers are kept by the exact text run (a snippet's code; a claim's setup and expression)
/// and reused only under the same ``sandbox``: the same confinement, limits, interpreter
/// and driver. What the guide makes of them (which item, which section, whether a claim
/// holds against its expected value, which outputs become cards) is worked out afresh.
public struct LabMemory: Codable, Sendable, Equatable {
    /// What the answers depend on besides the code: see ``sandbox(isolation:limits:)``.
    public var sandbox: String
    /// The sandbox's Python version; nil when it did not say.
    public var python: String?
    /// Each snippet's answers, by its code: one per run.
    var snippets: [String: [LabAnswer]]
    /// Each claim's answer, by ``claimKey(expr:setup:)``.
    var claims: [String: LabAnswer]

    init(sandbox: String, python: String?, snippets: [String: [LabAnswer]] = [:], claims: [String: LabAnswer] = [:]) {
        self.sandbox = sandbox
        self.python = python
        self.snippets = snippets
        self.claims = claims
    }

    /// The memory as stored beside the guide, and back; nil for text that is not one (a
    /// damaged or older record is forgotten, not an error: the lab runs again).
    public var json: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    public init?(json: String) {
        guard let memory = try? JSONDecoder().decode(LabMemory.self, from: Data(json.utf8)) else { return nil }
        self = memory
    }

    /// Keeps a snippet's answer after those of its earlier runs; nil (not Python) is not kept.
    mutating func remember(_ answer: LabAnswer?, of code: String) {
        guard let answer, !Self.isTransient(answer) else { return }
        snippets[code, default: []].append(answer)
    }

    /// Keeps a claim's answer.
    mutating func remember(_ answer: LabAnswer, expr: String, setup: String?) {
        guard !Self.isTransient(answer) else { return }
        claims[Self.claimKey(expr: expr, setup: setup)] = answer
    }

    /// Adds what `other` remembers and this does not: a claim's answer, a snippet's runs
    /// where `other` ran it more often.
    mutating func merge(_ other: LabMemory) {
        claims.merge(other.claims) { mine, _ in mine }
        snippets.merge(other.snippets) { mine, theirs in theirs.count > mine.count ? theirs : mine }
    }

    /// Whether an answer says more about the moment than about the code (a timeout, a
    /// sandbox that was stopped or could not start): such answers are not remembered.
    static func isTransient(_ answer: LabAnswer) -> Bool {
        answer.status == "timeout" || answer.status == "killed"
    }

    static func claimKey(expr: String, setup: String?) -> String {
        (setup ?? "") + "\u{0}" + expr
    }

    /// Everything an answer depends on besides the code run: the confinement, the limits,
    /// the interpreter the sandbox starts (`/usr/bin/python3` resolved, so that an upgrade
    /// from 3.11 to 3.12 forgets) and the driver program inside it.
    static func sandbox(isolation: Isolation, limits: LabLimits) -> String {
        let interpreter = URL(fileURLWithPath: Sandbox.python).resolvingSymlinksInPath().path
        let driver = Driver.source.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return "\(isolation.rawValue) \(interpreter) driver-\(String(driver, radix: 16)) seconds=\(limits.seconds) cpu=\(limits.cpuSeconds) "
            + "memory=\(limits.memoryBytes) processes=\(limits.processes)"
    }
}
