import Foundation

/// Replays one card's review history through the memory model, as the FSRS optimizer tools
/// do: elapsed time counts whole calendar days (UTC, or from a chosen hour of the day), a
/// same-day review uses short-term stability, and there are no learning steps.
public struct MemoryReplay: Sendable {
    public struct Review: Sendable, Equatable {
        public var time: Date
        public var rating: Rating

        public init(time: Date, rating: Rating) {
            self.time = time
            self.rating = rating
        }
    }

    /// The state just after a review, with the recall probability predicted just before it.
    public struct State: Sendable, Equatable {
        public var elapsedDays: Int
        /// nil for the card's first review.
        public var retrievability: Double?
        public var stability: Double
        public var difficulty: Double
    }

    public let model: MemoryModel
    /// The hour (UTC) at which a new day starts; 0 counts by UTC calendar date.
    public let nextDayStartsAt: Int

    public init(model: MemoryModel = MemoryModel(), nextDayStartsAt: Int = 0) {
        self.model = model
        self.nextDayStartsAt = nextDayStartsAt
    }

    /// The day number of a time, counted from the epoch with days starting at `nextDayStartsAt`.
    func dayNumber(_ time: Date) -> Int {
        let seconds = time.timeIntervalSince1970 - Double(nextDayStartsAt) * 3600
        return Int((seconds / 86_400).rounded(.down))
    }

    /// The states after each review, `reviews` being in time order.
    public func states(for reviews: [Review]) -> [State] {
        var states: [State] = []
        states.reserveCapacity(reviews.count)
        var previousDay = 0
        for review in reviews {
            let day = dayNumber(review.time)
            guard let last = states.last else {
                states.append(State(
                    elapsedDays: 0, retrievability: nil, stability: model.initialStability(review.rating),
                    difficulty: model.initialDifficulty(review.rating)))
                previousDay = day
                continue
            }
            let elapsed = max(day - previousDay, 0)
            let retrievability = model.retrievability(elapsedDays: Double(elapsed), stability: last.stability)
            let stability = elapsed == 0
                ? model.shortTermStability(last.stability, rating: review.rating)
                : model.nextStability(difficulty: last.difficulty, stability: last.stability, retrievability: retrievability, rating: review.rating)
            states.append(State(
                elapsedDays: elapsed, retrievability: retrievability, stability: stability,
                difficulty: model.nextDifficulty(last.difficulty, rating: review.rating)))
            previousDay = day
        }
        return states
    }
}
