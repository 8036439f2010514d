import Foundation
import Testing

@testable import RehearseCore

/// Properties of the flat reader on shuffled and spliced guides, and on inputs the fuzzer
/// (`Benchmarks/fuzz/run.sh`) kept: a code item holds exactly the lines of the file it spans,
/// only their indentation changed.
struct ReaderPropertyTests {
    static let fuzzInputs = ["fuzz-11-2", "fuzz-11-3", "fuzz-11-4", "fuzz-11-5"]

    /// Checks that every code item of `guide`, stripped line by line, is the file's lines.
    static func codeKeepsItsLines(_ guide: Guide, _ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        for item in guide.items {
            guard case .code(_, let code, _) = item.content, guide.format == .flatText else { continue }
            let restored = code.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            #expect(restored == Array(lines[(item.lines.lowerBound - 1)...(item.lines.upperBound - 1)]), "lines \(item.lines)")
        }
    }

    @Test(arguments: fuzzInputs)
    func keptFuzzInputsReadInBothFormats(_ name: String) throws {
        let data = try TestFiles.fixtureData("fuzz/\(name).txt")
        for fileName in ["\(name).txt", "\(name).md"] {
            do {
                let guide = try GuideReader().read(data, fileName: fileName)
                Self.codeKeepsItsLines(guide, String(decoding: data, as: UTF8.self))
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    /// The awkward-case fixture's lines, rotated and with halves swapped, 200 ways.
    @Test func shuffledGuidesKeepTheirCodeLines() throws {
        let source = String(decoding: try TestFiles.fixtureData("awkward-cases.txt"), as: UTF8.self)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var read = 0
        for variant in 0..<200 {
            let cut = (variant * 7) % lines.count
            let rotated = Array(lines[cut...] + lines[..<cut])
            let middle = rotated.count / 2 + variant % 5
            let shuffled = variant % 2 == 0 ? rotated : Array(rotated[middle...] + rotated[..<middle])
            let text = shuffled.joined(separator: "\n")
            guard let guide = try? GuideReader().read(text: text, fileName: "variant-\(variant).txt") else { continue }
            read += 1
            Self.codeKeepsItsLines(guide, text)
        }
        // Shuffled lines are still text: every variant reads, so the property was checked.
        #expect(read == 200)
    }
}
