import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// What a button shows is what is saved: the four next states are worked out once, with
/// the fuzz the answer applies.
@Suite struct NextStatesTests {
    /// A database with `count` cards of one guide, some of them answered days ago so that
    /// they are due in the review phase with fuzzed intervals.
    static func trainer(cards count: Int, reviewedDaysAgo days: Double = 40) throws -> (Trainer, Store) {
        let store = try Store()
        let questions = (1...count).map { "**Q:** Question number \($0)?\n**A:** Answer number \($0).\n" }.joined(separator: "\n")
        let guide = try GuideReader().read(text: "# 10 — Drill\n\n## Numbers\n\n" + questions, fileName: "10-drill.md")
        _ = try store.importGuide(guide, source: "10-drill.md", at: Date())
        let ids = try store.newCards(limit: count, now: Date()).map(\.card.id)
        let past = Date().addingTimeInterval(-days * 86_400)
        // Every other card has a history: answered Good a few times, long ago.
        for (index, id) in ids.enumerated() where index % 2 == 0 {
            var at = past
            for _ in 0..<(1 + index % 4) {
                let review = try store.record(Store.Answer(cardID: id, rating: .good, at: at), scheduler: Scheduler())
                at = min(review.due, past.addingTimeInterval(Double(index % 5) * 86_400))
            }
        }
        return (Trainer(store: store, lab: nil), store)
    }

    @Test func everyLabelIsTheStateThatIsSavedForAllFourRatingsOver200Cards() async throws {
        let (trainer, _) = try Self.trainer(cards: 200)
        var session = StudySession(newCardsPerDay: 1000)
        var checked = 0
        var fuzzed = 0
        for index in 0..<200 {
            let rating = Rating.allCases[index % 4]
            guard let turn = try await trainer.nextCard(in: session) else { break }
            let shown = turn.states[rating]
            // The answer comes a little later than the card was shown, as a person's does.
            let outcome = try await trainer.answer(AnswerInput(cardID: turn.card.card.id, rating: rating), at: turn.states.at.addingTimeInterval(7))
            #expect(outcome.due == shown.due, "card \(turn.card.card.id) rated \(rating.name)")
            if shown.phase == .review, shown.due != Scheduler().review(turn.card.schedule, rating: rating, at: turn.states.at).due { fuzzed += 1 }
            session.noteAnswer(cardID: turn.card.card.id)
            checked += 1
        }
        #expect(checked == 200)
        // Fuzz was in play: the labels would have lied without it.
        #expect(fuzzed > 20)
    }

    @Test func aChangedCardHasItsStatesWorkedOutAgain() async throws {
        let (trainer, store) = try Self.trainer(cards: 2)
        let turn = try #require(try await trainer.nextCard(in: StudySession()))
        // The card is answered elsewhere (another door) between showing and answering.
        try store.record(Store.Answer(cardID: turn.card.card.id, rating: .again, at: Date()), scheduler: Scheduler())
        let outcome = try await trainer.answer(AnswerInput(cardID: turn.card.card.id, rating: .good))
        #expect(outcome.due != turn.states.good.due)
    }
}
