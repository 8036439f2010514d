import Foundation

/// Between Anki's field HTML and Rehearse's plain text.
///
/// Anki fields are HTML fragments: line breaks are `<br>` or `<div>`s, media are `<img>` and
/// `[sound:…]`, and text is entity-escaped. Rehearse cards are plain text whose line breaks
/// and indentation matter (code), so export escapes and writes `<br>` (the note type's CSS
/// keeps spaces), and import undoes that and drops the rest of the markup.
enum AnkiHTML {
    /// Plain text as field HTML: `&`, `<`, `>` escaped, line breaks as `<br>`.
    static func html(fromText text: String) -> String {
        // Most text has nothing to escape.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\n") })
        else { return text }
        var html = ""
        html.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\n": html += "<br>"
            default: html.append(character)
            }
        }
        return html
    }

    /// Field HTML as plain text: breaks and block ends become line breaks, list items get a
    /// dash, other tags and media references go, entities are decoded, blank runs shrink
    /// to one blank line (unless `tidy` is false: Rehearse's own fields come back exactly).
    /// `media` counts the images and sounds dropped.
    static func text(fromHTML html: String, media: inout Int, tidy: Bool = true) -> String {
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.prefix { $0.isLetter || $0 == "/" || $0.isNumber }
                switch name {
                case "br", "/div", "/p", "/li", "/tr", "/h1", "/h2", "/h3", "/h4", "/pre": text += "\n"
                case "li": text += "- "
                case "/td", "/th": text += " | "
                case "img", "audio", "video": media += 1
                default: break
                }
                index = html.index(after: close)
            } else if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";"),
                let decoded = entity(html[html.index(after: index)..<semicolon])
            {
                text.append(decoded)
                index = html.index(after: semicolon)
            } else if character == "[", html[index...].hasPrefix("[sound:"), let close = html[index...].firstIndex(of: "]") {
                media += 1
                index = html.index(after: close)
            } else {
                text.append(character)
                index = html.index(after: index)
            }
        }
        return tidy ? tidied(text) : text
    }

    /// Trailing spaces off every line, no more than one blank line in a row, no blank lines
    /// at either end.
    static func tidied(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.replacingOccurrences(of: "\u{A0}", with: " ")
            var end = trimmed.endIndex
            while end > trimmed.startIndex, trimmed[trimmed.index(before: end)] == " " || trimmed[trimmed.index(before: end)] == "\t" {
                end = trimmed.index(before: end)
            }
            let kept = Substring(trimmed[..<end])
            if kept.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(kept)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static let named: [Substring: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "rarr": "→", "larr": "←", "times": "×", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    ]

    private static func entity(_ name: Substring) -> Character? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        return named[name]
    }
}
