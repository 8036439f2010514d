/// A table copied from a web page as plain text, its cells run together with single spaces:
///
///     Level Dirty read Non-repeatable read Phantom
///     Read committed Prevented Possible Possible
///     Serializable Prevented Prevented Prevented
///
/// Nothing marks where one cell ends, but each cell starts with a capital, a digit or a sign,
/// and the words that go on a cell (`read` in `Dirty read`) do not. So a line splits into
/// cells there (``rowCells(_:)``), and a run of lines is a table when the header and every row
/// under it split into as many cells, three or more, and the rows' cells after the first are
/// values: most of them are numbers or a word the table repeats (`Prevented`, `O(n)`, `Yes`).
/// The header's cells are names: each starts with a capital.
/// A run of headings or of prose lines is not: their words do not repeat so, and prose ends
/// in punctuation.
enum SpacedTable {
    /// The rows at least a table has under its header.
    static let minimumRows = 2
    /// The fewest cells in a row: a name and two values.
    static let minimumCells = 3
    /// The longest line read as a row, in bytes.
    static let rowLimit = 160
    /// The share of value cells that must be numbers or repeated.
    static let repeatedShare = 0.75

    /// The header and rows of the table that starts at `lines.first`, each with its cells;
    /// nil when the lines do not start one. Reading stops at the first line that is not a row.
    static func rows(_ lines: some Sequence<Substring>) -> [[Substring]]? {
        var rows: [[Substring]] = []
        for line in lines {
            guard let cells = rowCells(line) else { break }
            guard let header = rows.first else {
                rows.append(cells)
                continue
            }
            // A row's name may be capitalised word by word (`Read Committed`): the values are its last cells.
            guard cells.count >= header.count else { break }
            let nameEnd = cells.count - header.count + 1
            rows.append([Substring(cells[..<nameEnd].joined(separator: " "))] + cells[nameEnd...])
        }
        // Drop rows off the end until the rest reads as a table: a line of prose under it may split as a row does.
        while rows.count > minimumRows {
            if isTable(rows) { return rows }
            rows.removeLast()
        }
        return nil
    }

    /// Whether `rows` (the header first) are a table: enough rows, names that differ, and
    /// value cells that are mostly numbers or repeated, not all alike down every column.
    private static func isTable(_ rows: [[Substring]]) -> Bool {
        guard rows.count > minimumRows, rows[0].allSatisfy({ $0.first?.isUppercase == true }) else { return false }
        let body = rows.dropFirst()
        guard Set(body.map { $0[0] }).count == body.count else { return false }
        var counts: [Substring: Int] = [:]
        for row in body {
            for value in row.dropFirst() { counts[value, default: 0] += 1 }
        }
        let typicalCounts = body.map { row in row.dropFirst().filter { counts[$0, default: 0] > 1 || isNumber($0) }.count }
        // A row with no typical value is no row of this table: the real header, under a heading taken for it.
        guard !typicalCounts.contains(0) else { return false }
        let values = body.count * (rows[0].count - 1)
        let varies = (1..<rows[0].count).contains { column in Set(body.map { $0[column] }).count > 1 }
        return varies && Double(typicalCounts.reduce(0, +)) >= repeatedShare * Double(values)
    }

    /// The cells of a line that may be a row: at least ``minimumCells``. Nil for a line that
    /// ends as a sentence or a label does, is an item of a list, holds a claim, a pipe or a
    /// tab, or reads as code or a program's output (`=`, `_`, `\`, braces, `->`, `0x`).
    ///
    /// Asked of most short lines of a flat guide, so it reads bytes and makes no cells until
    /// it knows there are enough.
    static func rowCells(_ line: Substring) -> [Substring]? {
        let starts = line.withBytes { bytes -> [Int]? in
            guard bytes.count <= rowLimit, let last = bytes.last, !last.isOne(of: ".,:;?!") else { return nil }
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case 0x7C, 0x09, 0x3D, 0x5F, 0x5C, 0x7B, 0x7D: return nil  // | tab = _ \ { }
                case 0x3E where previous == 0x2D: return nil  // ->
                case 0x20 where previous == 0x3A: return nil  // ": "
                case 0x78 where previous == 0x30: return nil  // 0x
                case 0x92 where previous == 0x86: return nil  // the end of →
                default: break
                }
                previous = byte
            }
            let starts = cellStarts(bytes)
            return starts.count >= minimumCells ? starts : nil
        }
        guard let starts, !line.isListItem else { return nil }
        return split(line, at: starts)
    }

    /// The line cut at byte offsets `starts` (the first 0), each part trimmed.
    private static func split(_ line: Substring, at starts: [Int]) -> [Substring] {
        let utf8 = line.utf8
        return starts.indices.map { position in
            let start = utf8.index(utf8.startIndex, offsetBy: starts[position])
            let end = position + 1 < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[position + 1]) : utf8.endIndex
            return line[start..<end].trimmingWhitespace()
        }
    }

    /// Where each cell of a line starts, in bytes; the first at 0. A cell starts at a word that
    /// starts with a capital, a digit or a sign, and takes in the words after it that start
    /// with a small letter. A word with an open bracket goes on to the word that closes it
    /// (`O(log n)`).
    private static func cellStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        var depth = 0
        for index in bytes.indices {
            switch bytes[index] {
            case 0x28, 0x5B: depth += 1
            case 0x29, 0x5D: depth = max(0, depth - 1)
            case 0x20 where depth == 0 && index + 1 < bytes.count && startsCell(bytes, at: index + 1): starts.append(index + 1)
            default: break
            }
        }
        return starts
    }

    /// Whether the word at byte `index` starts a cell: it does not start with a small letter.
    private static func startsCell(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte != 0x20 && !(0x61...0x7A).contains(byte) }
        // A letter beyond ASCII (`μs`, `Éclair`): its case decides.
        let scalar = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self).unicodeScalars.first
        return scalar?.properties.isLowercase != true
    }

    /// Whether a cell is a number, with a unit or a sign around it (`10`, `~5 ms`, `$0.02`, `99.9%`).
    private static func isNumber(_ cell: Substring) -> Bool {
        cell.contains { $0.isNumber } && cell.first.map { $0.isNumber || "~<>≈$€£-+".contains($0) } == true
    }

    /// The row with its outer pipes, as the item extractor reads tables.
    static func piped(_ cells: [Substring]) -> Substring {
        Substring("| " + cells.joined(separator: " | ") + " |")
    }
}
