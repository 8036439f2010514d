import ArgumentParser
import Foundation

/// The `rehearse` command line.
@main
struct Rehearse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Turn interview study guides into a trainer.",
        discussion: """
            With no subcommand, runs today's study session (the bundled starter guide \
            when no guide has been imported).

            Exit status: 0 on success, 1 when the work ran but found a problem, \
            2 on bad input (a file that is missing, empty, binary or not UTF-8), \
            64 on a usage error.
            """,
        subcommands: [
            StudyCommand.self, ImportCommand.self, InspectCommand.self, StatsCommand.self, PlanCommand.self, GradeCommand.self,
            MockCommand.self, NotesCommand.self, CardsCommand.self, GuidesCommand.self, CheckCommand.self, FSRSCommand.self, ServeCommand.self,
            ExportCommand.self,
        ],
        defaultSubcommand: StudyCommand.self
    )

    /// Runs the command line; a first word that names no command is refused as such, rather
    /// than read as an argument of the default command (`rehearse bogus` would otherwise
    /// print the study command's usage).
    static func main() async {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !names.contains(first) {
            let close = names.filter { $0.hasPrefix(String(first.prefix(2))) }
            let hint = close.isEmpty ? "" : " Did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"
            FileHandle.standardError.write(Data("""
                rehearse: '\(first)' is not a command.\(hint) Commands: \(names.dropLast().joined(separator: ", ")).
                See 'rehearse --help'.

                """.utf8))
            Foundation.exit(64)
        }
        // The library's own entry point: parse, run, and exit with its status on errors.
        await main(nil)
    }
}
