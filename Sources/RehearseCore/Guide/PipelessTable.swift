/// Table rows written without the pipes at either end: `Attempt | Delay`, as GitHub Markdown
/// allows over a delimiter row (`--- | ---`) and as a table copied from a web page reads in
/// flat text; in flat text also cells split by tabs, as a table copied from a web page or a
/// spreadsheet pastes, and cells lined up in columns by spaces, as a terminal or a
/// fixed-width document lays a table out.
///
/// The item extractor reads a table as a run of lines that start with `|`; the readers find
/// these rows, with the lines around them, and hand them on in that form (``piped(_:)``).
enum PipelessTable {
    /// How many cells `line` has when it is a row without outer pipes: at least two, split by
    /// single `|`s, none of them empty, or by tabs when it has no `|`. Nil for any other line,
    /// and for one that starts with `|` (a piped row already).
    static func cellCount(_ line: Substring) -> Int? {
        line.withBytes { bytes in
            guard let first = bytes.first, first != 0x7C else { return nil }
            // One pass counts both ways of splitting: by `|`s, and by runs of tabs.
            var pipes = 0
            var tabRuns = 1
            var cellIsEmpty = true
            var hasEmptyCell = false
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case 0x7C:
                    // An empty cell, which also rules out the operator `||` (`a || b`).
                    if cellIsEmpty { hasEmptyCell = true }
                    pipes += 1
                    cellIsEmpty = true
                case 0x20:
                    break
                case 0x09:
                    if previous != 0x09 { tabRuns += 1 }
                default:
                    cellIsEmpty = false
                }
                previous = byte
            }
            guard pipes > 0 else { return tabRuns >= 2 ? tabRuns : nil }
            return hasEmptyCell || cellIsEmpty ? nil : pipes + 1
        }
    }

    /// Where the cells of a row lined up by spaces start, in bytes from the line's start: the
    /// line split at runs of two or more spaces, into at least two cells. Nil for a line with a
    /// tab or a `|`, for one whose run of spaces follows the end of a sentence (`… ends.  Then`),
    /// which is prose typed with two spaces after a period, and for a line longer than a row of
    /// a table laid out for the page is (``alignedRowLimit``).
    static func columns(_ line: Substring) -> [Int]? {
        line.withBytes { bytes in
            guard let first = bytes.first, first != 0x20, bytes.count <= alignedRowLimit else { return nil }
            // Most lines have no two spaces in a row: they are let go without an array.
            guard hasTwoSpaces(bytes) else { return nil }
            var starts = [0]
            var index = 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x09 || byte == 0x7C { return nil }
                guard byte == 0x20, index + 1 < bytes.count, bytes[index + 1] == 0x20 else {
                    index += 1
                    continue
                }
                if bytes[index - 1].isOne(of: ".?!:;,") { return nil }
                while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                if index < bytes.count { starts.append(index) }
            }
            return starts.count >= 2 ? starts : nil
        }
    }

    /// Whether two spaces stand side by side in `bytes`, looked for eight pairs at a time: a
    /// word of the bytes and the word one byte on hold a zero byte, once each is XORed with
    /// spaces, exactly where both bytes of a pair are spaces.
    static func hasTwoSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 2 else { return false }
        let spaces: UInt64 = 0x2020_2020_2020_2020
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 9 <= bytes.count {
            let pairs = (raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ spaces)
                | (raw.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self) ^ spaces)
            if (pairs &- ones) & ~pairs & highs != 0 { return true }
            index += 8
        }
        while index + 1 < bytes.count {
            if bytes[index] == 0x20, bytes[index + 1] == 0x20 { return true }
            index += 1
        }
        return false
    }

    /// The longest row of a table lined up by spaces, in bytes: a fixed-width page (a terminal,
    /// a text document) is about 80 to 160 columns wide. Paragraphs, often far longer, are not
    /// searched for columns.
    static let alignedRowLimit = 200

    /// Whether a row whose cells start at `columns` lines up under a header whose cells start at
    /// `header`: each of its cells starts where a header cell does, the first at the margin
    /// (a row may leave its last cells empty).
    static func linesUp(_ columns: [Int], under header: [Int]) -> Bool {
        columns.count >= 2 && columns.count <= header.count && columns.allSatisfy(header.contains)
    }

    /// How many cells a delimiter row (`--- | :---:`, with or without outer pipes) has; nil
    /// for any other line.
    static func delimiterCellCount(_ line: Substring) -> Int? {
        guard ItemExtractor.isSeparatorRow(line) else { return nil }
        return ItemExtractor.cells(line).count
    }

    /// Whether a row of `cells` cells (``cellCount(_:)``) opens a pipe-less table over `next`:
    /// a delimiter row or a row of as many cells.
    static func opens(cells: Int, over next: Substring) -> Bool {
        delimiterCellCount(next) == cells || cellCount(next) == cells
    }

    /// The row with its outer pipes.
    static func piped(_ line: Substring) -> Substring {
        if line.hasBytePrefix("|") { return line }
        let cells = line.utf8.contains(0x7C) ? [line] : line.split(separator: "\t").map { $0.trimmingWhitespace() }
        return Substring("| " + cells.joined(separator: " | ") + " |")
    }

    /// A row lined up by spaces with its outer pipes: each of its cells, which start at
    /// `cellStarts` (``columns(_:)``), in the header's column where it starts, and an empty
    /// cell where it has none.
    static func piped(_ line: Substring, cellStarts starts: [Int], header: [Int]) -> Substring {
        var cells = [Substring](repeating: "", count: header.count)
        let bytes = line.utf8
        for (position, start) in starts.enumerated() {
            guard let column = header.firstIndex(of: start) else { continue }
            let end = position + 1 < starts.count ? starts[position + 1] : bytes.count
            cells[column] = line[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)].trimmingWhitespace()
        }
        return Substring("| " + cells.joined(separator: " | ") + " |")
    }
}
