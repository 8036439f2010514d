import Foundation

/// Fits FSRS-6's 21 weights to a user's review histories by fsrs-rs's method
/// (`compute_parameters`, fsrs-rs 6.x):
///
/// 1. Predictions are every review a day or more after the card's previous one; cards
///    whose first interval is an outlier for their first rating are left out (``FirstIntervals``).
/// 2. Pre-training: the initial stabilities w0–w3 are fitted to recall at the first interval
///    (``InitialStability``); with fewer than 64 predictions, or none beyond first intervals,
///    that is the whole fit.
/// 3. Training: Adam (β 0.9/0.999) with a cosine-annealed learning rate from 0.04, 5 epochs of
///    batches of whole cards holding up to 512 predictions, recency-weighted cross-entropy
///    plus an L2 pull towards the starting weights scaled by fsrs-rs's per-weight spreads, and
///    the weights clamped to fsrs-rs's bounds after every step.
/// 4. The fitted w0–w3 are made increasing again as in pre-training.
///
/// Gradients are exact (``RecallLoss``). Batches are shuffled with a seeded generator, so a
/// fit is reproducible.
public struct FSRSOptimizer: Sendable {
    public var epochs = 5
    public var batchSize = 512
    public var learningRate = 0.04
    public var maximumSequenceLength = 256
    public var regularization = 1.0
    public var seed: UInt64 = 2023

    public init() {}

    /// How far the fit went.
    public enum Method: String, Sendable {
        /// Too few predictions for anything: the default weights.
        case defaults
        /// Only the initial stabilities were fitted (fewer than 64 predictions beyond first intervals).
        case initialStabilities = "initial-stabilities"
        /// The full fit.
        case gradientDescent = "gradient-descent"
    }

    public struct Fit: Sendable {
        public var parameters: FSRSParameters
        public var method: Method
        /// Predictions the fit learnt from, after outliers were left out.
        public var predictions: Int
    }

    /// fsrs-rs's spread of each weight across users, scaling the pull towards the start.
    static let spreads: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
    ]

    /// Fits weights to `sequences` (one per card; see ``ReviewSequence``).
    public func fit(_ sequences: [ReviewSequence]) throws(FSRSFitError) -> Fit {
        let firstIntervals = FirstIntervals(sequences: sequences)
        let kept = sequences.map { firstIntervals.keeps($0) }
        let predictions = TrainingSet.predictions(of: sequences).filter { kept[$0.card] }
        guard predictions.count >= 8 else {
            return Fit(parameters: .default, method: .defaults, predictions: predictions.count)
        }
        let recalled = predictions.count { sequences[$0.card].ratings[$0.position] != .again }
        let averageRecall = Double(recalled) / Double(predictions.count)
        guard let stabilities = InitialStability.fit(firstIntervals, averageRecall: averageRecall) else {
            throw FSRSFitError.noFirstIntervals
        }
        let start = stabilities + FSRSParameters.defaultWeights[4...]
        let initialCount = firstIntervals.kept.values.reduce(0) { $0 + $1.count }
        guard predictions.count >= 64, predictions.count != initialCount else {
            return Fit(parameters: Self.parameters(start), method: .initialStabilities, predictions: predictions.count)
        }
        let weighted = predictions.enumerated().compactMap { index, prediction -> (TrainingSet.Prediction, Double)? in
            prediction.position < maximumSequenceLength
                ? (prediction, TrainingSet.recencyWeight(index: index, count: predictions.count)) : nil
        }
        let trainingSet = TrainingSet(sequences: sequences, predictions: weighted)
        var weights = train(trainingSet, from: start, total: weighted.count)
        let fittedStabilities = InitialStability.smoothAndFill(
            Dictionary(uniqueKeysWithValues: (1...4).map { ($0, weights[$0 - 1]) }), counts: firstIntervals.countPerFirstRating)
        if let fittedStabilities { weights.replaceSubrange(0..<4, with: fittedStabilities) }
        guard weights.allSatisfy(\.isFinite) else { throw FSRSFitError.diverged }
        return Fit(parameters: Self.parameters(weights), method: .gradientDescent, predictions: weighted.count)
    }

    /// Adam over shuffled batches with a cosine-annealed learning rate.
    func train(_ set: TrainingSet, from start: [Double], total: Int) -> [Double] {
        let batches = set.batches(size: batchSize)
        let batchPredictions = batches.map { batch in batch.reduce(0) { $0 + set.weights[set.range(of: $1)].count { $0 > 0 } } }
        let iterations = Double((total / batchSize + 1) * epochs)
        var weights = start
        var adam = Adam(count: start.count)
        var generator = SplitMix64(seed: seed)
        var step = 0
        var gradient = [Double](repeating: 0, count: 21)
        var steps: [RecallLoss.Step] = []
        var slopes: [Double] = []
        for _ in 0..<epochs {
            for batchIndex in Array(batches.indices).shuffled(using: &generator) {
                let rate = learningRate * (1 + cos(Double.pi * Double(step) / iterations)) / 2
                step += 1
                let loss = RecallLoss(weights: weights)
                for index in gradient.indices { gradient[index] = 0 }
                gradient.withUnsafeMutableBufferPointer { buffer in
                    for card in batches[batchIndex] {
                        let range = set.range(of: card)
                        _ = loss.cardLoss(ratings: set.ratings[range], elapsed: set.elapsedDays[range], weights: set.weights[range],
                                          gradient: buffer.baseAddress, steps: &steps, slopes: &slopes)
                    }
                }
                let pull = regularization * Double(batchPredictions[batchIndex]) / Double(total)
                for index in 0..<21 {
                    gradient[index] += 2 * (weights[index] - start[index]) / (Self.spreads[index] * Self.spreads[index]) * pull
                }
                adam.step(&weights, gradient: gradient, rate: rate)
                Self.clip(&weights)
            }
        }
        return weights
    }

    /// fsrs-rs's training bounds (one relearning step, short-term memory on).
    static let bounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4, 0.001...4, 0.001...0.75, 0...4.5, 0...0.8,
        0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9, 0...4, 0...1, 1...6, 0...2, 0...2, 0.01...0.8, 0.1...0.8,
    ]

    static func clip(_ weights: inout [Double]) {
        for index in weights.indices {
            weights[index] = min(max(weights[index], bounds[index].lowerBound), bounds[index].upperBound)
        }
    }

    static func parameters(_ weights: [Double]) -> FSRSParameters {
        var clipped = weights
        clip(&clipped)
        // Every clipped weight lies within FSRSParameters' own (wider or equal) bounds.
        return (try? FSRSParameters(weights: clipped)) ?? .default
    }
}

/// Why weights could not be fitted.
public enum FSRSFitError: Error, Equatable, CustomStringConvertible {
    /// No card has a first review followed by one on a later day in a usable group.
    case noFirstIntervals
    /// The fit produced non-finite weights.
    case diverged

    public var description: String {
        switch self {
        case .noFirstIntervals: "no card has a review on a later day than its first, so nothing can be fitted"
        case .diverged: "the fit did not converge (non-finite weights)"
        }
    }
}
