/// Markdown that documentation sites add to GitHub's: call-out boxes and definition lists.
enum MarkdownCallouts {
    /// What a call-out's marker line stands for, or nil for any other line. MkDocs writes
    /// `!!! note "Title"` (and `??? question "Title"`, folded) over indented lines; Docusaurus
    /// writes `:::tip Title` … `:::`; GitHub and Obsidian open a block quote with `[!NOTE]` or
    /// `[!question]- Title` (`-` or `+`: folded or not); MkDocs Material's content tabs are
    /// `=== "Title"` over indented lines, as its call-outs are. The marker is no content: a title that
    /// asks something is the question the lines below answer (`Q: …`), another title labels
    /// them (`Title:`), and a marker without a title reads as a blank line (""). A closing
    /// `:::` ends the call-out (``MarkdownSegmenter/closesContainer(_:)``, asked first).
    static func marker(_ text: Substring) -> Substring? {
        guard let first = text.utf8.first, first == 0x21 || first == 0x3F || first == 0x3A || first == 0x5B || first == 0x3D else { return nil }  // ! ? : [ =
        let title: Substring
        if first == 0x3D {
            // A content tab: `=== "Python"` (`===!` or `===+`: the first open), never a bare
            // `===`, which underlines a heading.
            let rest = text.drop { $0 == "=" }.drop { $0 == "!" || $0 == "+" }
            guard text.utf8.count - rest.utf8.count >= 3, rest.hasBytePrefix(" \"") else { return nil }
            title = Substring(rest.trimmingWhitespace().trimmed(of: "\""))
        } else if text.hasBytePrefix("[!") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let type = text[text.index(text.startIndex, offsetBy: 2)..<close]
            guard !type.isEmpty, type.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { return nil }
            var rest = text[text.index(after: close)...]
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            guard rest.isEmpty || rest.first == " " else { return nil }
            title = rest.trimmingWhitespace()
        } else {
            let rest: Substring
            if text.hasBytePrefix("!!! ") || text.hasBytePrefix("??? ") || text.hasBytePrefix("???+ ") {
                rest = text.drop { $0 != " " }.dropFirst()
            } else if text.hasBytePrefix(":::") {
                rest = text.dropFirst(3)
            } else {
                return nil
            }
            // The type (`note`, `tip`, `warning`, …), then the title, quoted or not.
            let type = rest.prefix { $0.isLowercase || $0 == "-" }
            guard !type.isEmpty || rest.isEmpty else { return nil }
            title = Substring(rest.dropFirst(type.count).trimmingWhitespace().trimmed(of: "\"'"))
        }
        if title.isEmpty { return "" }
        guard title.contains(where: \.isLetter) else { return nil }
        return title.hasSuffix("?") ? Substring("Q: " + title) : Substring(title + ":")
    }

    /// A definition list's entry, as PHP Markdown Extra and Pandoc write one: a term on its
    /// line, its definition on the next after `: ` (`Cache hit` / `: A read the cache
    /// answers.`), read as `Cache hit: A read the cache answers.`; nil unless `term` is a short
    /// line of words and `next` starts with `: `.
    /// `next` is read only when `term` could be one.
    static func definitionListEntry(_ term: Substring, over next: @autoclosure () -> Substring) -> Substring? {
        guard let last = term.utf8.last, !last.isOne(of: ".:;,!?`|)"), term.utf8.count <= 80, term.wordCount <= 8, !term.isListItem, term.labelled == nil else { return nil }
        let definition = next()
        guard definition.hasBytePrefix(": ") else { return nil }
        return Substring(term + ": " + definition.dropFirst(2).trimmingWhitespace())
    }
}
