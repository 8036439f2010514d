import Foundation

/// An element written in HTML inside Markdown (a `<table>`, a `<dl>`), as GitHub pages lay out
/// what Markdown cannot: found by its opening tag at the start of a line, read to its closing tag.
enum HTMLBlock {
    /// The most lines an element may run over; one not closed by then is left as text.
    static let lineLimit = 200

    /// The lines of the element that opens at line `start`, joined by spaces, and its last line;
    /// nil unless the line starts with `opening` (`<table`) and a line within ``lineLimit``
    /// lines holds `closing` (`</table>`).
    static func element(_ opening: StaticString, _ closing: String, from start: Int, count: Int, line: (Int) -> Substring) -> (end: Int, html: String)? {
        guard line(start).hasPrefixIgnoringCase(opening) else { return nil }
        var html = ""
        var end = start
        while true {
            let text = line(end)
            html += text + " "
            if text.range(of: closing, options: .caseInsensitive) != nil { return (end, html) }
            end += 1
            guard end < count, end - start < lineLimit else { return nil }
        }
    }

    /// The text of a piece of HTML: tags dropped, white space made single, inline Markdown read.
    static func text(_ html: String) -> String {
        let text = MarkdownSegmenter.withoutTags(Substring(html)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(MarkdownSegmenter.plainInline(Substring(text)))
    }
}
