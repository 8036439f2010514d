import Foundation

/// Fits the ``IndentationModel`` to real Python whose indentation is known.
///
/// Each example is walked statement by statement along its true depths (the reading a
/// search would reach if it were right so far); every statement with more than one
/// allowed depth is a decision, and the weights maximise the log-likelihood of the true
/// depth among the allowed ones (a conditional logit), with an L2 penalty. Adam on the
/// full set, a fixed number of steps, one thread: the same examples give the same file.
///
/// The weights that compare whole readings are fitted on searches the way they will be
/// used, on code the placement weights have not seen: when the examples come in parts
/// (quarters of the modules), each part is searched with placement weights fitted to the
/// other parts. A search of code it was fitted on is surer of itself than it should be.
///
/// The placement weights shipped are then the mean of the fit to every part and the fits to
/// all parts but one (bagging): a fit to a few hundred modules learns some of their accidents,
/// and each fit learns other ones, so the mean varies less with the training code. Held-out
/// quarters restore better with the mean than with the fit to everything (`crossval.sh`).
public enum IndentationModelFitter {
    /// Flat lines of one snippet and, for each line that starts a statement, its true depth.
    public struct Example: Sendable {
        public var lines: [String]
        public var depths: [Int?]
        /// Which part of the training code it comes from (nil: the examples are not in parts).
        public var part: Int?

        public init(lines: [String], depths: [Int?], part: Int? = nil) {
            self.lines = lines
            self.depths = depths
            self.part = part
        }
    }

    /// What fitting found: the model file and a few figures about the data.
    public struct Report: Sendable {
        public var modelJSON: Data
        public var examples: Int
        public var skippedExamples: Int
        public var decisions: Int
        public var trainingAccuracy: Double
        public var finalLoss: Double
    }

    /// How the placement weights are fitted.
    struct PlacementSettings {
        var steps: Int
        var l2: Double
        var refinementEpochs: Int
    }

    /// Fits the model to `examples`; `records` names files to write what the fit saw.
    public static func fit(_ examples: [Example], steps: Int = 300, l2: Double = 1e-3, refinementEpochs: Int = 0,
                           trainedOn: String, records: FitRecords = FitRecords(),
                           progress: (String) -> Void = { _ in }) throws -> Report {
        let settings = PlacementSettings(steps: steps, l2: l2, refinementEpochs: refinementEpochs)
        let writers = try records.writers()
        var decisions = DecisionSet()
        var skipped = 0
        var searchable: [(example: IndentationRefinement.Example, part: Int?)] = []
        for example in examples {
            if let block = try decisions.add(example, recordingTo: writers.decisions) {
                searchable.append((block, example.part))
            } else {
                skipped += 1
            }
        }
        progress("\(examples.count - skipped) examples, \(skipped) skipped, \(decisions.count) decisions")
        let (fitted, loss) = placementWeights(decisions, searchable.map(\.example), settings, progress: progress)
        var placement = fitted
        var finalists = ReadingWeightsFit(recordingTo: writers.finalists)
        let parts = Set(searchable.compactMap(\.part)).sorted()
        if parts.count > 1 {
            var sum = fitted
            for part in parts {
                var others = DecisionSet()
                var othersSearchable: [IndentationRefinement.Example] = []
                for example in examples where example.part != part {
                    if let block = try others.add(example) { othersSearchable.append(block) }
                }
                let partWeights = placementWeights(others, othersSearchable, settings) { _ in }.weights
                for index in sum.indices { sum[index] += partWeights[index] }
                try finalists.add(searchable.filter { $0.part == part }.map(\.example), weights: Self.rounded(partWeights), part: part)
                progress("part \(part): searched with weights fitted to the other parts")
            }
            placement = sum.map { $0 / Double(parts.count + 1) }
        } else {
            try finalists.add(searchable.map(\.example), weights: Self.rounded(fitted), part: nil)
        }
        let rounded = Self.rounded(placement)
        let readingWeights = finalists.fit()
        progress("readings: \(finalists.count) searches with the truth among several finalists; ranked first "
                 + "\(finalists.right(IndentationModel.searchScoreOnly.map(Double.init))) by the search score, "
                 + "\(finalists.right(readingWeights)) with the flaws (weights \(readingWeights.map { ($0 * 1000).rounded() / 1000 }))")
        let file = IndentationModelFile(
            format: IndentationModelFile.formatName, trainedOn: trainedOn,
            templates: IndentationModel.templates.map {
                .init(name: $0.name, dimensions: $0.dimensions, weights: StoredWeights(Array(rounded[$0.offset..<($0.offset + $0.size)])))
            },
            reading: .init(names: IndentationModel.readingWeightNames,
                           weights: StoredWeights(readingWeights.map { Float(($0 * 10_000).rounded() / 10_000) })))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Report(modelJSON: try encoder.encode(file), examples: examples.count - skipped, skippedExamples: skipped,
                      decisions: decisions.count, trainingAccuracy: decisions.accuracy(placement),
                      finalLoss: loss / Double(max(decisions.count, 1)))
    }

    /// The placement weights: the conditional logit on every decision, then refined against
    /// the search itself. Returns them with the final summed loss.
    private static func placementWeights(_ decisions: DecisionSet, _ searchable: [IndentationRefinement.Example],
                                         _ settings: PlacementSettings, progress: (String) -> Void) -> (weights: [Double], loss: Double) {
        var weights = [Double](repeating: 0, count: IndentationModel.weightCount)
        var adam = Adam(count: weights.count)
        var loss = 0.0
        for step in 1...max(settings.steps, 1) {
            var gradient = [Double](repeating: 0, count: weights.count)
            loss = decisions.lossAndGradient(weights, into: &gradient)
            for index in weights.indices {
                gradient[index] = gradient[index] / Double(decisions.count) + settings.l2 * weights[index]
            }
            adam.step(&weights, gradient: gradient, rate: 0.05)
            if step % 50 == 0 || step == 1 { progress("step \(step): loss \(loss / Double(decisions.count))") }
        }
        if settings.refinementEpochs > 0 {
            var refinement = IndentationRefinement(weights: weights)
            let wrong = refinement.run(searchable, epochs: settings.refinementEpochs, rate: 0.05)
            progress("refinement: wrong readings per pass \(wrong) of \(searchable.count)")
            weights = refinement.weights
        }
        return (weights, loss)
    }

    /// Weights as the model file stores them: four decimals.
    private static func rounded(_ weights: [Double]) -> [Float] {
        weights.map { Float(($0 * 10_000).rounded() / 10_000) }
    }
}

/// Every decision of the training set: per candidate depth, its feature indices.
private struct DecisionSet {
    /// Per decision: where its candidates start in `features` (in units of one candidate),
    /// how many there are, and which one is true.
    private var starts: [Int32] = []
    private var counts: [UInt8] = []
    private var truths: [UInt8] = []
    private var features: [Int32] = []
    /// Per candidate: the fixed score of ``IndentationCues``.
    private var offsets: [Double] = []

    var count: Int { starts.count }

    /// Adds the decisions of one example (and writes them to `records`); nil when its truth
    /// cannot be followed, else the block with its true depths.
    mutating func add(_ example: IndentationModelFitter.Example, recordingTo records: RecordWriter? = nil) throws -> IndentationRefinement.Example? {
        let block = FlatPythonBlock(lines: example.lines.map { Substring($0) })
        var truth: [Int] = []
        for statement in block.statements {
            guard let depth = example.depths[statement.head] else { return nil }
            truth.append(depth)
        }
        let mark = (starts.count, counts.count, truths.count, features.count, offsets.count)
        var recorded: [[String: Any]] = []
        var reading = IndentationReading(nameCount: block.nameCount, allowsTopLevelAwait: block.isGuideStyle)
        let segmentStarts = Set(IndentationSearch.segmentStarts(of: block).dropFirst())
        for (index, statement) in block.statements.enumerated() {
            let depth = truth[index]
            if segmentStarts.contains(index), depth == 0 {
                // The search starts such a statement afresh at the margin, as a new example
                // (deeper, the comment numbers steps of the opener's body: one run, as searched).
                reading = IndentationReading(nameCount: block.nameCount, allowsTopLevelAwait: block.isGuideStyle)
            }
            let allowed = reading.allowedDepths
            guard allowed.contains(depth), reading.violation(placing: statement, at: depth) == nil else {
                (starts, counts, truths, features) = (Array(starts.prefix(mark.0)), Array(counts.prefix(mark.1)),
                                                      Array(truths.prefix(mark.2)), Array(features.prefix(mark.3)))
                offsets = Array(offsets.prefix(mark.4))
                return nil
            }
            let candidates = allowed.filter { reading.violation(placing: statement, at: $0) == nil }
            if candidates.count > 1 {
                let context = reading.context(for: statement, nextKind: index + 1 < block.statements.count ? block.statements[index + 1].modelKind : nil,
                                              selfName: block.selfName)
                starts.append(Int32(features.count / IndentationModel.featuresPerPlacement))
                counts.append(UInt8(candidates.count))
                truths.append(UInt8(candidates.firstIndex(of: depth) ?? 0))
                var candidateFacts: [[Int]] = []
                for candidate in candidates {
                    let facts = reading.facts(placing: statement, comment: block.commentFact(index), at: candidate, context: context)
                    IndentationModel.forEachFeature(of: facts) { features.append(Int32($0)) }
                    offsets.append(Double(IndentationCues.offset(statement, comment: block.commentFact(index), at: candidate, context: context)))
                    if records != nil { candidateFacts.append(facts.values) }
                }
                if records != nil {
                    recorded.append(["part": example.part ?? -1, "truth": Int(truths[truths.count - 1]), "facts": candidateFacts,
                                     "offsets": Array(offsets.suffix(candidates.count))])
                }
            }
            reading.place(statement, at: depth)
        }
        for record in recorded { try records?.write(record) }
        return IndentationRefinement.Example(block: block, depths: truth)
    }

    /// The summed negative log-likelihood; adds its gradient to `gradient`.
    func lossAndGradient(_ weights: [Double], into gradient: inout [Double]) -> Double {
        let width = IndentationModel.featuresPerPlacement
        var loss = 0.0
        var scores = [Double](repeating: 0, count: 256)
        for decision in 0..<count {
            let first = Int(starts[decision]), number = Int(counts[decision])
            var largest = -Double.infinity
            for candidate in 0..<number {
                var score = offsets[first + candidate]
                let base = (first + candidate) * width
                for offset in 0..<width { score += weights[Int(features[base + offset])] }
                scores[candidate] = score
                largest = max(largest, score)
            }
            var total = 0.0
            for candidate in 0..<number { total += exp(scores[candidate] - largest) }
            let normaliser = largest + log(total)
            let truth = Int(truths[decision])
            loss -= scores[truth] - normaliser
            for candidate in 0..<number {
                let probability = exp(scores[candidate] - normaliser) - (candidate == truth ? 1 : 0)
                let base = (first + candidate) * width
                for offset in 0..<width { gradient[Int(features[base + offset])] += probability }
            }
        }
        return loss
    }

    /// The share of decisions where the true depth scores highest.
    func accuracy(_ weights: [Double]) -> Double {
        let width = IndentationModel.featuresPerPlacement
        var right = 0
        for decision in 0..<count {
            let first = Int(starts[decision]), number = Int(counts[decision])
            var best = 0
            var bestScore = -Double.infinity
            for candidate in 0..<number {
                var score = offsets[first + candidate]
                let base = (first + candidate) * width
                for offset in 0..<width { score += weights[Int(features[base + offset])] }
                if score > bestScore { (best, bestScore) = (candidate, score) }
            }
            if best == Int(truths[decision]) { right += 1 }
        }
        return Double(right) / Double(max(count, 1))
    }
}
