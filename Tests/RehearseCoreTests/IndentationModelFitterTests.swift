import Foundation
import Testing

@testable import RehearseCore

/// Fitting the indentation model on a few snippets of known indentation: the reindent
/// fixtures, split into two parts the way `training_set.py` tags quarters of the modules.
struct IndentationModelFitterTests {
    /// The fixtures as training examples: each statement line's depth is its indentation.
    static func examples(inParts: Bool) throws -> [IndentationModelFitter.Example] {
        try ReindentFixtureTests.names.enumerated().map { position, name in
            let source = String(decoding: try TestFiles.fixtureData("reindent/\(name).py"), as: UTF8.self)
            let lines = source.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            return IndentationModelFitter.Example(
                lines: lines.map { String($0.drop { $0 == " " }) },
                depths: lines.map { $0.prefix { $0 == " " }.count / 4 },
                part: inParts ? position % 2 : nil)
        }
    }

    static func fit(inParts: Bool) throws -> IndentationModelFitter.Report {
        try IndentationModelFitter.fit(try examples(inParts: inParts), steps: 30, l2: 1e-3, refinementEpochs: 1, trainedOn: "the reindent fixtures")
    }

    @Test func fittingIsDeterministicAndWritesAModelTheReaderLoads() throws {
        let first = try Self.fit(inParts: true)
        let second = try Self.fit(inParts: true)
        #expect(first.modelJSON == second.modelJSON)
        #expect(first.examples == ReindentFixtureTests.names.count)
        let model = try IndentationModel(json: first.modelJSON)
        #expect(model.weights.contains { $0 != 0 })
        #expect(model.readingWeights.count == IndentationModel.readingWeightNames.count)
    }

    @Test func wholeReadingsAreWeighedOnSearchesOfTheOtherPart() throws {
        // Searched with weights fitted to the other part, the finalists differ from those of
        // weights fitted to everything, and so do the weights fitted to them.
        let parted = try IndentationModel(json: try Self.fit(inParts: true).modelJSON)
        let whole = try IndentationModel(json: try Self.fit(inParts: false).modelJSON)
        #expect(parted.readingWeights != whole.readingWeights)
    }

    @Test func placementWeightsInPartsAreTheMeanOfTheFitToAllAndTheFitsLeavingOnePartOut() throws {
        let examples = try Self.examples(inParts: true)
        let parted = try IndentationModel(json: try Self.fit(inParts: true).modelJSON).weights
        let fits = try [nil, 0, 1].map { left in
            let kept = examples.filter { $0.part != left }.map { IndentationModelFitter.Example(lines: $0.lines, depths: $0.depths) }
            return try IndentationModel(json: try IndentationModelFitter.fit(kept, steps: 30, l2: 1e-3, refinementEpochs: 1,
                                                                           trainedOn: "the reindent fixtures").modelJSON).weights
        }
        #expect(fits[1] != fits[2])
        // Each file rounds its weights to four decimals.
        let largestGap = parted.indices.map { index in abs(parted[index] - fits.map { $0[index] }.reduce(0, +) / 3) }.max() ?? 1
        #expect(largestGap <= 1.5e-4)
    }

    @Test func recordsWhatTheFitSaw() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fit-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = FitRecords(decisions: folder.appendingPathComponent("decisions.jsonl"),
                                 finalists: folder.appendingPathComponent("finalists.jsonl"))
        let examples = try Self.examples(inParts: true)
        let report = try IndentationModelFitter.fit(examples, steps: 30, l2: 1e-3, refinementEpochs: 1,
                                                    trainedOn: "the reindent fixtures", records: records)
        // The model is the one fitted without records.
        #expect(report.modelJSON == (try Self.fit(inParts: true)).modelJSON)

        let decisions = try Self.lines(of: try #require(records.decisions))
        #expect(decisions.first?["facts"] as? [String] == PlacementFacts.names)
        #expect(decisions.first?["templates"] as? [String] == IndentationModel.templates.map(\.name))
        #expect(decisions.count - 1 == report.decisions)
        for decision in decisions.dropFirst() {
            let facts = try #require(decision["facts"] as? [[Int]])
            let truth = try #require(decision["truth"] as? Int)
            #expect(facts.count >= 2 && facts.indices.contains(truth))
            #expect(facts.allSatisfy { $0.count == PlacementFacts.names.count })
            #expect((decision["offsets"] as? [Double])?.count == facts.count)
        }

        let searches = try Self.lines(of: try #require(records.finalists))
        #expect(searches.first?["flaws"] as? [String] == ReadingFlaws.names)
        #expect(searches.count > 1)
        let flatTexts = Set(examples.map { $0.lines.joined(separator: "\n") })
        for search in searches.dropFirst() {
            let texts = try #require(search["texts"] as? [String])
            let truth = try #require(search["truth"] as? Int)
            #expect(truth == -1 || texts.indices.contains(truth))
            #expect(Set(texts).count == texts.count)
            // Each finalist is a reading of one example's lines: only the indentation differs.
            let flat = texts.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " } }.joined(separator: "\n") }
            #expect(flat.allSatisfy(flatTexts.contains))
            #expect((search["searchScores"] as? [Double])?.max() == 0)
            #expect((search["flaws"] as? [[Double]])?.allSatisfy { $0.count == ReadingFlaws.names.count } == true)
        }
    }

    @Test func anUnwritableRecordFileIsNamed() throws {
        let path = "/nonexistent-\(UUID().uuidString)/decisions.jsonl"
        #expect {
            try IndentationModelFitter.fit(try Self.examples(inParts: false), steps: 1, trainedOn: "the reindent fixtures",
                                           records: FitRecords(decisions: URL(fileURLWithPath: path)))
        } throws: { "\($0)".contains(path) && "\($0)".contains("folder exists") }
    }

    private static func lines(of url: URL) throws -> [[String: Any]] {
        try String(decoding: Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}
