import Foundation

/// What each rating would do to a card, worked out once: the button labels are taken from
/// these states and the chosen one is what gets stored, fuzz included (as Anki does).
public struct NextStates: Sendable, Equatable {
    /// The schedule the states were worked out from.
    public var current: CardSchedule
    /// When they were worked out: the due times count from here.
    public var at: Date
    public var again: CardSchedule
    public var hard: CardSchedule
    public var good: CardSchedule
    public var easy: CardSchedule

    /// The state a rating leads to.
    public subscript(rating: Rating) -> CardSchedule {
        switch rating {
        case .again: again
        case .hard: hard
        case .good: good
        case .easy: easy
        }
    }

    /// The state to store for an answer given at `answeredAt`: the one shown, due when it
    /// said, with the review dated when it was given.
    public func state(for rating: Rating, answeredAt: Date) -> CardSchedule {
        var state = self[rating]
        state.lastReview = max(answeredAt, at)
        return state
    }
}

extension Scheduler {
    /// The four next states of a card, each with the fuzz the answer will apply: the factor
    /// depends only on the card's id and how many times it was answered (``Fuzz``).
    /// - Parameter reviewCount: how many answers the card has had so far.
    public func nextStates(of schedule: CardSchedule, cardID: String, reviewCount: Int, at now: Date, fuzzSeed: UInt64 = 0) -> NextStates {
        func state(_ rating: Rating) -> CardSchedule {
            nextState(of: schedule, cardID: cardID, reviewCount: reviewCount, rating: rating, at: now, fuzzSeed: fuzzSeed)
        }
        return NextStates(current: schedule, at: now, again: state(.again), hard: state(.hard), good: state(.good), easy: state(.easy))
    }

    /// One of the four next states, when only the chosen one is needed (an answer whose
    /// states were not shown): the same state ``nextStates(of:cardID:reviewCount:at:fuzzSeed:)`` gives.
    public func nextState(of schedule: CardSchedule, cardID: String, reviewCount: Int, rating: Rating, at now: Date, fuzzSeed: UInt64 = 0) -> CardSchedule {
        review(schedule, rating: rating, at: now, fuzz: Fuzz.factor(seed: fuzzSeed, cardID: cardID, reviewCount: reviewCount))
    }
}
