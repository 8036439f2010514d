import Foundation
import RehearseCore
import RehearseStore

/// Today's study chosen for the interview day by ``InterviewDayPlanner``: set when both an
/// interview date and a daily study time are.
public struct DailyPlan: Sendable {
    public var interviewDate: Date
    public var daysLeft: Int
    public var minutesPerDay: Int
    /// The user's pace: the median recorded answer time (15 s before any is recorded), and a
    /// new card at 2.5 times that for its learning steps.
    public var secondsPerReview: Double
    public var secondsPerNewCard: Double
    /// Seconds of today's budget used: a card first seen today counts as a new card's time
    /// (its learning steps included), any other answer as the time it recorded.
    public var spentToday: Double
    /// The cards chosen for the rest of today, most worth first.
    public var cardIDs: [String]
    public var reviews: Int
    public var newCards: Int
    /// Cards in the plan's scope.
    public var cards: Int
    /// Expected share of those cards recalled on the interview day if nothing more were studied.
    public var recallOnTheDay: Double

    /// A new card costs this many reviews' time.
    static let newCardCost = 2.5
    static let defaultSecondsPerReview = 15.0
}

extension Trainer {
    /// Today's plan for the cards `filter` lets through; nil unless an interview date and a
    /// daily study time are set.
    public func dailyPlan(filter: StudyFilter = StudyFilter(), at now: Date = Date()) async throws -> DailyPlan? {
        try await database { store in try Self.dailyPlan(store, filter: filter, scheduler: try Self.scheduler(store), at: now) }
    }

    static func dailyPlan(_ store: Store, filter: StudyFilter, scheduler: Scheduler, at now: Date, calendar: Calendar = .current) throws -> DailyPlan? {
        guard let interview = scheduler.interviewDate, let minutes = try store.minutesPerDay() else { return nil }
        let daysLeft = InterviewPlan(interviewDate: interview, today: now, newCards: 0, minimumPerDay: 0, calendar: calendar).daysLeft
        let perReview = min(max(try store.typicalAnswerSeconds() ?? DailyPlan.defaultSecondsPerReview, 3), 180)
        let perNewCard = perReview * DailyPlan.newCardCost
        // A card first seen today is charged what the planner reserved for it, its learning
        // steps included; every other answer what it recorded.
        var spent = 0.0
        var introduced: Set<String> = []
        for answer in try store.answersToday(now, calendar: calendar) {
            if answer.firstView {
                introduced.insert(answer.cardID)
                spent += perNewCard
            } else if !introduced.contains(answer.cardID) {
                spent += answer.durationMS.map { Double($0) / 1000 } ?? perReview
            }
        }
        let memories = try store.cardMemories(filter: filter)
        let today = calendar.startOfDay(for: now)
        let cards = memories.map { memory in
            InterviewDayPlanner.Card(
                stability: memory.stability, difficulty: memory.difficulty,
                lastReview: memory.lastReview.map { -(calendar.dateComponents([.day], from: calendar.startOfDay(for: $0), to: today).day ?? 0) })
        }
        let planner = InterviewDayPlanner(model: scheduler.memory, interviewDay: daysLeft, secondsPerReview: perReview, secondsPerNewCard: perNewCard)
        var chosen = planner.choose(cards, on: 0, budget: Double(minutes) * 60 - spent)
        // A guide's own daily limit of new cards holds here too.
        let limits = try store.guideNewCardLimits()
        if !limits.isEmpty {
            var left = limits
            for (guide, count) in try store.newCardsIntroducedPerGuide(on: now, calendar: calendar) where left[guide] != nil {
                left[guide, default: 0] -= count
            }
            chosen = chosen.filter { index in
                guard cards[index].stability == nil, let remaining = left[memories[index].guideID] else { return true }
                left[memories[index].guideID] = remaining - 1
                return remaining > 0
            }
        }
        let newCards = chosen.count { cards[$0].stability == nil }
        return DailyPlan(
            interviewDate: interview, daysLeft: daysLeft, minutesPerDay: minutes, secondsPerReview: perReview, secondsPerNewCard: perNewCard,
            spentToday: spent, cardIDs: chosen.map { memories[$0].id }, reviews: chosen.count - newCards, newCards: newCards,
            cards: cards.count, recallOnTheDay: cards.isEmpty ? 0 : cards.reduce(0) { $0 + planner.recallOnTheDay($1) } / Double(cards.count))
    }

    /// Sets the daily study time in minutes (1 to 600; nil clears it). With an interview date,
    /// the planner then chooses each day's cards.
    @discardableResult
    public func setMinutesPerDay(_ minutes: Int?, at now: Date = Date()) async throws -> Settings {
        if let minutes, !(1...600).contains(minutes) {
            throw TrainerError.invalidSetting("minutes per day must be 1 to 600, got \(minutes)")
        }
        try await database { store in try store.setMinutesPerDay(minutes) }
        return try await settings(at: now)
    }
}
