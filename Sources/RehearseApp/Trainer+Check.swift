import Foundation
import RehearseCore
import RehearseLab

/// What checking a guide's code found, and in which sandbox.
public struct GuideCheck: Sendable {
    /// The guide as checked: restored Python its claims hold under only in a rival reading
    /// is read so (``ClaimedReading``).
    public var guide: Guide
    public var report: LabReport
    /// The isolation the snippets ran in (`bubblewrap`, `unshare`, `rlimits-only`).
    public var isolation: String
    /// Whether that isolation also hides the user's files (only bubblewrap does).
    public var hidesFiles: Bool
}

extension Trainer {
    /// The isolations `rehearse check --isolation` may name; `auto` is the strongest here.
    public static let isolationNames = ["auto"] + Isolation.allCases.map(\.rawValue)

    /// Runs a guide's snippets and claims in a sandbox without storing anything (`rehearse
    /// check`). Nil when the named isolation (or, for `auto`, any) is not available here.
    /// - Parameter progress: called with the snippets done and their total.
    public static func check(
        _ guide: Guide, isolation name: String, seconds: Double, progress: @escaping @Sendable (Int, Int) -> Void
    ) -> GuideCheck? {
        let chosen = name == "auto" ? Isolation.detect() : Isolation(rawValue: name).flatMap { Sandbox.isAvailable($0) ? $0 : nil }
        guard let chosen else { return nil }
        let lab = CodeLab(runner: ForkServerPool(isolation: chosen), limits: LabLimits(seconds: seconds))
        let checked = lab.check(guide, progress: progress)
        return GuideCheck(guide: checked.guide, report: checked.report, isolation: chosen.rawValue, hidesFiles: chosen == .bubblewrap)
    }

    /// The Python the sandbox runs, for messages.
    public static var sandboxPython: String { Sandbox.python }
}
