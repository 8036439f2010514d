import Foundation

/// Whether predicted recall means what it says: the reviews a day or more after the card's
/// previous one, grouped by the recall the weights predicted for them, each group's mean
/// prediction beside the share actually recalled. Readiness is a mean of such predictions,
/// so this is the evidence for it.
public struct RecallCalibration: Sendable, Equatable {
    /// Predictions in [lower, upper).
    public struct Bin: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        /// Mean predicted recall.
        public var predicted: Double
        /// Share recalled.
        public var observed: Double
        public var reviews: Int
    }

    /// The groups holding at least one review, lowest prediction first.
    public var bins: [Bin]
    public var reviews: Int { bins.reduce(0) { $0 + $1.reviews } }

    /// Width of a bin of predicted recall.
    public static let binWidth = 0.05

    /// The calibration of `parameters` on `sequences`.
    public init(_ parameters: FSRSParameters, on sequences: [ReviewSequence]) {
        self.init(FSRSEvaluation.predictions(parameters, on: sequences).map(\.prediction))
    }

    init(_ predictions: [FSRSEvaluation.Prediction]) {
        let count = Int((1 / Self.binWidth).rounded())
        var sums = [(predicted: Double, recalled: Int, reviews: Int)](repeating: (0, 0, 0), count: count)
        for prediction in predictions {
            let index = min(max(Int(prediction.probability / Self.binWidth), 0), count - 1)
            sums[index].predicted += prediction.probability
            sums[index].recalled += prediction.recalled ? 1 : 0
            sums[index].reviews += 1
        }
        bins = sums.enumerated().compactMap { index, sum in
            guard sum.reviews > 0 else { return nil }
            return Bin(lower: Double(index) * Self.binWidth, upper: Double(index + 1) * Self.binWidth,
                       predicted: sum.predicted / Double(sum.reviews), observed: Double(sum.recalled) / Double(sum.reviews), reviews: sum.reviews)
        }
    }
}
