import Foundation

/// The FSRS-6 memory model: how stability (S, days until recall probability falls to 90%),
/// difficulty (D, 1–10) and retrievability (R) evolve with each review.
///
/// Each formula is a small function named after the quantity it computes, as in py-fsrs
/// (`fsrs/scheduler.py`), whose results these reproduce to floating-point rounding.
/// Ratings are 1 Again, 2 Hard, 3 Good, 4 Easy.
public struct MemoryModel: Sendable {
    public let parameters: FSRSParameters
    private let w: [Double]
    /// −w20: the trainable decay of FSRS-6.
    public let decay: Double
    /// 0.9^(1/decay) − 1, so that R(S) = 0.9.
    public let factor: Double

    public static let minimumStability = 0.001
    public static let difficultyRange = 1.0...10.0

    public init(parameters: FSRSParameters = .default) {
        self.parameters = parameters
        w = parameters.weights
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// R(t, S) = (1 + factor · t / S)^decay.
    public func retrievability(elapsedDays: Double, stability: Double) -> Double {
        pow(1 + factor * elapsedDays / stability, decay)
    }

    /// S₀(G) = w[G−1].
    public func initialStability(_ rating: Rating) -> Double {
        max(w[rating.rawValue - 1], Self.minimumStability)
    }

    /// D₀(G) = w4 − e^(w5·(G−1)) + 1, clamped to [1, 10] when `clamped`.
    public func initialDifficulty(_ rating: Rating, clamped: Bool = true) -> Double {
        let difficulty = w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? Self.clampDifficulty(difficulty) : difficulty
    }

    /// D' = w7·D₀(Easy) + (1 − w7)·(D + ΔD·(10 − D)/9), with ΔD = −w6·(G − 3): linear
    /// damping towards 10, then mean reversion towards the easy initial difficulty.
    public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        let reverted = w[7] * initialDifficulty(.easy, clamped: false) + (1 - w[7]) * damped
        return Self.clampDifficulty(reverted)
    }

    /// Same-day reviews: S' = S · e^(w17·(G − 3 + w18)) · S^(−w19), never shrinking on a pass.
    public func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase = exp(w[17] * (Double(rating.rawValue) - 3 + w[18])) * pow(stability, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(stability * increase, Self.minimumStability)
    }

    /// S'ᵣ = S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^(w10·(1 − R)) − 1) · hard · easy).
    public func recallStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return stability * (1 + exp(w[8]) * (11 - difficulty) * pow(stability, -w[9])
            * (exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
    }

    /// S'f = min(w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^(w14·(1 − R)), S / e^(w17·w18)).
    public func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1) * exp((1 - retrievability) * w[14])
        let shortTerm = stability / exp(w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    /// Stability after a review on a later day: recall or forget, clamped at the minimum.
    public func nextStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let next = rating == .again
            ? forgetStability(difficulty: difficulty, stability: stability, retrievability: retrievability)
            : recallStability(difficulty: difficulty, stability: stability, retrievability: retrievability, rating: rating)
        return max(next, Self.minimumStability)
    }

    /// The interval in days at which recall probability falls to `desiredRetention`,
    /// rounded half to even (Python's `round`), between 1 and `maximum`.
    public func interval(stability: Double, desiredRetention: Double, maximum: Int) -> Int {
        let days = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
        return min(max(Int(days.rounded(.toNearestOrEven)), 1), maximum)
    }

    static func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, difficultyRange.lowerBound), difficultyRange.upperBound)
    }
}

/// How well an answer was recalled.
public enum Rating: Int, Sendable, Codable, CaseIterable {
    case again = 1, hard, good, easy

    public var name: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }
}
