import Foundation
import Testing

@testable import RehearseCore

/// Files that are not guides, or are guides in unusual clothes.
@Suite struct BadInputTests {
    let reader = GuideReader()

    @Test func emptyFileNamesTheFile() {
        #expect(throws: GuideError.empty(file: "empty.txt")) { try reader.read([UInt8](), fileName: "empty.txt") }
        #expect(throws: GuideError.empty(file: "blank.md")) { try reader.read(Array("\n  \n\t\n".utf8), fileName: "blank.md") }
        #expect(GuideError.empty(file: "empty.txt").description.hasPrefix("empty.txt: "))
    }

    @Test func binaryFileNamesTheLine() {
        let bytes = Array("title\nsecond line\n".utf8) + [0x00, 0x01, 0xFF]
        #expect(throws: GuideError.binary(file: "image.txt", line: 3)) { try reader.read(bytes, fileName: "image.txt") }
    }

    @Test func invalidUTF8NamesLineAndColumn() {
        let bytes = Array("Title\nQ: caf".utf8) + [0xE9] + Array("?\n".utf8)
        #expect(throws: GuideError.invalidUTF8(file: "latin1.txt", line: 2, column: 7, byte: 0xE9)) {
            try reader.read(bytes, fileName: "latin1.txt")
        }
        #expect(GuideError.invalidUTF8(file: "latin1.txt", line: 2, column: 7, byte: 0xE9).description
            == "latin1.txt:2:7: byte 0xE9 is not valid UTF-8; save the guide as UTF-8")
    }

    @Test func oversizedFileIsRefusedBeforeParsing() {
        let small = GuideReader(maximumSize: 16)
        #expect(throws: GuideError.tooLarge(file: "big.txt", bytes: 17, limit: 16)) {
            try small.read(Array(repeating: UInt8(ascii: "a"), count: 17), fileName: "big.txt")
        }
    }

    @Test func fileWithoutHeadingsStillGivesItsItems() throws {
        let guide = try TestFiles.fixture("no-headings.txt")
        #expect(guide.sections.isEmpty)
        #expect(guide.questions == ["What frees objects caught in reference cycles?"])
        #expect(guide.items(of: .qa).first?.section == [])
        #expect(guide.warnings.contains { $0.message.contains("no headings") })
    }

    @Test func crlfLineEndingsGiveTheSameGuide() throws {
        let data = try TestFiles.fixtureData("awkward-cases.txt")
        let crlf = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let original = try reader.read(data, fileName: "awkward-cases.txt")
        let converted = try reader.read(crlf, fileName: "awkward-cases.txt")
        #expect(converted == original)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let data = try TestFiles.fixtureData("awkward-cases.txt")
        let guide = try reader.read([0xEF, 0xBB, 0xBF] + Array(data), fileName: "awkward-cases.txt")
        #expect(guide.number == "07")
    }

    @Test func tabIndentedCodeKeepsItsIndentation() throws {
        let text = "Loops\nfor item in items:\n\tif item:\n\t\tprint(item)\nThat was a loop.\n"
        let guide = try reader.read(Array(text.utf8), fileName: "tabs.txt")
        let code = try #require(guide.codeBlocks.first?.code)
        #expect(code == "for item in items:\n    if item:\n        print(item)")
    }

    @Test func largeGuideIsReadInFull() throws {
        let unit = try String(decoding: TestFiles.fixtureData("awkward-cases.txt"), as: UTF8.self)
        let copies = 2_000
        let text = String(repeating: unit, count: copies)
        let guide = try reader.read(Array(text.utf8), fileName: "large.txt")
        #expect(guide.items(of: .qa).count == 2 * copies)
        #expect(Set(guide.items.map(\.id)).count == guide.items.count)
    }

    /// A 50 MB guide holds hundreds of thousands of items: each keeps its numbers small.
    @Test func anItemTakesEightyBytesBesidesItsText() {
        #expect(MemoryLayout<GuideItem>.stride <= 80)
    }
}
