import Foundation
import RehearseCore
import RehearseStore

/// The user's settings, as both doors show and change them.
public struct Settings: Sendable, Equatable {
    /// New cards a day when nothing else is set.
    public static let defaultNewCardsPerDay = 20
    /// FSRS's usual target: intervals end when predicted recall falls to 90%.
    public static let defaultDesiredRetention = 0.9
    /// The retention a user may choose: below 70% reviews come too late to be worth much,
    /// above 97% the workload grows steeply for little gain.
    public static let desiredRetentionRange = 0.7...0.97

    public var interviewDate: Date?
    /// The usual number of new cards a day.
    public var newCardsPerDay: Int
    /// Today's budget of new cards: the usual number, raised by the interview plan when it
    /// needs more to see every card in time.
    public var newCardsToday: Int
    /// Cards not yet seen.
    public var unseenCards: Int
    /// Whole days left until the interview, when one is set.
    public var daysLeft: Int?
    /// The daily study time, when set; with an interview date it makes the daily plan.
    public var minutesPerDay: Int?
    /// The recall probability at which a review falls due.
    public var desiredRetention: Double
    /// Guides with a daily limit of new cards of their own.
    public var guideNewCardLimits: [String: Int] = [:]
}

extension Trainer {
    /// The settings and what follows from them today.
    public func settings(at now: Date = Date()) async throws -> Settings {
        try await database { store in
            let scheduler = try Self.scheduler(store)
            let plan = try scheduler.interviewDate.map {
                InterviewPlan(interviewDate: $0, today: now, newCards: try store.newCardCount(), minimumPerDay: 1)
            }
            return Settings(
                interviewDate: scheduler.interviewDate, newCardsPerDay: try store.newCardsPerDay() ?? Settings.defaultNewCardsPerDay,
                newCardsToday: try Self.newCardsPerDay(store, scheduler: scheduler, at: now), unseenCards: try store.newCardCount(),
                daysLeft: plan?.daysLeft, minutesPerDay: try store.minutesPerDay(), desiredRetention: scheduler.desiredRetention,
                guideNewCardLimits: try store.guideNewCardLimits())
        }
    }

    /// Sets the interview date (nil clears it): every interval then ends before it. The
    /// date must be in the future.
    @discardableResult
    public func setInterviewDate(_ date: Date?, at now: Date = Date()) async throws -> Settings {
        if let date, date <= now {
            throw TrainerError.invalidSetting("the interview date \(DayFormat.format(date)) is not in the future")
        }
        try await database { store in try store.setInterviewDate(date) }
        return try await settings(at: now)
    }

    /// Sets the usual number of new cards a day (0 to 1000).
    @discardableResult
    public func setNewCardsPerDay(_ count: Int, at now: Date = Date()) async throws -> Settings {
        guard (0...1000).contains(count) else {
            throw TrainerError.invalidSetting("new cards per day must be 0 to 1000, got \(count)")
        }
        try await database { store in try store.setNewCardsPerDay(count) }
        return try await settings(at: now)
    }

    /// Sets the desired retention (0.7 to 0.97): the recall probability at which reviews
    /// fall due, so higher means more reviews.
    @discardableResult
    public func setDesiredRetention(_ retention: Double, at now: Date = Date()) async throws -> Settings {
        guard Settings.desiredRetentionRange.contains(retention) else {
            throw TrainerError.invalidSetting("desired retention must be 0.7 to 0.97, got \(retention)")
        }
        try await database { store in try store.setDesiredRetention(retention) }
        return try await settings(at: now)
    }

    /// Sets one guide's daily limit of new cards (0 to 1000), or clears it (nil): the guide
    /// then follows the usual limit. The usual limit still caps the day's total.
    @discardableResult
    public func setGuideNewCardLimit(guide: String, count: Int?, at now: Date = Date()) async throws -> Settings {
        if let count, !(0...1000).contains(count) {
            throw TrainerError.invalidSetting("new cards per day must be 0 to 1000, got \(count)")
        }
        try await database { store in
            let known = try store.guideIDs()
            guard known.contains(guide) else { throw TrainerError.unknownGuide(guide, known: known) }
            try store.setGuideNewCardLimit(guide: guide, count: count)
        }
        return try await settings(at: now)
    }
}
