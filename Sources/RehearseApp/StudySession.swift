import Foundation
import RehearseCore
import RehearseStore

/// One sitting of study as a door holds it: which cards it draws from, how many new cards
/// it may introduce and how many answers it takes. The order of the cards is the
/// ``Trainer``'s, the same in every door.
public struct StudySession: Sendable {
    public var filter: StudyFilter
    /// New cards for today, instead of the daily limit (or the interview plan's budget).
    public var newCardsPerDay: Int?
    /// At most this many cards in the session; cards still in learning come back on top.
    public var limit: Int?
    /// The cards answered in this session, in order (a card answered twice is here twice).
    public private(set) var answered: [String] = []
    /// Once nothing is due, cards still in learning come back this early (Anki's learn-ahead limit).
    public var learnAhead: TimeInterval = 20 * 60

    public init(filter: StudyFilter = StudyFilter(), newCardsPerDay: Int? = nil, limit: Int? = nil) {
        self.filter = filter
        self.newCardsPerDay = newCardsPerDay
        self.limit = limit
    }

    /// Notes an answer to a card.
    public mutating func noteAnswer(cardID: String) {
        answered.append(cardID)
    }

    /// Forgets the last answer, when it was taken back.
    public mutating func forgetLastAnswer() {
        _ = answered.popLast()
    }

    /// Whether the session has drawn all the cards it may: only those it has seen come back.
    public var isFull: Bool { limit.map { Set(answered).count >= $0 } ?? false }
}

/// The card to show next, with what each rating would do to it (the buttons' labels) and
/// how much is left.
public struct StudyTurn: Sendable {
    public var card: StudyCard
    public var states: NextStates
    /// Cards due now, this one included when it is due.
    public var dueCount: Int
    /// New cards still to be introduced today, this one included when it is new.
    public var newCount: Int

    /// The label for a rating: how long until the card comes back.
    public func interval(for rating: Rating) -> TimeInterval {
        max(0, states[rating].due.timeIntervalSince(states.at))
    }
}

/// What an empty session tells the learner: when the next card comes, and how many new
/// cards wait for another day because of the daily limit.
public struct StudyOutlook: Sendable, Equatable {
    /// When the next card falls due, if any card has been answered.
    public var nextDue: Date?
    /// New cards not yet introduced, in the session's guides and sections.
    public var newWaiting: Int
    /// Today's budget of new cards, and how many of them were used.
    public var newPerDay: Int
    public var newToday: Int

    /// One or two sentences for the learner, the same in both doors.
    public func message(at now: Date) -> String {
        var lines = ["Nothing is due and no new card is left for today."]
        if let nextDue, nextDue > now {
            lines.append("Next card in \(IntervalText.format(nextDue.timeIntervalSince(now))).")
        }
        if newWaiting > 0, newToday >= newPerDay {
            lines.append("\(newWaiting) new card\(newWaiting == 1 ? " waits" : "s wait") for tomorrow: today's \(newPerDay) are done. Raise the daily limit with `rehearse plan --new-per-day N`, or study more now with `rehearse study --new N`.")
        }
        return lines.joined(separator: " ")
    }
}
