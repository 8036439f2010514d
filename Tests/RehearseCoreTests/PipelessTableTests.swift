import Foundation
import Testing

@testable import RehearseCore

/// Tables written without the pipes at either end (`Attempt | Delay`): GitHub Markdown over a
/// delimiter row, tables copied from a web page into flat text, and tables lined up in columns
/// by spaces (`Fixtures/aligned-columns.txt`).
@Suite struct PipelessTableTests {
    static let retries = GuideItem.Content.table(
        header: ["Attempt", "Delay", "Jitter"],
        rows: [["1", "1 s", "up to 0.5 s"], ["2", "2 s", "up to 1 s"], ["3", "4 s", "up to 2 s"]])

    @Test func aFlatTableWithoutOuterPipesIsATable() throws {
        let text = """
            07 — Reliability Patterns
            Table of Contents
            - Retries
            Retries
            A client that retries must back off, or it turns a short outage into a long one.
            Attempt | Delay | Jitter
            1 | 1 s | up to 0.5 s
            2 | 2 s | up to 1 s
            3 | 4 s | up to 2 s
            Cap the delay at about 30 seconds and give up after a handful of attempts.
            """
        let guide = try GuideReader().read(text: text, fileName: "07-reliability.txt")
        let table = try #require(guide.items(of: .table).first)
        #expect(table.content == Self.retries)
        #expect(table.lines == 6...9)
        // The prose on either side stays prose, and no row is a heading.
        #expect(guide.sections.map(\.title) == ["Retries"])
        #expect(guide.items(of: .concept).count == 2)
    }

    @Test func aMarkdownTableWithoutOuterPipesIsATable() throws {
        let text = """
            # Reliability Patterns

            ## Retries

            A client that retries must back off.

            Attempt | Delay | Jitter
            :--- | ---: | ---
            1 | 1 s | up to 0.5 s
            2 | 2 s | up to 1 s
            | 3 | 4 s | up to 2 s |

            Cap the delay at about 30 seconds.
            """
        let guide = try GuideReader().read(text: text, fileName: "07-reliability.md")
        let table = try #require(guide.items(of: .table).first)
        #expect(table.content == Self.retries)
        #expect(table.lines == 7...11)
        #expect(guide.items(of: .concept).count == 2)
    }

    /// Lines with a `|` that are not a table: one alone, a `||`, rows of unlike widths, and in
    /// Markdown a header row with no delimiter row under it.
    @Test func linesWithAPipeThatAreNoTableStayText() throws {
        let flat = """
            08 — Notes
            Table of Contents
            - Pipes
            Pipes
            Either side may be empty: a | b in a sentence is no table.
            Short-circuit with a || b when the left side is enough.
            Then a || b again on the next line.
            One | two
            One | two | three
            Done.
            """
        let flatGuide = try GuideReader().read(text: flat, fileName: "08-notes.txt")
        #expect(flatGuide.items(of: .table).isEmpty)
        let markdown = """
            # Notes

            ## Pipes

            Attempt | Delay
            1 | 1 s
            """
        let markdownGuide = try GuideReader().read(text: markdown, fileName: "08-notes.md")
        #expect(markdownGuide.items(of: .table).isEmpty)
    }

    @Test(arguments: [
        ("Attempt | Delay | Jitter", 3),
        ("a|b", 2),
        ("--- | :---:", 2),
        ("| Attempt | Delay |", nil),
        ("a || b", nil),
        ("a | ", nil),
        ("no pipe here", nil),
    ] as [(String, Int?)])
    func cellsOfARowWithoutOuterPipes(line: String, cells: Int?) {
        #expect(PipelessTable.cellCount(line[...]) == cells)
    }

    @Test func aTableLinedUpBySpacesIsATableAndTheSectionsAroundItStay() throws {
        let guide = try TestFiles.fixture("aligned-columns.txt")
        let table = try #require(guide.items(of: .table).first)
        #expect(table.content == .table(header: ["Field", "Type", "Notes"], rows: [
            ["code", "char(7)", "primary key"], ["long_url", "text", "up to 2 KB"], ["created_at", "timestamp", "for expiry"],
        ]))
        #expect(table.section == ["Storage"])
        // The heading over the table ends the answer above it; the one under it heads its text.
        #expect(guide.sections.map(\.title) == ["Requirements", "Key generation", "Storage", "Capacity estimate", "Pros and cons of caching redirects"])
        // Wrapped prose is one paragraph, not a table.
        #expect(guide.items(of: .table).count == 1)
    }

    @Test(arguments: [
        ("code          char(7)     primary key", [0, 14, 26]),
        ("created_at  timestamp", [0, 12]),
        ("The read path must be cheap.  Writes are rare.", nil),
        ("one space between words", nil),
        ("Name\tValue", nil),
        ("a  |  b", nil),
    ] as [(String, [Int]?)])
    func cellsLinedUpBySpaces(line: String, columns: [Int]?) {
        #expect(PipelessTable.columns(line[...]) == columns)
    }

    @Test func twoSpacesSideBySideAreFoundAtEveryOffset() {
        // Every place of the pair, in lines of every length around the eight-byte words.
        for length in 2...40 {
            for position in 0..<(length - 1) {
                var bytes = [UInt8](repeating: 0x61, count: length)
                bytes[position] = 0x20
                bytes[position + 1] = 0x20
                #expect(bytes.withUnsafeBufferPointer(PipelessTable.hasTwoSpaces), "\(length) \(position)")
                bytes[position + 1] = 0x62
                #expect(!bytes.withUnsafeBufferPointer(PipelessTable.hasTwoSpaces), "\(length) \(position)")
            }
        }
        #expect(!Array("a b c d e f g h i j k".utf8).withUnsafeBufferPointer(PipelessTable.hasTwoSpaces))
    }

    @Test func aRowLinesUpWhereTheHeaderCellsStart() {
        #expect(PipelessTable.linesUp([0, 14], under: [0, 14, 26]))
        #expect(!PipelessTable.linesUp([0, 12], under: [0, 14, 26]))
        #expect(!PipelessTable.linesUp([0], under: [0, 14]))
        #expect(PipelessTable.piped("created_at    timestamp", cellStarts: [0, 14], header: [0, 14, 26]) == "| created_at | timestamp |  |")
    }
}
