/// What a guide copied from a PDF, a printed page or a web page carries that is not its
/// content: page numbers (`Page 3`, `Page 3 of 12`, `- 3 -`), the running header that repeats
/// the document's title beside the page number (`Caching notes        2`), and the header a web
/// page draws over a code block (`python` / `Copy code`). The flat reader reads such a line as
/// a blank one, so that it neither titles a section nor ends up in an answer.
enum PageFurniture {
    /// Whether `text` (trimmed) is a page number or a running header of a guide whose first
    /// line is `title`.
    static func contains(_ text: Substring, title: Substring?) -> Bool {
        guard let first = text.utf8.first else { return false }
        // A page number is short and starts with `P`, `p`, `-` or a dash (E2 80 93 or 94).
        if text.utf8.count <= 24, first == 0x50 || first == 0x70 || first == 0x2D || first == 0xE2, isPageNumber(text) { return true }
        guard let title, !title.isEmpty, text.utf8.count > title.utf8.count else { return false }
        // The title then the page number, or the page number then the title; spaced wide, or
        // set apart by a space as `Page 3 of 12`.
        if first == title.utf8.first, text.utf8.starts(with: title.utf8) {
            let rest = text.dropFirst(title.count)
            return isNumberAfterSpaces(rest) || isSpacedPageNumber(rest, besideTitle: rest.first)
        }
        if text.utf8.last == title.utf8.last, text.utf8.reversed().starts(with: title.utf8.reversed()) {
            let rest = text.dropLast(title.count)
            return isNumberAfterSpaces(Substring(rest.reversed())) || isSpacedPageNumber(rest, besideTitle: rest.last)
        }
        return false
    }

    /// Whether `rest`, beside the title, is a page number that says so (`Page 3 of 12`), set
    /// apart from the title by white space (its character `besideTitle`).
    private static func isSpacedPageNumber(_ rest: Substring, besideTitle: Character?) -> Bool {
        guard besideTitle == " " || besideTitle == "\t" else { return false }
        let number = rest.trimmingWhitespace()
        return number.utf8.count <= 24 && isPageNumber(number)
    }

    /// Whether `text` is the header a web page draws over a code block, which copying keeps:
    /// its copy button (`Copy code`, `Copy to clipboard`; a bare `Copy` or `Copied!` only under
    /// the language's name) or the language's name right over the button (`python` / `Copy
    /// code`, as chat assistants and documentation sites show code).
    /// The neighbours are read only for a line that may be such a header (`Copy…` or a short
    /// lower-case word): every line of a guide is asked.
    static func isCodeChrome(_ text: Substring, previous: @autoclosure () -> Substring?, next: @autoclosure () -> Substring?) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 17 else { return false }
        if first == 0x43 {
            return isCopyButton(text) || (text.hasBytePrefix("Copy") && text.utf8.count == 4 || text.hasBytePrefix("Copied!") && text.utf8.count == 7)
                && previous().map { codeLanguages.contains($0) } == true
        }
        guard first.isASCIILowercase, let next = next(), next.utf8.first == 0x43 else { return false }
        return (isCopyButton(next) || next.hasBytePrefix("Copy") && next.utf8.count == 4) && codeLanguages.contains(text)
    }

    /// `Copy code` or `Copy to clipboard`.
    private static func isCopyButton(_ text: Substring) -> Bool {
        text.hasBytePrefix("Copy code") && text.utf8.count == 9 || text.hasBytePrefix("Copy to clipboard") && text.utf8.count == 17
    }

    /// The names a code block's header gives its language, as written there.
    private static let codeLanguages: Set<Substring> = [
        "python", "py", "bash", "sh", "shell", "console", "sql", "json", "yaml", "javascript", "js", "typescript", "ts",
        "go", "java", "rust", "ruby", "lua", "text", "plaintext", "toml", "ini", "dockerfile", "html", "css", "c", "cpp",
    ]

    /// `Page 3`, `page 3 of 12`, `Page 3/12`, `- 3 -`, `— 3 —`; read on the bytes, since
    /// every short line that starts with `P` or a dash is asked.
    private static func isPageNumber(_ text: Substring) -> Bool {
        text.withBytes { bytes in
            var reader = ByteReader(bytes: bytes)
            if reader.skipWord("page") {
                guard reader.skipSpaces() > 0, reader.skipDigits() else { return false }
                if reader.atEnd { return true }
                let spaced = reader.skipSpaces() > 0
                guard reader.skip("/") || spaced && reader.skipWord("of") && reader.skipSpaces() > 0 else { return false }
                reader.skipSpaces()
                return reader.skipDigits() && reader.atEnd
            }
            // A dash, the number, the same dash.
            let dash = reader.skipDash()
            guard !dash.isEmpty, reader.skipSpaces() > 0, reader.skipDigits(), reader.skipSpaces() > 0 else { return false }
            return reader.skipDash() == dash && reader.atEnd
        }
    }

    /// Reads a line's bytes from the start, one shape at a time.
    private struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position == bytes.count }

        /// Skips `word` in any case.
        mutating func skipWord(_ word: StaticString) -> Bool {
            guard bytes.count - position >= word.utf8CodeUnitCount else { return false }
            for offset in 0..<word.utf8CodeUnitCount where bytes[position + offset] | 0x20 != word.utf8Start[offset] {
                return false
            }
            position += word.utf8CodeUnitCount
            return true
        }

        mutating func skip(_ byte: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: byte) else { return false }
            position += 1
            return true
        }

        /// Skips spaces; how many.
        @discardableResult mutating func skipSpaces() -> Int {
            let start = position
            while position < bytes.count, bytes[position] == 0x20 { position += 1 }
            return position - start
        }

        /// Skips one to four digits.
        mutating func skipDigits() -> Bool {
            let start = position
            while position < bytes.count, bytes[position] >= 0x30 && bytes[position] <= 0x39 { position += 1 }
            return position > start && position - start <= 4
        }

        /// Skips a hyphen, an en dash or an em dash; its bytes (none if there is none).
        mutating func skipDash() -> ArraySlice<UInt8> {
            if skip("-") { return [0x2D] }
            guard bytes.count - position >= 3, bytes[position] == 0xE2, bytes[position + 1] == 0x80,
                  bytes[position + 2] == 0x93 || bytes[position + 2] == 0x94 else { return [] }
            position += 3
            return ArraySlice(bytes[(position - 3)..<position])
        }
    }

    /// Two or more spaces or a tab, then digits, and nothing else.
    private static func isNumberAfterSpaces(_ rest: Substring) -> Bool {
        let digits = rest.drop { $0 == " " || $0 == "\t" }
        return rest.count - digits.count >= 2 || rest.first == "\t" ? isNumber(digits) : false
    }

    private static func isNumber(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
