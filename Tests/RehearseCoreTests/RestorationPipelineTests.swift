import Foundation
import Testing

@testable import RehearseCore

/// Python blocks restored on other cores come back in the guide's order, the same as
/// restored one by one, however many are in flight; blocks handed to the item extractor on a
/// queue of its own reach it in order and make the same items.
struct RestorationPipelineTests {
    /// Records what the pipeline hands on.
    struct RecordingSink: GuideBlockSink {
        var blocks: [GuideBlock] = []
        mutating func consume(_ block: GuideBlock) { blocks.append(block) }
    }

    /// Every reindent fixture as a flat source, with its lines numbered from `firstLine`.
    static func sources() throws -> [FlatPythonSource] {
        var firstLine = 1
        return try ReindentFixtureTests.names.map { name in
            let flat = String(decoding: try TestFiles.fixtureData("reindent/\(name).flat"), as: UTF8.self)
            let lines = flat.split(separator: "\n")
            defer { firstLine += lines.count + 1 }
            return FlatPythonSource(
                lines: lines.enumerated().map { (text: $0.element, line: firstLine + $0.offset) },
                lexed: lines.map { PythonLine($0) })
        }
    }

    @Test func blocksAndRestorationsArriveInOrderPastTheInFlightBound() throws {
        let sources = try Self.sources()
        // Enough Python blocks to pass the bound several times, a prose line after each.
        let rounds = 3 * RestorationPipeline<RecordingSink>.inFlight / sources.count + 1
        var pipeline = RestorationPipeline(sink: RecordingSink())
        var expected: [GuideBlock] = []
        var expectedWarnings: [GuideWarning] = []
        var expectedGuesses: [IndentationGuess] = []
        for round in 0..<rounds {
            for (position, source) in sources.enumerated() {
                let prose = GuideBlock.text("Prose after block \(position) of round \(round).", line: round * 1_000 + position)
                pipeline.restore(source)
                pipeline.consume(prose)
                let restored = source.restored()
                expected += [restored.block, prose]
                expectedWarnings += restored.warnings
                expectedGuesses += restored.guess.map { [$0] } ?? []
            }
        }
        let sink = pipeline.finish()
        #expect(sink.blocks.count == rounds * sources.count * 2)
        #expect(sink.blocks == expected)
        #expect(pipeline.warnings == expectedWarnings)
        #expect(pipeline.guesses == expectedGuesses)
    }

    @Test func aGuideOfManyBlocksRestoresEachLikeItsFixture() throws {
        let names = ReindentFixtureTests.names
        var text = "01 — Restoration\nTable of Contents\n- Examples\nExamples\n"
        var expected: [String] = []
        for round in 0..<6 {
            for name in names {
                let flat = String(decoding: try TestFiles.fixtureData("reindent/\(name).flat"), as: UTF8.self)
                let original = String(decoding: try TestFiles.fixtureData("reindent/\(name).py"), as: UTF8.self)
                text += "Example \(name), round \(round), shows the idea below.\n" + flat + "\n"
                expected.append(original.trimmingCharacters(in: .newlines))
            }
        }
        let guide = try GuideReader().read(text: text, fileName: "many-blocks.txt")
        #expect(guide.codeBlocks.map(\.code) == expected)
        let firstLines = guide.indentationGuesses.map(\.lines.lowerBound)
        #expect(firstLines.count == expected.count)
        #expect(firstLines == firstLines.sorted())
    }

    @Test func aSinkOnItsOwnQueueSeesEveryBlockInOrderPastItsBatches() {
        // Enough blocks to fill every batch in flight more than once, and a part batch at the end.
        let count = BackgroundSink<RecordingSink>.batchSize * (BackgroundSink<RecordingSink>.batchesInFlight * 3) + 17
        let blocks = (0..<count).map { GuideBlock.text("Line \($0) of the guide.", line: $0 + 1) }
        var sink = BackgroundSink(RecordingSink())
        for block in blocks { sink.consume(block) }
        #expect(sink.finish().blocks == blocks)
    }

    @Test func aGuideReadsToTheSameItemsWhetherItsItemsAreBuiltOnTheirOwnQueueOrInPlace() throws {
        let bytes = try TestFiles.fixtureData("awkward-cases.txt")
        let text = String(decoding: bytes, as: UTF8.self)
        // Long enough that its blocks fill several batches.
        let repeated = String(repeating: text + "\n", count: 20)
        let guide = try GuideReader().read(text: repeated, fileName: "awkward-cases.txt")
        let lines = GuideLines(repeated)
        var inPlace = ItemExtractor(guideID: "awkward-cases", lineCount: lines.count)
        let segmented = FlatTextSegmenter(lines: lines).segment(into: &inPlace)
        #expect(guide.items == inPlace.finish(segmented, format: .flatText).items)
    }
}
