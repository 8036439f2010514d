import Foundation
import Testing

@testable import RehearseCore

/// What the search keeps of each finalist must be what its placements add up to, placed one
/// by one again under the same model: its summed log-probability (the search score) and the
/// part of it that its least likely placements make (its surprise).
struct SearchBookkeepingTests {
    /// The log-probability of each placement of `depths` where the search had a choice.
    static func logProbabilities(of depths: [Int], in block: FlatPythonBlock, model: IndentationModel) -> [Double] {
        var reading = IndentationReading(nameCount: block.nameCount, allowsTopLevelAwait: block.isGuideStyle)
        var found: [Double] = []
        for (index, statement) in block.statements.enumerated() {
            let depth = depths[index]
            let allowed = reading.allowedDepths.filter { reading.violation(placing: statement, at: $0) == nil }
            if reading.allowedDepths.count > 1, allowed.count > 1, let chosen = allowed.firstIndex(of: depth) {
                let next = index + 1 < block.statements.count ? block.statements[index + 1] : nil
                let context = reading.context(for: statement, next: next, selfName: block.selfName)
                let scores = allowed.map { candidate in
                    Double(model.score(reading.facts(placing: statement, comment: block.commentFact(index), at: candidate, context: context))
                        + IndentationCues.offset(statement, comment: block.commentFact(index), at: candidate, context: context))
                }
                let largest = scores.max() ?? 0
                found.append(scores[chosen] - largest - log(scores.reduce(0) { $0 + exp($1 - largest) }))
            }
            reading.place(statement, at: depth)
        }
        return found
    }

    @Test func aFinalistsScoreAndSurpriseAreItsPlacementsSummed() throws {
        let model = IndentationModel.shared
        var compared = 0
        var surprising = 0
        for name in ReindentFixtureTests.names {
            let (block, _) = try FinalistFlawsTests.fixture(name)
            // A block searched in one run: its finalists' placements start from an empty reading.
            let segments = IndentationSearch(block: block, model: model).run().segments
            guard segments.count == 1 else { continue }
            for finalist in segments[0].finalists where finalist.violations.isEmpty && !finalist.endsWithBareTry {
                let placements = Self.logProbabilities(of: finalist.depths, in: block, model: model)
                #expect(abs(placements.reduce(0, +) - finalist.searchScore) < 1e-3, "\(name)")
                let surprise = placements.reduce(0) { $0 + max(0, -$1 - IndentationSearch.surpriseFloor) }
                #expect(abs(surprise - finalist.surprise) < 1e-3, "\(name)")
                compared += 1
                if finalist.surprise > 0 { surprising += 1 }
            }
        }
        #expect(compared > 0)
        // Some finalists made a placement the model found unlikely.
        #expect(surprising > 0)
    }
}
