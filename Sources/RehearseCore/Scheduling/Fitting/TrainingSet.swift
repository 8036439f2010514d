import Foundation

/// The reviews the optimizer learns from, prepared as fsrs-rs prepares them.
///
/// Every review on a later day than the card's previous one is a *prediction*: the model,
/// run over the card's earlier reviews, predicts recall, and the review says whether the
/// card was recalled (any rating but Again). Same-day reviews are not predicted but still
/// move the memory state (short-term stability). Predictions are ordered by time and
/// weighted towards recent ones (0.25 for the oldest up to 1 for the newest, cubic).
struct TrainingSet {
    /// One predicted review: the card and the review's position in its sequence.
    struct Prediction {
        var card: Int
        var position: Int
        var time: Int64
    }

    /// Cards laid out one after another: card `k` is reviews `starts[k]..<starts[k + 1]`.
    var starts: [Int] = [0]
    var ratings: [Double] = []
    var elapsedDays: [Double] = []
    /// The weight of predicting each review; 0 for reviews that are not predicted.
    var weights: [Double] = []

    var cardCount: Int { starts.count - 1 }
    func range(of card: Int) -> Range<Int> { starts[card]..<starts[card + 1] }

    /// Predictions carrying weight, counted.
    var predictionCount: Int { weights.count { $0 > 0 } }

    /// The predictions of `sequences`, in time order (ties by card, then position).
    static func predictions(of sequences: [ReviewSequence]) -> [Prediction] {
        var predictions: [Prediction] = []
        for (card, sequence) in sequences.enumerated() {
            for position in sequence.ratings.indices.dropFirst() where sequence.elapsedDays[position] > 0 {
                predictions.append(Prediction(card: card, position: position, time: sequence.times[position]))
            }
        }
        predictions.sort { ($0.time, $0.card, $0.position) < ($1.time, $1.card, $1.position) }
        return predictions
    }

    /// Lays out `sequences` with each prediction's weight; reviews after a card's last
    /// prediction are left out.
    init(sequences: [ReviewSequence], predictions: [(prediction: Prediction, weight: Double)]) {
        var lastPosition = [Int](repeating: -1, count: sequences.count)
        for (prediction, _) in predictions {
            lastPosition[prediction.card] = max(lastPosition[prediction.card], prediction.position)
        }
        // Shorter cards first, so that a batch holds cards of similar length.
        let cards = sequences.indices.filter { lastPosition[$0] >= 0 }.sorted { (lastPosition[$0], $0) < (lastPosition[$1], $1) }
        var offset = [Int](repeating: 0, count: sequences.count)
        for card in cards {
            let sequence = sequences[card]
            offset[card] = ratings.count
            for position in 0...lastPosition[card] {
                ratings.append(Double(sequence.ratings[position].rawValue))
                elapsedDays.append(Double(sequence.elapsedDays[position]))
            }
            starts.append(ratings.count)
        }
        weights = [Double](repeating: 0, count: ratings.count)
        for (prediction, weight) in predictions {
            weights[offset[prediction.card] + prediction.position] = weight
        }
    }

    /// fsrs-rs's recency weight of the `index`-th of `count` predictions in time order.
    static func recencyWeight(index: Int, count: Int) -> Double {
        let length = max(Double(count) - 1, 1)
        return 0.25 + 0.75 * pow(Double(index) / length, 3)
    }

    /// Groups of whole cards holding at most `size` predictions each (a card larger than
    /// that is a group of its own), in layout order.
    func batches(size: Int) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var first = 0
        var predictions = 0
        for card in 0..<cardCount {
            let count = weights[range(of: card)].count { $0 > 0 }
            if card > first, predictions + count > size {
                batches.append(first..<card)
                first = card
                predictions = 0
            }
            predictions += count
        }
        if first < cardCount { batches.append(first..<cardCount) }
        return batches
    }
}
