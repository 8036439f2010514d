import Foundation

/// Chooses which cards to study on a day so that as many cards as possible are recalled on the
/// interview day, within a daily time budget.
///
/// A card's worth today is what a review today adds to its expected recall on the day: if it
/// is recalled now (probability R), its stability grows; if not, it is relearnt the same day
/// from the lapse stability; either way recall on the day is read off the new forgetting curve
/// and compared with recall on the day if it is left alone. A card never seen is worth its
/// recall on the day after a first Good. Cards are taken by worth per second of study time, so
/// a day's minutes go where they raise the expected count the most; a card is chosen again on
/// a later day whenever a second review is worth it. Cards whose review would add less than
/// `minimumGain` (2 points of recall on the day) wait, so that a generous budget is not spent
/// on reviews that change almost nothing; and when the day's time covers every card worth
/// studying, a seen card whose review would be worth as much tomorrow waits too (when time is
/// short, waiting would pile reviews onto the last days, so nothing waits then).
public struct InterviewDayPlanner: Sendable {
    /// A card as the planner sees it.
    public struct Card: Sendable, Equatable {
        /// nil for a card never seen.
        public var stability: Double?
        public var difficulty: Double?
        /// Day number of its last review (same numbering as the planner's days).
        public var lastReview: Int?

        public init(stability: Double?, difficulty: Double?, lastReview: Int?) {
            self.stability = stability
            self.difficulty = difficulty
            self.lastReview = lastReview
        }

        public static let unseen = Card(stability: nil, difficulty: nil, lastReview: nil)
    }

    public var model: MemoryModel
    /// Day number of the interview.
    public var interviewDay: Int
    /// Study time of a review and of a new card (its learning steps included), in seconds.
    public var secondsPerReview: Double
    public var secondsPerNewCard: Double
    /// Reviews that add less expected recall than this are not worth the time.
    public var minimumGain = 0.02

    public init(model: MemoryModel, interviewDay: Int, secondsPerReview: Double, secondsPerNewCard: Double) {
        self.model = model
        self.interviewDay = interviewDay
        self.secondsPerReview = secondsPerReview
        self.secondsPerNewCard = secondsPerNewCard
    }

    /// Expected recall of `card` on the interview day if it is not studied again.
    public func recallOnTheDay(_ card: Card) -> Double {
        guard let stability = card.stability, let last = card.lastReview else { return 0 }
        return model.retrievability(elapsedDays: Double(max(interviewDay - last, 0)), stability: stability)
    }

    /// What studying `card` on `day` adds to its expected recall on the interview day.
    public func gain(_ card: Card, on day: Int) -> Double {
        let remaining = Double(max(interviewDay - day, 0))
        guard let stability = card.stability, let difficulty = card.difficulty, let last = card.lastReview else {
            let learnt = model.shortTermStability(model.initialStability(.good), rating: .good)
            return model.retrievability(elapsedDays: remaining, stability: learnt)
        }
        guard day > last else { return 0 }
        let now = model.retrievability(elapsedDays: Double(day - last), stability: stability)
        let recalled = model.nextStability(difficulty: difficulty, stability: stability, retrievability: now, rating: .good)
        let lapsed = model.shortTermStability(
            model.nextStability(difficulty: difficulty, stability: stability, retrievability: now, rating: .again), rating: .good)
        let expected = now * model.retrievability(elapsedDays: remaining, stability: recalled)
            + (1 - now) * model.retrievability(elapsedDays: remaining, stability: lapsed)
        return expected - recallOnTheDay(card)
    }

    /// The cards to study on `day` (indices into `cards`), most worth per second first, as
    /// many as `budget` seconds allow.
    public func choose(_ cards: [Card], on day: Int, budget: Double) -> [Int] {
        guard day < interviewDay, budget > 0 else { return [] }
        var candidates: [(index: Int, worth: Double, cost: Double)] = []
        candidates.reserveCapacity(cards.count)
        for (index, card) in cards.enumerated() {
            let gain = gain(card, on: day)
            guard gain >= minimumGain else { continue }
            let cost = card.stability == nil ? secondsPerNewCard : secondsPerReview
            candidates.append((index, gain / cost, cost))
        }
        // When the day's time covers every card worth studying, a seen card whose review
        // would be worth as much tomorrow waits: the time is not short, so nothing is lost.
        if candidates.reduce(0, { $0 + $1.cost }) <= budget, day + 1 < interviewDay {
            candidates.removeAll { candidate in
                let card = cards[candidate.index]
                return card.stability != nil && gain(card, on: day + 1) >= gain(card, on: day)
            }
        }
        candidates.sort { ($0.worth, -$0.index) > ($1.worth, -$1.index) }
        var chosen: [Int] = []
        var left = budget
        for candidate in candidates where candidate.cost <= left {
            chosen.append(candidate.index)
            left -= candidate.cost
        }
        return chosen
    }
}
