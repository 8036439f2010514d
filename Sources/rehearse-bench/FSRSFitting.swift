import Foundation
import RehearseCore

/// Review logs of simulated learners, and the optimizer timed on them
/// (Benchmarks/fsrs/optimize.py).
enum FSRSFitting {
    /// Writes the review log of a learner with the given weights as a CSV with
    /// card_id, review_time, review_rating, review_state, review_duration.
    static func simulate(weights: String?, reviews: Int, days: Int, seed: UInt64, output: String) throws {
        let parameters = try weights.map { try FSRSParameters(parsing: $0) } ?? .default
        let entries = SimulatedLearner(parameters: parameters).reviewLog(reviews: reviews, days: days, seed: seed)
        var text = "card_id,review_time,review_rating,review_state,review_duration\n"
        text.reserveCapacity(entries.count * 40)
        var generator = SplitMix64(seed: seed ^ 0x5EED)
        for entry in entries {
            text += "\(entry.cardID),\(entry.time),\(entry.rating.rawValue),\(entry.kind?.rawValue ?? 1),\(Int.random(in: 3000...20000, using: &generator))\n"
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output])
        }
    }

    /// Fits a review log `repeats` times and prints the best wall time and the weights.
    static func optimize(path: String, repeats: Int) throws {
        let log = try RevlogCSV(text: try String(contentsOfFile: path, encoding: .utf8), fileName: path)
        let sequences = ReviewSequence.sequences(from: log)
        var best = Double.infinity
        var fit: FSRSOptimizer.Fit?
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            fit = try FSRSOptimizer().fit(sequences)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let weights = fit?.parameters.weights.map { String(format: "%.6f", $0) }.joined(separator: ",") ?? ""
        print(String(format: "swift\t%d reviews\tbest %.4f s\tweights %@", log.rows.count, best, weights))
    }
}
