import Foundation

/// A fit of FSRS-6's weights with the evidence for using it: the losses of the default, the
/// current and the fitted weights on the same reviews, and, when asked, a time-ordered
/// hold-out (weights fitted on the earlier 80% of predictions against the current ones on
/// the later 20%) that decides whether the fit may replace the current weights.
public struct FSRSOptimization: Sendable {
    /// Fewer predicted reviews than this and no fit is attempted.
    public static let minimumPredictions = 300
    /// The share of predictions, the latest ones, held out.
    public static let holdOutShare = 0.2

    public var fit: FSRSOptimizer.Fit
    /// Reviews read, every one (same-day ones included).
    public var reviews: Int
    public var cards: Int
    /// Each set of weights measured on every prediction.
    public var defaults: FSRSEvaluation
    public var current: FSRSEvaluation
    public var fitted: FSRSEvaluation
    public var holdOut: HoldOut?

    /// The later predictions, scored by the current weights and by weights fitted without them.
    public struct HoldOut: Sendable {
        /// The first held-out review's time (milliseconds since the epoch).
        public var from: Int64
        public var current: FSRSEvaluation
        public var fitted: FSRSEvaluation
        /// Whether fitting did no worse than the current weights on reviews it had not seen.
        public var fitIsNoWorse: Bool { fitted.logLoss <= current.logLoss }
    }

    /// Fits `sequences` and measures the fit; `holdOut` adds the hold-out check (a second fit).
    public static func run(
        on sequences: [ReviewSequence], current: FSRSParameters, holdOut: Bool, optimizer: FSRSOptimizer = FSRSOptimizer()
    ) throws(FSRSOptimizationError) -> FSRSOptimization {
        let predictions = TrainingSet.predictions(of: sequences)
        guard predictions.count >= minimumPredictions else {
            throw .tooLittleHistory(predictions: predictions.count, reviews: sequences.reduce(0) { $0 + $1.ratings.count })
        }
        let fit: FSRSOptimizer.Fit
        do { fit = try optimizer.fit(sequences) } catch { throw .fit(error) }
        // Each distinct set of weights is measured once (the current ones are often the defaults).
        guard let defaults = FSRSEvaluation.evaluate(.default, on: sequences),
              let currentScore = current == .default ? defaults : FSRSEvaluation.evaluate(current, on: sequences),
              let fitted = fit.parameters == .default ? defaults : FSRSEvaluation.evaluate(fit.parameters, on: sequences)
        else { throw .tooLittleHistory(predictions: 0, reviews: 0) }
        var result = FSRSOptimization(
            fit: fit, reviews: sequences.reduce(0) { $0 + $1.ratings.count }, cards: sequences.count,
            defaults: defaults, current: currentScore, fitted: fitted, holdOut: nil)
        if holdOut {
            let from = predictions[Int(Double(predictions.count) * (1 - holdOutShare))].time
            let earlier = sequences.compactMap { $0.truncated(before: from) }
            let earlierFit: FSRSOptimizer.Fit
            do { earlierFit = try optimizer.fit(earlier) } catch { throw .fit(error) }
            if let currentLater = FSRSEvaluation.evaluate(current, on: sequences, onlyAfter: from),
               let fittedLater = FSRSEvaluation.evaluate(earlierFit.parameters, on: sequences, onlyAfter: from) {
                result.holdOut = HoldOut(from: from, current: currentLater, fitted: fittedLater)
            }
        }
        return result
    }
}

extension ReviewSequence {
    /// The reviews before `time`; nil when none is.
    func truncated(before time: Int64) -> ReviewSequence? {
        let count = times.prefix { $0 < time }.count
        guard count > 0 else { return nil }
        return ReviewSequence(cardID: cardID, ratings: Array(ratings.prefix(count)), elapsedDays: Array(elapsedDays.prefix(count)),
                              times: Array(times.prefix(count)))
    }
}

/// Why no fit was made.
public enum FSRSOptimizationError: Error, Equatable, CustomStringConvertible {
    case tooLittleHistory(predictions: Int, reviews: Int)
    case fit(FSRSFitError)

    public var description: String {
        switch self {
        case .tooLittleHistory(let predictions, let reviews):
            "too little history to fit: \(reviews) reviews, \(predictions) of them a day or more after the card's previous review; "
                + "at least \(FSRSOptimization.minimumPredictions) such reviews are needed. The current parameters are kept."
        case .fit(let error):
            "\(error). The current parameters are kept."
        }
    }
}
