import Foundation

/// A learner whose memory follows FSRS-6 with known weights, reviewing on an FSRS schedule:
/// the source of review logs with a known truth, for testing and benchmarking the optimizer
/// and the calibration of predicted recall.
///
/// Each card is first seen on a day spread over the first four fifths of the period; a first
/// Again or Hard is followed by a same-day retry, a lapse by a same-day relearning review most
/// of the time. Each later review comes after the interval for a desired retention drawn from
/// `retention` (so intervals vary around the schedule), stretched by up to ±`lateness`;
/// recall is drawn with the probability the true memory gives.
public struct SimulatedLearner: Sendable {
    public var parameters: FSRSParameters
    public var retention: ClosedRange<Double> = 0.75...0.95
    public var lateness = 0.25
    /// Odds of Again, Hard, Good, Easy at a card's first review.
    public var firstRatingOdds: [Double] = [0.25, 0.1, 0.55, 0.1]
    /// Odds of Hard, Good, Easy when a card is recalled.
    public var recallRatingOdds: [Double] = [0.15, 0.75, 0.1]
    /// Chance that a lapse is relearnt the same day.
    public var relearnSameDay = 0.7

    public init(parameters: FSRSParameters) {
        self.parameters = parameters
    }

    /// Simulates cards until the log holds at least `reviews` reviews, over `days` days from
    /// `start` (milliseconds since the epoch, midnight UTC). The same seed gives the same log.
    public func reviewLog(reviews: Int, days: Int, start: Int64 = 1_735_689_600_000, seed: UInt64) -> [ReviewSequence.Entry] {
        var generator = SplitMix64(seed: seed)
        let model = MemoryModel(parameters: parameters)
        var entries: [ReviewSequence.Entry] = []
        entries.reserveCapacity(reviews + 64)
        var card: Int64 = 0
        while entries.count < reviews {
            card += 1
            let firstDay = Int.random(in: 0...max(days * 4 / 5, 0), using: &generator)
            simulate(card: card, from: firstDay, until: days, start: start, model: model, generator: &generator, into: &entries)
        }
        return entries
    }

    private func simulate(
        card: Int64, from firstDay: Int, until days: Int, start: Int64, model: MemoryModel,
        generator: inout SplitMix64, into entries: inout [ReviewSequence.Entry]
    ) {
        var day = firstDay
        // A review time within the day (08:00–20:00 UTC); same-day follow-ups 10 minutes apart.
        var minute = Int.random(in: 480..<1140, using: &generator)
        func record(_ rating: Rating, _ kind: ReviewKind) {
            entries.append(.init(cardID: card, time: start + Int64(day) * 86_400_000 + Int64(minute) * 60_000, rating: rating, kind: kind))
            minute += 10
        }
        let first = draw(firstRatingOdds, &generator).map { Rating(rawValue: $0 + 1) ?? .good } ?? .good
        record(first, .learning)
        var stability = model.initialStability(first)
        var difficulty = model.initialDifficulty(first)
        if first == .again || first == .hard {
            let retry = recalledRating(&generator)
            record(retry, .learning)
            stability = model.shortTermStability(stability, rating: retry)
            difficulty = model.nextDifficulty(difficulty, rating: retry)
        }
        while true {
            let target = Double.random(in: retention, using: &generator)
            let planned = (stability / model.factor) * (pow(target, 1 / model.decay) - 1)
            let stretched = planned * (1 + Double.random(in: -lateness...lateness, using: &generator))
            let interval = max(1, Int(stretched.rounded()))
            guard day + interval < days else { return }
            day += interval
            minute = Int.random(in: 480..<1140, using: &generator)
            let retrievability = model.retrievability(elapsedDays: Double(interval), stability: stability)
            let rating = Double.random(in: 0..<1, using: &generator) < retrievability ? recalledRating(&generator) : .again
            record(rating, .review)
            stability = model.nextStability(difficulty: difficulty, stability: stability, retrievability: retrievability, rating: rating)
            difficulty = model.nextDifficulty(difficulty, rating: rating)
            if rating == .again, Double.random(in: 0..<1, using: &generator) < relearnSameDay {
                let relearnt = recalledRating(&generator)
                record(relearnt, .relearning)
                stability = model.shortTermStability(stability, rating: relearnt)
                difficulty = model.nextDifficulty(difficulty, rating: relearnt)
            }
        }
    }

    private func recalledRating(_ generator: inout SplitMix64) -> Rating {
        draw(recallRatingOdds, &generator).map { Rating(rawValue: $0 + 2) ?? .good } ?? .good
    }

    /// An index drawn with the given odds.
    private func draw(_ odds: [Double], _ generator: inout SplitMix64) -> Int? {
        var remaining = Double.random(in: 0..<odds.reduce(0, +), using: &generator)
        for (index, odd) in odds.enumerated() {
            if remaining < odd { return index }
            remaining -= odd
        }
        return odds.indices.last
    }
}
