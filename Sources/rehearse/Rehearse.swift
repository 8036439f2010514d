import ArgumentParser

/// The `rehearse` command line.
@main
struct Rehearse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Turn interview study guides into a trainer.",
        discussion: """
            With no subcommand, shows the outline of the bundled starter guide.

            Exit status: 0 on success, 1 when the work ran but found a problem, \
            2 on bad input (a file that is missing, empty, binary or not UTF-8), \
            64 on a usage error.
            """,
        subcommands: [Overview.self, Inspect.self, FSRSCommand.self],
        defaultSubcommand: Overview.self
    )
}
