/// The numbered sections of a guide exported from a word processor or a PDF:
/// `1. Replication` over `1.1 Leader-based replication` and `1.2 Quorums`, then `2. Partitioning`.
///
/// A `1.` line alone reads as a list item, and a flat guide's heading levels are otherwise
/// guessed from which headings stand over which (the segmenter's `HeadingLevels`). Where the
/// numbers form an outline, they say both: each numbered title-like line that continues the
/// numbering (a first child `1.1` after `1`, or the next sibling of an open section: `1.3`
/// after `1.2.4`, `2` after `1.2`) heads a section at the depth of its number.
///
/// The numbers are taken for an outline only when some section has a numbered subsection
/// (`1.1`, or `3.2` in a chapter's notes) and at least two sections are numbered: the numbered
/// lists of most guides (`1. multiprocessing`, `2. threading`) number no subsections. Within
/// an outline, a `2.` line next to another numbered item is still a list item, not a section.
struct SectionOutline {
    /// The level (1 for the outermost numbers used) of each line that heads a numbered
    /// section, by line index; empty when the numbers form no outline.
    private var levels: [Int: Int] = [:]

    var isEmpty: Bool { levels.isEmpty }

    /// The section level of the heading at line `index`, if it is a numbered section's.
    func level(at index: Int) -> Int? { levels[index] }

    /// Finds the outline among `lines`, outside the table of contents at `contents`: only lines
    /// whose first visible byte is a digit are read, and only when some line starts with a
    /// number such as `2.1`.
    init(lines: GuideLines, skipping contents: ClosedRange<Int>? = nil) {
        // No number of a subsection, no outline: most guides are not read again for one.
        guard lines.hasSubsectionNumbers else { return }
        var candidates: [(index: Int, number: [Int])] = []
        for index in lines.indices where lines.firstVisibleByte(index)?.isASCIIDigit == true && contents?.contains(index) != true {
            let text = lines.trimmed(index)
            guard let number = Self.sectionNumber(text) else { continue }
            // A `2.` beside another numbered line is an item of a list.
            if number.count == 1, Self.isListItem(lines, Self.nextText(in: lines, from: index - 1, by: -1))
                || Self.isListItem(lines, Self.nextText(in: lines, from: index + 1, by: 1)) { continue }
            candidates.append((index, number))
        }
        var accepted: [(index: Int, number: [Int])] = []
        for candidate in candidates where Self.continues(accepted.last?.number ?? [], with: candidate.number) {
            accepted.append(candidate)
        }
        guard accepted.count >= 2, let shallowest = accepted.map(\.number.count).min(),
            accepted.contains(where: { $0.number.count > shallowest })
        else { return }
        for section in accepted { levels[section.index] = section.number.count - shallowest + 1 }
    }

    /// The section number of a numbered title (`1. Replication`, `2.3 Quorums`, `2.3. Quorums`):
    /// a top-level number ends in a period; the title that follows starts with a capital and
    /// reads as a heading (``Substring/isHeadingCandidate``).
    static func sectionNumber(_ text: Substring) -> [Int]? {
        var number: [Int] = []
        var value = 0
        var digits = 0
        var position = text.utf8.startIndex
        var endsInPeriod = false
        while position < text.utf8.endIndex {
            let byte = text.utf8[position]
            if byte.isASCIIDigit {
                guard digits < 3 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                endsInPeriod = false
            } else if byte == 0x2E, digits > 0 {
                number.append(value)
                (value, digits, endsInPeriod) = (0, 0, true)
            } else {
                break
            }
            position = text.utf8.index(after: position)
        }
        if digits > 0 { number.append(value) }
        guard !number.isEmpty, number.count <= 6, endsInPeriod || number.count > 1, position < text.utf8.endIndex,
            text.utf8[position] == 0x20 || text.utf8[position] == 0x09
        else { return nil }
        let title = text[position...].trimmingWhitespace()
        guard let first = title.first, first.isUppercase, title.isHeadingCandidate else { return nil }
        return number
    }

    /// Whether section number `next` continues an outline whose last section is `last`: its
    /// first child, the next sibling of it or of a section that holds it, or (opening the
    /// outline) a first section at any number, such as a chapter's `3.1`.
    static func continues(_ last: [Int], with next: [Int]) -> Bool {
        guard !last.isEmpty else { return next.dropFirst().allSatisfy { $0 == 1 } }
        if next == last + [1] { return true }
        // `next` steps the number at depth `depth` on by one, and any deeper part starts at 1.
        for depth in 0..<min(last.count, next.count) {
            guard next[depth] == last[depth] else {
                return next[depth] == last[depth] + 1 && next[(depth + 1)...].allSatisfy { $0 == 1 }
            }
        }
        return false
    }

    private static func isListItem(_ lines: GuideLines, _ index: Int?) -> Bool {
        guard let index, lines.firstVisibleByte(index)?.isASCIIDigit == true else { return false }
        return lines.trimmed(index).numberedText != nil
    }

    /// The first line that is not blank from `start` on, going `step` lines at a time.
    private static func nextText(in lines: GuideLines, from start: Int, by step: Int) -> Int? {
        var index = start
        while lines.indices.contains(index) {
            if lines.firstVisibleByte(index) != nil { return index }
            index += step
        }
        return nil
    }
}
