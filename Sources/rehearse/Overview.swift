import ArgumentParser
import RehearseCore

/// `rehearse` with no subcommand: the outline of the bundled starter guide.
struct Overview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Show the outline of the bundled starter guide.",
        shouldDisplay: false
    )

    func run() throws {
        let guide: Guide
        do {
            guide = try StarterGuide.pythonDeepDive()
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        print(GuideOutline(guide: guide, fileName: StarterGuide.pythonDeepDiveFileName).render())
        print("\nInspect your own guide with: rehearse inspect PATH")
    }
}
