import ArgumentParser

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
}
