import Foundation
import RehearseCore
import RehearseStore

/// A fit of the user's FSRS weights and whether it now schedules their cards.
public struct FSRSOptimizationOutcome: Sendable {
    public var optimization: FSRSOptimization
    /// Whether the fitted weights were stored (asked for, and no worse on the hold-out).
    public var applied: Bool
}

extension Trainer {
    /// The FSRS weights the scheduler uses: the user's fitted ones, else FSRS-6's defaults.
    public func fsrsParameters() async throws -> FSRSParameters {
        try await database { store in try Self.fsrsParameters(store) }
    }

    static func fsrsParameters(_ store: Store) throws -> FSRSParameters {
        guard let weights = try store.fsrsWeights(), let parameters = try? FSRSParameters(weights: weights) else { return .default }
        return parameters
    }

    /// The user's reviews, of one guide when named, as the FSRS optimizer reads them (card
    /// ids numbered in order of first review).
    public func reviewSequences(guide: String? = nil) async throws -> [ReviewSequence] {
        try await database { store in
            if let guide, !(try store.guideIDs().contains(guide)) { throw TrainerError.unknownGuide(guide, known: try store.guideIDs()) }
            var numbers: [String: Int64] = [:]
            let entries = try store.reviewLog(guide: guide).compactMap { review -> ReviewSequence.Entry? in
                guard let rating = Rating(rawValue: review.rating) else { return nil }
                let number = numbers[review.cardID] ?? Int64(numbers.count + 1)
                numbers[review.cardID] = number
                return .init(cardID: number, time: Int64((review.reviewedAt * 1000).rounded()), rating: rating)
            }
            return ReviewSequence.sequences(from: entries, nextDayStartsAt: 0)
        }
    }

    /// Fits FSRS weights to the user's reviews (one guide's when named). With `apply`, the
    /// fit is checked on the latest fifth of the reviews first and stored only when it
    /// predicts them no worse than the current weights.
    /// - Throws: ``TrainerError/cannotFit(_:)`` with too little history.
    public func optimizeFSRS(guide: String? = nil, apply: Bool) async throws -> FSRSOptimizationOutcome {
        let sequences = try await reviewSequences(guide: guide)
        let current = try await fsrsParameters()
        // The fit takes up to a second or so: it runs on a thread of its own, not on the
        // tasks serving requests.
        let result: Result<FSRSOptimization, FSRSOptimizationError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { () throws(FSRSOptimizationError) in
                    try FSRSOptimization.run(on: sequences, current: current, holdOut: apply)
                })
            }
        }
        let optimization: FSRSOptimization
        switch result {
        case .success(let value): optimization = value
        case .failure(let error): throw TrainerError.cannotFit(error)
        }
        let applied = apply && optimization.holdOut?.fitIsNoWorse == true
        if applied {
            let weights = optimization.fit.parameters.weights
            try await database { store in try store.setFSRSWeights(weights) }
        }
        return FSRSOptimizationOutcome(optimization: optimization, applied: applied)
    }

    /// Returns scheduling to FSRS-6's default weights.
    public func resetFSRSParameters() async throws {
        try await database { store in try store.setFSRSWeights(nil) }
    }
}

extension Trainer {
    /// How the current weights' predicted recall compares with what the user recalled, over
    /// their reviews (one guide's when named).
    public func calibration(guide: String? = nil) async throws -> RecallCalibration {
        let sequences = try await reviewSequences(guide: guide)
        return RecallCalibration(try await fsrsParameters(), on: sequences)
    }
}
