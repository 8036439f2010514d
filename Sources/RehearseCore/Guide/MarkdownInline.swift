/// Inline Markdown that ``MarkdownSegmenter/plainInline(_:)`` takes out of prose: single-star
/// emphasis, HTML entities and line-break tags, and the wiki links and highlights of note apps
/// (Obsidian, Logseq, Foam). Each reads the line's UTF-8 from an index the caller found a `*`,
/// `&`, `<`, `[` or `=` at.
enum MarkdownInline {
    /// Whether `text` may hold inline markup: a `*`, `[` or `\\`, an `&` before a letter or
    /// `#`, a `<br` or `==`. Most lines hold none and are kept as they are, without copying.
    static func mayHoldMarkup(_ text: Substring) -> Bool {
        text.withBytes { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x2A, 0x5B, 0x5C: return true
                case 0x26 where index + 1 < bytes.count && (bytes[index + 1] | 0x20 >= 0x61 && bytes[index + 1] | 0x20 <= 0x7A || bytes[index + 1] == 0x23):
                    return true
                case 0x3C where index + 2 < bytes.count && bytes[index + 1] | 0x20 == 0x62 && bytes[index + 2] | 0x20 == 0x72:
                    return true
                case 0x3D where index + 1 < bytes.count && bytes[index + 1] == 0x3D:
                    return true
                default: continue
                }
            }
            return false
        }
    }

    /// The closing `*` of single-star emphasis opened at `start` (`*Remember:* …`), as
    /// CommonMark pairs them on one line: the opener is followed by a non-space and stands at
    /// the start, after a space or an opening bracket or quote; the closer follows a non-space
    /// and stands at the end or before a space or punctuation. Code spans and bold (`**DATE**`)
    /// inside are passed over whole. Nil for `2 * 3`, `**`, a bullet's star, a star with no
    /// closer, or a code span that does not close.
    static func emphasisEnd(in text: Substring, opening start: String.Index) -> String.Index? {
        let bytes = text.utf8
        let after = bytes.index(after: start)
        guard after < bytes.endIndex, bytes[after] != 0x20, bytes[after] != 0x2A else { return nil }
        if start > bytes.startIndex {
            let before = bytes[bytes.index(before: start)]
            guard before == 0x20 || before.isOne(of: "([\"'") else { return nil }
        }
        var index = bytes.index(after: after)
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == 0x60 {
                guard let close = bytes[next...].firstIndex(of: 0x60) else { return nil }
                index = bytes.index(after: close)
                continue
            }
            if byte == 0x2A, next < bytes.endIndex, bytes[next] == 0x2A {
                index = bytes.index(after: next)
                continue
            }
            if byte == 0x2A, bytes[bytes.index(before: index)] != 0x20 {
                guard next < bytes.endIndex else { return index }
                if bytes[next] == 0x20 || bytes[next].isOne(of: ".,;:!?)\"'") { return index }
            }
            index = next
        }
        return nil
    }

    /// A wiki link at `start` (`[[Write-ahead log]]`, `[[Caching#Eviction|eviction]]`): the
    /// text it shows (its alias, else the page without the heading, else the heading) and the
    /// index after it. Nil unless `[[` opens a link that closes on the line.
    static func wikiLink(in text: Substring, at start: String.Index) -> (Substring, String.Index)? {
        guard text[start...].hasBytePrefix("[["), let close = text[start...].range(of: "]]") else { return nil }
        let target = text[text.index(start, offsetBy: 2)..<close.lowerBound]
        guard !target.isEmpty, !target.contains("[") else { return nil }
        if let bar = target.firstIndex(of: "|") { return (target[target.index(after: bar)...], close.upperBound) }
        guard let hash = target.firstIndex(of: "#") else { return (target, close.upperBound) }
        return (hash == target.startIndex ? target.dropFirst() : target[..<hash], close.upperBound)
    }

    /// The index after a footnote reference at `start` (`[^1]`, `[^note]`), or nil; a
    /// footnote's own line (`[^1]: …`) is no reference.
    static func footnoteReferenceEnd(in text: Substring, at start: String.Index) -> String.Index? {
        guard text[start...].hasBytePrefix("[^"), let close = text[start...].firstIndex(of: "]") else { return nil }
        let end = text.index(after: close)
        guard close > text.index(start, offsetBy: 2), end == text.endIndex || text[end] != ":" && text[end] != "(" else { return nil }
        return end
    }

    /// The text of a footnote's line (`[^1]: On Linux, …` → `On Linux, …`), or nil.
    static func footnoteText(_ line: Substring) -> Substring? {
        guard line.hasBytePrefix("[^"), let close = line.range(of: "]:") else { return nil }
        return line[close.upperBound...].trimmingWhitespace()
    }

    /// The closing `==` of a highlight opened at `start` (`==LRU== evicts …`): the opener is
    /// followed by a non-space, the closer follows one. Nil for `a == b` and `==` alone.
    static func highlightEnd(in text: Substring, opening start: String.Index) -> String.Index? {
        let bytes = text.utf8
        let inside = bytes.index(start, offsetBy: 2)
        guard inside < bytes.endIndex, bytes[inside] != 0x20, bytes[inside] != 0x3D,
            let close = text[inside...].range(of: "==")?.lowerBound,
            bytes[bytes.index(before: close)] != 0x20
        else { return nil }
        return close
    }

    /// The text an HTML entity (`&amp;`, `&lt;`, `&#39;`) or a `<br>` tag at `start` stands
    /// for, and the index after it.
    static func entityOrBreak(in text: Substring, at start: String.Index) -> (String, String.Index)? {
        let rest = text[start...].utf8.prefix(8)
        guard let end = rest.firstIndex(of: rest.first == 0x26 ? 0x3B : 0x3E) else { return nil }
        let after = text.utf8.index(after: end)
        let token = String(decoding: text.utf8[start..<after], as: UTF8.self).lowercased()
        if let named = entities[token] { return (named, after) }
        if ["<br>", "<br/>", "<br />"].contains(token) { return (" ", after) }
        guard token.hasPrefix("&#"), let code = UInt32(token.dropFirst(2).dropLast()), let scalar = Unicode.Scalar(code) else { return nil }
        return (String(Character(scalar)), after)
    }

    private static let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'", "&nbsp;": " "]
}
