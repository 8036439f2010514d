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

    /// fsrs-rs-python's own figures on a learner simulated in Python (Benchmarks/fsrs/generate-fit-vectors.py).
    struct FitVectors: Decodable {
        struct Card: Decodable {
            var ratings: [Int]
            var elapsed: [Int]
            var times: [Int64]
        }

        struct Judged: Decodable {
            var parameters: [Double]
            var log_loss: Double
            var rmse_bins: Double
        }

        var cards: [Card]
        var evaluations: [Judged]
        var fit: Judged

        var sequences: [ReviewSequence] {
            cards.enumerated().map { index, card in
                ReviewSequence(cardID: Int64(index), ratings: card.ratings.compactMap(Rating.init(rawValue:)), elapsedDays: card.elapsed, times: card.times)
            }
        }
    }

    static func fitVectors() throws -> FitVectors {
        try JSONDecoder().decode(FitVectors.self, from: TestFiles.fixtureData("fsrs-fit.json"))
    }

    @Test func evaluationMatchesFSRSRS() throws {
        let vectors = try Self.fitVectors()
        for judged in vectors.evaluations + [vectors.fit] {
            let evaluation = try #require(FSRSEvaluation.evaluate(try FSRSParameters(weights: judged.parameters), on: vectors.sequences))
            #expect(abs(evaluation.logLoss - judged.log_loss) < 1e-4, "log loss \(evaluation.logLoss) against fsrs-rs \(judged.log_loss)")
            #expect(abs(evaluation.rmseBins - judged.rmse_bins) < 1e-4, "RMSE(bins) \(evaluation.rmseBins) against fsrs-rs \(judged.rmse_bins)")
        }
    }

    @Test func fitIsAsGoodAsFSRSRS() throws {
        let vectors = try Self.fitVectors()
        let fit = try FSRSOptimizer().fit(vectors.sequences)
        #expect(fit.method == .gradientDescent)
        let evaluation = try #require(FSRSEvaluation.evaluate(fit.parameters, on: vectors.sequences))
        #expect(evaluation.logLoss <= vectors.fit.log_loss * 1.005, "log loss \(evaluation.logLoss) against fsrs-rs's fit \(vectors.fit.log_loss)")
        #expect(evaluation.logLoss < vectors.evaluations[0].log_loss, "the fit beats the defaults")
    }

    /// fsrs-rs's own unit test of the initial-stability search (`test_search_parameters`).
    @Test func initialStabilitySearchMatchesFSRSRS() {
        let data: [(elapsed: Double, recall: Double, count: Double)] = [
            (1, 0.86666667, 435), (2, 0.90721649, 97), (3, 0.73015873, 63), (4, 0.76315789, 38), (5, 0.67857143, 28),
        ]
        let stability = InitialStability.search(data, default: FSRSParameters.defaultWeights[0], averageRecall: 0.94302857)
        #expect(abs(stability - 0.7355089) < 1e-5)
    }

    /// fsrs-rs's `test_smooth_and_fill`: a missing rating filled geometrically, a lone rating scaling the defaults.
    @Test func smoothAndFillMatchesFSRSRS() throws {
        let filled = try #require(InitialStability.smoothAndFill([1: 0.4, 3: 2.3, 4: 10.9], counts: [1: 1, 2: 1, 3: 1, 4: 1]))
        for (value, expected) in zip(filled, [0.4, 1.1227008, 2.3, 10.9]) { #expect(abs(value - expected) < 1e-6) }
        let scaled = try #require(InitialStability.smoothAndFill([2: 0.35], counts: [2: 1]))
        for (value, expected) in zip(scaled, [0.05738148, 0.35, 0.6242943, 2.2453482]) { #expect(abs(value - expected) < 1e-6) }
        #expect(InitialStability.smoothAndFill([:], counts: [:]) == nil)
    }

    /// On a simulated learner the fit predicts within 0.5% of the truth's log loss and lands
    /// nearer the true weights than the defaults are (fsrs-rs's pull towards the starting
    /// weights keeps poorly determined ones near them, so closer is all either method gets).
    @Test func fitRecoversSimulatedLearner() throws {
        let sequences = Self.sequences(reviews: 40_000, seed: 5)
        let fit = try FSRSOptimizer().fit(sequences)
        let fitted = try #require(FSRSEvaluation.evaluate(fit.parameters, on: sequences))
        let truth = try #require(FSRSEvaluation.evaluate(Self.truth, on: sequences))
        let defaults = try #require(FSRSEvaluation.evaluate(.default, on: sequences))
        #expect(fitted.logLoss <= truth.logLoss * 1.005, "fitted \(fitted.logLoss), truth \(truth.logLoss)")
        #expect(defaults.logLoss > truth.logLoss * 1.01, "the defaults are measurably wrong for this learner")
        func error(_ weights: [Double]) -> Double {
            zip(zip(weights, Self.truth.weights), FSRSOptimizer.spreads).map { abs($0.0 - $0.1) / $1 }.reduce(0, +) / 21
        }
        #expect(error(fit.parameters.weights) < error(FSRSParameters.defaultWeights),
                "parameter error \(error(fit.parameters.weights)) against the defaults' \(error(FSRSParameters.defaultWeights))")
        // The stability after a first Good, the best-determined weight, within 20%.
        #expect(abs(fit.parameters.weights[2] / Self.truth.weights[2] - 1) < 0.2, "w2 \(fit.parameters.weights[2])")
    }

    @Test func tooLittleHistoryKeepsTheCurrentWeights() {
        let sequences = Self.sequences(reviews: 150, seed: 2)
        #expect(throws: FSRSOptimizationError.self) { try FSRSOptimization.run(on: sequences, current: .default, holdOut: true) }
        let small = try? FSRSOptimizer().fit(Array(sequences.prefix(2)))
        #expect(small?.method == .defaults && small?.parameters == .default)
    }

    @Test func holdOutComparesOnLaterReviews() throws {
        let sequences = Self.sequences(reviews: 20_000, seed: 8)
        let optimization = try FSRSOptimization.run(on: sequences, current: .default, holdOut: true)
        let holdOut = try #require(optimization.holdOut)
        #expect(holdOut.current.predictions == holdOut.fitted.predictions)
        let share = Double(holdOut.current.predictions) / Double(optimization.fitted.predictions)
        #expect(abs(share - FSRSOptimization.holdOutShare) < 0.01)
        #expect(holdOut.fitIsNoWorse, "on a learner far from the defaults the fit wins on unseen reviews")
    }

    /// Anki's conversion: manual entries dropped, a reset card starts again at its last first
    /// learning, a card never learnt here is left out, days counted from the chosen hour.
    @Test func sequencesFollowAnkisConversion() {
        let day: Int64 = 86_400_000
        let entries: [ReviewSequence.Entry] = [
            .init(cardID: 1, time: 10 * day + 1000, rating: .good, kind: .learning),
            .init(cardID: 1, time: 12 * day, rating: .good, kind: .review),
            .init(cardID: 1, time: 13 * day, rating: .again, kind: .manual),
            .init(cardID: 1, time: 20 * day + 3_700_000, rating: .hard, kind: .learning),
            .init(cardID: 1, time: 20 * day + 4_300_000, rating: .good, kind: .learning),
            .init(cardID: 1, time: 25 * day + 3_000_000, rating: .good, kind: .review),
            .init(cardID: 2, time: 11 * day, rating: .good, kind: .review),
            .init(cardID: 2, time: 15 * day, rating: .good, kind: .review),
        ]
        let sequences = ReviewSequence.sequences(from: entries)
        #expect(sequences.map(\.cardID) == [1])
        #expect(sequences.first?.ratings == [.hard, .good, .good])
        #expect(sequences.first?.elapsedDays == [0, 0, 5])
        // With days starting at 01:00 UTC the last review (00:50 on day 25) belongs to day 24.
        let shifted = ReviewSequence.sequences(from: entries, nextDayStartsAt: 1)
        #expect(shifted.first?.elapsedDays == [0, 0, 4])
        let unknownKinds = ReviewSequence.sequences(from: entries.map { .init(cardID: $0.cardID, time: $0.time, rating: $0.rating) })
        #expect(unknownKinds.map(\.ratings.count) == [6, 2])
    }
}

/// Predicted recall against what simulated learners recalled.
@Suite struct RecallCalibrationTests {
    /// With weights fitted to a learner's reviews, every bin of 500 or more reviews predicts
    /// recall within 3 points of what was recalled, for learners near and far from the defaults.
    @Test(arguments: [(FSRSOptimizerTests.truth, UInt64(21)), (FSRSParameters.default, UInt64(22))])
    func fittedWeightsAreCalibrated(learner: FSRSParameters, seed: UInt64) throws {
        let sequences = FSRSOptimizerTests.sequences(reviews: 60_000, seed: seed, parameters: learner)
        let fit = try FSRSOptimizer().fit(sequences)
        let calibration = RecallCalibration(fit.parameters, on: sequences)
        let populous = calibration.bins.filter { $0.reviews >= 500 }
        #expect(populous.count >= 3)
        for bin in populous {
            #expect(abs(bin.predicted - bin.observed) <= 0.03, "\(bin.lower)-\(bin.upper): predicted \(bin.predicted), observed \(bin.observed), \(bin.reviews) reviews")
        }
    }

    /// The check has teeth: the default weights on a learner far from them miss by more.
    @Test func defaultWeightsOnAnotherLearnerAreNot() {
        let sequences = FSRSOptimizerTests.sequences(reviews: 60_000, seed: 21)
        let worst = RecallCalibration(.default, on: sequences).bins.filter { $0.reviews >= 500 }.map { abs($0.predicted - $0.observed) }.max() ?? 0
        #expect(worst > 0.03)
    }

    @Test func binsCountEveryPrediction() throws {
        let sequences = FSRSOptimizerTests.sequences(reviews: 3000, seed: 23)
        let calibration = RecallCalibration(.default, on: sequences)
        #expect(calibration.reviews == TrainingSet.predictions(of: sequences).count)
        #expect(calibration.bins.allSatisfy { $0.predicted >= $0.lower && $0.predicted < $0.upper && $0.reviews > 0 })
    }
}
