import Foundation

/// Simulated study towards an interview, to compare ways of choosing each day's cards: a
/// learner whose memory follows FSRS-6 with the `learner` weights studies `cards` cards from
/// scratch for `days` days with `minutesPerDay` minutes a day; the scheduler works with the
/// `scheduler` weights (the user's fitted ones, or the defaults). Each policy sees the same
/// learner and the same random draws per review.
public struct InterviewDaySimulation: Sendable {
    public enum Policy: String, Sendable, CaseIterable {
        /// Plain FSRS at 90% desired retention: due cards first, then up to 20 new cards a day.
        case fsrs
        /// Rehearse before this planner: FSRS with every interval ending before the interview
        /// and new cards raised to see every card in time.
        case fsrsCappedAtDate = "fsrs-capped"
        /// ``InterviewDayPlanner``.
        case interviewDay = "interview-day"
    }

    public struct Outcome: Sendable {
        /// Mean recall probability of every card on the interview day (unseen cards count 0).
        public var recallOnTheDay: Double
        /// Reviews done, first views and same-day relearning included.
        public var reviews: Int
        public var cardsSeen: Int
    }

    public var learner: FSRSParameters
    public var scheduler: FSRSParameters
    public var cards: Int
    public var days: Int
    public var minutesPerDay: Double
    public var secondsPerReview = 15.0
    public var secondsPerNewCard = 40.0
    public var newCardsPerDay = 20

    public init(learner: FSRSParameters, scheduler: FSRSParameters, cards: Int, days: Int, minutesPerDay: Double) {
        self.learner = learner
        self.scheduler = scheduler
        self.cards = cards
        self.days = days
        self.minutesPerDay = minutesPerDay
    }

    /// One card: what the learner's memory really is, and what the scheduler believes.
    private struct SimulatedCard {
        var trueStability = 0.0
        var trueDifficulty = 0.0
        var believed = InterviewDayPlanner.Card.unseen
        var due = 0
    }

    public func run(_ policy: Policy, seed: UInt64) -> Outcome {
        let truth = MemoryModel(parameters: learner)
        let believed = MemoryModel(parameters: scheduler)
        let planner = InterviewDayPlanner(model: believed, interviewDay: days, secondsPerReview: secondsPerReview, secondsPerNewCard: secondsPerNewCard)
        var deck = [SimulatedCard](repeating: SimulatedCard(), count: cards)
        // One stream of draws per card, so that policies differ only in what they choose.
        var streams = (0..<cards).map { SplitMix64(seed: seed &* 1_000_003 &+ UInt64($0)) }
        var reviews = 0
        for day in 0..<days {
            let budget = minutesPerDay * 60
            let chosen: [Int]
            switch policy {
            case .interviewDay:
                chosen = planner.choose(deck.map(\.believed), on: day, budget: budget)
            case .fsrs, .fsrsCappedAtDate:
                chosen = fsrsChoice(deck, on: day, budget: budget, capped: policy == .fsrsCappedAtDate)
            }
            for index in chosen {
                reviews += study(&deck[index], on: day, truth: truth, believed: believed, capped: policy == .fsrsCappedAtDate, generator: &streams[index])
            }
        }
        let recall = deck.reduce(0.0) { total, card in
            guard let last = card.believed.lastReview else { return total }
            return total + truth.retrievability(elapsedDays: Double(days - last), stability: card.trueStability)
        }
        return Outcome(recallOnTheDay: recall / Double(max(cards, 1)), reviews: reviews, cardsSeen: deck.count { $0.believed.lastReview != nil })
    }

    /// Due cards (earliest first), then new cards up to the daily limit, within the budget.
    private func fsrsChoice(_ deck: [SimulatedCard], on day: Int, budget: Double, capped: Bool) -> [Int] {
        var left = budget
        var chosen: [Int] = []
        let due = deck.indices.filter { deck[$0].believed.lastReview != nil && deck[$0].due <= day }.sorted { (deck[$0].due, $0) < (deck[$1].due, $1) }
        for index in due where left >= secondsPerReview {
            chosen.append(index)
            left -= secondsPerReview
        }
        let unseen = deck.indices.filter { deck[$0].believed.lastReview == nil }
        var limit = newCardsPerDay
        if capped {
            let learningDays = max(days - day - 1, 1)
            limit = max(limit, (unseen.count + learningDays - 1) / learningDays)
        }
        for index in unseen.prefix(limit) where left >= secondsPerNewCard {
            chosen.append(index)
            left -= secondsPerNewCard
        }
        return chosen
    }

    /// A same-day retry answered Good after Again, in both memories. Returns the review it took.
    private func relearn(_ card: inout SimulatedCard, truth: MemoryModel, believed: MemoryModel) -> Int {
        card.trueStability = truth.shortTermStability(card.trueStability, rating: .good)
        card.trueDifficulty = truth.nextDifficulty(card.trueDifficulty, rating: .good)
        if let stability = card.believed.stability, let difficulty = card.believed.difficulty {
            card.believed.stability = believed.shortTermStability(stability, rating: .good)
            card.believed.difficulty = believed.nextDifficulty(difficulty, rating: .good)
        }
        return 1
    }

    /// One study of a card: first view (with a retry after Again or Hard) or a review (with
    /// same-day relearning after a lapse). Returns the reviews it took.
    private func study(
        _ card: inout SimulatedCard, on day: Int, truth: MemoryModel, believed: MemoryModel, capped: Bool, generator: inout SplitMix64
    ) -> Int {
        var count = 1
        if let last = card.believed.lastReview, let stability = card.believed.stability, let difficulty = card.believed.difficulty {
            let elapsed = Double(day - last)
            let trueRecall = truth.retrievability(elapsedDays: elapsed, stability: card.trueStability)
            let rating: Rating = Double.random(in: 0..<1, using: &generator) < trueRecall ? .good : .again
            let believedRecall = believed.retrievability(elapsedDays: elapsed, stability: stability)
            card.trueStability = truth.nextStability(difficulty: card.trueDifficulty, stability: card.trueStability, retrievability: trueRecall, rating: rating)
            card.trueDifficulty = truth.nextDifficulty(card.trueDifficulty, rating: rating)
            card.believed = .init(
                stability: believed.nextStability(difficulty: difficulty, stability: stability, retrievability: believedRecall, rating: rating),
                difficulty: believed.nextDifficulty(difficulty, rating: rating), lastReview: day)
            if rating == .again { count += relearn(&card, truth: truth, believed: believed) }
        } else {
            let first: Rating = Double.random(in: 0..<1, using: &generator) < 0.3 ? .again : .good
            card.trueStability = truth.initialStability(first)
            card.trueDifficulty = truth.initialDifficulty(first)
            card.believed = .init(stability: believed.initialStability(first), difficulty: believed.initialDifficulty(first), lastReview: day)
            if first == .again { count += relearn(&card, truth: truth, believed: believed) }
        }
        let stability = card.believed.stability ?? MemoryModel.minimumStability
        var interval = believed.interval(stability: stability, desiredRetention: 0.9, maximum: 36_500)
        if capped { interval = min(interval, max(days - 1 - day, 1)) }
        card.due = day + interval
        return count
    }
}
