import Foundation
import Testing

@testable import RehearseCore

/// Tables copied from a web page into flat text with single spaces between their cells
/// (`Fixtures/spaced-tables.txt`): read as tables, not as a run of headings.
@Suite struct SpacedTableTests {
    static let guide = Result { try TestFiles.fixture("spaced-tables.txt") }

    @Test func aTableOfRepeatedValuesIsATable() throws {
        let guide = try Self.guide.get()
        let isolation = try #require(guide.items(of: .table).first { $0.lines.lowerBound == 9 })
        #expect(isolation.content == .table(
            header: ["Level", "Dirty read", "Non-repeatable read", "Phantom"],
            rows: [["Read uncommitted", "Possible", "Possible", "Possible"],
                   ["Read committed", "Prevented", "Possible", "Possible"],
                   ["Repeatable read", "Prevented", "Prevented", "Possible"],
                   ["Serializable", "Prevented", "Prevented", "Prevented"]]))
        #expect(isolation.lines == 9...13)
        #expect(isolation.section == ["Isolation"])
        // The prose, the next table and the question after it stay in the section, not under a row taken for a heading.
        let question = try #require(guide.items(of: .qa).first)
        #expect(question.section == ["Isolation"])
        #expect(question.lines == 19...20)
        #expect(guide.items(of: .concept).filter { $0.section == ["Isolation"] }.map(\.lines) == [8...8, 14...14])
    }

    /// A row's name capitalised word by word (`Postgres Repeatable Read`) is one cell: the
    /// values are a row's last cells.
    @Test func aCapitalisedNameIsOneCell() throws {
        let guide = try Self.guide.get()
        let anomalies = try #require(guide.items(of: .table).first { $0.lines.lowerBound == 15 })
        guard case .table(let header, let rows) = anomalies.content else {
            Issue.record("not a table")
            return
        }
        #expect(header == ["Engine", "Lost update", "Write skew"])
        #expect(rows.map(\.first) == ["Postgres Repeatable Read", "Postgres Serializable", "MySQL Repeatable Read"])
    }

    /// Complexities, with a bracket that holds a space (`O(log n)`), and numbers with units.
    @Test func complexitiesAndNumbersAreValues() throws {
        let guide = try Self.guide.get()
        let tables = guide.items(of: .table).map(\.content)
        #expect(tables.contains(.table(
            header: ["Structure", "Access", "Search", "Insert", "Delete"],
            rows: [["Array", "O(1)", "O(n)", "O(n)", "O(n)"], ["Linked list", "O(n)", "O(n)", "O(1)", "O(1)"],
                   ["Hash table", "N/A", "O(1)", "O(1)", "O(1)"], ["Binary heap", "O(1)", "O(n)", "O(log n)", "O(log n)"]])))
        #expect(tables.contains(.table(
            header: ["Operation", "Latency", "Relative"],
            rows: [["L1 cache reference", "0.5 ns", "1"], ["Main memory reference", "100 ns", "200"],
                   ["SSD random read", "16 μs", "32000"], ["Round trip within a datacenter", "500 μs", "1000000"]])))
        #expect(guide.items(of: .table).count == 4)
        #expect(guide.sections.map(\.title) == ["Isolation", "Data structures", "Latency"])
    }

    /// Title-case lines whose words do not repeat as values are headings, as before; so are
    /// prose, code and a program's output that split into as many capitalised parts.
    @Test func linesWithoutRepeatedValuesAreNoTable() throws {
        let guide = try Self.guide.get()
        // `Reading Order` and the three title-case lines under it (34–37).
        #expect(guide.items(of: .table).allSatisfy { $0.lines.upperBound < 34 })
        let notTables: [[Substring]] = [
            ["Read Replicas Scale Reads", "Write Ahead Log Makes Writes Durable", "Consistent Hashing Spreads Keys"],
            ["Caching Strategies Compared", "Redis Cluster Mode", "Redis Sentinel Mode"],
            ["Frame Address Function", "9 0x00007fa4 in Poll Loop", "10 0x00007fa5 in Main Loop"],
            ["Result X Y", "Total = 3 4", "Mean = 3 4"],
            ["Level Dirty read Phantom", "Read committed Prevented Possible.", "Serializable Prevented Prevented."],
        ]
        for lines in notTables {
            #expect(SpacedTable.rows(lines) == nil, "\(lines)")
        }
    }

    @Test func cellsStartAtCapitalsDigitsAndSigns() {
        #expect(SpacedTable.rowCells("Read committed Prevented Possible") == ["Read committed", "Prevented", "Possible"])
        #expect(SpacedTable.rowCells("Binary heap O(1) O(log n) ~5 ms") == ["Binary heap", "O(1)", "O(log n)", "~5 ms"])
        // Two cells are no row; nor is a sentence.
        #expect(SpacedTable.rowCells("Read committed") == nil)
        #expect(SpacedTable.rowCells("Read committed Prevented Possible.") == nil)
    }
}
