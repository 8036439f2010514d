import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// Suspend, bury, flag, reset, leeches and deleting a guide, as both doors do them.
@Suite struct CardActionsTests {
    /// Two guides of `count` cards each.
    static func trainer(cards count: Int = 5) throws -> (Trainer, Store) {
        let store = try Store()
        for (number, name) in [(14, "alpha"), (15, "beta")] {
            let questions = (1...count).map { "**Q:** \(name) question \($0)?\n**A:** Answer \($0).\n" }.joined(separator: "\n")
            _ = try store.importGuide(try GuideReader().read(text: "# \(number) — \(name)\n\n## Part\n\n" + questions, fileName: "\(number)-\(name).md"),
                                      source: "\(number)-\(name).md", at: Date())
        }
        return (Trainer(store: store, lab: nil), store)
    }

    /// Every card a session would show, drawn without answering.
    static func shown(_ trainer: Trainer, at now: Date) async throws -> Set<String> {
        var seen: Set<String> = []
        var session = StudySession(newCardsPerDay: 1000)
        while let turn = try await trainer.nextCard(in: session, at: now), !seen.contains(turn.card.card.id) {
            seen.insert(turn.card.card.id)
            session.noteAnswer(cardID: turn.card.card.id)
            _ = try await trainer.answer(AnswerInput(cardID: turn.card.card.id, rating: .easy), at: now)
        }
        return seen
    }

    @Test func suspendedAndBuriedCardsAreNotStudied() async throws {
        let (trainer, _) = try Self.trainer()
        let now = Date()
        let ids = try await trainer.cards(CardQuery(guide: "14-alpha"), at: now).map(\.card.id)
        try await trainer.apply(.suspend, to: [ids[0]], at: now)
        try await trainer.apply(.bury, to: [ids[1]], at: now)
        let shown = try await Self.shown(trainer, at: now)
        #expect(shown.count == 8)
        #expect(!shown.contains(ids[0]) && !shown.contains(ids[1]))
        #expect(try await trainer.cards(CardQuery(mark: .suspended), at: now).map(\.card.id) == [ids[0]])
        #expect(try await trainer.cards(CardQuery(mark: .buried), at: now).map(\.card.id) == [ids[1]])
        // Tomorrow the buried card is back; the suspended one waits until unsuspended.
        let tomorrow = now.addingTimeInterval(86_400)
        #expect(try await trainer.nextCard(in: StudySession(newCardsPerDay: 1000), at: tomorrow)?.card.card.id == ids[1])
        try await trainer.apply(.unsuspend, to: [ids[0]], at: now)
        #expect(try await trainer.marks(of: [ids[0]]).isEmpty)
    }

    @Test func flagsResetAndAllOrNothing() async throws {
        let (trainer, store) = try Self.trainer()
        let now = Date()
        let id = try #require(try await trainer.cards(CardQuery(guide: "15-beta"), at: now).first?.card.id)
        try await trainer.apply(.flag(2), to: [id], at: now)
        #expect(try await trainer.marks(of: [id])[id]?.flag == 2)
        #expect(try await trainer.cards(CardQuery(mark: .flagged), at: now).map(\.card.id) == [id])
        await #expect(throws: TrainerError.unknownCard("nope")) { try await trainer.apply(.suspend, to: [id, "nope"], at: now) }
        #expect(try await trainer.marks(of: [id])[id]?.suspended == false, "nothing changes when one id is unknown")
        await #expect(throws: TrainerError.invalidSetting("a flag is 0 (none) to 4, got 7")) { try await trainer.apply(.flag(7), to: [id], at: now) }
        _ = try await trainer.answer(AnswerInput(cardID: id, rating: .good), at: now)
        try await trainer.apply(.reset, to: [id], at: now)
        #expect(try await trainer.card(id: id, at: now).schedule.isNew)
        #expect(try await trainer.history(ofCard: id).count == 1, "the review stays in the log")
        #expect(try store.newCardCount(filter: StudyFilter(guide: "15-beta")) == 5)
    }

    /// The eighth lapse makes a leech and suspends it, as Anki does; taking that answer back
    /// takes both back.
    @Test func eightLapsesMakeALeech() async throws {
        let (trainer, _) = try Self.trainer(cards: 1)
        var clock = Date().addingTimeInterval(-400 * 86_400)
        let id = try #require(try await trainer.cards(CardQuery(guide: "14-alpha"), at: clock).first?.card.id)
        _ = try await trainer.answer(AnswerInput(cardID: id, rating: .easy), at: clock)
        var lapses = 0
        while lapses < 8 {
            clock = max(try await trainer.card(id: id, at: clock).schedule.due, clock).addingTimeInterval(60)
            let phase = try await trainer.card(id: id, at: clock).schedule.phase
            let rating: Rating = phase == .review ? .again : .easy
            _ = try await trainer.answer(AnswerInput(cardID: id, rating: rating), at: clock)
            if rating == .again { lapses += 1 }
            #expect(try await trainer.marks(of: [id])[id]?.leech ?? false == (lapses >= 8))
        }
        #expect(try await trainer.marks(of: [id])[id]?.suspended == true)
        #expect(try await trainer.cards(CardQuery(mark: .leech), at: clock).map(\.card.id) == [id])
        try await trainer.undo()
        #expect(try await trainer.marks(of: [id])[id] == nil)
    }

    @Test func deletingAGuideTakesItsCardsAndReviews() async throws {
        let (trainer, store) = try Self.trainer()
        let now = Date()
        for card in try await trainer.cards(CardQuery(), at: now) {
            _ = try await trainer.answer(AnswerInput(cardID: card.card.id, rating: .good), at: now)
        }
        let export = try await trainer.reviewLogCSV(guide: "14-alpha")
        #expect(export.reviews == 5)
        #expect(export.csv.split(separator: "\n").count == 6)
        let deleted = try await trainer.deleteGuide(id: "14-alpha")
        #expect(deleted.cards == 5 && deleted.reviews == 5)
        #expect(try await trainer.guideIDs() == ["15-beta"])
        #expect(try store.reviewLog().count == 5)
        #expect(try await trainer.cards(CardQuery(), at: now).allSatisfy { $0.card.guideID == "15-beta" })
        await #expect(throws: TrainerError.unknownGuide("14-alpha", known: ["15-beta"])) { try await trainer.deleteGuide(id: "14-alpha") }
    }

    /// An interview under way over a guide that is then deleted goes on; its answers stay in
    /// the report only.
    @Test func anInterviewOutlivesItsDeletedGuide() async throws {
        let (trainer, store) = try Self.trainer()
        let step = try await trainer.startMock(minutes: 10, questions: 2, guide: "14-alpha", seed: 3)
        #expect(step.question != nil)
        try await trainer.deleteGuide(id: "14-alpha")
        let next = try await trainer.answerMock(id: step.id, text: "An answer about alpha.")
        #expect(next.question != nil || next.report != nil)
        #expect(try store.reviewLog().isEmpty)
    }

    @Test func interviewsLeaveOutSuspendedCards() async throws {
        let (trainer, _) = try Self.trainer(cards: 2)
        let ids = try await trainer.cards(CardQuery(guide: "14-alpha"), at: Date()).map(\.card.id)
        try await trainer.apply(.suspend, to: ids, at: Date())
        await #expect(throws: TrainerError.noQuestions(guide: "14-alpha")) {
            try await trainer.startMock(minutes: 5, questions: 2, guide: "14-alpha", seed: 1)
        }
        try await trainer.apply(.unsuspend, to: [ids[0]], at: Date())
        let step = try await trainer.startMock(minutes: 5, questions: 2, guide: "14-alpha", seed: 1)
        #expect(step.question?.card.id == ids[0])
    }
}

/// A guide's own daily limit of new cards, within the day's total.
@Suite struct GuideNewCardLimitTests {
    @Test func aGuideLimitHoldsInTheSessionAndThePlan() async throws {
        let (trainer, _) = try CardActionsTests.trainer(cards: 5)
        let now = Date()
        try await trainer.setGuideNewCardLimit(guide: "14-alpha", count: 1, at: now)
        #expect(try await trainer.settings(at: now).guideNewCardLimits == ["14-alpha": 1])
        var session = StudySession()
        var introduced: [String: Int] = [:]
        while let turn = try await trainer.nextCard(in: session, at: now), turn.card.reps == 0 {
            introduced[turn.card.card.guideID, default: 0] += 1
            session.noteAnswer(cardID: turn.card.card.id)
            _ = try await trainer.answer(AnswerInput(cardID: turn.card.card.id, rating: .easy), at: now)
        }
        #expect(introduced == ["14-alpha": 1, "15-beta": 5])
        // The interview-day plan keeps the limit too.
        try await trainer.setInterviewDate(now.addingTimeInterval(10 * 86_400), at: now)
        try await trainer.setMinutesPerDay(60, at: now)
        let plan = try #require(try await trainer.dailyPlan(at: now))
        #expect(plan.newCards == 0, "alpha's one new card today is used and beta has none left")
        try await trainer.setGuideNewCardLimit(guide: "14-alpha", count: nil, at: now)
        #expect(try await trainer.dailyPlan(at: now)?.newCards == 4)
        await #expect(throws: TrainerError.unknownGuide("nope", known: ["14-alpha", "15-beta"])) {
            try await trainer.setGuideNewCardLimit(guide: "nope", count: 2)
        }
        try await trainer.deleteGuide(id: "14-alpha")
        #expect(try await trainer.settings(at: now).guideNewCardLimits.isEmpty)
    }
}
