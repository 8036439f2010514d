import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore
import RehearseStore

/// `rehearse cards`: find cards and see where each stands.
struct CardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List cards: search their prompts and answers, see each one's state.",
        discussion: """
            Every word of --search must be in a card's prompt or answer (case-insensitive). \
            Each line shows the card's id, state (new, learning, review), when it is due, its \
            stability in days and lapses, then its guide, section and prompt. --json prints \
            an array of objects with the same fields.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Words every card shown has in its prompt or answer.")
    var search: String?

    @Option(help: "Only cards of this guide (its id).")
    var guide: String?

    @Flag(help: "Only cards due now.")
    var due = false

    @Option(help: "At most this many cards.")
    var limit: Int = 200

    @Flag(help: "Print the cards as JSON.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more, got \(limit)") }
    }

    func run() async throws {
        let trainer = try store.trainer()
        let now = Date()
        let cards: [StudyCard]
        do {
            cards = try await trainer.cards(CardQuery(search: search, guide: guide, dueOnly: due, limit: limit), at: now)
        } catch let error as TrainerError {
            throw refusal(error)
        }
        if json {
            let rows: [[String: Any]] = cards.map { item in
                [
                    "id": item.card.id, "guide": item.card.guideID, "section": item.card.section, "kind": item.card.kind.rawValue,
                    "prompt": item.card.prompt, "state": Self.state(item), "due": item.schedule.isNew ? NSNull() : item.schedule.due.formatted(.iso8601) as Any,
                    "stability": item.schedule.stability.map { $0 as Any } ?? NSNull(), "lapses": item.lapses, "reps": item.reps,
                ]
            }
            FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8))
            return
        }
        guard !cards.isEmpty else {
            say("No card matches.")
            return
        }
        for item in cards {
            let due = item.schedule.isNew ? "-" : (item.schedule.due <= now ? "now" : "in " + IntervalText.format(item.schedule.due.timeIntervalSince(now)))
            let stability = item.schedule.stability.map { String(format: "%.1fd", $0) } ?? "-"
            let place = ([item.card.guideID] + item.card.section).joined(separator: " › ")
            let prompt = item.card.prompt.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            say("\(item.card.id)  \(Self.state(item).padding(toLength: 8, withPad: " ", startingAt: 0)) \(due.padding(toLength: 8, withPad: " ", startingAt: 0)) \(stability.padding(toLength: 7, withPad: " ", startingAt: 0)) \(item.lapses) lapses  \(place) · \(prompt)")
        }
    }

    static func state(_ item: StudyCard) -> String {
        item.schedule.isNew ? "new" : item.schedule.phase == .review ? "review" : "learning"
    }
}
