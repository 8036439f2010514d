import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse notes`: the guide's "My Notes" section, filled from evidence.
struct NotesCommand: ParsableCommand {
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

    func run() throws {
        let database = try store.open()
        let scheduler = try store.scheduler(for: database)
        let guides = try guide.map { [$0] } ?? database.guideIDs()
        guard !guides.isEmpty else {
            printError("no guide imported yet: run `rehearse import PATH` first")
            throw ExitCode(1)
        }
        let now = Date()
        for id in guides {
            guard try database.guideIDs().contains(id) else {
                printError("no guide with id \(id); imported guides: \(try database.guideIDs().joined(separator: ", "))")
                throw ExitCode(2)
            }
            let entries = try database.cardEvidence(at: now, guide: id, scheduler: scheduler)
            let writer = NotesWriter(headings: try database.notesHeadings(guide: id))
            say(writer.markdown(guideTitle: id, entries: entries, now: now))
        }
    }
}
