import Foundation

/// The FSRS-6 scheduler: learning and relearning steps, review intervals for a desired
/// retention, a maximum interval, fuzz, and an optional interview date that every interval
/// must end before.
///
/// Transitions are pure: ``review(_:rating:at:fuzz:)`` returns the new schedule and never
/// draws randomness itself; the fuzz factor is passed in (see ``Fuzz``). Without fuzz it
/// gives the same stability, difficulty and due time as py-fsrs 6.3's `Scheduler.review_card`.
///
/// ```swift
/// let scheduler = Scheduler()
/// var card = CardSchedule.new(due: now)
/// card = scheduler.review(card, rating: .good, at: now)
/// ```
public struct Scheduler: Sendable {
    public var memory: MemoryModel
    public var desiredRetention: Double
    /// Learning steps in seconds (default 1 and 10 minutes).
    public var learningSteps: [TimeInterval]
    /// Relearning steps in seconds (default 10 minutes).
    public var relearningSteps: [TimeInterval]
    /// The longest interval in days.
    public var maximumInterval: Int
    public var enableFuzzing: Bool
    /// When set, review intervals are shortened so that the card is due before this date.
    public var interviewDate: Date?

    public init(
        parameters: FSRSParameters = .default, desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36500, enableFuzzing: Bool = true, interviewDate: Date? = nil
    ) {
        memory = MemoryModel(parameters: parameters)
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
        self.interviewDate = interviewDate
    }

    static let day: TimeInterval = 86_400

    /// Whole days between two times, floored, as py-fsrs's `timedelta.days` counts them.
    static func elapsedDays(from start: Date, to end: Date) -> Int { wholeDays(from: start, to: end) }

    /// Whole days between two times, floored.
    public static func wholeDays(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / day).rounded(.down))
    }

    /// Predicted probability of recall at `date`; 0 for a card never reviewed.
    public func retrievability(of card: CardSchedule, at date: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsed = max(0, Self.elapsedDays(from: lastReview, to: date))
        return memory.retrievability(elapsedDays: Double(elapsed), stability: stability)
    }

    /// The schedule after answering `card` with `rating` at `now`. `fuzz` in [0, 1) spreads
    /// review intervals over their fuzz range when fuzzing is on; nil leaves them exact.
    public func review(_ card: CardSchedule, rating: Rating, at now: Date, fuzz: Double? = nil) -> CardSchedule {
        var next = card
        let elapsed = card.lastReview.map { Self.elapsedDays(from: $0, to: now) }
        if let stability = card.stability, let difficulty = card.difficulty {
            if let elapsed, elapsed < 1 {
                next.stability = memory.shortTermStability(stability, rating: rating)
            } else {
                next.stability = memory.nextStability(
                    difficulty: difficulty, stability: stability, retrievability: retrievability(of: card, at: now), rating: rating)
            }
            next.difficulty = memory.nextDifficulty(difficulty, rating: rating)
        } else {
            next.stability = memory.initialStability(rating)
            next.difficulty = memory.initialDifficulty(rating)
        }
        let stability = next.stability ?? MemoryModel.minimumStability

        var interval: TimeInterval
        switch card.phase {
        case .learning, .relearning:
            let steps = card.phase == .learning ? learningSteps : relearningSteps
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = graduate(&next, stability: stability)
            } else {
                switch rating {
                case .again:
                    next.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 && steps.count == 1 {
                        interval = steps[0] * 1.5
                    } else if step == 0 {
                        interval = (steps[0] + steps[1]) / 2
                    } else {
                        interval = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        interval = graduate(&next, stability: stability)
                    } else {
                        next.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    interval = graduate(&next, stability: stability)
                }
            }
        case .review:
            if rating == .again && !relearningSteps.isEmpty {
                next.phase = .relearning
                next.step = 0
                interval = relearningSteps[0]
            } else {
                interval = Double(reviewInterval(stability: stability)) * Self.day
            }
        }
        if next.phase == .review {
            var days = Int((interval / Self.day).rounded(.down))
            if enableFuzzing, let fuzz { days = fuzzed(days, factor: fuzz) }
            days = capped(days, from: now)
            interval = Double(days) * Self.day
        }
        next.due = now.addingTimeInterval(interval)
        next.lastReview = now
        return next
    }

    /// The review interval in days for a stability, before fuzz.
    public func reviewInterval(stability: Double) -> Int {
        memory.interval(stability: stability, desiredRetention: desiredRetention, maximum: maximumInterval)
    }

    private func graduate(_ card: inout CardSchedule, stability: Double) -> TimeInterval {
        card.phase = .review
        card.step = nil
        return Double(reviewInterval(stability: stability)) * Self.day
    }

    /// The days a fuzzed interval may take: ±(1 + 15% of 2.5–7 + 10% of 7–20 + 5% beyond 20),
    /// ends rounded, at least 2 (the ranges of py-fsrs and Anki).
    public func fuzzRange(days: Int) -> ClosedRange<Int> {
        var delta = 1.0
        for (start, end, factor) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, Double.infinity, 0.05)] {
            delta += factor * max(min(Double(days), end) - start, 0)
        }
        var lower = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var upper = Int((Double(days) + delta).rounded(.toNearestOrEven))
        lower = max(2, lower)
        upper = min(upper, maximumInterval)
        lower = min(lower, upper)
        return lower...upper
    }

    /// Spreads an interval over its fuzz range. Anki truncates the draw; py-fsrs rounds it,
    /// which can land one day past the range, so this follows Anki.
    func fuzzed(_ days: Int, factor: Double) -> Int {
        guard Double(days) >= 2.5 else { return days }
        let range = fuzzRange(days: days)
        let drawn = Int((factor * Double(range.count) + Double(range.lowerBound)).rounded(.down))
        return min(drawn, range.upperBound, maximumInterval)
    }

    /// Shortens an interval so that the card comes back before the interview.
    private func capped(_ days: Int, from now: Date) -> Int {
        guard let interviewDate else { return days }
        let available = Self.elapsedDays(from: now, to: interviewDate)
        guard available >= 1 else { return days }
        return min(days, available)
    }
}

/// Deterministic fuzz factors in [0, 1): the same card and review count give the same
/// factor on every run and machine (SplitMix64 over the two numbers).
public enum Fuzz {
    /// The factor for a card, by its id.
    public static func factor(seed: UInt64, cardID: String, reviewCount: Int) -> Double {
        factor(seed: seed, cardHash: StableID.hash([cardID]), reviewCount: reviewCount)
    }

    public static func factor(seed: UInt64, cardHash: UInt64, reviewCount: Int) -> Double {
        var state = seed ^ cardHash &+ UInt64(truncatingIfNeeded: reviewCount) &* 0x9E37_79B9_7F4A_7C15
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        state ^= state >> 31
        return Double(state >> 11) / Double(1 << 53)
    }
}
