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
        #expect(parted.weights == whole.weights)
        #expect(parted.readingWeights != whole.readingWeights)
    }
}
