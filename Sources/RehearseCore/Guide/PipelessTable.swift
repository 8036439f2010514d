/// Table rows written without the pipes at either end: `Attempt | Delay`, as GitHub Markdown
/// allows over a delimiter row (`--- | ---`) and as a table copied from a web page reads in
/// flat text; in flat text also cells split by tabs, as a table copied from a web page or a
/// spreadsheet pastes.
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
            guard bytes.contains(0x7C) else { return tabCellCount(bytes) }
            var cells = 1
            var cellIsEmpty = true
            for byte in bytes {
                switch byte {
                case 0x7C:
                    // An empty cell, which also rules out the operator `||` (`a || b`).
                    if cellIsEmpty { return nil }
                    cells += 1
                    cellIsEmpty = true
                case 0x20, 0x09:
                    continue
                default:
                    cellIsEmpty = false
                }
            }
            return cellIsEmpty ? nil : cells
        }
    }

    /// Cells split by runs of tabs: at least two.
    private static func tabCellCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var cells = 1
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x09, previous != 0x09 { cells += 1 }
            previous = byte
        }
        return cells >= 2 ? cells : nil
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
}
