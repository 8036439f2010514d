import Foundation

/// A definition list written in HTML inside Markdown: `<dl>`, then for each entry a
/// `<dt>Term</dt>` over a `<dd>what it means</dd>`, then `</dl>`.
enum HTMLDefinitionList {
    /// The last line of a list that opens at `start`, and its entries as the Markdown reader
    /// writes a definition (`Term: what it means`; a term's second `<dd>` goes on after its
    /// first); nil unless the line opens a `<dl>` that closes within ``HTMLBlock/lineLimit``
    /// lines and defines a term.
    static func entries(from start: Int, count: Int, line: (Int) -> Substring) -> (end: Int, entries: [String])? {
        guard let (end, html) = HTMLBlock.element("<dl", "</dl>", from: start, count: count, line: line) else { return nil }
        var entries: [String] = []
        var term: String?
        for part in parts(of: html) {
            let text = HTMLBlock.text(String(part.html))
            guard !text.isEmpty else { continue }
            if part.isTerm {
                term = text
            } else if let defined = term {
                entries.append(defined + ": " + text)
                term = nil
            } else if let last = entries.popLast() {
                entries.append(last + " " + text)
            }
        }
        return entries.isEmpty ? nil : (end, entries)
    }

    /// The pieces of `html` from each `<dt>` or `<dd>` tag to the next, and whether each is a term.
    private static func parts(of html: String) -> [(isTerm: Bool, html: Substring)] {
        var starts: [(index: String.Index, isTerm: Bool)] = []
        var rest = html.startIndex..<html.endIndex
        while let found = html.range(of: "<d", options: .caseInsensitive, range: rest) {
            rest = found.upperBound..<html.endIndex
            guard let letter = html[rest].first, "tTdD".contains(letter) else { continue }
            let after = html[html.index(after: found.upperBound)...].first
            guard after == ">" || after == " " else { continue }
            starts.append((found.lowerBound, letter == "t" || letter == "T"))
        }
        return starts.indices.map { position in
            let end = position + 1 < starts.count ? starts[position + 1].index : html.endIndex
            return (starts[position].isTerm, html[starts[position].index..<end])
        }
    }
}
