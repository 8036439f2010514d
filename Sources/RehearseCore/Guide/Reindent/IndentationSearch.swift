import Foundation

/// Finds the most probable indentation of a block of flattened Python: a beam search over
/// the depth of each statement, where what cannot be Python is ruled out
/// (``IndentationReading/violation(placing:at:)``) and what can is scored by the learned
/// ``IndentationModel``. The readings the beam keeps to the end are then compared whole:
/// by their score and their ``ReadingFlaws``. When every reading the beam kept breaks a
/// rule, the run is searched again with a much wider beam, so that a reading that compiles
/// is not lost to the beam's width.
struct IndentationSearch {
    /// The chosen depth of each statement of the block, and the readings weighed against it.
    struct Outcome {
        var depths: [Int]
        /// Statements whose placement breaks a rule of Python in every reading, and why.
        var violations: [(statement: Int, violation: IndentationReading.Violation)]
        /// Per run of statements searched on its own: where it starts and the readings the
        /// beam kept, best first.
        var segments: [(start: Int, finalists: [Finalist])] = []
    }

    /// A whole reading of a run of statements that the beam kept to the end.
    struct Finalist {
        var depths: [Int]
        /// Its summed log-probability under the search, rule penalties included.
        var searchScore: Double
        /// What the finalists are ranked by (``IndentationModel/readingScore(searchScore:flaws:)``).
        var score: Double
        /// What the reading does that written Python rarely does (counted when the beam kept
        /// more than one reading).
        var flaws = ReadingFlaws()
        /// Its placements that break a rule of Python (positions in the run), and whether it
        /// leaves a `try` without a handler.
        var violations: [(Int, IndentationReading.Violation)]
        var endsWithBareTry: Bool
    }

    /// How many partial readings the beam keeps. Compared by four-fold cross-validation on
    /// the train half: 32 restores more lines right than 16 (a long block's right reading is
    /// less often let go early) and as many as 64.
    static let beamWidth = 32
    /// Readings this many nats (log-probability) below the best are dropped: they are
    /// e^-10 ≈ 45 millionths as likely. By four-fold cross-validation on the train half
    /// (1,822 snippets), 10 loses one exact snippet and one line of 23,652 against 12 and
    /// reads user-10 about 7% faster; 8 loses 4 snippets and 23 lines.
    static let pruneBelowBest = 10.0
    /// The beam of the second, unpruned search of a run whose every kept reading breaks a rule
    /// (``search(_:)``): eight times the usual one, and so about eight times the work.
    /// Only runs of at most ``deadEndStatementLimit`` statements get it, which bounds that work.
    static let deadEndBeamWidth = 256
    static let deadEndStatementLimit = 200
    /// Added to a placement that breaks a rule: such a reading wins only when no other exists.
    static let violationPenalty = 1_000.0
    /// Added to a placement Python allows but code is not written so
    /// (``IndentationReading/Violation/isStyle``): such a reading wins over readings that break
    /// a rule, never over one without either.
    static let stylePenalty = 100.0

    let block: FlatPythonBlock
    let model: IndentationModel
    /// Whether a run whose every kept reading breaks a rule is searched again, wider
    /// (``search(_:)``). The reader does; the fitting does not, so that the model learns to
    /// rank the readings its own beam keeps.
    let widensDeadEnds: Bool

    /// Whether a top-level main guard ends the reading (``IndentationReading/mainGuardEndsScript``):
    /// the reader's rule, which the fitting leaves out.
    let mainGuardEndsScript: Bool

    init(block: FlatPythonBlock, model: IndentationModel = .shared, widensDeadEnds: Bool = true, mainGuardEndsScript: Bool = true) {
        self.block = block
        self.model = model
        self.widensDeadEnds = widensDeadEnds
        self.mainGuardEndsScript = mainGuardEndsScript
    }

    /// Searches each run of statements that starts fresh at the margin (see ``segmentStarts``).
    /// A run is searched together with the one before it instead when apart they break more
    /// rules: the numbered comment then numbers the steps of the opener's body (`def load(path):`
    /// / `# 1. Read the file` / … / `return rows`).
    func run() -> Outcome {
        let starts = Self.segmentStarts(of: block)
        var runs: [(range: Range<Int>, outcome: Outcome)] = []
        for (position, start) in starts.enumerated() {
            let range = start..<(position + 1 < starts.count ? starts[position + 1] : block.statements.count)
            let part = search(range)
            if let previous = runs.last, !part.violations.isEmpty {
                let joined = search(previous.range.lowerBound..<range.upperBound)
                if Self.penalty(joined.violations) < Self.penalty(previous.outcome.violations) + Self.penalty(part.violations) {
                    runs[runs.count - 1] = (previous.range.lowerBound..<range.upperBound, joined)
                    continue
                }
            }
            runs.append((range, part))
        }
        var outcome = Outcome(depths: [], violations: [])
        for (_, part) in runs {
            outcome.depths += part.depths
            outcome.violations += part.violations
            outcome.segments += part.segments
        }
        return outcome
    }

    /// Where a new example starts at the margin: a statement after a block opener that a
    /// numbered or ruled comment (`# 2. …`, `# --- …`) separates from it. The opener is
    /// left without a body, as the guide wrote it.
    static func segmentStarts(of block: FlatPythonBlock) -> [Int] {
        var starts = [0]
        for index in block.statements.indices.dropFirst()
        where block.commentBefore[index] == .marker && block.statements[index - 1].opens {
            starts.append(index)
        }
        return starts
    }

    /// One partial reading in the beam: its state, its log-probability and its path.
    private struct Hypothesis {
        var reading: IndentationReading
        var score: Double
        var node: Int
    }

    /// The path of a hypothesis, one node per statement: the depth chosen and the node before.
    private struct PathNode {
        var parent: Int32
        var depth: UInt8
        var violation: IndentationReading.Violation?
    }

    /// Searches `range` with the beam; when every reading the beam kept breaks a rule, once
    /// more with ``deadEndBeamWidth`` and no pruning, which keeps the readings the narrow beam
    /// let go, and takes that reading if it breaks fewer rules.
    private func search(_ range: Range<Int>) -> Outcome {
        let outcome = search(range, width: Self.beamWidth, pruneBelowBest: Self.pruneBelowBest)
        guard widensDeadEnds, !outcome.violations.isEmpty, range.count <= Self.deadEndStatementLimit else { return outcome }
        let wider = search(range, width: Self.deadEndBeamWidth, pruneBelowBest: .infinity)
        return Self.penalty(wider.violations) < Self.penalty(outcome.violations) ? wider : outcome
    }

    /// The penalties of the rules a reading breaks, summed.
    private static func penalty(_ violations: [(statement: Int, violation: IndentationReading.Violation)]) -> Double {
        violations.reduce(0) { $0 + penalty($1.violation) }
    }

    private static func penalty(_ violation: IndentationReading.Violation) -> Double {
        violation.isStyle ? stylePenalty : violationPenalty
    }

    private func search(_ range: Range<Int>, width: Int, pruneBelowBest: Double) -> Outcome {
        guard !range.isEmpty else { return Outcome(depths: [], violations: []) }
        var nodes: [PathNode] = []
        nodes.reserveCapacity(range.count * width)
        var beam = [Hypothesis(reading: IndentationReading(nameCount: block.nameCount, allowsTopLevelAwait: block.isGuideStyle,
                                                              mainGuardEndsScript: mainGuardEndsScript), score: 0, node: -1)]
        var candidates: [(hypothesis: Int, depth: Int, score: Double, violation: IndentationReading.Violation?)] = []
        var logits: [Double] = []
        var violations: [IndentationReading.Violation?] = []
        var lastUse: [Int] = []
        // The next beam is built here, then swapped with the beam: the two arrays are reused.
        var kept: [Hypothesis] = []
        kept.reserveCapacity(width)
        for index in range {
            let statement = block.statements[index]
            let nextKind = index + 1 < block.statements.count ? block.statements[index + 1].modelKind : nil
            let comment = block.commentFact(index)
            candidates.removeAll(keepingCapacity: true)
            for position in beam.indices {
                let depths = beam[position].reading.allowedDepths
                logits.removeAll(keepingCapacity: true)
                violations.removeAll(keepingCapacity: true)
                let reading = beam[position].reading
                if depths.count == 1 {
                    // After an opener the depth is forced: only its rules are checked.
                    violations.append(reading.violation(placing: statement, at: depths.lowerBound))
                    logits.append(0)
                } else {
                    let context = reading.context(for: statement, nextKind: nextKind, selfName: block.selfName)
                    for depth in depths {
                        violations.append(reading.violation(placing: statement, at: depth))
                        logits.append(Double(model.score(reading.facts(placing: statement, comment: comment, at: depth, context: context))
                            + IndentationCues.offset(statement, comment: comment, at: depth, context: context)))
                    }
                }
                let normaliser = logSumExp(logits, over: violations)
                for (offset, depth) in depths.enumerated() {
                    let penalty = violations[offset].map(Self.penalty) ?? 0
                    candidates.append((position, depth, beam[position].score + logits[offset] - normaliser - penalty, violations[offset]))
                }
            }
            // Those too far below the best are dropped before the rest are sorted. The same
            // candidates in the same order sort the same way: the search is deterministic.
            let floor = (candidates.max { $0.score < $1.score }?.score ?? 0) - pruneBelowBest
            candidates.removeAll { $0.score < floor }
            candidates.sort { $0.score > $1.score }
            kept.removeAll(keepingCapacity: true)
            let chosen = candidates.prefix(width)
            // A reading extended for its last kept candidate is moved, not copied: the beam's
            // readings are then mostly mutated in place.
            lastUse.removeAll(keepingCapacity: true)
            lastUse.append(contentsOf: repeatElement(-1, count: beam.count))
            for (order, candidate) in chosen.enumerated() { lastUse[candidate.hypothesis] = order }
            for (order, candidate) in chosen.enumerated() {
                var reading = lastUse[candidate.hypothesis] == order
                    ? beam[candidate.hypothesis].reading.taken() : beam[candidate.hypothesis].reading
                reading.place(statement, at: candidate.depth)
                nodes.append(PathNode(parent: Int32(beam[candidate.hypothesis].node), depth: UInt8(min(candidate.depth, 255)), violation: candidate.violation))
                kept.append(Hypothesis(reading: reading, score: candidate.score, node: nodes.count - 1))
            }
            swap(&beam, &kept)
        }
        var finalists = beam.map { hypothesis in
            let found = path(from: hypothesis.node, nodes: nodes, count: range.count)
            let bareTry = hypothesis.reading.endsWithBareTry
            let searchScore = hypothesis.score - (bareTry ? Self.violationPenalty : 0)
            return Finalist(depths: found.depths, searchScore: searchScore, score: searchScore, violations: found.violations,
                            endsWithBareTry: bareTry)
        }
        rank(&finalists, range: range)
        finalists.sort { $0.score > $1.score }
        let best = finalists[0]
        var found = best.violations.map { (statement: range.lowerBound + $0.0, violation: $0.1) }
        if best.endsWithBareTry, let last = range.last { found.append((last, .tryWithoutHandler)) }
        return Outcome(depths: best.depths, violations: found, segments: [(range.lowerBound, finalists)])
    }

    /// Scores the finalists as whole readings: by their search score and their flaws.
    private func rank(_ finalists: inout [Finalist], range: Range<Int>) {
        guard finalists.count > 1 else { return }
        let flaws = FinalistFlaws.of(finalists.map(\.depths), statements: StatementFlow.of(block), range: range)
        for index in finalists.indices {
            finalists[index].flaws = flaws[index]
            finalists[index].score = model.readingScore(searchScore: finalists[index].searchScore, flaws: finalists[index].flaws)
        }
    }

    private func path(from node: Int, nodes: [PathNode], count: Int) -> (depths: [Int], violations: [(Int, IndentationReading.Violation)]) {
        var depths = [Int](repeating: 0, count: count)
        var violations: [(Int, IndentationReading.Violation)] = []
        var current = node
        var position = count - 1
        while current >= 0, position >= 0 {
            depths[position] = Int(nodes[current].depth)
            if let violation = nodes[current].violation { violations.append((position, violation)) }
            current = Int(nodes[current].parent)
            position -= 1
        }
        return (depths, violations.reversed())
    }

    /// The log of the summed exponentials of `values` where no rule is broken (of all of
    /// them when every placement breaks one): the normaliser of the search's softmax.
    private func logSumExp(_ values: [Double], over violations: [IndentationReading.Violation?]) -> Double {
        let anyAllowed = violations.contains { $0 == nil }
        var largest = -Double.infinity
        for (value, violation) in zip(values, violations) where violation == nil || !anyAllowed { largest = max(largest, value) }
        guard largest > -Double.infinity else { return 0 }
        var total = 0.0
        for (value, violation) in zip(values, violations) where violation == nil || !anyAllowed { total += exp(value - largest) }
        return largest + log(total)
    }
}
