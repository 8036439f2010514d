/// The shapes of prose lines that both readers and the item extractor recognise.
extension Substring {
    /// The text after a `- `, `* `, `+ ` or bullet symbol (``bulletSymbols``) marker, or nil when the line is no bullet.
    var bulletText: Substring? {
        let bytes = utf8
        guard let first = bytes.first else { return nil }
        var rest: String.Index
        switch first {
        case 0x2D, 0x2A, 0x2B: rest = bytes.index(after: bytes.startIndex)
        case 0xE2, 0xC2, 0xEF:
            guard let length = Self.bulletSymbolLength(bytes) else { return nil }
            rest = bytes.index(bytes.startIndex, offsetBy: length)
        case 0x5B:
            // A check box as note apps export a task list: `[ ] Open task`, `[x] Done`.
            let box = bytes.prefix(3)
            guard box.count == 3, [0x20, 0x78, 0x58].contains(box[box.index(after: box.startIndex)]), box.last == 0x5D,
                bytes.count > 4 else { return nil }
            rest = box.endIndex
        default: return nil
        }
        if rest == bytes.endIndex { return self[rest...] }
        guard bytes[rest] == 0x20 || bytes[rest] == 0x09 else { return nil }
        rest = bytes.index(after: rest)
        return self[rest...].trimmingWhitespace()
    }

    /// The bullets of lists copied from documents, slides and PDFs, as UTF-8: `•` `‣` `–` `◦`
    /// `●` `○` `▪` `▫` `■` `□` `➢` `➤`, the triangles of note apps' toggle lists (`▸` `▹` `▶`
    /// `▷` `►` `▾` `▼`), the ticks and crosses (``markSymbols``), the middle dot `·`, and the
    /// Symbol font's bullet (U+F0B7) that PDFs leave behind.
    private static let bulletSymbols: [[UInt8]] = [
        [0xE2, 0x80, 0xA2], [0xE2, 0x80, 0xA3], [0xE2, 0x80, 0x93], [0xE2, 0x97, 0xA6], [0xE2, 0x97, 0x8F], [0xE2, 0x97, 0x8B],
        [0xE2, 0x96, 0xAA], [0xE2, 0x96, 0xAB], [0xE2, 0x96, 0xA0], [0xE2, 0x96, 0xA1], [0xE2, 0x9E, 0xA2], [0xE2, 0x9E, 0xA4],
        [0xE2, 0x96, 0xB8], [0xE2, 0x96, 0xB9], [0xE2, 0x96, 0xB6], [0xE2, 0x96, 0xB7], [0xE2, 0x96, 0xBA], [0xE2, 0x96, 0xBE],
        [0xE2, 0x96, 0xBC], [0xC2, 0xB7], [0xEF, 0x82, 0xB7],
    ] + markSymbols

    /// The ticks and crosses of pros and cons, as UTF-8: `✓` `✔` `✅` `✗` `✘` `❌`.
    private static let markSymbols: [[UInt8]] = [
        [0xE2, 0x9C, 0x93], [0xE2, 0x9C, 0x94], [0xE2, 0x9C, 0x85], [0xE2, 0x9C, 0x97], [0xE2, 0x9C, 0x98], [0xE2, 0x9D, 0x8C],
    ]

    /// Whether the line starts with a tick or a cross (``markSymbols``): a bullet, but one that
    /// says something, so that `✅ Now the query runs:` still labels what follows it.
    var startsWithMark: Bool {
        utf8.first == 0xE2 && Self.markSymbols.contains { utf8.starts(with: $0) }
    }

    /// The length in bytes of the bullet symbol that `bytes` start with, if any.
    private static func bulletSymbolLength(_ bytes: Substring.UTF8View) -> Int? {
        bulletSymbols.first { bytes.starts(with: $0) }?.count
    }

    /// The text after a `1. ` or `1) ` marker, or nil.
    var numberedText: Substring? {
        let bytes = utf8
        let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count <= 3, digits.endIndex < bytes.endIndex else { return nil }
        let marker = bytes[digits.endIndex]
        guard marker == 0x2E || marker == 0x29 else { return nil }
        let space = bytes.index(after: digits.endIndex)
        guard space < bytes.endIndex, bytes[space] == 0x20 else { return nil }
        return self[bytes.index(after: space)...].trimmingWhitespace()
    }

    var isListItem: Bool { bulletText != nil || numberedText != nil }

    /// Whether the line is an item of a nested list as documents export one without its
    /// indentation: a bullet of the glyphs word processors give the second and third levels
    /// (`○`, `◦`, `▪`, `▫`, `□`, `‣`), under a first level of `●`, `•` or `-`.
    var isNestedBullet: Bool {
        guard utf8.first == 0xE2, bulletText != nil else { return false }
        return ["○", "◦", "▪", "▫", "□", "‣"].contains { hasPrefix($0) }
    }

    /// The heading without its section number: `2.1 Consistent hashing` → `Consistent hashing`,
    /// `1. Caching` → `Caching`. A number without a period (`3 Sum`) is part of the text.
    var withoutSectionNumber: Substring {
        guard utf8.first?.isASCIIDigit == true else { return self }
        let number = utf8.prefix { $0.isASCIIDigit || $0 == 0x2E }
        guard number.contains(0x2E), number.endIndex < endIndex, utf8[number.endIndex] == 0x20 else { return self }
        return self[utf8.index(after: number.endIndex)...]
    }

    /// The text without the emoji and symbols that decorate its start (`💡 Tip`, `✅ Solution`),
    /// and without white space at either end.
    var undecorated: Substring {
        drop { $0.isPictograph || $0.isWhitespace }.trimmingWhitespace()
    }

    /// The text after a multiple-choice option's letter (`a) `, `(b) `, `C. `), or nil. Only
    /// the first eight letters name options.
    var optionText: Substring? {
        var bytes = utf8[...]
        let parenthesised = bytes.first == 0x28
        if parenthesised { bytes = bytes.dropFirst() }
        guard let letter = bytes.first, letter.isASCIILetter, (letter | 0x20) <= 0x68 else { return nil }
        bytes = bytes.dropFirst()
        guard let mark = bytes.first, mark == 0x29 || mark == 0x2E && !parenthesised else { return nil }
        bytes = bytes.dropFirst()
        guard bytes.first == 0x20 else { return nil }
        let text = self[bytes.startIndex...].trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// The text after a bibliography's `[1] ` marker, or nil.
    var citedText: Substring? {
        let bytes = utf8
        guard bytes.first == 0x5B else { return nil }
        let digits = bytes.dropFirst().prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count <= 3, digits.endIndex < bytes.endIndex, bytes[digits.endIndex] == 0x5D else { return nil }
        let text = self[bytes.index(after: digits.endIndex)...]
        guard text.utf8.first == 0x20 else { return nil }
        return text.trimmingWhitespace()
    }

    /// `Why it exists:` — a short prose label that announces what follows.
    var isBareLabel: Bool {
        guard utf8.last == 0x3A, utf8.count >= 2, utf8.count <= 90, !isListItem || startsWithMark, !hasBytePrefix("#"), !hasBytePrefix("|")
        else { return false }
        guard wordCount <= 9 else { return false }
        let line = PythonLine(self)
        return !(line.lexes && !line.hasProseAdjacency && line.firstKeyword != nil)
    }

    /// Splits `term: explanation` into its two halves when the term is short. Two or three
    /// colons split as one (`WAL :: the write-ahead log`, `Leader::the node that takes writes`,
    /// the way flashcard notes write a card on one line), unless they join two names as in
    /// code (`std::vector<int> v`).
    var labelled: (label: Substring, text: Substring)? {
        guard let colon = firstIndex(ofByte: 0x3A) else { return nil }
        var afterColons = utf8.index(after: colon)
        // `1:1 and group chats`, `read:write is 100:1`: a ratio or a time, no label.
        if colon > startIndex, afterColons < endIndex, utf8[utf8.index(before: colon)].isASCIIDigit, utf8[afterColons].isASCIIDigit { return nil }
        if afterColons < endIndex, utf8[afterColons] == 0x3A {
            while afterColons < endIndex, utf8[afterColons] == 0x3A { afterColons = utf8.index(after: afterColons) }
            let spaced = colon > startIndex && utf8[utf8.index(before: colon)] == 0x20 || afterColons < endIndex && utf8[afterColons] == 0x20
            guard spaced || self[startIndex..<colon].withBytes({ $0.contains(0x20) }) || self[afterColons...].wordCount >= 3 else { return nil }
        }
        var label = self[startIndex..<colon].trimmingWhitespace()
        // `💡 Tip: …`: a pictograph before the label decorates it.
        if let first = label.utf8.first, first >= 0xE2 { label = label.undecorated }
        let text = self[afterColons...].trimmingWhitespace()
        guard !label.isEmpty, !text.isEmpty, label.utf8.count <= 60, !text.hasBytePrefix("//") else { return nil }
        // A bracket the label leaves open (`f(x) → {'a'` before `: 1}`) holds the colon.
        guard label.wordCount <= 6, !label.leavesBracketOpen else { return nil }
        // `50M daily users, 40 messages each: 2 billion a day` is a sentence's clause, no term.
        // Its commas, quotes and backticks, counted in one pass over its bytes.
        let (commas, quotes, backticks) = label.withBytes { bytes in
            bytes.reduce(into: (0, 0, 0)) { counts, byte in
                if byte == 0x2C { counts.0 += 1 } else if byte == 0x22 { counts.1 += 1 } else if byte == 0x60 { counts.2 += 1 }
            }
        }
        guard commas == 0 || label.wordCount <= 4 else { return nil }
        guard quotes == 0, !label.hasBytePrefix("http") else { return nil }
        // A colon inside a code span (`` `a[1:3]` is a slice ``) splits nothing.
        guard backticks % 2 == 0 else { return nil }
        guard !label.isCaptionLabel else { return nil }
        return (label, text)
    }

    /// Whether more `(`, `[` or `{` open in the text than close.
    private var leavesBracketOpen: Bool {
        var depth = (round: 0, square: 0, curly: 0)
        withBytes { bytes in
            for byte in bytes {
                switch byte {
                case 0x28: depth.round += 1
                case 0x29: depth.round -= 1
                case 0x5B: depth.square += 1
                case 0x5D: depth.square -= 1
                case 0x7B: depth.curly += 1
                case 0x7D: depth.curly -= 1
                default: break
                }
            }
        }
        return depth.round > 0 || depth.square > 0 || depth.curly > 0
    }

    /// Whether a label numbers a figure, a table or a listing (`Figure 1`, `Table 2.3`,
    /// `Fig. 4b`), or credits a source (`Source`, `Image credit`): what follows it is a
    /// caption, not what a term means.
    private var isCaptionLabel: Bool {
        guard utf8.count >= 6, utf8.count <= 16 else { return false }
        guard let space = utf8.lastIndex(of: 0x20), utf8[utf8.index(after: space)...].first?.isASCIIDigit == true else {
            return Self.creditLabels.contains(lowercased())
        }
        return Self.captionWords.contains(self[..<space].lowercased())
    }

    private static let creditLabels: Set<String> = ["source", "sources", "source(s)", "credit", "credits", "image credit", "photo credit"]
    private static let captionWords: Set<String> = ["figure", "fig.", "table", "listing", "exhibit", "diagram", "chart"]

    /// Splits `LRU — evicts the least recently used key` into the term and what it means: an em
    /// or en dash, a hyphen or two (`--`) or `=>`, between spaces, after a term of one to four
    /// words without sentence punctuation, before at least two words. A cheat sheet's leader
    /// (`Disk seek ........ 10 ms`: four dots or more, or two ellipses, between spaces; three
    /// are an ellipsis) splits a row the same way; there the term may run to eight words and
    /// the value to one.
    var dashDefined: (term: Substring, definition: Substring)? {
        // The dash's bytes: the term is short, so only the line's first bytes are looked at.
        let dash: (start: Int, end: Int, isLeader: Bool)? = withBytes { bytes in
            var index = 1
            while index + 1 < Swift.min(bytes.count, 64) {
                // A dash comes after a term of under 48 bytes; a leader may come later.
                if bytes[index - 1] == 0x20, index + 1 < 48 {
                    if bytes[index] == 0x2D, bytes[index + 1] == 0x20 { return (index - 1, index + 2, false) }
                    // ` -- `: a dash typed as two hyphens; ` => `: an arrow, as cheat sheets write one.
                    if bytes[index] == 0x2D && bytes[index + 1] == 0x2D || bytes[index] == 0x3D && bytes[index + 1] == 0x3E,
                        index + 2 < bytes.count, bytes[index + 2] == 0x20
                    {
                        return (index - 1, index + 3, false)
                    }
                    // U+2014 and U+2013: E2 80 94 and E2 80 93.
                    if bytes[index] == 0xE2, index + 3 < bytes.count, bytes[index + 1] == 0x80,
                        bytes[index + 2] == 0x94 || bytes[index + 2] == 0x93, bytes[index + 3] == 0x20
                    {
                        return (index - 1, index + 4, false)
                    }
                }
                if bytes[index - 1] == 0x20, let end = Self.leaderEnd(bytes, from: index) { return (index - 1, end, true) }
                index += 1
            }
            return nil
        }
        guard let dash else { return nil }
        let term = self[..<utf8.index(startIndex, offsetBy: dash.start)].trimmingWhitespace()
        let definition = self[utf8.index(startIndex, offsetBy: dash.end)...].trimmingWhitespace()
        guard !term.isEmpty, term.utf8.count <= (dash.isLeader ? 64 : 40), term.wordCount <= (dash.isLeader ? 8 : 4),
            definition.wordCount >= (dash.isLeader ? 1 : 2), !term.utf8.contains(where: { $0.isOne(of: ",.;:!?\"") })
        else { return nil }
        return (term, definition)
    }

    /// Where a leader that starts at `start` ends, past the space after it: four dots or
    /// more, or two ellipses (`……`, E2 80 A6 each) or more, then a space.
    private static func leaderEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var end = start
        var marks = 0
        while end < bytes.count {
            if bytes[end] == 0x2E {
                end += 1
                marks += 1
            } else if bytes[end] == 0xE2, end + 2 < bytes.count, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA6 {
                end += 3
                marks += 3
            } else {
                break
            }
        }
        guard marks >= 4, end < bytes.count, bytes[end] == 0x20 else { return nil }
        return end + 1
    }

    /// Whether the line is a rule drawn across the page: three or more of one of `=`, `-`, `~`,
    /// `*` or `_`, and nothing else (`-----  -----` under a table's columns is no rule).
    var isRule: Bool {
        guard let first = utf8.first, utf8.count >= 3, first.isOne(of: "=-~*_") else { return false }
        return utf8.allSatisfy { $0 == first }
    }

    /// For a title between two runs of one rule character (`=== Replication ===`,
    /// `--- Partitioning ---`, `~~ Quorums ~~`, `*** Summary ***`), as plain-text notes mark their
    /// sections: the heading's level, by its character as ``underlineLevel(under:strict:)``
    /// gives it (`*` as `-`), and its title. A run of `=` or `~` has two characters or more, one
    /// of `-` or `*` three or more (`-- note --` reads as an SQL comment, `**bold**` as emphasis);
    /// `#` is left out, since `# === Setup ===` opens code. The title is short and holds a letter.
    var fencedTitle: (level: Int, title: Substring)? {
        let level: Int
        switch utf8.first {
        case 0x3D: level = 1
        case 0x2D, 0x2A: level = 2
        case 0x7E: level = 3
        default: return nil
        }
        guard let first = utf8.first, utf8.last == first else { return nil }
        let shortest = first == 0x3D || first == 0x7E ? 2 : 3
        let opening = utf8.prefix { $0 == first }.count
        let closing = utf8.reversed().prefix { $0 == first }.count
        guard opening >= shortest, closing >= shortest, opening + closing < utf8.count else { return nil }
        let inner = utf8.dropFirst(opening).dropLast(closing)
        guard inner.first == 0x20, inner.last == 0x20 else { return nil }
        let title = self[inner.startIndex..<inner.endIndex].trimmingWhitespace()
        guard !title.isEmpty, title.utf8.count <= 80, title.utf8.first != first, title.utf8.last != first,
            title.contains(where: \.isLetter)
        else { return nil }
        return (level, title)
    }

    /// For a rule of `=` or `-` under `text` (`Indexes` over `-------`): the level of the
    /// heading it makes of `text`, 1 under `=` and 2 under `-`, as Markdown's setext headings
    /// are. In flat text (`strict`), where a rule may also just end a paragraph, the text is
    /// short and no sentence, and the rule runs at least half as far; there a rule of `~` or
    /// `^` makes a heading of level 3 or 4, as reStructuredText's usual adornments do (in
    /// Markdown, `~~~` opens a code fence).
    func underlineLevel(under text: Substring, strict: Bool) -> Int? {
        guard utf8.count >= 3, let first = utf8.first, utf8.allSatisfy({ $0 == first }), let last = text.utf8.last, !text.isListItem else { return nil }
        let level: Int
        switch first {
        case 0x3D: level = 1
        case 0x2D: level = 2
        case 0x7E where strict: level = 3
        case 0x5E where strict: level = 4
        default: return nil
        }
        if strict, text.utf8.count > 80 || utf8.count * 2 < text.utf8.count || last.isOne(of: ".,;:!") { return nil }
        return level
    }

    /// Whether a heading, a pictograph before it aside, is written in capitals: four letters
    /// or more, and no word in lower case but for an acronym's plural `s` (`CDNs`).
    var isInCapitals: Bool {
        // Two lower-case letters in a row are a word in lower case: most lines end here.
        let hasLowerCasePair = withBytes { bytes in
            bytes.indices.dropFirst().contains { bytes[$0] >= 0x61 && bytes[$0] <= 0x7A && bytes[$0 - 1] >= 0x61 && bytes[$0 - 1] <= 0x7A }
        }
        guard !hasLowerCasePair else { return false }
        var letters = 0
        for word in FlatTextSegmenter.undecoratedHeading(self).split(separator: " ") {
            for (offset, character) in word.enumerated() where character.isLetter {
                letters += 1
                if character.isLowercase, !(character == "s" && offset == word.count - 1 && offset >= 2) { return false }
            }
        }
        return letters >= 4
    }

    /// Whether one side of a title's colon (`DEEP DIVE`, `PART 2`) is words: it starts with a
    /// letter, holds a word of three letters or more and no other colon, unlike a
    /// fingerprint's hex pairs (`EA:8D:99`) or a setting (`CA:TRUE`).
    private var isWordsOfTitle: Bool {
        first?.isLetter == true && !contains(":") && split(separator: " ").contains { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
    }

    /// Whether the line reads like a title: short, no closing punctuation, mostly capitalised words.
    var isTitleLike: Bool {
        guard let first = first, first.isUppercase || first.isNumber else { return false }
        return withBytes { bytes in
            // Words of four letters or more, and how many of them start with a capital.
            var words = 0
            var capitalised = 0
            var letters = 0
            var firstLetter: UInt8 = 0
            for byte in bytes {
                if byte == 0x20 {
                    if letters >= 4 {
                        words += 1
                        if firstLetter >= 0x41 && firstLetter <= 0x5A { capitalised += 1 }
                    }
                    letters = 0
                } else if byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    if letters == 0 { firstLetter = byte }
                    letters += 1
                }
            }
            if letters >= 4 {
                words += 1
                if firstLetter >= 0x41 && firstLetter <= 0x5A { capitalised += 1 }
            }
            return words == 0 || capitalised * 5 >= words * 3
        }
    }

    /// The text with every bracketed part, `(…)` or `[…]`, left out.
    var outsideBrackets: Substring {
        guard utf8.contains(0x28) || utf8.contains(0x5B) else { return self }
        var depth = 0
        return Substring(filter { character in
            if character == "(" || character == "[" { depth += 1 }
            defer { if (character == ")" || character == "]") && depth > 0 { depth -= 1 } }
            return depth == 0 && character != ")" && character != "]"
        })
    }

    /// The number of space-separated words.
    var wordCount: Int {
        withBytes { bytes in
            var count = 0
            var inWord = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }
    }

    /// A line that could be a heading: short prose with no closing punctuation and no code.
    var isHeadingCandidate: Bool { isHeadingCandidate(PythonLine(self)) }

    /// ``isHeadingCandidate`` with the line's Python reading already made.
    func isHeadingCandidate(_ line: PythonLine) -> Bool {
        let bytes = utf8
        let length = bytes.count
        guard length >= 2, length <= 160, let last = bytes.last, let first = bytes.first else { return false }
        // Closing punctuation (ASCII, or a curly quote) ends sentences, not headings. A curly
        // quote is E2 80 9C or E2 80 9D: its last byte alone also ends Ü, Ý, Μ, Ν and more.
        switch last {
        case 0x2E, 0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x22, 0x27, 0x3D, 0x28, 0x5B, 0x7B, 0x5C: return false  // .,:;!?"'=([{\
        default: break
        }
        if last == 0x9C || last == 0x9D, length >= 3, bytes.dropLast().suffix(2).elementsEqual([0xE2, 0x80]) { return false }  // “ ”
        switch first {
        case 0x2D, 0x2A, 0x7C, 0x23, 0x3E, 0x22, 0x27, 0x60, 0x7B, 0x5C: return false  // -*|#>"'`{\
        case 0xE2 where bytes.starts(with: "“".utf8): return false
        // A list item: a bullet symbol (`•`, `●`, `○`, …) or a check box (`[ ] Open task`).
        case 0xE2, 0xC2, 0xEF, 0x5B: if bulletText != nil { return false }
        default: break
        }
        // The cheapest test first: most lines of prose run longer than a heading.
        guard wordCount <= 10, numberedText == nil, !hasWorkingMarks else { return false }
        // A label heads nothing, except a step's (`Step 1: Clarify requirements`) and a line in
        // capitals (`DEEP DIVE: CACHING`, `PART 2: STORAGE`).
        if let (label, rest) = labelled, !ItemExtractor.isStepLabel(label) || rest.wordCount > 8,
            !(isInCapitals && label.isWordsOfTitle && rest.isWordsOfTitle)
        {
            return false
        }
        return !CodeLineClassifier.continuesPython(line, raw: self) || line.hasProseAdjacency
    }

    /// Whether the line shows working rather than naming a topic: a claim's `→`, `->` or `=>`,
    /// an estimate's `≈`, `×` or ` = `, a table's ` | `, tab or run of spaces between cells, a
    /// cheat sheet's leader of four dots or more (` .... `), a URL's `://`, or a call or a
    /// schema's columns (`users(id PK, email)`).
    private var hasWorkingMarks: Bool {
        withBytes { bytes in
            guard bytes.count >= 3, !bytes.contains(0x09) else { return bytes.count >= 3 }
            for index in 0..<(bytes.count - 2) {
                switch (bytes[index], bytes[index + 1], bytes[index + 2]) {
                case (0xE2, 0x86, 0x92), (0xE2, 0x89, 0x88), (0xC3, 0x97, _), (0x20, 0x3D, 0x20), (0x20, 0x7C, 0x20), (0x3A, 0x2F, 0x2F),
                    (0x20, 0x20, 0x20), (0x2D, 0x3E, 0x20), (0x3D, 0x3E, 0x20):
                    return true
                case (let letter, 0x28, let inside) where (letter | 0x20 >= 0x61 && letter | 0x20 <= 0x7A || letter == 0x5F) && inside != 0x29:
                    return true
                case (0x20, 0x2E, 0x2E) where index + 4 < bytes.count && bytes[index + 3] == 0x2E && bytes[index + 4] == 0x2E:
                    return true
                default: continue
                }
            }
            return bytes[bytes.count - 2] == 0xC3 && bytes[bytes.count - 1] == 0x97
        }
    }

    /// `Q:` / `A:` / `When asked`: the markers of questions and answers.
    var startsQuestion: Bool { questionMarker != nil }
    var startsAnswer: Bool { answerMarker != nil }
    /// Whether the answer marker marks an answer only under a question: a numbered one (`A3.`,
    /// `Answer 3:`; `A4: 210 × 297 mm` answers nothing) or an emoji (`✅ Reads never stale` is
    /// elsewhere a list's bullet).
    var startsAnswerOnlyUnderQuestion: Bool { answerMarker.map { $0.numbered || (utf8.first ?? 0) >= 0xE2 } ?? false }

    /// The question after its marker: `Q:`, `Q.`, a numbered `Q3.`, `Q3:`, `Q3)`, `Question:`,
    /// `Question 3:`, `Ques.`, `Ques 3.`, `Follow-up:` or a question emoji (`❓`); empty when
    /// the marker stands alone on its line and the question follows; the whole line when it
    /// has no marker.
    var questionText: Substring { dropFirst(questionMarker?.length ?? 0).trimmingWhitespace() }

    /// The answer after its marker: `A:`, `Answer:`, `Ans.`, a numbered one, or an answer emoji (`✅`).
    var answerText: Substring { dropFirst(answerMarker?.length ?? 0).trimmingWhitespace() }

    private var questionMarker: (length: Int, numbered: Bool)? {
        guard let first = utf8.first else { return nil }
        if first >= 0xE2, utf8.last == 0x3F, let length = emojiMarker(Self.questionEmoji) { return (length, false) }
        guard first | 0x20 == 0x71 else { return followUpMarker }  // Q or q
        return marker(letter: 0x51, long: "question", short: "ques", letterTakesPeriod: true) ?? followUpMarker
    }

    /// The emoji that mark a question in notes (`❓ Why …?`, `❔`, `🤔`) and an answer (`✅ …`,
    /// `👉`, `🅰️`), as UTF-8. A question's emoji marks it only before a line that ends with `?`.
    private static let questionEmoji: [[UInt8]] = [[0xE2, 0x9D, 0x93], [0xE2, 0x9D, 0x94], [0xF0, 0x9F, 0xA4, 0x94]]
    private static let answerEmoji: [[UInt8]] = [[0xE2, 0x9C, 0x85], [0xF0, 0x9F, 0x91, 0x89], [0xF0, 0x9F, 0x85, 0xB0]]

    /// The length in characters of one of `emoji` at the line's start with the variation
    /// selector that may follow it (U+FE0F) and the spaces after it, when text follows; nil otherwise.
    private func emojiMarker(_ emoji: [[UInt8]]) -> Int? {
        let byteLength: Int? = withBytes { bytes in
            guard let symbol = emoji.first(where: { bytes.starts(with: $0) }) else { return nil }
            var index = symbol.count
            if bytes[index...].starts(with: [0xEF, 0xB8, 0x8F]) { index += 3 }
            guard index < bytes.count, bytes[index] == 0x20 else { return nil }
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            return index < bytes.count ? index : nil
        }
        return byteLength.map { self[..<utf8.index(startIndex, offsetBy: $0)].count }
    }

    /// A label that names a follow-up or a question (`Follow-up:`, `Interviewer follow-up:`,
    /// `Key question:`, `Design question:`) before a question that ends with `?`: what an
    /// interviewer asks next, or what the notes ask, a question of its own.
    private var followUpMarker: (length: Int, numbered: Bool)? {
        guard utf8.last == 0x3F, let colon = firstIndex(ofByte: 0x3A) else { return nil }
        let label = self[startIndex..<colon]
        guard label.utf8.count <= 40, label.wordCount <= 4 else { return nil }
        let words = label.lowercased().replacingOccurrences(of: "-", with: " ")
        guard words.hasSuffix("follow up") || words.hasSuffix("followup") || words.hasSuffix(" question") else { return nil }
        // `Interview question: …` poses a problem, whose setup may follow (``ItemExtractor/problemPosed(by:)``).
        guard ItemExtractor.problemPosed(by: self) == nil else { return nil }
        // In characters, as `questionText` drops them: the label may hold a curly apostrophe.
        return (label.count + 1, false)
    }

    private var answerMarker: (length: Int, numbered: Bool)? {
        guard let first = utf8.first else { return nil }
        if first >= 0xE2, let length = emojiMarker(Self.answerEmoji) { return (length, false) }
        guard first | 0x20 == 0x61 else { return nil }  // A or a
        return marker(letter: 0x41, long: "answer", short: "ans", letterTakesPeriod: false)
    }

    /// A question's or an answer's marker: the capital `letter` or a word (`long` or `short`,
    /// any case), a number if any (after a space when it follows a word), then its mark. A
    /// colon may touch the text (`Q:`, `Q3:`, `Answer:`); a period or, after a number or a word,
    /// a parenthesis needs a space after it (`Q3.`, `A2)`, `Ans. …`, `Ans) …`), unless a word's
    /// marker ends the line. An answer's letter takes a period only after a number (`A. First
    /// option` is a list item); a question's (`Q. …`) always.
    private func marker(letter: UInt8, long: StaticString, short: StaticString, letterTakesPeriod: Bool) -> (length: Int, numbered: Bool)? {
        let wordLength = hasPrefixIgnoringCase(long) ? long.utf8CodeUnitCount : hasPrefixIgnoringCase(short) ? short.utf8CodeUnitCount : 0
        return withBytes { bytes in
            func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
            var index = wordLength
            if wordLength == 0 {
                guard bytes.first == letter else { return nil }
                index = 1
            } else if index < bytes.count, bytes[index] == 0x20, isDigit(index + 1) {
                index += 1
            }
            let digitsStart = index
            while isDigit(index) { index += 1 }
            let numbered = index > digitsStart
            guard index < bytes.count else { return nil }
            let mark = bytes[index]
            if mark == 0x3A { return (index + 1, numbered) }
            // `Q - Why …?` over `A - Because …`: a letter set off by a spaced hyphen.
            if wordLength == 0, !numbered, mark == 0x20, index + 2 < bytes.count, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x20 {
                return (index + 3, false)
            }
            guard mark == 0x2E && (numbered || wordLength > 0 || letterTakesPeriod) || mark == 0x29 && (numbered || wordLength > 0) else {
                return nil
            }
            // A word's marker may stand alone on its line (`Ans)` over the code that answers).
            if index + 1 == bytes.count, wordLength > 0 { return (index + 1, numbered) }
            guard index + 1 < bytes.count, bytes[index + 1] == 0x20 else { return nil }
            return (index + 1, numbered)
        }
    }
    /// `When asked "How do you handle CPU-bound tasks?":` over the lines that answer it: the
    /// line ends on its colon, question mark or quote. One that goes on after a colon holds
    /// its answer (``inlinePrompt``); one with no colon (`When asked twice the server …`) is prose.
    var startsPrompt: Bool {
        guard hasPrefixIgnoringCase("when asked"), let last = utf8.last else { return false }
        return last == 0x3A || last == 0x3F || last == 0x22 || hasSuffix("”")
    }
    /// `When asked about failover, say: promote the freshest replica …`: a prompt with its
    /// answer after the first `: ` on the same line. The prompt is what follows "when asked"
    /// (`about failover`), without a closing ", say" or ", answer" and without quotes.
    var inlinePrompt: (prompt: String, answer: Substring)? {
        guard hasPrefixIgnoringCase("when asked"), !startsPrompt, let colon = range(ofBytes: ": ") else { return nil }
        var prompt = self[index(startIndex, offsetBy: "when asked".count)..<colon.lowerBound].trimmingWhitespace()
        // `When asked, the server returns: …` names nothing asked.
        guard prompt.first?.isLetter == true || prompt.first.map({ "\"“'".contains($0) }) == true else { return nil }
        if let comma = prompt.lastIndex(of: ","), ["say", "answer", "mention", "explain"].contains(prompt[prompt.index(after: comma)...].trimmingWhitespace().lowercased()) {
            prompt = prompt[..<comma]
        }
        let question = prompt.trimmed(of: "\"“”' ,")
        let answer = self[colon.upperBound...].trimmingWhitespace()
        guard !question.isEmpty, answer.split(separator: " ").count >= 2 else { return nil }
        return (question, answer)
    }

    var startsStory: Bool { hasPrefixIgnoringCase("your answer:") }

    /// `True or false: …` (or `T/F: …`): a claim to judge, which the lines after it judge.
    var isTrueOrFalse: Bool {
        guard let first = utf8.first, first | 0x20 == 0x74 else { return false }  // T or t
        return (hasPrefixIgnoringCase("true or false:") || hasPrefixIgnoringCase("t/f:")) && wordCount >= 4
    }

    /// `What is a cache stampede? Many requests miss the same key at once.`: a question that
    /// starts with an asking word, then on the same line an answer of a sentence or more that
    /// asks nothing.
    var oneLineCard: (question: Substring, answer: Substring)? {
        guard let first = utf8.first, first.isASCIIUppercase, let mark = firstIndex(ofByte: 0x3F) else { return nil }
        let afterMark = utf8.index(after: mark)
        guard afterMark < endIndex, utf8[afterMark] == 0x20 else { return nil }
        let question = self[startIndex...mark]
        let answer = self[afterMark...].trimmingWhitespace()
        guard (3...20).contains(question.wordCount), answer.wordCount >= 3, answer.first?.isUppercase == true || answer.first?.isNumber == true,
            !answer.utf8.contains(0x3F), labelled == nil, !isListItem,
            let opener = question.split(separator: " ", maxSplits: 1).first, Self.askingWords.contains(opener.lowercased())
        else { return nil }
        return (question, answer)
    }

    /// The words a question starts with.
    static let askingWords: Set<String> = [
        "what", "why", "how", "when", "where", "which", "who", "whose", "is", "are", "can", "could", "does", "do", "did",
        "should", "would", "will", "was", "were", "has", "have",
    ]

    /// Whether the line leaves a double quote open (an odd number of them): a story that
    /// starts or goes on here continues on the next line. The segmenter and the item
    /// extractor both follow a `Your answer:` story by this one rule.
    var leavesQuoteOpen: Bool { doubleQuoteCount % 2 == 1 }

    /// How many straight or curly double quotes the line holds.
    var doubleQuoteCount: Int {
        var count = 0
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            // " is 0x22; “ and ” are E2 80 9C and E2 80 9D.
            if byte == 0x22 || previous == (0xE2, 0x80) && (byte == 0x9C || byte == 0x9D) { count += 1 }
            previous = (previous.1, byte)
        }
        return count
    }
}

extension StringProtocol {
    /// The text without any of `characters` at either end.
    func trimmed(of characters: String) -> String {
        let drop: (Character) -> Bool = { characters.contains($0) }
        guard let start = firstIndex(where: { !drop($0) }), let end = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[start...end])
    }
}

extension Substring {
    /// Whether the UTF-8 bytes of `needle` occur in the line; faster than Foundation's
    /// `contains(_:)` on the short lines of a guide.
    func containsBytes(_ needle: StaticString) -> Bool {
        byteOffset(of: needle) != nil
    }

    /// The first occurrence of `needle`'s UTF-8 bytes.
    func range(ofBytes needle: StaticString) -> Range<String.Index>? {
        guard let offset = byteOffset(of: needle) else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8CodeUnitCount)
    }

    private func byteOffset(of needle: StaticString) -> Int? {
        withBytes { $0.offset(of: needle) }
    }

    /// The index of the first `byte` in the line.
    func firstIndex(ofByte byte: UInt8) -> String.Index? {
        withBytes { $0.firstIndex(of: byte) }.map { utf8.index(startIndex, offsetBy: $0) }
    }

    /// `hasPrefix` on UTF-8 bytes, without the Unicode comparison `hasPrefix` makes.
    func hasBytePrefix(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in withBytes { $0.starts(with: prefix) } }
    }

    /// `hasPrefix` ignoring ASCII case; `prefix` must be lower-case ASCII.
    func hasPrefixIgnoringCase(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            withBytes { bytes in
                guard bytes.count >= prefix.count else { return false }
                for (byte, expected) in zip(bytes, prefix) where (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != expected {
                    return false
                }
                return true
            }
        }
    }

    /// Calls `body` with the line's UTF-8 bytes, which guide text always has in one piece.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where the UTF-8 bytes of `needle` first occur in these bytes.
    func offset(of needle: StaticString) -> Int? {
        needle.withUTF8Buffer { needle in
            guard let first = needle.first else { return 0 }
            guard count >= needle.count else { return nil }
            for start in 0...(count - needle.count) where self[start] == first {
                if needle.indices.allSatisfy({ self[start + $0] == needle[$0] }) { return start }
            }
            return nil
        }
    }
}

extension Character {
    /// An emoji or a pictographic symbol (`💡`, `⚠️`, `✅`), as notes put before a label or
    /// a heading to decorate it.
    var isPictograph: Bool {
        guard let scalar = unicodeScalars.first, scalar.value >= 0x2190 else { return false }
        return scalar.properties.isEmoji || scalar.properties.generalCategory == .otherSymbol
    }
}
