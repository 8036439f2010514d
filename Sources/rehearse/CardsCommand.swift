import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore
import RehearseStore

/// `rehearse cards`: find cards and see where each stands.
struct CardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List cards: search their prompts and answers, see each one's state; suspend, bury, flag or reset them.",
        discussion: """
            Every word of --search must be in a card's prompt or answer (case-insensitive). \
            Each line shows the card's id, state (new, learning, review), when it is due, its \
            stability in days and lapses, its marks (suspended, buried, flag, leech), then its \
            guide, section and prompt. --json prints an array of objects with the same fields.

            With --id (repeatable) and one action, changes those cards: --suspend and \
            --unsuspend (a suspended card is never shown; a card that lapses 8 times becomes a \
            leech and is suspended, as in Anki), --bury (not shown until tomorrow), --unbury, \
            --flag N (1 red, 2 orange, 3 green, 4 blue; 0 clears), --reset (the card is new again; \
            its reviews stay). --history ID prints a card's reviews.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Words every card shown has in its prompt or answer.")
    var search: String?

    @Option(help: "Only cards of this guide (its id).")
    var guide: String?

    @Flag(help: "Only cards due now.")
    var due = false

    @Option(help: "Only cards with this mark: suspended, buried, flagged or leech.")
    var marked: CardQuery.MarkFilter?

    @Option(name: .customLong("id"), help: "A card to change (repeatable), with one of the actions below.")
    var ids: [String] = []

    @Flag(help: "Suspend the cards given with --id.")
    var suspend = false

    @Flag(help: "Unsuspend them.")
    var unsuspend = false

    @Flag(help: "Bury them until tomorrow.")
    var bury = false

    @Flag(help: "Unbury them.")
    var unbury = false

    @Option(help: "Flag them: 1 red, 2 orange, 3 green, 4 blue, 0 none.")
    var flag: Int?

    @Flag(help: "Make them new again (their reviews stay in the log).")
    var reset = false

    @Option(help: "Print this card's reviews.")
    var history: String?

    @Option(help: "At most this many cards.")
    var limit: Int = 200

    @Flag(help: "Print the cards as JSON.")
    var json = false

    /// The action the flags ask for, if any.
    var action: CardAction? {
        if suspend { return .suspend }
        if unsuspend { return .unsuspend }
        if bury { return .bury }
        if unbury { return .unbury }
        if reset { return .reset }
        return flag.map { .flag($0) }
    }

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more, got \(limit)") }
        let actions = [suspend, unsuspend, bury, unbury, reset, flag != nil].count { $0 }
        if actions > 1 { throw ValidationError("give one action at a time: --suspend, --unsuspend, --bury, --unbury, --flag N or --reset") }
        if actions == 1, ids.isEmpty { throw ValidationError("name the cards to change with --id ID (repeatable)") }
        if actions == 0, !ids.isEmpty { throw ValidationError("--id goes with an action: --suspend, --unsuspend, --bury, --unbury, --flag N or --reset") }
        if let flag, !(0...4).contains(flag) { throw ValidationError("--flag must be 0 to 4, got \(flag)") }
    }

    func run() async throws {
        let trainer = try store.trainer()
        let now = Date()
        if let action {
            do { try await trainer.apply(action, to: ids, at: now) } catch let error as TrainerError { throw refusal(error) }
            say("\(ids.count) card\(ids.count == 1 ? "" : "s") changed.")
            return
        }
        if let history {
            try await printHistory(history, trainer: trainer)
            return
        }
        let cards: [StudyCard]
        do {
            cards = try await trainer.cards(CardQuery(search: search, guide: guide, dueOnly: due, mark: marked, limit: limit), at: now)
        } catch let error as TrainerError {
            throw refusal(error)
        }
        let marks = try await trainer.marks(of: cards.map(\.card.id))
        if json {
            let rows: [[String: Any]] = cards.map { item in
                [
                    "id": item.card.id, "guide": item.card.guideID, "section": item.card.section, "kind": item.card.kind.rawValue,
                    "prompt": item.card.prompt, "state": Self.state(item), "due": item.schedule.isNew ? NSNull() : item.schedule.due.formatted(.iso8601) as Any,
                    "stability": item.schedule.stability.map { $0 as Any } ?? NSNull(), "lapses": item.lapses, "reps": item.reps,
                    "marks": marks[item.card.id]?.words(at: now) ?? [],
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
            let markText = (marks[item.card.id]?.words(at: now) ?? []).map { "[\($0)] " }.joined()
            say("\(item.card.id)  \(Self.state(item).padding(toLength: 8, withPad: " ", startingAt: 0)) \(due.padding(toLength: 8, withPad: " ", startingAt: 0)) \(stability.padding(toLength: 7, withPad: " ", startingAt: 0)) \(item.lapses) lapses  \(markText)\(place) · \(prompt)")
        }
    }

    static func state(_ item: StudyCard) -> String {
        item.schedule.isNew ? "new" : item.schedule.phase == .review ? "review" : "learning"
    }

    func printHistory(_ id: String, trainer: Trainer) async throws {
        let reviews: [CardReview]
        do { reviews = try await trainer.history(ofCard: id) } catch let error as TrainerError { throw refusal(error) }
        guard !reviews.isEmpty else {
            say("Card \(id) has no reviews yet.")
            return
        }
        let formatter = ISO8601DateFormatter()
        for review in reviews {
            let rating = Rating(rawValue: review.rating)?.name ?? "\(review.rating)"
            let took = review.durationMS.map { String(format: "  %.0f s", Double($0) / 1000) } ?? ""
            say("\(formatter.string(from: review.at))  \(rating.padding(toLength: 5, withPad: " ", startingAt: 0))  stability \(String(format: "%.2f", review.stability)) d  difficulty \(String(format: "%.2f", review.difficulty))  due \(DayFormat.format(review.due))\(took)")
        }
    }
}

extension CardQuery.MarkFilter: ExpressibleByArgument {}
