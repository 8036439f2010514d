import Foundation

/// How well weights predict recall on review histories, measured as fsrs-rs's `evaluate`
/// measures it (the figures Anki shows): every review a day or more after the card's previous
/// one is predicted from the reviews before it.
///
/// - `logLoss`: cross-entropy of the predictions, recency-weighted as in training.
/// - `rmseBins`: root mean square of (mean predicted − observed recall) over bins of interval,
///   review count and lapse count, each bin weighted by its predictions' weights.
/// - `auc`: the probability that a recalled review was predicted higher than a forgotten one.
public struct FSRSEvaluation: Sendable, Equatable {
    public var logLoss: Double
    public var rmseBins: Double
    /// nil when every prediction had the same outcome.
    public var auc: Double?
    public var predictions: Int

    /// One prediction: the probability given and what happened.
    public struct Prediction: Sendable, Equatable {
        public var probability: Double
        public var recalled: Bool
        public var weight: Double
        /// The card and review it predicts.
        public var card: Int64
        public var time: Int64
    }

    /// Evaluates `parameters` on `sequences`; with `onlyAfter`, only reviews at or after that
    /// time (milliseconds) are scored, their earlier history still replayed, and all count
    /// alike (a time-ordered hold-out). nil when nothing is left to score.
    public static func evaluate(_ parameters: FSRSParameters, on sequences: [ReviewSequence], onlyAfter: Int64? = nil) -> FSRSEvaluation? {
        let scored = predictions(parameters, on: sequences, onlyAfter: onlyAfter)
        return measure(scored.map(\.prediction), bins: scored.map(\.bin))
    }

    /// Every prediction of `sequences` in time order, with its recency weight and bin.
    static func predictions(_ parameters: FSRSParameters, on sequences: [ReviewSequence], onlyAfter: Int64? = nil)
        -> [(prediction: Prediction, bin: Bin)]
    {
        let model = RecallLoss(weights: parameters.weights)
        var probability: [[Double]] = []
        probability.reserveCapacity(sequences.count)
        for sequence in sequences {
            var state: RecallLoss.State?
            var row = [Double](repeating: 0, count: sequence.ratings.count)
            for position in sequence.ratings.indices {
                let (next, step) = model.step(state, elapsed: Double(sequence.elapsedDays[position]), rating: Double(sequence.ratings[position].rawValue))
                row[position] = step.retrievability
                state = next
            }
            probability.append(row)
        }
        var order = TrainingSet.predictions(of: sequences)
        if let onlyAfter { order.removeAll { $0.time < onlyAfter } }
        return order.enumerated().map { index, item in
            let sequence = sequences[item.card]
            // A hold-out counts every review alike, as fsrs-rs's time-series split does.
            let weight = onlyAfter == nil ? TrainingSet.recencyWeight(index: index, count: order.count) : 1
            let prediction = Prediction(
                probability: probability[item.card][item.position], recalled: sequence.ratings[item.position] != .again,
                weight: weight, card: sequence.cardID, time: item.time)
            return (prediction, Bin(sequence: sequence, position: item.position))
        }
    }

    /// fsrs-rs's bin of a prediction: interval, number of later-day reviews and lapses so far,
    /// each on a geometric scale.
    struct Bin: Hashable {
        var interval: Int
        var length: Int
        var lapses: Int

        init(sequence: ReviewSequence, position: Int) {
            let elapsed = Double(sequence.elapsedDays[position])
            interval = Int((2.48 * pow(3.62, (log(elapsed) / log(3.62)).rounded(.down)) * 100).rounded())
            let laterDayReviews = sequence.elapsedDays[...position].count { $0 > 0 }
            let reviews = Double(laterDayReviews + 1)
            length = Int((1.99 * pow(1.89, (log(reviews) / log(1.89)).rounded(.down))).rounded())
            let lapseCount = (0..<position).count { sequence.ratings[$0] == .again && sequence.elapsedDays[$0] > 0 }
            lapses = lapseCount == 0 ? 0 : Int((1.65 * pow(1.73, (log(Double(lapseCount)) / log(1.73)).rounded(.down))).rounded())
        }
    }

    static func measure(_ predictions: [Prediction], bins: [Bin]) -> FSRSEvaluation? {
        guard !predictions.isEmpty else { return nil }
        var loss = 0.0, weightSum = 0.0
        var cells: [Bin: (predicted: Double, observed: Double, count: Double, weight: Double)] = [:]
        for (prediction, bin) in zip(predictions, bins) {
            let p = prediction.probability
            loss -= (prediction.recalled ? log(p) : log(1 - p)) * prediction.weight
            weightSum += prediction.weight
            var cell = cells[bin] ?? (0, 0, 0, 0)
            cell.predicted += p
            cell.observed += prediction.recalled ? 1 : 0
            cell.count += 1
            cell.weight += prediction.weight
            cells[bin] = cell
        }
        var squares = 0.0, cellWeight = 0.0
        for cell in cells.values {
            let difference = cell.predicted / cell.count - cell.observed / cell.count
            squares += difference * difference * cell.weight
            cellWeight += cell.weight
        }
        return FSRSEvaluation(logLoss: loss / weightSum, rmseBins: (squares / cellWeight).squareRoot(),
                              auc: areaUnderCurve(predictions), predictions: predictions.count)
    }

    /// Mann–Whitney estimate of the area under the ROC curve, ties counted half.
    static func areaUnderCurve(_ predictions: [Prediction]) -> Double? {
        let sorted = predictions.sorted { $0.probability < $1.probability }
        let positives = Double(sorted.count { $0.recalled })
        let negatives = Double(sorted.count) - positives
        guard positives > 0, negatives > 0 else { return nil }
        var rankSum = 0.0
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1].probability == sorted[index].probability { end += 1 }
            let averageRank = Double(index + end + 2) / 2
            rankSum += averageRank * Double(sorted[index...end].count { $0.recalled })
            index = end + 1
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
