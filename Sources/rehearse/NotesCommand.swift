import ArgumentParser
import Foundation
import RehearseApp

/// `rehearse notes`: the guide's "My Notes" section, filled from evidence.
struct NotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Write a guide's My Notes section (Markdown) from your reviews.",
        discussion: """
            Three lists, under the guide's own My Notes headings when it has them: what you \
            are solid on (stable, recalled, good answers), what needs review (falling recall, \
            lapses, weak answers), and code or stories you use but cannot explain well. Each \
            line names the card and its evidence.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The guide (its id); default: the only imported guide, or each guide in turn.")
    var guide: String?

    func run() async throws {
        let trainer = try store.trainer()
        do {
            var guides = try await trainer.guideIDs()
            if let guide { guides = [guide] }
            guard !guides.isEmpty else {
                printError("no guide imported yet: run `rehearse import PATH` first")
                throw ExitCode(1)
            }
            for id in guides { say(try await trainer.notes(guide: id)) }
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }
}
