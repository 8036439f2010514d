import ArgumentParser
import Foundation
import RehearseCore
import RehearseApp

/// `rehearse check GUIDE`: run the guide's Python and its claims in a sandbox.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a guide's Python snippets and claims in a sandbox and report a verdict for each.",
        discussion: """
            Snippets run with /usr/bin/python3 in the strongest sandbox the machine offers \
            (bubblewrap, then unshare, then rlimits only; see --isolation): no network, a \
            throw-away working folder, a clean environment, limits on time, CPU, memory, \
            processes and output. Each snippet runs, fails, needs a package, is a fragment \
            (not runnable by design), does not parse, times out or is killed by a limit; each \
            claim holds or differs. With --json, prints spec/cli-contracts.md §4.

            Exit status: 0 when no claim differs, 1 when one does, 2 on bad input or when no \
            sandbox can be had.
            """
    )

    @Argument(help: "The guide to check.")
    var path: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "auto (the strongest available), bubblewrap, unshare or rlimits-only.")
    var isolation: String = "auto"

    @Option(help: "Seconds of wall-clock time for each snippet.")
    var timeout: Double = 5

    func validate() throws {
        guard Trainer.isolationNames.contains(isolation) else {
            throw ValidationError("--isolation must be auto, bubblewrap, unshare or rlimits-only, got \(isolation)")
        }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds, got \(timeout)") }
    }

    func run() throws {
        let guide = try GuideFile.readOrExit(path)
        let showProgress = isatty(STDERR_FILENO) == 1
        let check = Trainer.check(guide, isolation: isolation, seconds: timeout) { done, total in
            guard showProgress else { return }
            let width = 30
            let filled = total == 0 ? width : done * width / total
            FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)".utf8))
            if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
        guard let check else {
            printError("no sandbox is available for running snippets: install bubblewrap (apt-get install bubblewrap) and util-linux, and Debian's python3 at \(Trainer.sandboxPython)")
            throw ExitCode(2)
        }
        if !check.hidesFiles {
            printError("warning: snippets run with \(check.isolation) isolation only; bubblewrap would also hide your files")
        }
        let report = check.report
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        } else {
            print(render(report, fileName: path, guide: check.guide, read: guide))
        }
        if report.hasDifferingClaim { throw ExitCode(1) }
    }

    /// `12` from `line 12: …`.
    static func lineNumber(in error: String) -> Int? {
        guard error.hasPrefix("line ") else { return nil }
        return Int(error.dropFirst(5).prefix { $0.isNumber })
    }

    /// The report as text; `guide` is the guide as checked, `read` as read, whose restored
    /// code the claims may have indented otherwise.
    func render(_ report: LabReport, fileName: String, guide: Guide, read: Guide) -> String {
        let lines = Dictionary(guide.items.map { ($0.id, $0.lines.lowerBound) }, uniquingKeysWith: { first, _ in first })
        let reindented = Set(zip(guide.items, read.items).filter { $0.content != $1.content && $0.kind == .code }.map(\.0.id))
        var text = ["Python \(report.python), isolation: \(report.isolation)", ""]
        for snippet in report.snippets {
            let place = lines[snippet.id].map { "\(fileName):\($0)" } ?? fileName
            var row = "\(snippet.status.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(place)  \(snippet.firstLine.prefix(60))"
            if let package = snippet.package {
                row += "  (needs \(package))"
            } else if let error = snippet.error, snippet.status != .runs {
                row += "  — \(error.prefix(90))"
                // Point at the guide's own line, where the user can fix the restored code.
                if snippet.status == .unparsable, let start = lines[snippet.id], let relative = Self.lineNumber(in: error) {
                    row += " (\(fileName):\(start + relative - 1))"
                }
            }
            if reindented.contains(snippet.id) { row += "  (indented as the claims under it hold)" }
            text.append(row)
        }
        if !report.claims.isEmpty {
            text.append("")
            for claim in report.claims {
                let verdict = claim.status == .holds ? "holds" : claim.status == .differs ? "DIFFERS (got \(claim.actual))" : "error: \(claim.actual)"
                text.append("\(claim.expr) → \(claim.expected): \(verdict)")
            }
        }
        return text.joined(separator: "\n")
    }
}
