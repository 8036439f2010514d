import Foundation
import Testing

@testable import RehearseCore

/// The optimizer's loss, gradient, preparation and fit.
@Suite struct FSRSOptimizerTests {
    /// A learner with weights away from the defaults, so that a fit has somewhere to go.
    static let truth = try! FSRSParameters(weights: [
        0.4, 1.8, 4.5, 15.0, 6.0, 0.6, 2.2, 0.01, 1.6, 0.12, 1.1, 1.8, 0.08, 0.35, 1.2, 0.45, 2.4, 0.6, 0.2, 0.1, 0.3,
    ])

    static func sequences(reviews: Int, seed: UInt64, parameters: FSRSParameters = truth) -> [ReviewSequence] {
        ReviewSequence.sequences(from: SimulatedLearner(parameters: parameters).reviewLog(reviews: reviews, days: 365, seed: seed))
    }

    /// The summed loss of every card, with the gradient when asked.
    static func loss(_ weights: [Double], _ set: TrainingSet, gradient: inout [Double]) -> Double {
        let model = RecallLoss(weights: weights)
        var steps: [RecallLoss.Step] = []
        var slopes: [Double] = []
        var total = 0.0
        gradient.withUnsafeMutableBufferPointer { buffer in
            for card in 0..<set.cardCount {
                let range = set.range(of: card)
                total += model.cardLoss(ratings: set.ratings[range], elapsed: set.elapsedDays[range], weights: set.weights[range],
                                        gradient: buffer.baseAddress, steps: &steps, slopes: &slopes)
            }
        }
        return total
    }

    @Test func gradientMatchesFiniteDifferences() {
        let sequences = Self.sequences(reviews: 3000, seed: 11)
        let predictions = TrainingSet.predictions(of: sequences)
        let set = TrainingSet(sequences: sequences, predictions: predictions.enumerated().map { ($1, TrainingSet.recencyWeight(index: $0, count: predictions.count)) })
        for weights in [FSRSParameters.default.weights, Self.truth.weights] {
            var gradient = [Double](repeating: 0, count: 21)
            _ = Self.loss(weights, set, gradient: &gradient)
            var unused = [Double](repeating: 0, count: 21)
            for index in 0..<21 {
                let step = 1e-6 * max(1, abs(weights[index]))
                var up = weights, down = weights
                up[index] += step
                down[index] -= step
                let numeric = (Self.loss(up, set, gradient: &unused) - Self.loss(down, set, gradient: &unused)) / (2 * step)
                #expect(abs(numeric - gradient[index]) <= 1e-4 * max(1, abs(numeric)), "w\(index): analytic \(gradient[index]), numeric \(numeric)")
            }
        }
    }
}
