import ArgumentParser
import Foundation
import RehearseApp

/// `rehearse export anki`: guides out to another program.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export guides to another program.",
        subcommands: [AnkiExportCommand.self]
    )
}

/// `rehearse export anki [--guide ID] [--with-history] -o FILE.apkg`.
struct AnkiExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anki",
        abstract: "Write guides as an Anki deck package (.apkg).",
        discussion: """
            One deck per guide with a sub-deck per section, one note per card in a note type \\
            of Rehearse's own (Prompt, Answer, KeyPoints, Code, Section, Source; code shown \\
            monospaced with its indentation), tags for the card's guide, kind and priority. \\
            Each card keeps its schedule (due, interval, reps, lapses, learning or review), its \\
            FSRS memory state, flags, and suspended or buried state; the deck options carry the \\
            FSRS parameters in use. Notes are named by the cards' ids, so importing a later \\
            export into Anki updates them instead of adding copies.

            The package opens in Anki 2.1 and later (File > Import), AnkiDroid and AnkiMobile.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Only this guide (default: every guide).")
    var guide: String?

    @Flag(help: "Include the review log (every answer, with its time and rating).")
    var withHistory = false

    @Option(name: [.short, .customLong("output")], help: "The package to write (FILE.apkg); replaced only once it is complete.")
    var output: String

    func validate() throws {
        guard !output.isEmpty, !output.hasSuffix("/") else { throw ValidationError("--output needs a file name, such as deck.apkg") }
    }

    func run() async throws {
        let trainer = try store.trainer()
        do {
            let summary = try await trainer.exportAnki(guide: guide, withHistory: withHistory, to: output)
            let history = withHistory ? ", \(summary.reviews) reviews" : ""
            print("\(output): \(summary.notes) cards in \(summary.decks) decks\(history)")
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }
}
