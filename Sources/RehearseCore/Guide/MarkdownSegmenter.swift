/// Reads a GitHub Markdown guide: `#` headings, fenced code with language tags, lists,
/// pipe tables, `**Q:**` and `### Q:` questions, links.
struct MarkdownSegmenter {
    let lines: GuideLines

    func segment(into blocks: inout some GuideBlockSink) -> SegmentedGuide {
        var sawContent = false
        var header = GuideHeader()
        var sawTitle = false
        var skippingContents = false
        // The last line of a table whose rows lack the outer pipes.
        var lastTableRow: Int?
        var index = 0
        // The last line not indented as code: when it is a list's item, an indented line
        // goes on the item, it starts no code.
        var lastFlushLeft: Int?
        // Inside an MkDocs call-out (`!!! note`, `??? question`), whose body is the lines
        // indented under it: they are prose, and the first line out of it ends it.
        var inCalloutBody = false
        // The indentation of a list item that asked a question: its answer is what the item
        // holds, and a line after a blank one, no deeper than the item, ends it.
        var listQuestionIndent: Int?
        // The indentation of the list that answers a question asked in a paragraph of its own
        // (``questionOverList(_:at:)``): a line after a blank one, no deeper and no item, ends it.
        var listAnswerIndent: Int?
        // Inside a `<details>` block: what it reveals answers the question or problem above
        // it, so a bold question in it is part of that answer, not a card of its own.
        var inDetails = false
        // Under a heading that links the note to others (`## Related`): a list item of links is no text.
        var inNavigationSection = false
        if let frontMatter = Self.frontMatter(lines) {
            index = frontMatter.end
            if let title = frontMatter.title {
                header = FlatTextSegmenter.titleLine(title) ?? GuideHeader(number: nil, title: String(title))
            }
            header.priority = frontMatter.priority
        }
        let headings = self.headings(from: index)
        let (baseLevel, titleFirst) = Self.headingLevels(of: headings)

        while index < lines.count {
            let lineNumber = index + 1
            let raw = lines[index]
            let text = raw.trimmingWhitespace()
            if text.utf8.first == 0x3C {
                if text.hasPrefixIgnoringCase("<details") { inDetails = true }
                if text.hasPrefixIgnoringCase("</details") { inDetails = false }
            }
            // A fence at the margin may still hold the answer's code; a heading ends it anyway.
            if let indent = listQuestionIndent, !text.isEmpty, Self.fence(text) == nil, index > 0,
                lines[index - 1].trimmingWhitespace().isEmpty, Self.indentation(raw) <= indent
            {
                listQuestionIndent = nil
                if !text.isListItem { blocks.consume(.boundary(line: lineNumber)) }
            }
            if let indent = listAnswerIndent, !text.isEmpty, index > 0, lines[index - 1].trimmingWhitespace().isEmpty,
                Self.indentation(raw) <= indent, !text.isListItem
            {
                listAnswerIndent = nil
                blocks.consume(.boundary(line: lineNumber))
            }
            if let fence = Self.fence(text) {
                let (block, next) = fencedCode(from: index, fence: fence)
                index = next
                guard !skippingContents else { continue }
                blocks.consume(block)
                sawContent = true
                // ``Output: `(6,)` `` under the fence: what the code printed, as a block of its own.
                if index < lines.count, let output = FlatTextSegmenter.inlineOutput(lines[index].trimmingWhitespace()) {
                    blocks.consume(.text(output.label, line: index + 1))
                    blocks.consume(.code(language: "text", code: String(output.printed), lines: (index + 1)...(index + 1)))
                    index += 1
                }
                continue
            }
            if text.utf8.first == 0x3C, let end = figureEnd(from: index, text: text) ?? hintEnd(from: index, text: text) {
                // A figure laid out in HTML (`<p align="center"><img …>` and its caption), or a
                // hint revealed before the answer: not text.
                for line in index...end { blocks.consume(.blank(line: line + 1)) }
                index = end + 1
                continue
            }
            if text.utf8.first == 0x3C, let table = HTMLTable.table(from: index, count: lines.count, line: { lines.trimmed($0) }) {
                for (offset, row) in table.rows.enumerated() {
                    blocks.consume(.text(Substring(row), line: min(lineNumber + offset, table.end + 1)))
                }
                index = table.end + 1
                continue
            }
            if text.utf8.first == 0x3C, let list = HTMLDefinitionList.entries(from: index, count: lines.count, line: { lines.trimmed($0) }) {
                for (offset, entry) in list.entries.enumerated() {
                    let line = min(lineNumber + offset, list.end + 1)
                    blocks.consume(.text(Substring(entry), line: line))
                    blocks.consume(.blank(line: line))
                }
                index = list.end + 1
                continue
            }
            if text.hasBytePrefix("<!--") {
                // An HTML comment is not shown: its lines read as blank ones.
                let end = (index..<lines.count).first { lines[$0].containsBytes("-->") } ?? lines.count - 1
                for line in index...end { blocks.consume(.blank(line: line + 1)) }
                index = end + 1
                continue
            }
            if inCalloutBody, !text.isEmpty, !Self.isIndentedCode(raw) {
                inCalloutBody = false
                blocks.consume(.boundary(line: lineNumber))
            }
            if !inCalloutBody, Self.isIndentedCode(raw), index == 0 || lines[index - 1].trimmingWhitespace().isEmpty,
                lastFlushLeft.map({ !lines[$0].trimmingWhitespace().isListItem }) ?? true, let (block, next) = indentedCode(from: index)
            {
                if !skippingContents {
                    blocks.consume(block)
                    sawContent = true
                }
                index = next
                continue
            }
            if !text.isEmpty, !Self.isIndentedCode(raw) { lastFlushLeft = index }
            // A line over `===` or `---` is a heading too (setext), and takes both lines.
            let underlined = index + 1 < lines.count && lines.mayBeUnderline(index + 1) && !text.isEmpty && !text.hasBytePrefix(">")
                && !text.hasBytePrefix("|") && !Self.isIndentedCode(raw)
                ? lines[index + 1].trimmingWhitespace().underlineLevel(under: text, strict: false) : nil
            let headingLines = underlined == nil ? 1 : 2
            if let (level, title) = Self.heading(text) ?? underlined.map({ ($0, text) }) {
                let plain = String(Self.plainInline(title))
                // The one top-level heading that comes first titles the guide, even under a
                // line or two of the page's own (`**Help translate this guide!**`).
                if level == 1 && !sawTitle && (!sawContent || titleFirst) {
                    header = FlatTextSegmenter.titleLine(Substring(plain)) ?? GuideHeader(number: nil, title: plain)
                    sawTitle = true
                    sawContent = true
                    index = Byline.skipped(in: lines, from: index + headingLines)
                    continue
                } else if Substring(plain).startsQuestion {
                    blocks.consume(.text(Substring(plain), line: lineNumber))
                } else if level > baseLevel || level > 1 && !Self.headsSubsections(after: index + headingLines - 1, level: level, in: headings),
                    let question = Self.question(inHeading: plain[...]) ?? task(inHeading: plain[...], at: index, level: level, in: headings)
                {
                    // `### 1. What is a CDN?`, `### Explain MVCC.`: a question whose answer is the
                    // text below it. A section heading that asks is one too, unless subsections
                    // stand under it.
                    ask(question, line: lineNumber, into: &blocks)
                } else {
                    let key = FlatTextSegmenter.headingKey(plain[...])
                    skippingContents = key == "table of contents" || key == "contents"
                    inNavigationSection = Self.navigationLabels.contains(key)
                    if !skippingContents {
                        blocks.consume(.heading(level: max(level - baseLevel + 1, 1), title: plain, line: lineNumber))
                    }
                }
                sawContent = true
                index += headingLines
                continue
            }
            if Self.isThematicBreak(text) {
                // `---` between parts of a page: no content, and the end of what was open.
                if !skippingContents { blocks.consume(.boundary(line: lineNumber)) }
                index += 1
                continue
            }
            if Self.isLinkRow(text, underNavigationHeading: inNavigationSection) {
                // A page's language switcher or row of badges: no text, and no content before the title.
                blocks.consume(.blank(line: lineNumber))
                index += 1
                continue
            }
            // `>>> f(2)` over `4` outside a fence is a pasted session, not a quote three deep.
            if !skippingContents, PythonSession.isPrompt(text) {
                let (session, end) = PythonSession.block(from: index, count: lines.count, text: { lines[$0].trimmingWhitespace() },
                                                         isHeading: { Self.heading($0) != nil })
                blocks.consume(session)
                sawContent = true
                index = end
                continue
            }
            if !skippingContents {
                var unquoted = Self.withoutQuoteMarkers(text)
                if isPipelessTableRow(unquoted, at: index, lastRow: lastTableRow) {
                    unquoted = PipelessTable.piped(unquoted)
                    lastTableRow = index
                }
                if Self.closesContainer(unquoted) {
                    blocks.consume(.boundary(line: lineNumber))
                } else if let marker = MarkdownCallouts.marker(unquoted) {
                    // A call-out box is a unit of its own: what was open before it ends.
                    blocks.consume(.boundary(line: lineNumber))
                    let inQuote = unquoted.hasBytePrefix("[!")
                    // A titled box in a block quote: its title labels its first line (`Idempotent
                    // consumers: Make handling a message twice harmless: …`).
                    let firstLine = inQuote && marker.utf8.last == 0x3A && index + 1 < lines.count && lines.trimmed(index + 1).utf8.first == 0x3E
                        ? Self.withoutQuoteMarkers(lines.trimmed(index + 1)) : ""
                    if !firstLine.isEmpty {
                        blocks.consume(.text(Self.plainInline(Substring(marker + " " + firstLine)), line: lineNumber))
                        index += 1
                    } else if !marker.isEmpty {
                        blocks.consume(.text(Self.plainInline(marker), line: lineNumber))
                    }
                    inCalloutBody = !unquoted.hasBytePrefix(":::") && !inQuote
                } else if index + 1 < lines.count, let entry = MarkdownCallouts.definitionListEntry(unquoted, over: lines[index + 1].trimmingWhitespace()) {
                    blocks.consume(.text(Self.plainInline(entry), line: lineNumber))
                    blocks.consume(.blank(line: lineNumber + 1))
                    index += 1
                } else if let card = NoteAppCards.inlineCard(unquoted.bulletText ?? unquoted) {
                    blocks.consume(.text("Q: " + Self.plainInline(card.question), line: lineNumber))
                    blocks.consume(.text("A: " + Self.plainInline(card.answer), line: lineNumber))
                    // A one-line card ends with its line.
                    blocks.consume(.boundary(line: lineNumber))
                } else if let card = Self.questionOverBreak(unquoted) {
                    blocks.consume(.text("Q: " + card.question, line: lineNumber))
                    blocks.consume(.text("A: " + card.answer, line: lineNumber))
                    blocks.consume(.boundary(line: lineNumber))
                } else if !inDetails, let card = Self.boldQuestionWithAnswer(unquoted) {
                    // `- **What is ISR?** The replicas caught up with the leader.`: the bold
                    // question asks, the rest of its paragraph or list item answers.
                    blocks.consume(.text("Q: " + card.question, line: lineNumber))
                    blocks.consume(.text("A: " + card.answer, line: lineNumber))
                    while index + 1 < lines.count, Self.continuesParagraph(lines[index + 1].trimmingWhitespace()) {
                        index += 1
                        blocks.consume(.text(Self.plainInline(lines[index].trimmingWhitespace()), line: index + 1))
                    }
                    blocks.consume(.boundary(line: index + 1))
                } else if index + 1 < lines.count, lines.firstVisibleByte(index + 1) == 0x3F, NoteAppCards.isSeparator(lines.trimmed(index + 1)) {
                    // A question over a line of `?`: the lines below the `?` answer it.
                    blocks.consume(.text("Q: " + Self.plainInline(unquoted.bulletText ?? unquoted), line: lineNumber))
                    blocks.consume(.blank(line: lineNumber + 1))
                    index += 1
                } else if let task = boldTask(unquoted, at: index) {
                    // `1. **Find each employee's rank in their department.**` over the query
                    // that does it: a problem posed, which the code below answers.
                    blocks.consume(.text("Exercise: " + task, line: lineNumber))
                    listQuestionIndent = unquoted.isListItem ? Self.indentation(raw) : nil
                } else if let question = Self.revealedQuestion(unquoted) ?? Self.boldQuestion(unquoted) ?? listQuestion(unquoted, at: index)
                    ?? paragraphQuestion(unquoted, at: index)
                {
                    // `<summary>Why not cache everything?</summary>`, `**3. What is an index?**`,
                    // `Explain how a B-tree …`: the lines below answer it.
                    ask(question, line: lineNumber, into: &blocks)
                    listQuestionIndent = unquoted.isListItem ? Self.indentation(raw) : nil
                } else if let label = nestedListLabel(unquoted, at: index) {
                    blocks.consume(.text(Self.plainInline(label), line: lineNumber))
                } else if let (question, list) = questionOverList(unquoted, at: index) {
                    ask(question, line: lineNumber, into: &blocks)
                    listAnswerIndent = Self.indentation(lines[list])
                } else {
                    if asksOverCode(unquoted, at: index) { blocks.consume(.boundary(line: lineNumber)) }
                    let shown = !Self.isImage(unquoted)
                    // A footnote (`[^1]: …`) reads as prose of the section, without its marker.
                    let unmarked = MarkdownInline.footnoteText(unquoted) ?? unquoted
                    let prose = shown ? Self.boldTermAsLabel(Self.withoutTaskMarker(Self.withoutHTMLTags(unmarked))) : ""
                    blocks.consume(prose.isEmpty ? .blank(line: lineNumber) : .text(Self.plainInline(prose), line: lineNumber))
                }
                sawContent = sawContent || !text.isEmpty
            }
            index += 1
        }
        return SegmentedGuide(header: header, warnings: [])
    }

    /// Whether `line` (at `index`) is a row of a table written without outer pipes, as GitHub
    /// reads one: a header row over a delimiter row of as many cells (`--- | ---`), then the
    /// lines with a `|` right after them, up to a blank line. `lastRow` is the table's last
    /// row so far.
    private func isPipelessTableRow(_ line: Substring, at index: Int, lastRow: Int?) -> Bool {
        guard line.utf8.contains(0x7C) else { return false }
        if lastRow == index - 1 { return true }
        guard index + 1 < lines.count, let cells = PipelessTable.cellCount(line) else { return false }
        return PipelessTable.delimiterCellCount(Self.withoutQuoteMarkers(lines[index + 1].trimmingWhitespace())) == cells
    }

    /// The headings from line `start` on, outside fenced code: each one's line (for a setext
    /// heading, its text's) and level.
    private func headings(from start: Int) -> [(line: Int, level: Int)] {
        var found: [(line: Int, level: Int)] = []
        var inFence: Substring?
        // The line before, for a setext underline: a heading's text, not yet counted.
        var previous: Substring = ""
        for index in start..<lines.count {
            let text = lines[index].trimmingWhitespace()
            if let fence = Self.fence(text) {
                if let open = inFence {
                    if text.hasPrefix(open) { inFence = nil }
                } else {
                    inFence = fence
                }
                previous = ""
                continue
            }
            guard inFence == nil else { continue }
            if let (level, _) = Self.heading(text) {
                found.append((index, level))
            } else if !previous.isEmpty, let level = text.underlineLevel(under: previous, strict: false) {
                found.append((index - 1, level))
                previous = ""
                continue
            }
            previous = text
        }
        return found
    }

    /// The level that counts as a main section, the smallest heading level after the title;
    /// and whether the first heading is the guide's only top-level one (its title).
    private static func headingLevels(of headings: [(line: Int, level: Int)]) -> (base: Int, titleFirst: Bool) {
        let levels = headings.map(\.level)
        let titleFirst = levels.first == 1 && !levels.dropFirst().contains(1)
        if levels.first == 1, levels.dropFirst().contains(where: { $0 > 1 }) {
            return (levels.dropFirst().filter { $0 > 1 }.min() ?? 2, titleFirst)
        }
        return (levels.min() ?? 1, titleFirst)
    }

    /// Whether the first of `headings` after line `index` is deeper than `level`: the section
    /// there holds subsections.
    private static func headsSubsections(after index: Int, level: Int, in headings: [(line: Int, level: Int)]) -> Bool {
        guard let next = headings.first(where: { $0.line > index }) else { return false }
        return next.level > level
    }

    /// A list item that heads a nested list, as a label of its items: `- **Fan-out on write**`
    /// or `- Fan-out on write:` over more deeply indented items is `Fan-out on write:`, and
    /// `- Option B: counter + base62` is `Option B: counter + base62:`, so that each such item
    /// is a concept of its own with its items as key points.
    private func nestedListLabel(_ text: Substring, at index: Int) -> Substring? {
        guard let item = text.bulletText ?? text.numberedText, item.utf8.count > 4, index + 1 < lines.count else { return nil }
        let label: Substring
        if item.hasBytePrefix("**"), item.utf8.last == 0x2A, item.hasSuffix("**"), !item.dropFirst(2).dropLast(2).containsBytes("**") {
            label = item.dropFirst(2).dropLast(2).trimmed(of: ":") + ":"
        } else if item.utf8.last == 0x3A, item.isBareLabel {
            label = item
        } else if item.labelled != nil, let last = item.utf8.last, !last.isOne(of: ".!?;,"), Substring(item + ":").isBareLabel {
            // `- Option B: counter + base62` over its points: the whole item titles them.
            label = Substring(item + ":")
        } else {
            return nil
        }
        let next = lines[index + 1]
        return Self.indentation(next) > Self.indentation(lines[index]) && next.trimmingWhitespace().isListItem ? label : nil
    }

    /// A paragraph of its own that is one question starting with an asking word (`Why 301 vs
    /// 302?`), or a task (``FlatTextSegmenter/isPrompt(_:)``), over a list, right below it or
    /// after a blank line, whose items state rather than ask: the question, which the list
    /// answers, and the line of the list's first item.
    private func questionOverList(_ text: Substring, at index: Int) -> (question: Substring, list: Int)? {
        guard text.utf8.last == 0x3F || FlatTextSegmenter.isPrompt(text), !text.isListItem,
            index == 0 || lines[index - 1].trimmingWhitespace().isEmpty, (2...25).contains(text.wordCount), !text.containsBytes(". ")
        else { return nil }
        let next = index + 1 < lines.count && lines[index + 1].trimmingWhitespace().isEmpty ? index + 2 : index + 1
        guard next < lines.count, FlatTextSegmenter.isAnsweredByList(text, next: lines[next].trimmingWhitespace()) else { return nil }
        return (text, next)
    }

    /// `- **Hit ratio** — hits over lookups` → `- **Hit ratio**: hits over lookups`: a bold term
    /// set off by a dash defines it, as a colon would; and a line that is only a bold phrase
    /// (`**Key facts**`) labels what follows it, as `Key facts:` would.
    static func boldTermAsLabel(_ text: Substring) -> Substring {
        guard text.containsBytes("**") else { return text }
        let item = text.bulletText ?? text.numberedText ?? text
        guard item.hasBytePrefix("**") else { return text }
        let termStart = item.utf8.index(item.startIndex, offsetBy: 2)
        guard let close = item[termStart...].range(ofBytes: "**") else { return text }
        let term = item[termStart..<close.lowerBound]
        guard !term.isEmpty, term.utf8.count <= 120 else { return text }
        let rest = item[close.upperBound...].trimmingWhitespace()
        if rest.isEmpty, item.startIndex == text.startIndex, let last = term.utf8.last, !last.isOne(of: ".:?!") {
            return Substring("**" + term + "**:")
        }
        guard rest.hasBytePrefix("—") || rest.hasBytePrefix("–") || rest.hasBytePrefix("- ") else { return text }
        let definition = rest.drop { $0 == "—" || $0 == "–" || $0 == "-" }.trimmingWhitespace()
        guard !definition.isEmpty else { return text }
        return Substring(text[..<item.startIndex] + "**" + term + "**: " + definition)
    }

    /// A line, or a list item, that is all one bold question, without its number:
    /// `**3. What is an index?**`, `1. **What is sharding?**` → `What is sharding?`.
    static func boldQuestion(_ text: Substring) -> Substring? {
        guard text.utf8.last == 0x2A else { return nil }
        let item = text.bulletText ?? text.numberedText ?? text
        guard item.hasBytePrefix("**"), item.utf8.count > 4, item.hasSuffix("**") else { return nil }
        let inner = item.dropFirst(2).dropLast(2).trimmingWhitespace()
        // `**Q: …?**` is read as any `Q:` line is.
        guard !inner.containsBytes("**"), !inner.startsQuestion else { return nil }
        return question(inHeading: inner)
    }

    /// A list item that asks a question with its answer indented under it
    /// (`1. What is a cache stampede?` over `   Many requests miss …` or a nested list, or
    /// `- **Q: …?**` over `  **A:** …`, right under it or, in a loose list, after a blank line),
    /// or right under it as a line of prose that goes on the item's paragraph without an indent
    /// (a lazy continuation line): the question, without its `Q:`.
    private func listQuestion(_ text: Substring, at index: Int) -> Substring? {
        guard text.utf8.last == 0x3F || text.utf8.last == 0x2A, index + 1 < lines.count,
            let item = text.bulletText ?? text.numberedText
        else { return nil }
        // In a loose list the answer is a paragraph of the item, indented, after a blank line.
        let loose = lines.trimmed(index + 1).isEmpty && index + 2 < lines.count
        let next = lines[index + (loose ? 2 : 1)]
        let nextText = next.trimmingWhitespace()
        let continuesItem = !loose && Self.continuesParagraph(nextText) && !Self.isThematicBreak(nextText) && nextText.utf8.last != 0x3F
        guard !nextText.isEmpty, Self.indentation(next) > Self.indentation(lines[index]) || continuesItem else { return nil }
        let asked = text.utf8.last == 0x3F ? item : Self.plainInline(item)
        guard asked.utf8.last == 0x3F else { return nil }
        return asked.questionText
    }

    /// A paragraph that opens with a question on a line of its own (`Why not call time.sleep in
    /// a coroutine?` over `It blocks the event loop …`), as note apps that keep line breaks show
    /// it, or a question that is a paragraph of its own over its answer's: one sentence that
    /// starts with an asking word, after a blank line or a heading, over a line of prose (past
    /// blank lines) that asks nothing and leads into nothing (no `?` or `:` at its end); the
    /// answer may open as a label does (`Token bucket: it is cheap …`). The lines below answer
    /// it, as they answer a bold question.
    ///
    /// A task set the same way, without a question mark (`Explain how a B-tree speeds up a range
    /// query.`, ``FlatTextSegmenter/isPrompt(_:)``), asks too, unless it is a sentence wrapped
    /// onto a lower-case line (`Define a helper that …` / `the reader would.`).
    private func paragraphQuestion(_ text: Substring, at index: Int) -> Substring? {
        let isTask = text.utf8.last != 0x3F
        guard !isTask || FlatTextSegmenter.isPrompt(text), index > 0, FlatTextSegmenter.isBareSentence(text),
            FlatTextSegmenter.askingWords.contains(text.prefix { $0.isLetter }.lowercased())
        else { return nil }
        let previous = lines[index - 1].trimmingWhitespace()
        guard previous.isEmpty || Self.heading(previous) != nil, let answer = nextTextLine(after: index) else { return nil }
        // An answer set off as a quote (`> A set of consumers that …`) answers as prose does.
        let next = Self.withoutQuoteMarkers(lines.trimmed(answer))
        // An answer laid out under labels opens with a part of one (`Pros:`, `**Example**`).
        let opensWithPart = (next.utf8.last == 0x3A || next.utf8.last == 0x2A) && ItemExtractor.namesAnswerPart(Self.plainInline(Self.boldTermAsLabel(next)))
        guard Self.continuesParagraph(next), !Self.isThematicBreak(next), MarkdownCallouts.marker(next) == nil,
            let last = next.utf8.last, last != 0x3F, last != 0x3A || opensWithPart, !isTask || next.first?.isLowercase != true
        else { return nil }
        return Self.plainInline(text)
    }

    /// Asks `question`, which the lines below answer. A task (`Describe exactly-once delivery.`)
    /// has no question mark to open its answer, so an answer marker does.
    private func ask(_ question: Substring, line: Int, into blocks: inout some GuideBlockSink) {
        blocks.consume(.text("Q: " + Self.plainInline(question), line: line))
        if question.utf8.last != 0x3F { blocks.consume(.text("A:", line: line)) }
    }

    /// The next line after `index` that is not blank.
    private func nextTextLine(after index: Int) -> Int? {
        lines.indices[(index + 1)...].first { lines.firstVisibleByte($0) != nil }
    }

    /// Whether `text` is a short question that is a paragraph of its own over a fenced block of
    /// code (`What does this print?`, a blank line, a fence): it asks about the code, and ends
    /// the answer open before it.
    private func asksOverCode(_ text: Substring, at index: Int) -> Bool {
        guard index > 0, index + 1 < lines.count, lines.firstVisibleByte(index + 1) == nil, ItemExtractor.asksAboutCode(text),
            FlatTextSegmenter.isBareSentence(text)
        else { return false }
        let previous = lines.trimmed(index - 1)
        guard previous.isEmpty || Self.heading(previous) != nil, let code = nextTextLine(after: index) else { return false }
        return Self.fence(lines.trimmed(code)) != nil
    }

    /// A bold line or list item that sets a task (`**Write a query that …**`, `- **Find …**`,
    /// or any numbered one: `2. **Running total per day**`) with a block of code next, after
    /// blank lines: the task, which the code carries out.
    private func boldTask(_ text: Substring, at index: Int) -> Substring? {
        guard text.utf8.last == 0x2A else { return nil }
        let numbered = text.numberedText
        let item = numbered ?? text.bulletText ?? text
        guard item.hasBytePrefix("**"), item.utf8.count > 4, item.hasSuffix("**") else { return nil }
        let task = item.dropFirst(2).dropLast(2).trimmingWhitespace()
        guard !task.containsBytes("**"), task.wordCount >= 3, !task.hasSuffix(":"), !task.hasSuffix("?") else { return nil }
        if numbered == nil {
            guard let verb = task.split(separator: " ", maxSplits: 1).first, Self.taskVerbs.contains(verb.lowercased()) else { return nil }
        }
        let next = ((index + 1)..<lines.count).first { !lines[$0].trimmingWhitespace().isEmpty }
        guard let next, Self.fence(lines[next].trimmingWhitespace()) != nil else { return nil }
        return Self.plainInline(task)
    }

    /// The verbs a practice task starts with.
    static let taskVerbs: Set<String> = [
        "write", "find", "return", "list", "count", "calculate", "compute", "get", "show", "select", "rank", "implement",
        "retrieve", "display", "fetch", "identify", "delete", "update", "insert", "create", "build", "design", "reverse",
        "merge", "sort", "remove", "detect", "determine", "print", "generate", "convert", "parse", "compare",
    ]

    /// How many spaces and tabs a line starts with.
    static func indentation(_ line: Substring) -> Int {
        line.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
    }

    /// `1. What is an ISR?<br>**Answer:** The replicas …`: a question, a line break written as
    /// `<br>`, then its answer, on one line of the source, as lists and tables that must keep
    /// an entry on one line write them. The question loses its list marker and `Q:`, the
    /// answer what announces it (``ItemExtractor/answerOpening(_:)``).
    static func questionOverBreak(_ line: Substring) -> (question: Substring, answer: Substring)? {
        guard line.utf8.contains(0x3C), let open = line.range(of: "<br", options: .caseInsensitive),
            let close = line[open.upperBound...].firstIndex(of: ">")
        else { return nil }
        let asked = plainInline(line[..<open.lowerBound].trimmingWhitespace())
        let question = (asked.bulletText ?? asked.numberedText ?? asked).questionText
        guard question.hasSuffix("?"), question.wordCount >= 2 else { return nil }
        let rest = plainInline(withoutTags(line[line.index(after: close)...]))
        let answer = ItemExtractor.answerOpening(rest)
        guard answer.wordCount >= 2 else { return nil }
        return (question, answer)
    }

    /// `**What is an ISR?** The replicas that …`, as a paragraph or a list item
    /// (`1. **Q: Why …?** Because …`): a bold question with its answer after it on the line.
    /// The question loses its list marker and `Q:`, the answer what announces it
    /// (``ItemExtractor/answerOpening(_:)``).
    static func boldQuestionWithAnswer(_ line: Substring) -> (question: Substring, answer: Substring)? {
        // Asked of every line of prose: the bold must end on the question's mark.
        guard line.containsBytes("?**") else { return nil }
        let item = line.bulletText ?? line.numberedText ?? line
        guard item.hasBytePrefix("**"), let close = item.dropFirst(2).range(ofBytes: "**") else { return nil }
        let question = item[item.index(item.startIndex, offsetBy: 2)..<close.lowerBound].trimmingWhitespace().questionText
        guard question.hasSuffix("?"), question.wordCount >= 2, !question.containsBytes("*") else { return nil }
        let answer = ItemExtractor.answerOpening(plainInline(item[close.upperBound...].trimmingWhitespace()))
        // `**Where did the data come from?** (upstream sources)` glosses a question, it does not answer it.
        guard answer.wordCount >= 2, !(answer.hasPrefix("(") && answer.hasSuffix(")")) else { return nil }
        return (plainInline(question), answer)
    }

    /// Whether a line goes on with the paragraph or list item above it: text that starts no
    /// list item, heading, fence, table row, quote or HTML block.
    static func continuesParagraph(_ text: Substring) -> Bool {
        guard let first = text.utf8.first else { return false }
        return !text.isListItem && !first.isOne(of: "#>|<`~") && !text.hasBytePrefix("**") && fence(text) == nil
    }

    /// A heading that asks a question, without its number (`1. What is a CDN?` → `What is a CDN?`).
    static func question(inHeading title: Substring) -> Substring? {
        guard title.hasSuffix("?") else { return nil }
        return title.numberedText ?? title
    }

    /// The heading at line `index` when it sets a question as a task (`Explain MVCC.`,
    /// ``FlatTextSegmenter/isPrompt(_:)``) and reads as one: it ends as a sentence does, or a
    /// heading beside it, at its level under the same parent, asks with a question mark. Step
    /// headings (`4. Define the handler`) and a form's (`Describe the bug`) ask nothing.
    private func task(inHeading title: Substring, at index: Int, level: Int, in headings: [(line: Int, level: Int)]) -> Substring? {
        let task = title.numberedText ?? title
        guard FlatTextSegmenter.isPrompt(task) else { return nil }
        if task.utf8.last == 0x2E { return task }
        guard let position = headings.firstIndex(where: { $0.line == index }) else { return nil }
        func asks(_ heading: (line: Int, level: Int)) -> Bool {
            heading.level == level && Self.heading(lines[heading.line].trimmingWhitespace())?.1.hasSuffix("?") == true
        }
        let before = headings[..<position].reversed().prefix { $0.level >= level }
        let after = headings[(position + 1)...].prefix { $0.level >= level }
        return before.contains(where: asks) || after.contains(where: asks) ? task : nil
    }

    /// Tags that lay out a page (`<details>`, `<summary>Answer</summary>`, `<br>`): a line of
    /// them keeps only its text, and none when that text is a label such as "Answer".
    static func withoutHTMLTags(_ text: Substring) -> Substring {
        guard text.utf8.first == 0x3C, let name = text.dropFirst().drop(while: { $0 == "/" }).split(whereSeparator: { !$0.isLetter }).first,
            layoutTags.contains(name.lowercased())
        else { return text }
        let rest = withoutTags(text)
        return isRevealLabel(rest) ? "" : rest
    }

    /// Whether a `<summary>`'s text only labels what the `<details>` reveals (`Answer`,
    /// `✅ Solution`, `Show answer`), an emoji before it aside.
    static func isRevealLabel(_ text: Substring) -> Bool {
        revealLabels.contains(text.undecorated.lowercased())
    }

    /// The `</details>` line of a hint that opens at `start` (`<details>` over
    /// `<summary>💡 Hint</summary>`, or both on one line): a hint leads to the answer after it
    /// and is no card of its own.
    private func hintEnd(from start: Int, text: Substring) -> Int? {
        guard text.hasPrefixIgnoringCase("<details") else { return nil }
        let summary = text.containsBytes("<summary") ? text : start + 1 < lines.count ? lines.trimmed(start + 1) : ""
        guard summary.hasPrefixIgnoringCase("<summary") || summary.hasPrefixIgnoringCase("<details"),
            ["hint", "hints"].contains(Self.withoutTags(summary).undecorated.lowercased())
        else { return nil }
        return (start..<min(lines.count, start + 80)).first { Self.closesContainer(lines.trimmed($0)) }
    }

    /// The text of a line of HTML, without its tags.
    static func withoutTags(_ line: Substring) -> Substring {
        var kept = ""
        var inTag = false
        for character in line {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { kept.append(character) }
        }
        return Substring(kept).trimmingWhitespace()
    }

    /// Whether the line closes a container whose content ends there: `</details>`, `</aside>`
    /// (a call-out as Notion exports one), or a call-out's closing `:::`.
    static func closesContainer(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first == 0x3C || first == 0x3A else { return false }
        return text.hasPrefixIgnoringCase("</details") || text.hasPrefixIgnoringCase("</aside")
            || text.utf8.count >= 3 && text.utf8.allSatisfy { $0 == 0x3A }
    }

    /// The question a `<summary>` line asks (`<summary>Why not cache everything?</summary>`),
    /// numbered or not; nil for any other line, and for a label such as "Answer".
    static func revealedQuestion(_ text: Substring) -> Substring? {
        guard text.hasPrefixIgnoringCase("<summary") else { return nil }
        return question(inHeading: withoutHTMLTags(text))
    }

    /// Whether a line only points elsewhere: links and nothing else but separators
    /// (`[English](README.md) ∙ [日本語](README-ja.md)`, `[![build](…)](…) [![docs](…)](…)`,
    /// at least two links or images), a note app's tags (`#caching #interview`), or links and
    /// tags after a label that says so (``navigationLabels``: `Related: [[Databases]]`,
    /// `See also: [B-trees](…)`), or a list item of links under a heading that says so
    /// (`## Related` over `- [[Caching]]`). Wiki links count as links.
    static func isLinkRow(_ text: Substring, underNavigationHeading: Bool) -> Bool {
        guard let first = text.utf8.first else { return false }
        var rest = text
        var labelled = false
        if underNavigationHeading, let item = text.bulletText, let itemFirst = item.utf8.first, itemFirst == 0x5B || itemFirst == 0x23 {
            rest = item
            labelled = true
        } else {
            // A label, emphasised or not (`*Related:*`), and a link or tag right after it; found on
            // the bytes before anything is copied, since most lines have neither.
            let labelEnd: Int? = text.withBytes { bytes in
                guard let colon = bytes.prefix(16).firstIndex(of: 0x3A), colon > 1 else { return nil }
                let after = bytes[(colon + 1)...].first { $0 != 0x20 && $0 != 0x2A && $0 != 0x5F }
                return after == 0x5B || after == 0x23 ? colon : nil
            }
            if let labelEnd, case let colon = text.utf8.index(text.startIndex, offsetBy: labelEnd),
                Self.navigationLabels.contains(text[..<colon].trimmed(of: "*_ ").lowercased())
            {
                rest = text[text.index(after: colon)...].drop { $0 == "*" || $0 == "_" || $0 == " " }
                labelled = true
            } else if !first.isOne(of: "[*_!#") || first != 0x23 && !text.containsBytes("](") && !text.containsBytes("[[") {
                return false
            }
        }
        var remaining = String(rest)
        var links = 0
        var tags = 0
        while let link = remaining.firstMatch(of: /!?\[[^\[\]]*\]\([^()\s]*\)|!?\[\[[^\[\]]+\]\]/) {
            remaining.replaceSubrange(link.range, with: " ")
            links += 1
        }
        while let tag = remaining.firstMatch(of: /(^|\s)#[\w\/-]*[A-Za-z][\w\/-]*/) {
            remaining.replaceSubrange(tag.range, with: " ")
            tags += 1
        }
        guard !remaining.contains(where: { $0.isLetter || $0.isNumber }) else { return false }
        return links >= 2 || links + tags >= 1 && (labelled || tags >= 1)
    }

    /// Labels of a line that links a note to others (``isLinkRow(_:)``), lower-cased. `Next:`
    /// is not one: it names the guide that follows (``Guide/next``).
    static let navigationLabels: Set<String> = ["related", "see also", "tags", "links", "parent", "backlinks"]

    /// The last line of an HTML block that shows an image, when one opens at `start`: a `<p>`,
    /// `<div>`, `<figure>` or `<center>` up to its closing tag, with an `<img` in it. Pages
    /// ported from the web lay out a diagram and its caption (`Source: …`) this way.
    private func figureEnd(from start: Int, text: Substring) -> Int? {
        guard let tag = ["p", "div", "figure", "center"].first(where: { tag in
            text.hasPrefix("<" + tag) && text.utf8.dropFirst(tag.utf8.count + 1).first.map { $0 == 0x3E || $0 == 0x20 } == true
        }) else { return nil }
        var sawImage = false
        for index in start..<min(lines.count, start + 16) {
            let line = lines.trimmed(index)
            if line.isEmpty { return nil }
            sawImage = sawImage || line.containsBytes("<img")
            if line.range(of: "</" + tag + ">") != nil { return sawImage ? index : nil }
        }
        return nil
    }

    /// A line that only shows an image (`![architecture](img/arch.png)`): nothing to drill.
    static func isImage(_ text: Substring) -> Bool {
        text.hasBytePrefix("![") && text.utf8.last == 0x29 && text.containsBytes("](")
    }

    /// A task list item without its box: `- [x] Read about queues` → `- Read about queues`.
    static func withoutTaskMarker(_ text: Substring) -> Substring {
        guard let item = text.bulletText, item.hasBytePrefix("[ ] ") || item.hasPrefixIgnoringCase("[x] ") else { return text }
        return Substring(text[..<item.startIndex] + item.dropFirst(4))
    }

    static let layoutTags: Set<String> = [
        "details", "summary", "div", "p", "br", "hr", "span", "b", "strong", "i", "em", "kbd", "img", "a", "center", "aside", "article", "section",
    ]
    /// What a `<summary>` says when it only labels what its `<details>` reveal: an answer's
    /// labels (``ItemExtractor/answerLabels``) or another label of a folded block.
    static let revealLabels = ItemExtractor.answerLabels.union(["show answer", "show solution", "click to expand", "hint", "details", "spoiler"])

    /// A block quote's text without its `>` markers (`> > text` → `text`).
    static func withoutQuoteMarkers(_ text: Substring) -> Substring {
        var rest = text
        while rest.utf8.first == 0x3E { rest = rest.dropFirst().trimmingWhitespace() }
        return rest
    }

    /// The fence marker (```` ``` ```` or `~~~`, possibly longer) when the line opens or closes one.
    static func fence(_ text: Substring) -> Substring? {
        guard let first = text.utf8.first, first == 0x60 || first == 0x7E else { return nil }
        let marker = text.utf8.prefix { $0 == first }
        guard marker.count >= 3 else { return nil }
        return text[marker.startIndex..<marker.endIndex]
    }

    /// `## Title` → (2, "Title").
    static func heading(_ text: Substring) -> (Int, Substring)? {
        guard text.utf8.first == 0x23 else { return nil }
        let hashes = text.utf8.prefix { $0 == 0x23 }
        guard hashes.count <= 6, hashes.endIndex < text.utf8.endIndex, text.utf8[hashes.endIndex] == 0x20 else { return nil }
        var title = text[hashes.endIndex...].trimmingWhitespace()
        while title.utf8.last == 0x23 { title = title.dropLast() }
        return (hashes.count, title.trimmingWhitespace())
    }

    /// A line of an indented code block: four spaces or a tab before its text.
    static func isIndentedCode(_ line: Substring) -> Bool {
        line.hasBytePrefix("    ") || line.hasBytePrefix("\t")
    }

    /// An indented code block that starts at `start`: its lines indented by four spaces or a
    /// tab, with the blank lines between them, that indentation removed.
    private func indentedCode(from start: Int) -> (GuideBlock, Int)? {
        guard Self.isIndentedCode(lines[start]), !lines[start].trimmingWhitespace().isEmpty else { return nil }
        var end = start
        var last = start
        while end < lines.count, Self.isIndentedCode(lines[end]) || lines[end].trimmingWhitespace().isEmpty {
            if !lines[end].trimmingWhitespace().isEmpty { last = end }
            end += 1
        }
        let body = lines[start...last].map { $0.hasBytePrefix("\t") ? $0.dropFirst() : Self.removingIndent(4, from: $0) }
        let code = body.joinedLines()
        return (.code(language: Self.languageName("", code: code), code: code, lines: (start + 1)...(last + 1)), last + 1)
    }

    private func fencedCode(from start: Int, fence: Substring) -> (GuideBlock, Int) {
        let info = lines[start].trimmingWhitespace().dropFirst(fence.count).trimmingWhitespace()
        let indent = lines[start].prefix { $0 == " " }.count
        var end = start + 1
        var body: [Substring] = []
        while end < lines.count {
            let text = lines[end].trimmingWhitespace()
            if text.hasPrefix(fence), text.allSatisfy({ $0 == fence.first }) { break }
            body.append(Self.removingIndent(indent, from: lines[end]))
            end += 1
        }
        let language = Self.fenceLanguage(info)
        let code = body.joinedLines()
        let last = min(end + 1, lines.count)
        return (.code(language: Self.languageName(language, code: code), code: code, lines: (start + 1)...max(last, start + 1)), end + 1)
    }

    private static func removingIndent(_ count: Int, from line: Substring) -> Substring {
        var result = line
        var removed = 0
        while removed < count, result.first == " " {
            result = result.dropFirst()
            removed += 1
        }
        return result
    }

    /// The language a fence's info string names: its first word, also when written as
    /// attributes (`{.python .numberLines}`, Quarto's `{python}`) or with a file name after a
    /// colon (`python:cache.py`); lower case.
    static func fenceLanguage(_ info: Substring) -> String {
        let word = info.drop { $0 == "{" || $0 == "." || $0 == " " }.prefix { !" ,:{}".contains($0) }
        return word.lowercased()
    }

    /// Normalises a fence's language tag; an untagged fence is guessed from its first line, or
    /// for brace code from words only its language uses ("text" when nothing tells).
    static func languageName(_ tag: String, code: String) -> String {
        switch tag {
        case "py", "py3", "python3", "python":
            return PythonSession.isPrompt(code.prefix { $0 != "\n" }) ? PythonSession.language : "python"
        case "pycon", "pytb", "python-console", "ipython", "ipython3": return PythonSession.language
        case "sh", "bash", "zsh", "console", "shell": return "shell"
        case "postgresql", "sql", "psql": return "sql"
        case "docker": return "dockerfile"
        case "env", ".env": return "dotenv"
        case "": break
        default: return tag
        }
        let lines = code.split(separator: "\n").map { $0.trimmingWhitespace() }
        if let found = ConfigurationCode.block(from: 0, count: lines.count, text: { lines[$0] })
            ?? CommandCode.block(from: 0, count: lines.count, text: { lines[$0] }), found.end == lines.count
        {
            return found.language
        }
        let first = lines.first ?? ""
        if PythonSession.isPrompt(first) { return PythonSession.language }
        if CodeLineClassifier.startsSQL(first) { return "sql" }
        if CodeLineClassifier.startsHTTP(first) || CodeLineClassifier.isRequestLine(first) { return "http" }
        if CodeLineClassifier.isShell(first) { return "shell" }
        let second = lines.count > 1 ? lines[1] : ""
        if CodeLineClassifier.opensRedisBlock(first, next: second) { return "redis" }
        if !BraceCode.leadsIntoHeader(first, next: second), CodeLineClassifier.startsPython(PythonLine(first), raw: first) { return "python" }
        return BraceCode.language(of: lines)
    }

    /// Removes emphasis and highlight markers (`**bold**`, `*italic*`, `==marked==`), turns
    /// `[text](url)` into `text (url)` and a wiki link into the text it shows (`[[Page|alias]]`
    /// → `alias`), drops embedded files (`![[diagram.png]]`) and footnote references (`[^1]`),
    /// decodes HTML entities (`&amp;`) and drops `<br>` tags; code spans keep their backticks
    /// and what is in them, and `__dunder__` names are left alone.
    static func plainInline(_ text: Substring) -> Substring {
        let bytes = text.utf8
        // Most lines have no markup: keep them as they are, without copying.
        guard MarkdownInline.mayHoldMarkup(text) else { return text }
        var result = ""
        result.reserveCapacity(bytes.count)
        var copied = bytes.startIndex
        var index = bytes.startIndex
        var inCode = false
        // The closing star of the single-star emphasis open here, dropped when reached.
        var emphasisClose: String.Index?
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == 0x60 {
                inCode.toggle()
            } else if !inCode, byte == 0x2A, next < bytes.endIndex, bytes[next] == 0x2A {
                result += text[copied..<index]
                index = bytes.index(after: next)
                copied = index
                continue
            } else if !inCode, byte == 0x5B, let end = MarkdownInline.footnoteReferenceEnd(in: text, at: index) {
                // `[^1]`: a pointer to a footnote, no text.
                result += text[copied..<index]
                index = end
                copied = end
                continue
            } else if !inCode, byte == 0x5B, let (shown, end) = MarkdownInline.wikiLink(in: text, at: index) {
                // `![[diagram.png]]` embeds a file: nothing to read.
                let embeds = index > bytes.startIndex && bytes[bytes.index(before: index)] == 0x21
                result += text[copied..<(embeds ? bytes.index(before: index) : index)]
                result += embeds ? "" : shown
                index = end
                copied = end
                continue
            } else if !inCode, byte == 0x3D, next < bytes.endIndex, bytes[next] == 0x3D,
                let close = MarkdownInline.highlightEnd(in: text, opening: index)
            {
                // `==LRU==`: the marks are dropped, and what they hold is read as any text is.
                result += text[copied..<index]
                result += plainInline(text[bytes.index(index, offsetBy: 2)..<close])
                index = bytes.index(close, offsetBy: 2)
                copied = index
                continue
            } else if !inCode, byte == 0x5B, let (label, url, end) = link(in: text, at: index) {
                result += text[copied..<index]
                result += label
                if !url.isEmpty && !url.hasPrefix("#") { result += " (\(url))" }
                index = end
                copied = end
                continue
            } else if !inCode, byte == 0x5C, next < bytes.endIndex {
                result += text[copied..<index]
                copied = next
                index = bytes.index(after: next)
                continue
            } else if !inCode, byte == 0x2A,
                let close = index == emphasisClose ? index : emphasisClose == nil ? MarkdownInline.emphasisEnd(in: text, opening: index) : nil
            {
                // The stars of `*italic*` are dropped; what they hold is read as any text is.
                emphasisClose = close == index ? nil : close
                result += text[copied..<index]
                index = next
                copied = next
                continue
            } else if !inCode, byte == 0x26 || byte == 0x3C, let (replacement, end) = MarkdownInline.entityOrBreak(in: text, at: index) {
                result += text[copied..<index]
                result += end == text.endIndex ? "" : replacement
                index = end
                copied = end
                continue
            }
            index = next
        }
        result += text[copied...]
        return Substring(result)
    }

    private static func link(in text: Substring, at start: String.Index) -> (Substring, Substring, String.Index)? {
        guard let closeLabel = text[start...].firstIndex(of: "]") else { return nil }
        let afterLabel = text.index(after: closeLabel)
        guard afterLabel < text.endIndex, text[afterLabel] == "(",
            let closeURL = text[afterLabel...].firstIndex(of: ")")
        else { return nil }
        let label = text[text.index(after: start)..<closeLabel]
        let url = text[text.index(after: afterLabel)..<closeURL].split(separator: " ").first ?? ""
        return (label, url, text.index(after: closeURL))
    }

    /// A thematic break: three or more `-`, `*` or `_`, alone on the line, spaces between allowed
    /// (`---`, `* * *`). Under a line of text, `---` underlines a heading instead (read first).
    static func isThematicBreak(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first == 0x2D || first == 0x2A || first == 0x5F else { return false }
        var count = 0
        for byte in text.utf8 where byte != 0x20 {
            guard byte == first else { return false }
            count += 1
        }
        return count >= 3
    }

    /// The YAML front matter that static-site generators and note apps put at the top of a
    /// file (`---`, `title: …`, `priority: high`, `tags: […]`, `---`): the line after it, and the
    /// title and priority it gives. Nil unless the file opens with `---` and every line up to the
    /// closing `---` (or `...`) reads as YAML.
    static func frontMatter(_ lines: GuideLines) -> (end: Int, title: Substring?, priority: Priority?)? {
        guard lines.count > 2, lines[0].trimmingWhitespace() == "---" else { return nil }
        var title: Substring?
        var priority: Priority?
        for index in 1..<min(lines.count, 80) {
            let raw = lines[index]
            let text = raw.trimmingWhitespace()
            if text == "---" || text == "..." { return index > 1 ? (index + 1, title, priority) : nil }
            if text.isEmpty || text.hasBytePrefix("#") || text.hasBytePrefix("- ") || raw.first == " " || raw.first == "\t" { continue }
            guard let (key, value) = text.yamlEntry else { return nil }
            switch key.lowercased() {
            case "title" where !value.isEmpty: title = value.trimmed(of: "\"'")[...]
            case "priority": priority = Priority(text: value.trimmed(of: "\"'"))
            default: break
            }
        }
        return nil
    }
}

extension GuideBlock {
    var isBlank: Bool {
        if case .blank = self { return true }
        return false
    }
}

private extension Substring {
    /// `key: value` as YAML writes it: a key of letters, digits, `_` or `-`, a colon, and the
    /// value (empty when a nested block follows).
    var yamlEntry: (key: Substring, value: Substring)? {
        guard let colon = firstIndex(of: ":") else { return nil }
        let key = self[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return (key, self[index(after: colon)...].trimmingWhitespace())
    }
}
