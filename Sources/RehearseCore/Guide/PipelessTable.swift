/// Table rows written without the pipes at either end: `Attempt | Delay`, as GitHub Markdown
/// allows over a delimiter row (`--- | ---`) and as a table copied from a web page reads in
/// flat text.
///
/// The item extractor reads a table as a run of lines that start with `|`; the readers find
/// these rows, with the lines around them, and hand them on in that form (``piped(_:)``).
enum PipelessTable {
    /// How many cells `line` has when it is a row without outer pipes: at least two, split by
    /// single `|`s, none of them empty. Nil for any other line, and for one that starts with `|`
    /// (a piped row already).
    static func cellCount(_ line: Substring) -> Int? {
        line.withBytes { bytes in
            guard let first = bytes.first, first != 0x7C, bytes.contains(0x7C) else { return nil }
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
        line.hasBytePrefix("|") ? line : Substring("| " + line + " |")
    }
}
