import Foundation

/// Fits ``IndentationModel/readingWeights``, how the search compares its finalists. Each
/// training block is restored with placement weights (``add(_:weights:)``); where the true
/// reading is among the finalists, the weights maximise its probability among them (a conditional logit
/// over the finalists on their search score and ``ReadingFlaws``), with an L2 penalty on the
/// flaw weights. Adam on the full set, a fixed number of steps: deterministic.
struct ReadingWeightsFit {
    /// The finalists of one search: per finalist its search score (less the best one's) and
    /// its flaws, and which one is true.
    private struct Group {
        var features: [[Double]]
        var truth: Int
    }

    private var groups: [Group] = []
    /// Where the finalists of each search go (``FitRecords/finalists``), if anywhere.
    private let records: RecordWriter?

    /// Finalists further than this below the best search score broke a rule of Python: they
    /// never win, and they would only stretch the fit.
    static let consideredBelowBest = 50.0

    /// No searches yet.
    init(recordingTo records: RecordWriter? = nil) {
        self.records = records
    }

    /// Collects the finalists of every example's search under `weights`; `part` is where the
    /// examples come from, for the records.
    mutating func add(_ examples: [IndentationRefinement.Example], weights: [Float], part: Int?) throws {
        let model = IndentationModel(weights: weights)
        for example in examples {
            let outcome = IndentationSearch(block: example.block, model: model, widensDeadEnds: false, mainGuardEndsScript: false).run()
            for segment in outcome.segments {
                guard let first = segment.finalists.first, let best = segment.finalists.map(\.searchScore).max() else { continue }
                let range = segment.start..<(segment.start + first.depths.count)
                let truth = Array(example.depths[range])
                let considered = segment.finalists.filter { $0.searchScore > best - Self.consideredBelowBest }
                if let records, considered.count > 1 {
                    try records.write(Self.record(considered, of: example, range: range, truth: truth, best: best, part: part))
                }
                guard considered.count > 1, let position = considered.firstIndex(where: { $0.depths == truth }) else { continue }
                // The search counted the flaws of every finalist, since there were several.
                groups.append(Group(features: considered.map { [$0.searchScore - best] + $0.flaws.values },
                                    truth: position))
            }
        }
    }

    /// How many searches had the true reading among several finalists.
    var count: Int { groups.count }

    /// How many of those `weights` rank the true reading first.
    func right(_ weights: [Double]) -> Int {
        groups.filter { group in
            let scores = group.features.map { Self.dot(weights, $0) }
            return scores.indices.max { scores[$0] < scores[$1] } == group.truth
        }.count
    }

    /// The fitted weights, starting from the search score alone.
    func fit(steps: Int = 300, l2: Double = 1e-3) -> [Double] {
        var weights = IndentationModel.searchScoreOnly.map(Double.init)
        guard !groups.isEmpty else { return weights }
        var adam = Adam(count: weights.count)
        for _ in 0..<max(steps, 1) {
            var gradient = [Double](repeating: 0, count: weights.count)
            for group in groups {
                let scores = group.features.map { Self.dot(weights, $0) }
                let largest = scores.max() ?? 0
                let total = scores.reduce(0) { $0 + exp($1 - largest) }
                for (position, features) in group.features.enumerated() {
                    let share = exp(scores[position] - largest) / total - (position == group.truth ? 1 : 0)
                    for index in features.indices { gradient[index] += share * features[index] }
                }
            }
            for index in weights.indices {
                // The search score's weight is a scale, not a preference: it is not pulled to zero.
                gradient[index] = gradient[index] / Double(groups.count) + (index == 0 ? 0 : l2 * weights[index])
            }
            adam.step(&weights, gradient: gradient, rate: 0.05)
        }
        return weights
    }

    /// A search's finalists as ``FitRecords/finalists`` stores them. Each finalist's text is
    /// the whole block, its other statements at their true depths.
    private static func record(_ finalists: [IndentationSearch.Finalist], of example: IndentationRefinement.Example,
                               range: Range<Int>, truth: [Int], best: Double, part: Int?) -> [String: Any] {
        let texts = finalists.map { finalist in
            var depths = example.depths
            depths.replaceSubrange(range, with: finalist.depths)
            let lineDepths = PythonReindenter.lineDepths(example.block, statementDepths: depths)
            return zip(example.block.lines, lineDepths).map { String(repeating: PythonReindenter.unit, count: $1) + $0 }
                .joinedLines()
        }
        return ["part": part ?? -1, "truth": finalists.firstIndex { $0.depths == truth } ?? -1, "texts": texts,
                "searchScores": finalists.map { $0.searchScore - best }, "flaws": finalists.map { $0.flaws.values }]
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
