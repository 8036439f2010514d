import Foundation
import Testing

@testable import RehearseCore

/// The finalists' flaws counted once where they agree must be the flaws of each reading
/// counted on its own.
struct FinalistFlawsTests {
    /// The statements' true depths in a fixture's `.py` file, and its block read flat.
    static func fixture(_ name: String) throws -> (block: FlatPythonBlock, depths: [Int]) {
        let source = String(decoding: try TestFiles.fixtureData("reindent/\(name).py"), as: UTF8.self)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let block = FlatPythonBlock(lines: lines.map { $0.drop { $0 == " " } })
        return (block, block.statements.map { lines[$0.head].prefix { $0 == " " }.count / 4 })
    }

    /// Readings beside the true one that differ from it the way finalists do: one statement a
    /// level deeper or shallower, and everything from one statement on a level deeper.
    static func variants(of depths: [Int]) -> [[Int]] {
        var readings = [depths]
        for index in depths.indices {
            var deeper = depths
            deeper[index] += 1
            readings.append(deeper)
            if depths[index] > 0 {
                var shallower = depths
                shallower[index] -= 1
                readings.append(shallower)
            }
            readings.append(depths.enumerated().map { $0.offset >= index ? $0.element + 1 : $0.element })
        }
        return readings
    }

    @Test(arguments: ReindentFixtureTests.names)
    func sharedCountsMatchCountingEachReadingAlone(_ name: String) throws {
        let (block, depths) = try Self.fixture(name)
        let flows = StatementFlow.of(block)
        let range = 0..<block.statements.count
        let readings = Self.variants(of: depths)
        let separately = readings.map { ReadingFlaws(flows, range: range, depths: $0) }
        #expect(FinalistFlaws.of(readings, statements: flows, range: range) == separately)
        // With the first reading another one than the truth, the others are compared with it.
        let reordered = Array(readings.reversed())
        #expect(FinalistFlaws.of(reordered, statements: flows, range: range) == separately.reversed())
    }

    @Test func theSearchsFinalistsOfTheUsersGuideAreCountedAlike() throws {
        let guide = try TestFiles.userGuide()
        var compared = 0
        for code in guide.codeBlocks where code.language == "python" {
            let block = FlatPythonBlock(lines: code.code.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " } })
            let flows = StatementFlow.of(block)
            for segment in IndentationSearch(block: block).run().segments where segment.finalists.count > 1 {
                let range = segment.start..<(segment.start + segment.finalists[0].depths.count)
                let readings = segment.finalists.map(\.depths)
                #expect(FinalistFlaws.of(readings, statements: flows, range: range) == readings.map { ReadingFlaws(flows, range: range, depths: $0) })
                compared += 1
            }
        }
        #expect(compared > 0)
    }
}
