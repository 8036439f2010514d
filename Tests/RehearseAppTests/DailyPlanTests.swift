import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// With an interview date and minutes a day, the interview-day plan chooses the session's
/// cards and keeps to the day's time.
@Suite struct DailyPlanTests {
    static func trainer(cards count: Int) throws -> (Trainer, Store) {
        let store = try Store()
        let questions = (1...count).map { "**Q:** Question number \($0)?\n**A:** Answer number \($0).\n" }.joined(separator: "\n")
        _ = try store.importGuide(try GuideReader().read(text: "# 13 — Plan\n\n## Numbers\n\n" + questions, fileName: "13-plan.md"),
                                  source: "13-plan.md", at: Date())
        return (Trainer(store: store, lab: nil), store)
    }

    @Test func noPlanWithoutBothADateAndMinutes() async throws {
        let (trainer, _) = try Self.trainer(cards: 10)
        #expect(try await trainer.dailyPlan() == nil)
        try await trainer.setMinutesPerDay(5)
        #expect(try await trainer.dailyPlan() == nil)
        try await trainer.setInterviewDate(Date().addingTimeInterval(10 * 86_400))
        #expect(try await trainer.dailyPlan() != nil)
        await #expect(throws: TrainerError.invalidSetting("minutes per day must be 1 to 600, got 0")) { try await trainer.setMinutesPerDay(0) }
    }

    /// Five minutes at the default pace (15 s a review, 37.5 s a new card) buy 8 new cards;
    /// the session introduces exactly those, then only their learning steps come back.
    @Test func theSessionIntroducesWhatTheBudgetBuys() async throws {
        let (trainer, _) = try Self.trainer(cards: 40)
        // Ten in the morning tomorrow: the session's half hour never crosses into another day,
        // whenever the test runs.
        let now = Calendar.current.date(bySettingHour: 10, minute: 0, second: 0, of: Date().addingTimeInterval(86_400)) ?? Date()
        try await trainer.setInterviewDate(now.addingTimeInterval(10 * 86_400), at: now)
        try await trainer.setMinutesPerDay(5, at: now)
        let plan = try #require(try await trainer.dailyPlan(at: now))
        #expect(plan.newCards == 8 && plan.reviews == 0)
        #expect(plan.secondsPerReview == 15 && plan.secondsPerNewCard == 37.5)
        let session = StudySession()
        var introduced: Set<String> = []
        var clock = now
        for _ in 0..<30 {
            guard let turn = try await trainer.nextCard(in: session, at: clock) else { break }
            if turn.card.reps == 0 { introduced.insert(turn.card.card.id) }
            _ = try await trainer.answer(AnswerInput(cardID: turn.card.card.id, rating: .good, durationMS: 12_000), at: clock)
            clock = clock.addingTimeInterval(60)
        }
        #expect(introduced.count == 8)
        let after = try #require(try await trainer.dailyPlan(at: clock))
        #expect(after.newCards == 0)
        #expect(after.spentToday == 8 * 37.5)
    }
}

/// The desired retention schedules every card, in both doors.
@Suite struct DesiredRetentionTests {
    @Test func aLowerRetentionGivesLongerIntervals() async throws {
        let (trainer, _) = try DailyPlanTests.trainer(cards: 2)
        let now = Date()
        #expect(try await trainer.settings(at: now).desiredRetention == 0.9)
        let first = try #require(try await trainer.nextCard(in: StudySession(), at: now))
        let at90 = try #require(first.states[.easy].due.timeIntervalSince(now) as Double?)
        try await trainer.setDesiredRetention(0.8, at: now)
        #expect(try await trainer.scheduler().desiredRetention == 0.8)
        let again = try #require(try await trainer.nextCard(in: StudySession(), at: now))
        #expect(again.states[.easy].due.timeIntervalSince(now) > at90)
        await #expect(throws: TrainerError.invalidSetting("desired retention must be 0.7 to 0.97, got 0.5")) { try await trainer.setDesiredRetention(0.5) }
        #expect(try await trainer.settings(at: now).desiredRetention == 0.8)
    }
}
