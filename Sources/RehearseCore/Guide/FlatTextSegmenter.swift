import Foundation

/// Reads a guide that was copied out of a web page as plain text: no Markdown markers,
/// headings as plain lines, code without indentation.
///
/// The table of contents names the main sections; other short title-like lines between
/// blocks are sub-headings. Code is found line by line (``CodeLineClassifier``) and Python
/// is re-indented (``PythonReindenter``).
struct FlatTextSegmenter {
    let lines: GuideLines
    /// Each line trimmed.
    private let trimmed: TrimmedLines
    /// Lines read as Python; most checks ask about the current line and the next.
    private let python: PythonLineWindow
    /// Each line's braces, once a block of brace code is looked for over it.
    private let braces: BraceDeltas

    init(lines: GuideLines) {
        self.lines = lines
        trimmed = TrimmedLines(lines: lines)
        python = PythonLineWindow(lines: trimmed)
        braces = BraceDeltas(lines: trimmed)
    }

    private enum Mode { case normal, question, answer, prompt, story }

    func segment(into sink: inout some GuideBlockSink) -> SegmentedGuide {
        var index = lines.firstIndex { !$0.trimmingWhitespace().isEmpty } ?? lines.count
        var header = GuideHeader()
        // The first line as written, which a running header repeats.
        var titleText: Substring?
        let standsAlone = index + 1 >= lines.count || lines[index + 1].trimmingWhitespace().isEmpty
        if index < lines.count, let parsed = Self.titleLine(lines[index].trimmingWhitespace(), standsAlone: standsAlone) {
            header = parsed
            titleText = lines[index].trimmingWhitespace()
            index += 1
            index = Byline.skipped(in: lines, from: index)
        }
        let (tocEntries, tocRange) = tableOfContents(from: index)
        let outline = SectionOutline(lines: lines, skipping: tocRange)
        var blocks = RestorationPipeline(sink: HeadingLevels(sink: sink))
        let mainSections = Set(tocEntries.map(Self.headingKey)).union(Self.trailingSections)
        let longestSection = mainSections.map(\.utf8.count).max() ?? 0
        var mode = Mode.normal
        // Whether the last line that was not blank was read as a heading (the title is one).
        var afterHeading = titleText != nil
        // Whether the open answer answers a question asked on a line of its own, with no marker.
        var answersStandalone = false
        // Whether that answer is the list right under its question: it ends with the list.
        var answersWithList = false
        // The level of the last main or numbered section: an unnumbered heading in a numbered
        // outline heads a subsection of it.
        var sectionLevel = 0
        // The last row of a table written without outer pipes, and its cells.
        var lastPipelessRow: (index: Int, cells: Int)?
        // The last row of a table lined up by spaces, and where its header's cells start.
        var lastAlignedRow: (index: Int, header: [Int])?
        // The line after the last block of code.
        var afterCode = -1
        // The first line after code that is not blank: like a heading, code ends what it says.
        var textAfterCode = -1
        // The number of the last numbered line read as a heading (`2) Capacity`).
        var lastNumberedHeading: Int?
        // Whether a table of contents or a numbered outline states the heading levels; if not,
        // `HeadingLevels` works them out, and a heading that is not numbered is placed so:
        // under the last numbered section once they run.
        let levelsStated = !tocEntries.isEmpty || !outline.isEmpty
        var placement: HeadingPlacement? { levelsStated ? nil : lastNumberedHeading != nil ? .underNumbered : .guessed }
        // Whether the guide's first heading is written in capitals (`REQUIREMENTS`): nil before it.
        var headingsInCapitals: Bool?
        func headingBlock(level: Int, title: Substring, line: Int, placement: HeadingPlacement?) -> GuideBlock {
            if headingsInCapitals == nil { headingsInCapitals = title.isInCapitals }
            return .heading(level: level, title: String(title), line: line, placement: placement)
        }

        while index < lines.count {
            let lineNumber = index + 1
            if let tocRange, tocRange.contains(index) {
                index = tocRange.upperBound + 1
                continue
            }
            let text = python.text(of: index)
            if text.isEmpty || mode != .story && (PageFurniture.contains(text, title: titleText) || text.isRule || isCodeChrome(index, text)) {
                blocks.consume(.blank(line: lineNumber))
                if index == textAfterCode { textAfterCode += 1 }
                index += 1
                continue
            }
            let wasAfterHeading = afterHeading
            afterHeading = false
            if wasAfterHeading { answersStandalone = false }
            // The first line after a listed answer that neither is an item nor wraps one ends it.
            if answersWithList, mode == .answer, !text.isListItem, text.first?.isLowercase != true {
                blocks.consume(.boundary(line: lineNumber))
                mode = .normal
                answersStandalone = false
            }
            answersWithList = answersWithList && mode == .answer
            if mode == .story {
                blocks.consume(.text(text, line: lineNumber))
                if text.leavesQuoteOpen { mode = .normal }
                index += 1
                continue
            }
            if text.utf8.first == 0x2E, let said = ReStructuredText.explicitMarkup(text) {
                if said.isEmpty {
                    blocks.consume(.blank(line: lineNumber))
                } else {
                    // A call-out is a unit of its own: what was open before it ends.
                    blocks.consume(.boundary(line: lineNumber))
                    blocks.consume(.text(said, line: lineNumber))
                }
                mode = .normal
                index += 1
                continue
            }
            // `=== Replication ===`: a title fenced by rule characters.
            if let fenced = text.fencedTitle {
                blocks.consume(headingBlock(level: fenced.level, title: fenced.title, line: lineNumber, placement: placement))
                afterHeading = true
                mode = .normal
                index += 1
                continue
            }
            // `Indexes` over `-------`: a heading underlined as Markdown's setext headings are.
            if index + 1 < lines.count, lines.mayBeUnderline(index + 1), let level = trimmed[index + 1].underlineLevel(under: text, strict: true) {
                blocks.consume(headingBlock(level: level, title: text, line: lineNumber, placement: placement))
                blocks.consume(.blank(line: lineNumber + 1))
                afterHeading = true
                mode = .normal
                index += 2
                continue
            }
            if let level = outline.level(at: index) {
                blocks.consume(headingBlock(level: level, title: text, line: lineNumber, placement: nil))
                sectionLevel = level
                afterHeading = true
                mode = .normal
                index += 1
                continue
            }
            // Whether the line could be a heading: asked once, for the main and the sub-heading
            // checks, of its words without a pictograph that decorates it (`🔥 Caching strategies`).
            let headingText = Self.undecoratedHeading(text)
            let isShort = headingText.utf8.count <= longestSection + 1
            let endsWithColon = headingText.utf8.last == 0x3A
            let isCandidate = isShort && !endsWithColon || mode != .question
                ? headingText.isHeadingCandidate(headingText.startIndex == text.startIndex ? python[index] : PythonLine(headingText)) : false
            if endsWithColon || isCandidate, isShort && mainSections.contains(Self.headingKey(headingText))
                || Self.numbersSection(headingText, of: mainSections, longest: longestSection)
            {
                blocks.consume(headingBlock(level: 1, title: Substring(text.trimmed(of: ":")), line: lineNumber, placement: levelsStated ? nil : .guessed))
                sectionLevel = 1
                afterHeading = true
                mode = .normal
                index += 1
                continue
            }
            // Once numbered headings run, the next one ends an answer too.
            if mode == .normal || mode == .answer && lastNumberedHeading != nil, text.utf8.first?.isASCIIDigit == true,
                let heading = numberedHeading(at: index, text: text, continuing: lastNumberedHeading)
            {
                blocks.consume(headingBlock(level: outline.isEmpty ? 1 : sectionLevel + 1, title: heading.title, line: lineNumber,
                                       placement: levelsStated ? nil : .numbered))
                lastNumberedHeading = heading.number
                afterHeading = true
                mode = .normal
                index += 1
                continue
            }
            // `Topic: Caching`, `Module 3: Queues`: a label that names a section heads it.
            if mode != .question, let title = Self.sectionLabelTitle(text) {
                blocks.consume(headingBlock(level: outline.isEmpty ? 1 : sectionLevel + 1, title: title, line: lineNumber, placement: placement))
                afterHeading = true
                mode = .normal
                index += 1
                continue
            }
            if index == afterCode, let output = Self.inlineOutput(text) {
                blocks.consume(.text(output.label, line: lineNumber))
                blocks.consume(.code(language: "text", code: String(output.printed), lines: lineNumber...lineNumber))
                index += 1
                continue
            }
            if index == afterCode, Self.isOutputLabel(text), let end = printedEnd(after: index, sections: mainSections) {
                blocks.consume(.text(text, line: lineNumber))
                blocks.consume(.code(language: "text", code: trimmed[(index + 1)..<end].joinedLines(), lines: (index + 2)...end))
                index = end
                continue
            }
            // An answer's lines are its text, unless one plainly starts code: a definition, a
            // session, code (or an SQL comment over it) after a blank line, or lines of code (two
            // or more) right under a line that leads into them (`Example Lua script:`).
            let plainlyCode = mode == .answer && (python[index].isDefinition || PythonSession.isPrompt(text)
                || index > 0 && python.text(of: index - 1).isEmpty && (Self.startsCode(text, python: python[index]) || opensSQLWithComment(at: index)))
            let ledInto = mode == .answer && !plainlyCode && followsLeadIn(index)
            let codeAllowed = mode == .answer ? plainlyCode || ledInto : mode != .question && !(mode == .prompt && text.isListItem)
            if codeAllowed, let (code, next) = codeBlock(from: index, sections: mainSections), !ledInto || next - index >= 2 {
                switch code {
                case .plain(let block): blocks.consume(block)
                case .python(let source): blocks.restore(source)
                }
                index = next
                afterCode = next
                textAfterCode = next
                // Code in an answer is part of it: the lines after it go on the answer.
                if mode != .answer { mode = .normal }
                continue
            }
            // A table's header reads as a heading would (`Level Dirty read Phantom`): only such a line is asked.
            if mode != .question, isCandidate, let table = spacedTable(at: index, text: text) {
                for (offset, cells) in table.enumerated() {
                    blocks.consume(.text(SpacedTable.piped(cells), line: lineNumber + offset))
                }
                index += table.count
                continue
            }
            // Code ends what it says, as a heading does: a heading may stand right under it. A
            // line right over a main section heads nothing.
            let afterHeadingOrCode = wasAfterHeading || index == textAfterCode
            if mode != .question, isCandidate, isSubHeading(at: index, text: headingText, mode: mode, afterHeading: afterHeadingOrCode, headingsInCapitals: headingsInCapitals == true),
                !precedesMainSection(index, mainSections, longest: longestSection)
            {
                blocks.consume(headingBlock(level: outline.isEmpty ? 2 : sectionLevel + 1, title: text, line: lineNumber, placement: placement))
                afterHeading = true
                mode = .normal
                index += 1
                continue
            }
            if mode != .question, let card = oneLineCard(at: index, text: text) {
                // `What is a stampede? Many requests miss …` in a run of such lines: one card each.
                blocks.consume(.text("Q: " + card.question, line: lineNumber))
                blocks.consume(.text("A: " + card.answer, line: lineNumber))
                blocks.consume(.boundary(line: lineNumber))
                mode = .normal
                index += 1
                continue
            }
            let trueOrFalse = mode != .question && text.isTrueOrFalse && index + 1 < lines.count && !python.text(of: index + 1).isEmpty
            let asked = trueOrFalse ? text : numberedQuestion(at: index, text: text)
            let standalone = asked == nil
                ? standaloneQuestion(at: index, text: text, mode: mode, afterHeading: wasAfterHeading, inRun: answersStandalone) : nil
            if let question = asked ?? standalone {
                answersStandalone = standalone != nil
                answersWithList = standalone != nil && nextTextLine(after: index).map { python.text(of: $0).isListItem } == true
                blocks.consume(.text("Q: " + question, line: lineNumber))
                if question.utf8.last != 0x3F, !python.text(of: index + 1).startsAnswer {
                    // A prompt without a question mark (`Tell me about a time …`, `True or
                    // false: …`): the next line, past blank lines, starts its answer (unless
                    // a marker opens it there).
                    index = python.text(of: index + 1).isEmpty ? nextTextLine(after: index) ?? index + 1 : index + 1
                    blocks.consume(.text("A: " + python.text(of: index), line: index + 1))
                }
                mode = .answer
                index += 1
                continue
            }
            if let cells = pipelessRowCells(at: index, text: text, after: lastPipelessRow) {
                blocks.consume(.text(PipelessTable.piped(text), line: lineNumber))
                lastPipelessRow = (index, cells)
                index += 1
                continue
            }
            if let row = alignedRow(at: index, text: text, after: lastAlignedRow) {
                blocks.consume(.text(PipelessTable.piped(text, cellStarts: row.cells, header: row.header), line: lineNumber))
                lastAlignedRow = (index, row.header)
                index += 1
                continue
            }
            if mode == .answer, asksOverCode(at: index, text: text) {
                blocks.consume(.boundary(line: lineNumber))
                mode = .normal
            }
            blocks.consume(.text(text, line: lineNumber))
            if text.startsQuestion {
                answersStandalone = false
                mode = text.hasSuffix("?") ? .answer : .question
            } else if text.startsAnswer && (!text.startsAnswerOnlyUnderQuestion || mode == .question || mode == .answer
                || previousText(before: index)?.hasSuffix("?") == true)
                || mode == .question && text.hasSuffix("?")
            {
                mode = .answer
            } else if text.startsPrompt || text.inlinePrompt != nil {
                mode = .prompt
            } else if text.startsStory {
                mode = text.leavesQuoteOpen ? .story : .normal
            } else if mode == .prompt, !text.isListItem, text.isBareLabel {
                mode = .normal
            }
            index += 1
        }
        var levels = blocks.finish()
        sink = levels.finish()
        return SegmentedGuide(header: header, warnings: blocks.warnings, indentationGuesses: blocks.guesses)
    }

    /// `Output:`, `Prints:` and the like: a caption of what the code above printed.
    static func isOutputLabel(_ text: Substring) -> Bool {
        guard text.utf8.last == 0x3A, text.utf8.count <= 20 else { return false }
        return ["output", "outputs", "prints", "printed", "result", "console output", "expected output", "output is"]
            .contains(headingKey(text))
    }

    /// `Output: (6,)` or ``Output: `(6,)` ``: a caption (``isOutputLabel(_:)``) with what the
    /// code above printed on its own line, as the caption with its colon and the printed text
    /// (a single code span's inside). Nil for any other line, and for a longer text, which is
    /// prose about the output.
    static func inlineOutput(_ text: Substring) -> (label: Substring, printed: Substring)? {
        guard text.utf8.count <= 140, let colon = text.utf8.firstIndex(of: 0x3A), isOutputLabel(text[...colon]) else { return nil }
        var printed = text[text.utf8.index(after: colon)...].trimmingWhitespace()
        let ticks = printed.utf8.count { $0 == 0x60 }
        if ticks == 2, printed.utf8.first == 0x60, printed.utf8.last == 0x60 {
            printed = printed.dropFirst().dropLast()
        } else if ticks > 0 {
            return nil
        }
        guard !printed.isEmpty, printed.utf8.count <= 100 else { return nil }
        return (text[...colon], printed)
    }

    /// Where what a snippet printed, captioned at line `label` (`Output:`), ends: the lines
    /// after the caption up to a line of prose, a list item, a label, a heading or the next
    /// code; nil when the caption has no such line.
    private func printedEnd(after label: Int, sections: Set<String>) -> Int? {
        var end = label + 1
        while end < lines.count, end - label <= 40 {
            let text = trimmed[end]
            guard !text.isEmpty, !text.isBareLabel, !text.isListItem, !PythonSession.isProse(text), !sections.contains(Self.headingKey(text)),
                !python[end].opensBlock, !python[end].isDefinition
            else { break }
            end += 1
        }
        return end > label + 1 ? end : nil
    }

    /// Sections that close a guide without being listed in its contents.
    static let trailingSections: Set<String> = ["my notes", "notes", "summary", "next steps", "references", "further reading", "glossary", "appendix"]

    /// The line without a pictograph and spaces before its words (`🔥 Caching strategies` →
    /// `Caching strategies`), or the line itself, also when the symbol is a bullet (`✅ Fast
    /// reads`); only a line whose first byte starts a symbol is looked at.
    static func undecoratedHeading(_ text: Substring) -> Substring {
        guard let first = text.utf8.first, first >= 0xE2, text.first?.isPictograph == true, text.bulletText == nil else { return text }
        return text.undecorated
    }

    /// Case-folded heading text for matching a line against the table of contents: lower
    /// case, without `:` or spaces at either end, inner white space folded to one space.
    static func headingKey(_ text: Substring) -> String {
        guard text.withBytes({ $0.allSatisfy { $0 < 0x80 } }) else {
            return text.lowercased().trimmed(of: ": ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        // ASCII, the common case, byte by byte: this runs for every short line of a guide.
        return text.withBytes { bytes in
            let isEdge: (UInt8) -> Bool = { $0 == 0x3A || $0 == 0x20 }
            guard let first = bytes.firstIndex(where: { !isEdge($0) }), let last = bytes.lastIndex(where: { !isEdge($0) }) else { return "" }
            return String(unsafeUninitializedCapacity: last - first + 1) { key in
                var count = 0
                var pendingSpace = false
                for byte in bytes[first...last] {
                    if byte == 0x20 || byte >= 0x09 && byte <= 0x0D {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        key[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    key[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    count += 1
                }
                return count
            }
        }
    }

    /// `03 — Python Deep Dive for Interviews` → number `03` and the title.
    /// The separator may be any dash, `·`, `|`, `/` or `:`, or `.` after a zero-padded
    /// number (`07. Title`; `1. Title` is a list's first item). A first line that `standsAlone`
    /// (a blank line under it) may carry a subtitle after a colon: `Caching: a field guide`.
    static func titleLine(_ text: Substring, standsAlone: Bool = false) -> GuideHeader? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let separators = digits.count > 1 && digits.first == "0" ? " —–-:.·|/" : " —–-:·|/"
            let rest = text[digits.endIndex...].drop { separators.contains($0) }
            if !rest.isEmpty, rest.startIndex > digits.endIndex, text.contains("—") || rest.isHeadingCandidate {
                return GuideHeader(number: String(digits), title: String(rest))
            }
        }
        // `Design notes — Chapter 4: Caching` and `Mock Interview: Rate Limiter` are titles, not
        // definitions of what is before the colon.
        let titledLabel = text.labelled.map {
            $0.label.contains("—") || $0.label.contains("–") || $0.text.isTitleLike
                || standsAlone && text.wordCount <= 8 && !(text.utf8.last ?? 0).isOne(of: ".?!")
        }
        guard text.isHeadingCandidate || text.contains("—") || titledLabel == true else { return nil }
        guard !text.startsQuestion, !text.isListItem, titledLabel ?? true else { return nil }
        return GuideHeader(number: nil, title: String(text))
    }

    /// The entries listed under a `Table of Contents` line, and the lines they span. The list
    /// ends at a line that is no item, or at the first entry listed again: the first section's
    /// heading, numbered as its entry is (`1. Window Functions`).
    private func tableOfContents(from start: Int) -> ([Substring], ClosedRange<Int>?) {
        let searchEnd = min(lines.count, start + 40)
        guard let tocLine = lines[start..<searchEnd].firstIndex(where: {
            let key = Self.headingKey($0)
            return key == "table of contents" || key == "contents"
        }) else { return ([], nil) }
        var entries: [Substring] = []
        var keys: Set<String> = []
        var index = tocLine + 1
        while index < lines.count {
            let text = lines[index].trimmingWhitespace()
            guard let entry = text.bulletText ?? text.numberedText, !entry.isEmpty, keys.insert(Self.headingKey(entry)).inserted else { break }
            entries.append(entry)
            index += 1
        }
        if entries.isEmpty, let unmarked = unmarkedContents(after: tocLine) { (entries, index) = unmarked }
        return (entries, tocLine...(index - 1))
    }

    /// The entries of a table of contents listed one a line without bullets or numbers, as
    /// one copied from a web page loses them, and the line after them: a run of at least two
    /// heading-like lines, each of which stands again as a line of its own after the run (the
    /// section it names). The run ends at a line that is not heading-like or at the first entry
    /// seen again, where the first section starts.
    private func unmarkedContents(after tocLine: Int) -> (entries: [Substring], end: Int)? {
        var entries: [Substring] = []
        var keys: Set<String> = []
        var index = tocLine + 1
        while index < lines.count, entries.count < Self.longestUnmarkedContents {
            let text = lines[index].trimmingWhitespace()
            guard !text.isEmpty, text.utf8.count <= Self.longestContentsEntry, text.isHeadingCandidate,
                keys.insert(Self.headingKey(text)).inserted
            else { break }
            entries.append(text)
            index += 1
        }
        guard entries.count >= 2 else { return nil }
        var unseen = keys
        for later in index..<lines.count where lines[later].utf8.count <= Self.longestContentsEntry + 8 {
            unseen.remove(Self.headingKey(lines[later].trimmingWhitespace()))
            if unseen.isEmpty { return (entries, index) }
        }
        return nil
    }

    /// The most entries, and the longest entry in bytes, of a table of contents without bullets.
    private static let longestUnmarkedContents = 60
    private static let longestContentsEntry = 80

    /// A code block as found: ready, or Python whose indentation is still to be restored.
    private enum FoundCode {
        case plain(GuideBlock)
        case python(FlatPythonSource)
    }

    /// Collects a code block starting at `start`, if the line opens one, and the line after it.
    private func codeBlock(from start: Int, sections: Set<String>) -> (FoundCode, Int)? {
        let line = python[start]
        let first = line.text
        if let end = jsonBlockEnd(from: start) {
            return (.plain(plainBlock("json", start..<end)), end)
        }
        if CodeLineClassifier.startsHTTP(first) || CodeLineClassifier.isRequestLine(first) {
            var end = start + 1
            while end < lines.count, CodeLineClassifier.isHTTPHeader(trimmed[end]) { end += 1 }
            // A JSON body right after the headers is the message's, blank line or not; more
            // request lines after it list a service's endpoints.
            if end < lines.count, let bodyEnd = jsonBlockEnd(from: end) { end = bodyEnd }
            while end < lines.count, CodeLineClassifier.isRequestLine(trimmed[end]) { end += 1 }
            return (.plain(plainBlock("http", start..<end)), end)
        }
        // A header that ends in `{` after a name or a bracket is no Python (see BraceCode), nor
        // is a statement that ends in `;` right before one (`syntax = "proto3";`), nor an
        // annotation over one (`@RestController`).
        if BraceCode.opensBlock(first) || BraceCode.isAnnotation(first)
            || start + 1 < lines.count && BraceCode.leadsIntoHeader(first, next: trimmed[start + 1]),
            let end = braceBlockEnd(from: start)
        {
            return (.plain(braceBlock(start..<end)), end)
        }
        // The recognisers below read the first line again and again: it is at hand. Only the
        // lines are captured: capturing `self` copies the whole segmenter for every line.
        let trimmed = trimmed
        func text(_ index: Int) -> Substring { index == start ? first : trimmed[index] }
        if PythonSession.isPrompt(first) {
            let (session, end) = PythonSession.block(from: start, count: lines.count, text: text, isHeading: { sections.contains(Self.headingKey($0)) })
            return (.plain(session), end)
        }
        // A psql result's rule is the next line, which the window holds already.
        let nextIsRule = start + 1 < lines.count && python.text(of: start + 1).hasBytePrefix("--")
        if let end = DiagramText.end(from: start, count: lines.count, text: text)
            ?? (nextIsRule ? SQLResult.tableEnd(from: start, count: lines.count, text: text) : nil)
        {
            return (.plain(plainBlock("text", start..<end)), end)
        }
        if let end = SQLResult.sessionEnd(from: start, count: lines.count, text: text) {
            return (.plain(plainBlock("sql", start..<end)), end)
        }
        if let end = LuaCode.end(from: start, count: lines.count, text: text) {
            return (.plain(.code(language: LuaCode.language, code: LuaCode.indented(trimmed[start..<end]), lines: (start + 1)...end)), end)
        }
        if let (end, language) = ConfigurationCode.block(from: start, count: lines.count, text: text)
            ?? CommandCode.block(from: start, count: lines.count, text: text)
        {
            return (.plain(plainBlock(language, start..<end)), end)
        }
        if CodeLineClassifier.startsPython(line, raw: first) {
            return pythonBlock(from: start)
        }
        if CodeLineClassifier.startsSQL(first) || opensSQLWithComment(at: start) {
            var end = start + 1
            while end < lines.count,
                CodeLineClassifier.continuesSQL(trimmed[end], previous: trimmed[end - 1])
                    || trimmed[end].hasBytePrefix("--") && end + 1 < lines.count
                        && CodeLineClassifier.continuesSQL(trimmed[end + 1], previous: trimmed[end - 1])
                    || Self.remarksOnStatement(trimmed[end], after: trimmed[end - 1])
            {
                end += 1
            }
            return (.plain(plainBlock("sql", start..<end)), end)
        }
        if let end = SQLCode.lowerCaseStatementEnd(from: start, count: lines.count, text: text) {
            return (.plain(plainBlock("sql", start..<end)), end)
        }
        if let end = SQLCode.planEnd(from: start, count: lines.count, text: text) {
            return (.plain(plainBlock("text", start..<end)), end)
        }
        if CodeLineClassifier.isShell(first) {
            var end = start + 1
            while end < lines.count, lines[end - 1].hasSuffix("\\") || CodeLineClassifier.isShell(trimmed[end]) {
                end += 1
            }
            return (.plain(plainBlock("shell", start..<end)), end)
        }
        if start + 1 < lines.count, CodeLineClassifier.opensRedisBlock(first, next: trimmed[start + 1]) {
            var end = start + 2
            while end < lines.count, CodeLineClassifier.isRedisCommand(trimmed[end]) { end += 1 }
            return (.plain(plainBlock("redis", start..<end)), end)
        }
        // Brace code that opens with statements (`const app = express();`); a header was tried above.
        if BraceCode.isStatement(first), let end = braceBlockEnd(from: start) {
            return (.plain(braceBlock(start..<end)), end)
        }
        return nil
    }

    private func braceBlockEnd(from start: Int) -> Int? {
        BraceCode.blockEnd(from: start, text: { $0 < lines.count ? trimmed[$0] : "" }, deltas: { braces.deltas($0.clamped(to: 0..<lines.count)) })
    }

    /// Brace code, indented by its braces, in the language its words tell.
    private func braceBlock(_ range: Range<Int>) -> GuideBlock {
        let code = trimmed[range]
        return .code(language: BraceCode.language(of: code), code: BraceCode.indented(code), lines: (range.lowerBound + 1)...range.upperBound)
    }

    /// Where a JSON document that starts at `start` ends: a line that opens an object or array
    /// (`{`, `[`, `{"limit": 100,`) and the lines up to its closing bracket, when together they
    /// parse as JSON, with no blank line inside, and span more than one line or open with a
    /// quoted key (`{"id": 42}`): a one-line `[1, 2]` or `{x: 1}` is as likely Python.
    private func jsonBlockEnd(from start: Int) -> Int? {
        guard let opener = trimmed[start].utf8.first, opener == 0x7B || opener == 0x5B else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        var end = start
        while end < lines.count, end - start < Self.longestJSONBlock, !trimmed[end].isEmpty {
            for byte in trimmed[end].utf8 {
                if escaped {
                    escaped = false
                } else if inString {
                    if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                } else if byte == 0x22 {
                    inString = true
                } else if byte == 0x7B || byte == 0x5B {
                    depth += 1
                } else if byte == 0x7D || byte == 0x5D {
                    depth -= 1
                }
            }
            end += 1
            guard depth > 0 else { break }
        }
        guard depth == 0, end - start >= 2 || trimmed[start].hasBytePrefix("{\"") else { return nil }
        let text = trimmed[start..<end].joinedLines()
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil else { return nil }
        return end
    }

    /// The most lines a JSON block is looked for over (it also ends at a blank line).
    static let longestJSONBlock = 500

    /// An SQL comment right under a statement it ended (`CREATE INDEX … WHERE deleted_at IS NULL;`
    /// over `-- smaller, and only the rows queries touch`), or under such a comment: a remark on
    /// the statement, part of its block.
    private static func remarksOnStatement(_ text: Substring, after previous: Substring) -> Bool {
        guard text.hasBytePrefix("-- "), text.contains(where: \.isLetter) else { return false }
        return previous.utf8.last == 0x3B || previous.hasBytePrefix("-- ")
    }

    /// An SQL comment (`-- Orders of the last day`) on the line before an SQL statement: it
    /// belongs to the statement's block.
    private func opensSQLWithComment(at index: Int) -> Bool {
        trimmed[index].hasBytePrefix("--") && index + 1 < lines.count && CodeLineClassifier.startsSQL(trimmed[index + 1])
    }

    private func plainBlock(_ language: String, _ range: Range<Int>) -> GuideBlock {
        let code = switch language {
        case "makefile": CommandCode.makefile(trimmed[range])
        // A diagram or a console's table is drawn with spaces: they are kept, less the margin all its lines share.
        case "text": Self.withoutCommonMargin(range.map { lines[$0] })
        default: trimmed[range].joinedLines()
        }
        return .code(language: language, code: code, lines: (range.lowerBound + 1)...range.upperBound)
    }

    /// The lines with trailing white space and the leading spaces they all share removed, joined.
    static func withoutCommonMargin(_ lines: [Substring]) -> String {
        let kept = lines.map { line in line[..<(line.lastIndex { $0 != " " && $0 != "\t" && $0 != "\r" }.map(line.index(after:)) ?? line.startIndex)] }
        let margin = kept.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return kept.map { $0.dropFirst(min(margin, $0.prefix { $0 == " " }.count)) }.joinedLines()
    }

    private func pythonBlock(from start: Int) -> (FoundCode, Int) {
        var end = start
        var brackets = 0
        var openQuote: UInt8?
        var lastCode = start
        var backslash = false
        // Whether a `match` has opened: then a `case` line continues the block.
        var matchOpened = false
        var lexed: [PythonLine] = []
        while end < lines.count {
            let line = openQuote.map { PythonLine(trimmed[end], insideTripleQuote: $0) } ?? python[end]
            let text = line.text
            let inside = brackets > 0 || openQuote != nil || backslash
            if !inside {
                if text.isEmpty {
                    end += 1
                    continue
                }
                if end > start, !CodeLineClassifier.continuesPython(line, raw: text), !(matchOpened && line.firstKeyword == .case),
                    !CodeLineClassifier.continuesInsideBlock(line, previous: lexed[lastCode - start], boundBefore: { name in
                        lexed.contains { $0.assignedRoots.contains { $0 == name } }
                    })
                {
                    break
                }
                if line.firstKeyword == .match { matchOpened = true }
            }
            brackets = max(brackets + line.bracketDelta, 0)
            openQuote = line.openTripleQuote
            backslash = openQuote == nil && !line.isComment && line.statement.utf8.last == 0x5C
            while lexed.count < end - start { lexed.append(PythonLine("")) }  // blank lines inside the block
            lexed.append(line)
            lastCode = end
            end += 1
        }
        let numbered = (start...lastCode).map { (text: lines[$0], line: $0 + 1) }
        var source = FlatPythonSource(lines: numbered, lexed: lexed)
        source.readAfter = namesReadByClaims(after: lastCode + 1)
        return (.python(source), lastCode + 1)
    }

    /// The names the claims on the lines from `start` read (``ClaimParser/ClaimLine/namesRead``),
    /// blank lines skipped, up to the first line that states no claim: the code above them
    /// binds those at its top level.
    private func namesReadByClaims(after start: Int) -> [String] {
        var names: [String] = []
        for index in start..<lines.count {
            let text = trimmed[index]
            if text.isEmpty { continue }
            let claims = ClaimParser.claims(in: text)
            guard !claims.claims.isEmpty else { break }
            for name in claims.namesRead where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A numbered or lettered line that asks a question and is answered by the prose below it
    /// (`1. What happens when you type a URL?`, `b. Why …?`), not one of a list of questions:
    /// the line after it is no list item, and the one before it asks no question of its own. A
    /// bulleted one (a toggle list's `▸ Why add jitter?`) opens a paragraph and is answered by
    /// the line right under it.
    private func numberedQuestion(at index: Int, text: Substring) -> Substring? {
        // A numbered task right over a marked answer asks too (`2. Name three eviction
        // policies.` over `Ans: …`).
        guard text.utf8.last == 0x3F || text.utf8.first?.isASCIIDigit == true && text.numberedText != nil
            && index + 1 < lines.count && python.text(of: index + 1).startsAnswer
        else { return nil }
        let numbered = text.numberedText ?? text.optionText
        guard let question = numbered ?? text.bulletText, let nextIndex = nextTextLine(after: index) else { return nil }
        if numbered == nil {
            guard nextIndex == index + 1, index == 0 || python.text(of: index - 1).isEmpty, !question.startsQuestion else { return nil }
        }
        let next = python.text(of: nextIndex)
        guard !next.isListItem, !next.startsQuestion else { return nil }
        if let previous = previousText(before: index), previous.isListItem, previous.hasSuffix("?") { return nil }
        return question
    }

    /// A question on a line of its own that the lines right below it answer (`Why 301 and not
    /// 302?` over `301 lets browsers cache …`): it opens a paragraph (a blank line or a heading
    /// before it), starts with a capital, is one sentence and no label, list item or marked
    /// question, and the next line, with no blank between, is prose that asks nothing: no list
    /// item, label, marker or code (a label that names a part of an answer, `Pros:`, may open
    /// it). A behavioural prompt (`Tell me about a time …`) asks too, and a story's parts
    /// (`Situation: …`) may answer it; over a story's part it asks anew wherever it stands,
    /// right under another question's answer too.
    ///
    /// A list right under a question that starts with an asking word answers it too (`Why 301
    /// vs 302?` over `- 301 is cached by browsers …`), after a heading, a blank line or any
    /// line that does not lead into it (ending in `,` `:` `;` `(`); the answer then ends with the list.
    ///
    /// `inRun`: the open answer answers such a question. Then a question that starts with an
    /// asking word (`How do you paginate the feed?`) after a blank line or right after a line
    /// that ends a sentence asks the next one, as a list of questions runs with their answers,
    /// blank lines between or none; its answer may then open as a label does (`Use a cursor:
    /// the id of the last post seen`).
    private func standaloneQuestion(at index: Int, text: Substring, mode: Mode, afterHeading: Bool, inRun: Bool) -> Substring? {
        let nextInRun = inRun && mode == .answer && index > 0 && endsAnswer(python.text(of: index - 1))
            && Self.askingWords.contains(text.prefix { $0.isLetter }.lowercased())
        // A task (`Explain how …`) or a prompt for a story (`Tell me about a time …`) asks without a question mark.
        let asksWithoutMark = text.utf8.last != 0x3F && (ItemExtractor.asksForStory(text) || Self.isPrompt(text))
        // A prompt told as a story right below it (`Situation: …`) asks anew wherever it stands.
        let opensStory = asksWithoutMark && index + 1 < lines.count
            && python.text(of: index + 1).labelled.map { ItemExtractor.storyParts.contains($0.label.lowercased()) } == true
        guard mode == .normal || nextInRun || opensStory, let first = text.utf8.first, first.isASCIIUppercase || first >= 0x80 else { return nil }
        guard text.utf8.last == 0x3F || asksWithoutMark, Self.isBareSentence(text), index + 1 < lines.count else { return nil }
        let previous = index > 0 ? python.text(of: index - 1) : ""
        // A question set off as a paragraph of its own, blank lines around it, asks of the
        // paragraph after them (`How does wait work?` / blank / `It blocks until …`).
        let answerIndex = python.text(of: index + 1).isEmpty && (previous.isEmpty || afterHeading || nextInRun)
            ? nextTextLine(after: index) : index + 1
        guard let answerIndex else { return nil }
        let next = python.text(of: answerIndex)
        let listAnswers = Self.isAnsweredByList(text, next: next)
        guard afterHeading || previous.isEmpty || nextInRun || opensStory || listAnswers && !(previous.utf8.last ?? 0).isOne(of: ",:;(")
        else { return nil }
        // A story is told in its parts: `Situation: …`, `Action: …`.
        if listAnswers || opensStory { return text }
        let opensAsLabel = nextInRun && next.labelled != nil
        // An answer laid out under labels opens with a part of one (`Pros:`, `Example:`).
        let opensWithPart = ItemExtractor.namesAnswerPart(next)
        guard let last = next.utf8.last, last != 0x3F, last != 0x3A || opensWithPart, next.first?.isLetter == true || next.first?.isNumber == true,
            !next.isListItem, opensAsLabel || opensWithPart || next.labelled == nil && !Self.startsBlock(next, python: python[answerIndex]),
            // A task's line may be a sentence wrapped onto the next line (`Define a helper that …` / `the reader would.`).
            text.utf8.last == 0x3F || next.first?.isLowercase != true
        else { return nil }
        return text
    }

    /// Whether `text` is one sentence on a line of its own, as a question asked without a
    /// marker is: a capital first, two to twenty-five words, and no list item, `Q:` or label.
    /// Both readers ask it.
    static func isBareSentence(_ text: Substring) -> Bool {
        text.first?.isUppercase == true && (2...25).contains(text.wordCount) && !text.isListItem && !text.startsQuestion
            && text.labelled == nil && !text.containsBytes(". ")
    }

    /// Whether the line `previous`, right over a question in a run of questions asked on lines
    /// of their own, ends the answer before it: a blank line, or a line that ends a sentence.
    private func endsAnswer(_ previous: Substring) -> Bool {
        previous.isEmpty || (previous.utf8.last ?? 0).isOne(of: ".!)")
    }

    /// Whether `question` asks with an asking word (`Why 301 vs 302?`), or sets a task
    /// (``isPrompt(_:)``), over `next`, the first item of a list that states rather than asks (a
    /// list of questions asks on): the list answers it. Both readers ask this.
    static func isAnsweredByList(_ question: Substring, next: Substring) -> Bool {
        guard question.utf8.last == 0x3F || isPrompt(question), let item = next.bulletText ?? next.numberedText, item.utf8.count > 1,
            item.utf8.last != 0x3F
        else { return false }
        return askingWords.contains(question.prefix { $0.isLetter }.lowercased())
    }

    /// The words a question starts with, lower-cased.
    static let askingWords: Set<String> = promptingWords.union([
        "how", "what", "why", "when", "where", "which", "who", "whose", "is", "are", "can", "could", "do", "does",
        "did", "should", "would", "will", "tell", "give", "walk", "talk", "share",
    ])

    /// The verbs that set a question as a task (`Explain how …`), lower-cased.
    static let promptingWords: Set<String> = [
        "explain", "describe", "compare", "contrast", "define", "discuss", "summarize", "summarise", "differentiate",
        "distinguish", "justify",
    ]

    /// Whether `text` sets a question as a task, without a question mark: it opens with a
    /// prompting verb (`Explain how a B-tree speeds up a range query.`, `Compare clustered and
    /// non-clustered indexes`) and ends as a sentence may, not in a comma or a colon.
    /// `Explain plans show …` and `EXPLAIN shows …` name SQL's `EXPLAIN`, and ask nothing.
    static func isPrompt(_ text: Substring) -> Bool {
        // Asked of most lines of a guide: the bytes rule nearly all out before a word is copied.
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        switch first | 0x20 {
        case 0x63, 0x64, 0x65, 0x6A, 0x73: break  // c, d, e, j, s
        default: return false
        }
        guard last.isASCIILetter || last.isASCIIDigit || last >= 0x80 || last == 0x2E || last == 0x29 || last == 0x60 else { return false }
        let verbEnd = bytes.firstIndex { !$0.isASCIILetter } ?? bytes.endIndex
        let length = bytes.distance(from: bytes.startIndex, to: verbEnd)
        // The verbs are 6 to 13 letters long and a word follows them.
        guard (6...13).contains(length), verbEnd < bytes.endIndex, bytes[verbEnd] == 0x20 else { return false }
        // A word in capitals is SQL's (`EXPLAIN shows the plan`), not a task's verb.
        guard bytes[bytes.index(after: bytes.startIndex)] | 0x20 == bytes[bytes.index(after: bytes.startIndex)] else { return false }
        let verb = text[..<verbEnd].lowercased()
        guard promptingWords.contains(verb) else { return false }
        let object = text[verbEnd...].dropFirst().prefix { $0.isLetter }.lowercased()
        return verb != "explain" || !["plan", "plans", "analyze", "output"].contains(object)
    }

    /// The question and answer of the line at `index` when it asks and answers on one line
    /// (``LineShape/oneLineCard``) beside another line that does: a quick-fire list. One such
    /// line alone may be prose that asks and answers itself.
    private func oneLineCard(at index: Int, text: Substring) -> (question: Substring, answer: Substring)? {
        guard let card = text.oneLineCard else { return nil }
        let besideAnother = index > 0 && python.text(of: index - 1).oneLineCard != nil
            || index + 1 < lines.count && python.text(of: index + 1).oneLineCard != nil
        return besideAnother ? card : nil
    }

    /// Whether the line at `index` is a web page's header over a code block (``PageFurniture/isCodeChrome(_:previous:next:)``).
    private func isCodeChrome(_ index: Int, _ text: Substring) -> Bool {
        PageFurniture.isCodeChrome(text, previous: index > 0 ? trimmed[index - 1] : nil, next: index + 1 < lines.count ? trimmed[index + 1] : nil)
    }

    /// Whether `text` is a numbered line whose title names a main section (`2. Indexing
    /// Strategy` for the entry `Indexing Strategy`, numbered in the contents or not).
    private static func numbersSection(_ text: Substring, of mainSections: Set<String>, longest: Int) -> Bool {
        guard text.utf8.first?.isASCIIDigit == true, let title = text.numberedText, title.utf8.count <= longest + 1 else { return false }
        return mainSections.contains(headingKey(title))
    }

    /// Whether the next line after `index` that is not blank names a main section.
    private func precedesMainSection(_ index: Int, _ mainSections: Set<String>, longest: Int) -> Bool {
        guard let next = nextTextLine(after: index).map(python.text(of:)), next.utf8.count <= longest + 1 else { return false }
        return mainSections.contains(Self.headingKey(next))
    }

    /// The next line after `index` that is not blank, nor the header a web page draws over code.
    private func nextTextLine(after index: Int) -> Int? {
        ((index + 1)..<lines.count).first {
            let text = python.text(of: $0)
            return !text.isEmpty && !isCodeChrome($0, text)
        }
    }

    /// The cells of a row of a table written without outer pipes (`Attempt | Delay`) at
    /// `index`: a row with as many cells as the row right above it, or one that opens a table
    /// with the line right below it (``PipelessTable/opens(cells:over:)``). A blank line ends a table.
    private func pipelessRowCells(at index: Int, text: Substring, after previous: (index: Int, cells: Int)?) -> Int? {
        guard let cells = PipelessTable.cellCount(text) else { return nil }
        if let previous, previous.index == index - 1, previous.cells == cells { return cells }
        guard index + 1 < lines.count else { return nil }
        return PipelessTable.opens(cells: cells, over: python.text(of: index + 1)) ? cells : nil
    }

    /// The header and rows, each split into its cells, of a table copied with single spaces
    /// between its cells (``SpacedTable``) whose header is the line at `index`.
    private func spacedTable(at index: Int, text: Substring) -> [[Substring]]? {
        guard index + 1 < lines.count, let header = SpacedTable.rowCells(text),
            let next = SpacedTable.rowCells(python.text(of: index + 1)), next.count >= header.count
        else { return nil }
        return SpacedTable.rows(trimmed[index..<min(lines.count, index + Self.longestSpacedTable)])
    }

    /// The most lines a table copied with single spaces is read over.
    private static let longestSpacedTable = 64

    /// Where the cells of the line at `index`, and of its table's header, start when the line
    /// is a row of a table lined up by spaces: a row under the one before it, or a header with
    /// a row lined up under it.
    private func alignedRow(at index: Int, text: Substring, after previous: (index: Int, header: [Int])?) -> (cells: [Int], header: [Int])? {
        guard let columns = PipelessTable.columns(text) else { return nil }
        if let previous, previous.index == index - 1 {
            return PipelessTable.linesUp(columns, under: previous.header) ? (columns, previous.header) : nil
        }
        guard index + 1 < lines.count, let next = PipelessTable.columns(python.text(of: index + 1)),
            PipelessTable.linesUp(next, under: columns)
        else { return nil }
        return (columns, columns)
    }

    /// A numbered line that heads the lines under it (`1) Requirements`, `2. Capacity`), with
    /// its number and title; nil for an item of a numbered list. Its text is a short title,
    /// the next line is no item of a list, and the numbers run on from the last such heading
    /// (`continuing`); the first one, `1`, heads only if a `2` further on heads its own lines.
    /// Numbered outlines with subsections (`1.1`) are ``SectionOutline``'s.
    private func numberedHeading(at index: Int, text: Substring, continuing last: Int?) -> (number: Int, title: Substring)? {
        let number = (last ?? 0) + 1
        guard let title = Self.numberedTitle(text, numbered: number) else { return nil }
        guard let next = nextTextLine(after: index), trimmed[next].numberedText == nil else { return nil }
        if last != nil { return (number, title) }
        // The first: the next number must head its own lines further on, past lines of its own.
        for line in next..<min(lines.count, index + 80) {
            let candidate = trimmed[line]
            guard candidate.utf8.first?.isASCIIDigit == true, candidate.numberedText != nil else { continue }
            guard Self.numberedTitle(candidate, numbered: number + 1) != nil, let after = nextTextLine(after: line), trimmed[after].numberedText == nil else {
                return nil
            }
            return (number, title)
        }
        return nil
    }

    /// The text of a line numbered `number` when it reads as a title: a few words,
    /// capitalised, no closing punctuation, no code.
    private static func numberedTitle(_ text: Substring, numbered number: Int) -> Substring? {
        guard let title = text.numberedText, Int(text.prefix { $0.isASCII && $0.isNumber }) == number,
            title.wordCount <= 6, title.first?.isUppercase == true, title.isHeadingCandidate
        else { return nil }
        return title
    }

    /// The title of a line that labels a section (`Topic: Caching`, `Module 3: Queues`,
    /// `Part II: Storage`): a few words, capitalised, without closing punctuation.
    static func sectionLabelTitle(_ text: Substring) -> Substring? {
        // Asked of most lines: the first byte rules nearly all out.
        guard let first = text.utf8.first else { return nil }
        switch first | 0x20 {
        case 0x74, 0x73, 0x63, 0x6D, 0x75, 0x70: break  // t, s, c, m, u, p
        default: return nil
        }
        let bytes = text.utf8
        guard let colon = bytes.prefix(16).firstIndex(of: 0x3A) else { return nil }
        let word = bytes[..<colon].prefix { $0.isASCIILetter }
        guard Self.sectionLabels.contains(where: { word.elementsEqual($0.utf8) { $0 | 0x20 == $1 } }) else { return nil }
        // A number may follow the word: `Module 3`, `Part II`.
        guard text[word.endIndex..<colon].utf8.allSatisfy({ $0 == 0x20 || $0.isASCIIDigit || $0 == 0x49 || $0 == 0x56 || $0 == 0x58 }) else { return nil }
        let title = text[text.utf8.index(after: colon)...].trimmingWhitespace()
        guard (1...6).contains(title.wordCount), title.first?.isUppercase == true || title.first?.isNumber == true,
            let last = title.utf8.last, !last.isOne(of: ".?!:;,")
        else { return nil }
        return title
    }

    private static let sectionLabels: [String] = ["topic", "section", "chapter", "module", "unit", "part"]

    /// Whether the line right above `index` leads into it (`Ans:`, `Example Lua script:`).
    private func followsLeadIn(_ index: Int) -> Bool {
        index > 0 && python.text(of: index - 1).utf8.last == 0x3A
    }

    /// The text of the last line before `index` that is not blank.
    private func previousText(before index: Int) -> Substring? {
        trimmed[..<index].last { !$0.isEmpty }
    }

    /// Whether a heading candidate outside a question is a sub-heading; `headingsInCapitals`
    /// when the guide's first heading was written in capitals.
    private func isSubHeading(at index: Int, text: Substring, mode: Mode, afterHeading: Bool, headingsInCapitals: Bool) -> Bool {
        guard let nextIndex = nextTextLine(after: index) else { return false }
        // In an answer, a line right under one that leads into it (`Ans:`, `Three policies:`)
        // is what it leads into.
        if mode == .answer, followsLeadIn(index) { return false }
        let next = python[nextIndex]
        // "EXPLAIN ANALYZE" over a SELECT opens the statement, it does not title it.
        if CodeLineClassifier.opensSQLStatement(text, next: next.text) { return false }
        // A step beside steps (`Step 2: partition it` under `Step 1: pick a pivot`) is a line
        // of a procedure; only a step over its own text heads it.
        if ItemExtractor.isStep(text), ItemExtractor.isStep(next.text) || previousText(before: index).map(ItemExtractor.isStep) == true {
            return false
        }
        // A term defined with a dash beside another (`Durability — …` under `Consistency — …`) is
        // a definition of the run.
        if text.dashDefined != nil, ItemExtractor.defineInTurn(next.text, after: text)
            || previousText(before: index).map({ ItemExtractor.defineInTurn(text, after: $0) }) == true
        {
            return false
        }
        // In a guide whose headings are in capitals, a line in capitals after a blank line heads
        // a section after an answer too: an answer does not shout its parts.
        if mode == .answer, headingsInCapitals, index > 0, python.text(of: index - 1).isEmpty, text.isInCapitals,
            Self.endsWhatItSays(previousText(before: index))
        {
            return true
        }
        // Asked only where the answer turns on it: outside an answer, a title-like line heads a
        // section whatever follows it.
        lazy var nextStartsBlock = Self.startsBlock(next.text, python: next)
        if mode == .answer, headsParagraphAfterAnswer(at: index, text: text, over: next.text, afterCode: afterHeading) { return true }
        if text.isTitleLike {
            // In an answer, a line under one that ended nothing (`LRU` / `LFU`, a list that lost
            // its bullets) goes on with it.
            return mode == .normal || mode == .prompt
                || nextStartsBlock && (mode != .answer || python.text(of: index - 1).isEmpty || Self.endsWhatItSays(previousText(before: index)))
        }
        // After an answer, a blank line, then `Key terms` over a list: the answer ended.
        if mode == .answer, nextStartsBlock, index > 0, python.text(of: index - 1).isEmpty,
            Self.isSentenceCaseHeading(text, over: nil), text.utf8.last.map({ !$0.isOne(of: ".:?!") }) ?? false
        {
            return Self.endsWhatItSays(previousText(before: index))
        }
        guard mode == .normal else { return false }
        let previous = previousText(before: index)
        guard nextStartsBlock else {
            guard afterHeading || Self.endsWhatItSays(previous) else { return false }
            // A heading over a heading over a paragraph (`Isolation levels`, `Read committed`, …).
            if Self.isSentenceCaseHeading(text, over: next.text) { return true }
            guard Self.isSentenceCaseHeading(text, over: nil), next.text.isHeadingCandidate(next) else { return false }
            let afterNext = nextTextLine(after: nextIndex).map { python.text(of: $0) }
            return Self.isSentenceCaseHeading(next.text, over: afterNext ?? "")
        }
        guard let last = previous?.last else { return true }
        return !",([:".contains(last)
    }

    /// After an answer (or code in it: `afterCode`), a blank line, then `Connection draining`
    /// over a paragraph: the answer ended, and the line heads the paragraph as it would outside
    /// an answer. A part of the answer (`Example`, `Why it matters`) does not end it.
    private func headsParagraphAfterAnswer(at index: Int, text: Substring, over next: Substring, afterCode: Bool) -> Bool {
        index > 0 && python.text(of: index - 1).isEmpty && Self.isSentenceCaseHeading(text, over: next)
            && !ItemExtractor.isConceptLabel(text) && (afterCode || Self.endsWhatItSays(previousText(before: index)))
    }

    /// Whether a heading in sentence case (`Delivery guarantees`) may stand over `next`: it has a
    /// few words, the first capitalised, and no comma, and `next` (unless nil) is a longer line
    /// that starts with a capital. The line before it must have ended what it said
    /// (``endsWhatItSays(_:)``): a sentence wrapped over two lines ends neither way.
    static func isSentenceCaseHeading(_ text: Substring, over next: Substring?) -> Bool {
        // A section number (`2.1 Consistent hashing`) is not a word of the heading.
        let text = text.withoutSectionNumber
        guard let first = text.utf8.first, first.isASCIIUppercase, !text.utf8.contains(0x2C) else { return false }
        let words = text.wordCount
        guard words <= 5 else { return false }
        guard let next else { return true }
        return next.utf8.first.map { $0.isASCIIUppercase || $0.isASCIIDigit } == true && next.wordCount >= words + 3
    }

    /// Whether a line ends what it says, so that a heading may follow it: a sentence, a list
    /// item, a `term: text` line, a table row, a claim (`62 ** 7 → 3521614606208`), a closing
    /// bracket, or nothing (the guide's start).
    static func endsWhatItSays(_ line: Substring?) -> Bool {
        guard let line, let last = line.utf8.last else { return true }
        return last.isOne(of: ".?!)}]") || line.isListItem || line.labelled != nil || line.containsBytes(" | ")
            || PipelessTable.columns(line) != nil || ItemExtractor.statesClaim(line)
    }

    /// Whether a line begins something new: code, a question, a label, a list, a table.
    static func startsBlock(_ text: Substring, python line: PythonLine) -> Bool {
        if text.startsQuestion || text.startsPrompt || text.inlinePrompt != nil || text.startsStory || text.isBareLabel || text.isListItem
            || PythonSession.isPrompt(text)
        {
            return true
        }
        // A lettered question (`a. Why …?`).
        if text.optionText?.hasSuffix("?") == true { return true }
        if text.hasBytePrefix("|") || text.containsBytes(" | ") || PipelessTable.columns(text) != nil || text.labelled != nil
            || text.isHeadingCandidate(line) && text.isTitleLike
        {
            return true
        }
        return startsCode(text, python: line)
    }

    /// Whether a line plainly starts code: Python, SQL, a shell command or an HTTP request.
    static func startsCode(_ text: Substring, python line: PythonLine) -> Bool {
        CodeLineClassifier.startsPython(line, raw: text) || CodeLineClassifier.startsSQL(text) || CodeLineClassifier.isShell(text)
            || CodeLineClassifier.isRequestLine(text) || CodeLineClassifier.startsHTTP(text)
    }

    /// Whether the line at `index` is a short question that is a paragraph of its own over a
    /// block of code (`What does this print?`, a blank line, code): it asks about the code, and
    /// ends the answer open before it.
    private func asksOverCode(at index: Int, text: Substring) -> Bool {
        guard index > 0, index + 1 < lines.count, lines.firstVisibleByte(index + 1) == nil, lines.firstVisibleByte(index - 1) == nil,
            ItemExtractor.asksAboutCode(text), Self.isBareSentence(text), let code = nextTextLine(after: index)
        else { return false }
        return Self.startsCode(python.text(of: code), python: python[code])
    }
}

/// Remembers the last few lines read as Python, so that asking about a line and its
/// neighbour does not lex it again, without holding a reading of every line in memory.
private final class PythonLineWindow {
    private let lines: TrimmedLines
    /// Slot `n` holds the reading of a line whose index ends in `n` (two bits), and that index.
    /// One segmenter uses the window, on one thread, so its accesses cannot overlap.
    @exclusivity(unchecked) private var indices = [Int](repeating: -1, count: 4)
    @exclusivity(unchecked) private var readings = [PythonLine](repeating: PythonLine(""), count: 4)

    init(lines: TrimmedLines) {
        self.lines = lines
    }

    subscript(index: Int) -> PythonLine {
        readings[slot(reading: index)]
    }

    /// The trimmed line, without copying its reading.
    func text(of index: Int) -> Substring {
        readings[slot(reading: index)].text
    }

    /// The slot that holds the reading of the line at `index`, once it is read.
    private func slot(reading index: Int) -> Int {
        let slot = index & 3
        if indices[slot] != index {
            readings[slot] = PythonLine(lines[index])
            indices[slot] = index
        }
        return slot
    }
}

/// The braces each line opens less those it closes (``BraceCode/braceDelta(_:)``), worked
/// out once per line: a block of brace code is looked for from every line that could open
/// one, over up to ``BraceCode/longestBlock`` lines after it.
///
/// One segmenter uses it, on one thread.
private final class BraceDeltas {
    private let lines: TrimmedLines
    /// Per line, its delta (at most 127 either way: one byte a line), or `unknown`; empty
    /// until a block is first looked for.
    @exclusivity(unchecked) private var deltas: [Int8] = []
    private static let unknown = Int8.min

    init(lines: TrimmedLines) {
        self.lines = lines
    }

    /// The deltas of the lines in `range`, each worked out the first time it is asked for.
    func deltas(_ range: Range<Int>) -> ArraySlice<Int8> {
        if deltas.isEmpty { deltas = [Int8](repeating: Self.unknown, count: lines.count) }
        for index in range where deltas[index] == Self.unknown {
            deltas[index] = Int8(max(-127, min(127, BraceCode.braceDelta(lines[index]))))
        }
        return deltas[range]
    }
}

/// The lines of a guide without their leading and trailing white space.
private struct TrimmedLines: RandomAccessCollection {
    let lines: GuideLines

    var startIndex: Int { lines.startIndex }
    var endIndex: Int { lines.endIndex }
    subscript(position: Int) -> Substring { lines.trimmed(position) }
}

/// Decides the levels of the headings whose level the text does not state (``HeadingPlacement``),
/// as blocks stream past. When the first heading is written in capitals (`CACHING STRATEGIES`),
/// the headings in capitals are the main sections and the others their subsections; else a
/// heading directly followed by another heading is a main section, and so is any heading
/// before the first such parent. Once numbered sections run (`1. Indexing`, `2. Transactions`),
/// a heading that is not numbered heads a subsection of the numbered section above it.
private struct HeadingLevels<Sink: GuideBlockSink>: GuideBlockSink {
    private var sink: Sink
    private var pending: (title: String, line: Int, isNumbered: Bool)?
    private var blanks: [GuideBlock] = []
    private var sawParent = false
    /// Whether the first heading was in capitals: nil before it.
    private var capitalsHeadSections: Bool?
    /// The level of the last numbered section.
    private var numberedLevel = 1

    init(sink: Sink) {
        self.sink = sink
    }

    mutating func consume(_ block: GuideBlock) {
        if case .blank = block, pending != nil {
            blanks.append(block)
            return
        }
        if let heading = pending {
            let isParent: Bool
            if case .heading = block { isParent = true } else { isParent = false }
            if isParent { sawParent = true }
            place(heading, isParent: isParent)
        }
        guard case .heading(_, let title, let line, let placement?) = block else { return sink.consume(block) }
        if placement == .underNumbered {
            sink.consume(.heading(level: numberedLevel + 1, title: title, line: line))
        } else {
            pending = (title, line, placement == .numbered)
        }
    }

    mutating func finish() -> Sink {
        if let heading = pending { place(heading, isParent: false) }
        return sink
    }

    /// Passes on the pending heading at its level, and the blank lines after it.
    private mutating func place(_ heading: (title: String, line: Int, isNumbered: Bool), isParent: Bool) {
        let level = level(of: heading.title, isParent: isParent)
        if heading.isNumbered { numberedLevel = level }
        sink.consume(.heading(level: level, title: heading.title, line: heading.line))
        for blank in blanks { sink.consume(blank) }
        pending = nil
        blanks = []
    }

    private mutating func level(of title: String, isParent: Bool) -> Int {
        if capitalsHeadSections == nil { capitalsHeadSections = title[...].isInCapitals }
        guard capitalsHeadSections == true else { return isParent || !sawParent ? 1 : 2 }
        return title[...].isInCapitals ? 1 : 2
    }
}
