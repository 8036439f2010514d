import Foundation

/// fsrs-rs's pre-training of the initial stabilities w0–w3: for each first rating, the
/// stability whose forgetting curve (with the default decay) best fits the recall observed at
/// each first interval, then made increasing with the rating and filled in where a rating was
/// never given.
enum InitialStability {
    static let maximum = 100.0

    /// The four initial stabilities, or nil when no first rating has data.
    static func fit(_ groups: FirstIntervals, averageRecall: Double) -> [Double]? {
        var stabilities: [Int: Double] = [:]
        for rating in 1...4 {
            let data = groups.kept.filter { $0.key.firstRating == rating }.sorted { $0.key.elapsedDays < $1.key.elapsedDays }
            guard !data.isEmpty else { continue }
            stabilities[rating] = search(data.map { (Double($0.key.elapsedDays), Double($0.value.recalled) / Double($0.value.count), Double($0.value.count)) },
                                         default: FSRSParameters.defaultWeights[rating - 1], averageRecall: averageRecall)
        }
        return smoothAndFill(stabilities, counts: groups.countPerFirstRating)
    }

    /// Ternary search of the stability minimising the count-weighted log loss (recall smoothed
    /// towards the average) plus |S − default| / 16.
    static func search(_ data: [(elapsed: Double, recall: Double, count: Double)], default defaultStability: Double, averageRecall: Double) -> Double {
        let decay = -FSRSParameters.defaultWeights[20]
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ stability: Double) -> Double {
            var total = 0.0
            for (elapsed, recall, count) in data {
                let smoothed = (recall * count + averageRecall) / (count + 1)
                let predicted = pow(elapsed / stability * factor + 1, decay)
                total -= (smoothed * log(predicted) + (1 - smoothed) * log(1 - predicted)) * count
            }
            return total + abs(stability - defaultStability) / 16
        }
        var low = MemoryModel.minimumStability
        var high = maximum
        var best = defaultStability
        var iterations = 0
        while high - low > Double.ulpOfOne, iterations < 1000 {
            iterations += 1
            let first = low + (high - low) / 3
            let second = high - (high - low) / 3
            if loss(first) < loss(second) { high = second } else { low = first }
            best = (high + low) / 2
        }
        return best
    }

    /// fsrs-rs's `smooth_and_fill`: a lower rating never gets a higher stability (the rating
    /// with more data wins), and missing ratings are filled from the others by its fixed
    /// geometric relations. nil when no rating has data.
    static func smoothAndFill(_ fitted: [Int: Double], counts: [Int: Int]) -> [Double]? {
        var stability = fitted.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            guard let smallValue = stability[small], let bigValue = stability[big], smallValue > bigValue else { continue }
            if (counts[small] ?? 0) > (counts[big] ?? 0) { stability[big] = smallValue } else { stability[small] = bigValue }
        }
        let w1 = 0.41, w2 = 0.54
        var s: [Double?] = [nil, stability[1], stability[2], stability[3], stability[4]]
        switch stability.count {
        case 0:
            return nil
        case 1:
            guard let (rating, value) = stability.first else { return nil }
            let factor = value / FSRSParameters.defaultWeights[rating - 1]
            return FSRSParameters.defaultWeights[0..<4].map { clamp($0 * factor) }.sorted()
        case 2:
            switch (s[1], s[2], s[3], s[4]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                s[2] = r2
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                s[3] = r3
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let exponent = w1 / (w1 + w2 - w1 * w2)
                s[2] = pow(r1, exponent) * pow(r4, 1 - exponent)
                let other = w2 / (w1 + w2 - w1 * w2)
                s[3] = pow(r1, 1 - other) * pow(r4, other)
            case (let r1?, nil, let r3?, nil):
                let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                s[2] = r2
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                s[3] = r3
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        case 3:
            switch (s[1], s[2], s[3], s[4]) {
            case (nil, let r2?, let r3?, _):
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, let r3?, _):
                s[2] = pow(r1, w1) * pow(r3, 1 - w1)
            case (_, let r2?, nil, let r4?):
                s[3] = pow(r2, 1 - w2) * pow(r4, w2)
            case (_, let r2?, let r3?, nil):
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        default:
            break
        }
        let filled = s.dropFirst().compactMap { $0 }
        guard filled.count == 4 else { return nil }
        return filled.map(clamp)
    }

    private static func clamp(_ stability: Double) -> Double {
        min(max(stability, MemoryModel.minimumStability), maximum)
    }
}
