/// A diagram drawn in text, as system-design notes draw boxes and arrows:
///
/// ```
/// +--------+      +-------------+
/// | Client | ---> | API Gateway |
/// +--------+      +-------------+
///      |
///      v
/// ```
///
/// In a flat guide it is kept as one block of text, line for line, instead of being read as
/// table rows and titles.
enum DiagramText {
    /// Where a diagram that starts at `start` ends: it starts with a box's border, or with a
    /// chain of two or more arrows over a connector (`Client -> Gateway -> Chat service` over
    /// `|`), and goes on over borders, boxed lines, connectors, lines with arrows and the name
    /// of what an arrow points down or up to (`Presence (Redis)` under `v`); nil when line
    /// `start` starts no diagram or the diagram would be that one line.
    static func end(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        let first = text(start)
        guard isBorder(first) || start + 1 < count && isConnector(text(start + 1)) && arrows(in: first) >= 2 else { return nil }
        var end = start + 1
        while end < count {
            let line = text(end)
            guard isBorder(line) || isBoxed(line) || isConnector(line) || arrows(in: line) > 0
                || pointsVertically(text(end - 1)) && isNodeName(line)
            else { break }
            end += 1
        }
        // A database console's boxed result ends with its row count.
        if end < count, SQLResult.isRowCount(text(end)) { end += 1 }
        return end - start >= 2 ? end : nil
    }

    /// How many arrows a line draws between names: `->`, `=>`, `<-` and `→`, `←`, in one pass
    /// over its bytes.
    private static func arrows(in line: Substring) -> Int {
        var count = 0
        var before: UInt8 = 0, previous: UInt8 = 0
        for byte in line.utf8 {
            switch byte {
            case 0x3E where previous == 0x2D || previous == 0x3D: count += 1  // -> =>
            case 0x2D where previous == 0x3C: count += 1  // <-
            case 0x90 where previous == 0x86 && before == 0xE2, 0x92 where previous == 0x86 && before == 0xE2: count += 1  // ← →
            default: break
            }
            before = previous
            previous = byte
        }
        return count
    }

    /// A connector whose arrow points down or up (`v`, `^`).
    private static func pointsVertically(_ line: Substring) -> Bool {
        isConnector(line) && (line.utf8.contains(0x76) || line.utf8.contains(0x5E))
    }

    /// The short name of a box drawn without its border: a few words, no sentence.
    private static func isNodeName(_ line: Substring) -> Bool {
        guard let last = line.utf8.last else { return false }
        return line.wordCount <= 5 && !last.isOne(of: ".?!:;,")
    }

    /// A box's top or bottom, with its corners: `+----+   +---+`, or a line that starts with a
    /// box-drawing character (`┌──┐`, `│ API │`). A table's `|---|---|` has no corners: it is
    /// no border.
    static func isBorder(_ line: Substring) -> Bool {
        // Every line is asked: its first byte rules out most. Box-drawing characters are
        // U+2500 to U+257F, whose UTF-8 starts E2 94 or E2 95.
        guard let first = line.utf8.first, first == 0x2B || first == 0x7C || first == 0xE2 else { return false }
        if first == 0xE2 { return line.unicodeScalars.first.map { (0x2500...0x257F).contains($0.value) } ?? false }
        guard line.utf8.last == 0x2B || line.utf8.last == 0x7C else { return false }
        var dashes = 0
        var corners = 0
        for byte in line.utf8 {
            switch byte {
            case 0x2D, 0x3D: dashes += 1  // - =
            case 0x2B: corners += 1  // +
            case 0x7C, 0x20: continue  // | space
            default: return false
            }
        }
        return dashes >= 3 && corners >= 2
    }

    /// A line inside boxes: `| Client | ---> | Service |`, `+ note +`.
    private static func isBoxed(_ line: Substring) -> Bool {
        guard let first = line.utf8.first, let last = line.utf8.last, line.utf8.count >= 3 else { return false }
        return (first == 0x7C || first == 0x2B) && (last == 0x7C || last == 0x2B)
    }

    /// A line of arrows and lines between boxes: `|`, `v`, `|    ^`, `/   \`, `--->`.
    private static func isConnector(_ line: Substring) -> Bool {
        // Asked of the line under every line: its first byte rules out most.
        guard let first = line.utf8.first, first.isOne(of: " |v^/\\<>-+*.:") else { return false }
        return line.withBytes { $0.count <= 120 && $0.allSatisfy { $0.isOne(of: " |v^/\\<>-+*.:") } }
    }
}
