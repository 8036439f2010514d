import Foundation
import Testing

@testable import RehearseCore

/// Reading a guide from its file a chunk at a time gives the guide read from memory, and
/// bad bytes anywhere in the file are named by line and column.
@Suite final class GuideFileTests {
    /// This test's own folder for the files it writes, removed when the test ends.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A reader that holds a few dozen bytes at a time, so that chunks end all over the text,
    /// blocks end inside characters, and look-ahead crosses chunks.
    static func reader(chunkSize: Int) -> GuideReader {
        var reader = GuideReader()
        reader.chunkSize = chunkSize
        return reader
    }

    /// Writes `bytes` to a file named `name` in this test's folder and returns its path.
    func temporaryFile(_ name: String, _ bytes: some Sequence<UInt8>) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static let sources = ["awkward-cases.txt", "awkward-cases.md", "no-headings.txt"]

    @Test(arguments: sources, [7, 64, 1 << 20])
    func fixtureReadInChunksIsTheGuideReadAtOnce(name: String, chunkSize: Int) throws {
        let data = try TestFiles.fixtureData(name)
        let path = try temporaryFile(name, data)
        #expect(try Self.reader(chunkSize: chunkSize).read(contentsOfFile: path) == GuideReader().read(data, fileName: name))
    }

    @Test(arguments: [7, 64, 4096])
    func userGuideReadInChunksIsTheGuideReadAtOnce(chunkSize: Int) throws {
        let path = TestFiles.sharedFolder.appendingPathComponent("guides/03-python-deep-dive.txt").path
        let guide = try Self.reader(chunkSize: chunkSize).read(contentsOfFile: path)
        #expect(guide == (try TestFiles.userGuide()))
        #expect(guide.items.count > 80)
    }

    @Test func starterGuideReadInChunksIsTheGuideReadAtOnce() throws {
        let url = try #require(StarterGuide.pythonDeepDiveURL)
        let atOnce = try GuideReader().read(try Data(contentsOf: url), fileName: StarterGuide.pythonDeepDiveFileName)
        #expect(try Self.reader(chunkSize: 100).read(contentsOfFile: url.path) == atOnce)
        #expect(try StarterGuide.pythonDeepDive() == atOnce)
    }

    @Test func crlfAndMarkAcrossChunksGiveTheSameGuide() throws {
        let data = try TestFiles.fixtureData("awkward-cases.txt")
        let crlf = [0xEF, 0xBB, 0xBF] + Array(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let path = try temporaryFile("awkward-cases.txt", crlf)
        #expect(try Self.reader(chunkSize: 5).read(contentsOfFile: path) == GuideReader().read(data, fileName: "awkward-cases.txt"))
    }

    @Test func invalidByteInALaterBlockIsNamedByLineAndColumn() throws {
        let text = String(repeating: "A line of plain text.\n", count: 40) + "Q: caf"
        let path = try temporaryFile("latin1.txt", Array(text.utf8) + [0xE9] + Array("?\n".utf8))
        #expect(throws: GuideError.invalidUTF8(file: "latin1.txt", line: 41, column: 7, byte: 0xE9)) {
            try Self.reader(chunkSize: 16).read(contentsOfFile: path)
        }
    }

    @Test func characterSplitBetweenBlocksIsNotAnError() throws {
        // "é" (two bytes) and "—" (three) fall across every block boundary of some block size.
        let text = "03 — Café notes\nQ: What is the café's name?\nA: It is — as ever — the Café Été.\n"
        for chunkSize in 1...9 {
            let path = try temporaryFile("03-cafe.txt", Array(text.utf8))
            let guide = try Self.reader(chunkSize: chunkSize).read(contentsOfFile: path)
            #expect(guide == (try GuideReader().read(Array(text.utf8), fileName: "03-cafe.txt")), "chunk size \(chunkSize)")
        }
    }

    @Test func truncatedCharacterAtTheEndIsNamed() throws {
        let path = try temporaryFile("cut.txt", Array("Title\nLast word: caf".utf8) + [0xC3])
        #expect(throws: GuideError.invalidUTF8(file: "cut.txt", line: 2, column: 15, byte: 0xC3)) {
            try Self.reader(chunkSize: 4).read(contentsOfFile: path)
        }
    }

    @Test func nulByteInALaterBlockNamesItsLine() throws {
        let path = try temporaryFile("image.txt", Array(String(repeating: "text\n", count: 30).utf8) + [0x00, 0x01])
        #expect(throws: GuideError.binary(file: "image.txt", line: 31)) { try Self.reader(chunkSize: 8).read(contentsOfFile: path) }
    }

    @Test func emptyMissingFolderAndOversizedFilesAreNamed() throws {
        let empty = try temporaryFile("empty.txt", [])
        #expect(throws: GuideError.empty(file: "empty.txt")) { try GuideReader().read(contentsOfFile: empty) }
        let blank = try temporaryFile("blank.md", Array(" \n\t\r\n".utf8))
        #expect(throws: GuideError.empty(file: "blank.md")) { try GuideReader().read(contentsOfFile: blank) }
        #expect(throws: GuideError.unreadable(file: "/nonexistent/guide.txt", reason: "no such file")) {
            try GuideReader().read(contentsOfFile: "/nonexistent/guide.txt")
        }
        let folder = (empty as NSString).deletingLastPathComponent
        #expect(throws: GuideError.unreadable(file: folder, reason: "it is a folder; name a guide file")) {
            try GuideReader().read(contentsOfFile: folder)
        }
        let big = try temporaryFile("big.txt", Array(repeating: UInt8(ascii: "a"), count: 17))
        #expect(throws: GuideError.tooLarge(file: big, bytes: 17, limit: 16)) { try GuideReader(maximumSize: 16).read(contentsOfFile: big) }
    }

    @Test func pipeIsReadWhole() throws {
        let data = try TestFiles.fixtureData("awkward-cases.txt")
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: data)  // well within a pipe's buffer
        try pipe.fileHandleForWriting.close()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        let guide = try Self.reader(chunkSize: 64).read(contentsOfFile: path)
        #expect(guide == (try GuideReader().read(data, fileName: (path as NSString).lastPathComponent)))
        #expect(guide.items.count > 5)
    }

    @Test func textOfAFileIsItsDecodedText() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("03 — Café\r\nQ: Why?\r\nA: Because.\r\n".utf8)
        let path = try temporaryFile("03-cafe.txt", bytes)
        #expect(try Self.reader(chunkSize: 4).text(ofFile: path) == "03 — Café\r\nQ: Why?\r\nA: Because.\r\n")
        let binary = try temporaryFile("image.txt", Array("line\n".utf8) + [0x00])
        #expect(throws: GuideError.binary(file: "image.txt", line: 2)) { try GuideReader().text(ofFile: binary) }
        let big = try temporaryFile("big.txt", Array(repeating: UInt8(ascii: "a"), count: 40))
        #expect(throws: GuideError.tooLarge(file: big, bytes: 40, limit: 16)) {
            var reader = Self.reader(chunkSize: 64)
            reader.maximumSize = 16
            return try reader.text(ofFile: big)
        }
    }

    @Test func fileThatShrinksWhileReadIsReportedNotMisread() throws {
        let path = try temporaryFile("shrinking.txt", Array("Title\nshort\n".utf8))
        let file = try #require(FileHandle(forReadingAtPath: path))
        var starts = LineStarts()
        // The lines as a first reading found them, before the file lost its last 20 bytes.
        Array("Title\nshort\nand a line that is gone\n".utf8).withUnsafeBufferPointer { starts.record($0, at: 0) }
        let text = GuideText(file: file, markLength: 0, byteCount: 35, lineStarts: starts.result.starts, chunkSize: 8)
        let lines = GuideLines(text: text, lineStarts: starts, byteCount: 35)
        #expect(lines[0] == "Title")
        #expect(!lines.changedWhileRead)
        #expect(lines[2].allSatisfy { $0 == " " })
        #expect(lines.changedWhileRead)
    }

    /// The text keeps the lines it made last (``GuideText``): a line asked again, trimmed or
    /// not, in any order, is still that line, even when many lines share a slot of that memory.
    @Test func linesAskedAgainInAnyOrderAreTheSameLines() throws {
        let text = String(decoding: try TestFiles.fixtureData("awkward-cases.txt"), as: UTF8.self)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let lines = GuideLines(text)
        #expect(lines.count == expected.count)
        // Forwards, backwards, then by a stride that wraps around: every line is asked again
        // after lines far from it were made.
        let orders = [Array(lines.indices), lines.indices.reversed(), lines.indices.map { $0 * 37 % lines.count }]
        for position in orders.joined() {
            let line = expected[position]
            #expect(String(lines[position]) == line, "line \(position + 1)")
            let trimmed = line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            #expect(String(lines.trimmed(position)) == String(trimmed), "line \(position + 1)")
        }
    }
}
