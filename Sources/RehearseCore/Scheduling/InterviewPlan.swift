import Foundation

/// How to be ready by an interview date: every new card introduced in time, with the
/// last day left for review.
public struct InterviewPlan: Sendable, Equatable {
    public var interviewDate: Date
    /// Whole days from today to the interview.
    public var daysLeft: Int
    /// New cards to introduce each day so that none is left on the eve of the interview.
    public var newCardsPerDay: Int

    /// - Parameters:
    ///   - newCards: cards not yet seen.
    ///   - minimumPerDay: the usual daily limit, kept when the plan needs fewer.
    public init(interviewDate: Date, today: Date, newCards: Int, minimumPerDay: Int, calendar: Calendar = .current) {
        self.interviewDate = interviewDate
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: today), to: calendar.startOfDay(for: interviewDate)).day ?? 0
        daysLeft = max(days, 0)
        let learningDays = max(daysLeft - 1, 1)
        newCardsPerDay = max(minimumPerDay, (newCards + learningDays - 1) / learningDays)
    }
}
