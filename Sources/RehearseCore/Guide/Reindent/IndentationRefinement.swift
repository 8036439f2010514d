import Foundation

/// Refines fitted weights against the search itself: each training block is restored with
/// the current weights, and where the search's reading differs from the truth, the weights
/// move towards the truth's path score and away from the reading's (the gradient of each
/// path's summed log-probabilities, as the search scores them). The weights kept are the
/// average over all steps. This corrects what fitting decision by decision cannot see: an
/// early choice that only the later statements show to be wrong.
struct IndentationRefinement {
    /// A block and the true depth of each of its statements.
    struct Example {
        var block: FlatPythonBlock
        var depths: [Int]
    }

    var weights: [Double]

    /// Runs `epochs` passes over `examples` in order; returns how many readings were wrong
    /// in each pass.
    mutating func run(_ examples: [Example], epochs: Int, rate: Double) -> [Int] {
        var floats = weights.map(Float.init)
        var total = weights
        var steps = 1.0
        var wrongPerEpoch: [Int] = []
        for _ in 0..<epochs {
            var wrong = 0
            for example in examples {
                let model = IndentationModel(weights: floats)
                let found = IndentationSearch(block: example.block, model: model, widensDeadEnds: false, mainGuardEndsScript: false).run().depths
                if found != example.depths {
                    wrong += 1
                    var gradient: [Int: Double] = [:]
                    Self.addPathGradient(example.block, example.depths, model, sign: 1, into: &gradient)
                    Self.addPathGradient(example.block, found, model, sign: -1, into: &gradient)
                    for (index, value) in gradient {
                        weights[index] += rate * value
                        floats[index] = Float(weights[index])
                    }
                }
                for index in weights.indices { total[index] += weights[index] }
                steps += 1
            }
            wrongPerEpoch.append(wrong)
        }
        weights = total.map { $0 / steps }
        return wrongPerEpoch
    }

    /// Adds `sign` times the gradient of a path's score: per decision, the chosen placement's
    /// features less their expectation under the search's probabilities.
    static func addPathGradient(_ block: FlatPythonBlock, _ depths: [Int], _ model: IndentationModel, sign: Double,
                                into gradient: inout [Int: Double]) {
        let segmentStarts = Set(IndentationSearch.segmentStarts(of: block))
        var reading = IndentationReading(nameCount: block.nameCount, allowsTopLevelAwait: block.isGuideStyle)
        var features: [[Int]] = []
        var scores: [Double] = []
        for (index, statement) in block.statements.enumerated() {
            if segmentStarts.contains(index) {
                reading = IndentationReading(nameCount: block.nameCount, allowsTopLevelAwait: block.isGuideStyle)
            }
            let depth = depths[index]
            let allowed = reading.allowedDepths.filter { reading.violation(placing: statement, at: $0) == nil }
            guard reading.allowedDepths.contains(depth) else { return }
            if allowed.count > 1, allowed.contains(depth) {
                let nextKind = index + 1 < block.statements.count ? block.statements[index + 1].modelKind : nil
                let context = reading.context(for: statement, nextKind: nextKind, selfName: block.selfName)
                features.removeAll(keepingCapacity: true)
                scores.removeAll(keepingCapacity: true)
                for candidate in allowed {
                    let facts = reading.facts(placing: statement, comment: block.commentFact(index), at: candidate, context: context)
                    var indices: [Int] = []
                    IndentationModel.forEachFeature(of: facts) { indices.append($0) }
                    features.append(indices)
                    scores.append(Double(model.score(facts) + IndentationCues.offset(statement, comment: block.commentFact(index), at: candidate, context: context)))
                }
                let largest = scores.max() ?? 0
                let normaliser = scores.reduce(0) { $0 + exp($1 - largest) }
                for (position, candidate) in allowed.enumerated() {
                    let probability = exp(scores[position] - largest) / normaliser
                    let weight = sign * ((candidate == depth ? 1 : 0) - probability)
                    for feature in features[position] { gradient[feature, default: 0] += weight }
                }
            }
            reading.place(statement, at: depth)
        }
    }
}
