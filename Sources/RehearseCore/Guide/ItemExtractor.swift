import Foundation

/// Turns a segmented guide (headings, prose lines, code) into the ``Guide`` model: the
/// section tree and every item, whichever format the guide came from.
struct ItemExtractor: GuideBlockSink {
    private let guideID: String
    private var sections: [Section] = []
    private var sectionPath: [String] = []
    /// The heading level of each section of ``sectionPath``, increasing.
    private var sectionLevels: [Int] = []
    /// Item ids hash the guide id and the section path joined by U+001F before the item's
    /// own parts: that much is hashed once per section.
    private var sectionHasher: StableID.Hasher
    private var items: [GuideItem] = []
    private var usedIDs: [UInt64: Int] = [:]
    private var open: OpenConstruct?
    /// Whether the block before the current one was a blank line: a line after it starts
    /// afresh, it does not continue a wrapped line.
    private var afterBlank = false
    private var pendingCaption: String?
    /// A paragraph that was one short question (`What does this print?`), held over the blank
    /// lines after it: code next is what it asks about, as code right under it is; anything
    /// else gets the paragraph as it was.
    private var questionOverBlank: OpenConstruct?
    private var priority: Priority?
    /// The most bytes of a section's code that the code after it is set up with.
    static let sectionCodeLimit = 16 * 1024
    /// The setup of the last claims found, their line, and the calls of what the setup made
    /// that its claims have run so far, for the claim lines that follow.
    private var claimSetup: (code: String, line: Int, calls: [String])?
    /// The section's last block of Python, and the names it binds at its top level once a
    /// claim has asked (``sectionSetup(for:)``).
    private var sectionCode: (code: String, names: Set<Substring>?)?
    /// What the section's prose binds in code spans (``ClaimParser/bindingSpans(in:)``), in
    /// order, each with the names it binds.
    private var spanSetups: [(statement: String, names: Set<Substring>)] = []
    private var next: String?
    /// What kind of main section the items are in, worked out once per section.
    private var inResources = false
    private var inNotes = false
    /// The problem posed (`Scenario: …`) that the open answer answers: the heading level of the
    /// section it was posed in, whose subsections (`### Setup`) go on answering it, and whether
    /// code has answered it yet (until then a `Question:` asks about it).
    private var posedProblem: (level: Int, answered: Bool)?

    /// `lineCount` sizes the item list: see ``reservedItems(forLines:)``.
    init(guideID: String, lineCount: Int) {
        self.guideID = guideID
        sectionHasher = Self.hasher(guideID: guideID, sectionPath: [])
        items.reserveCapacity(Self.reservedItems(forLines: lineCount))
    }

    /// Room for one item every two lines, the densest guide seen (the awkward-case fixture).
    /// A list that outgrows its room copies itself into one twice the size, briefly holding
    /// both; reserved room that stays unused is address space the system never backs with
    /// memory, so reserving generously costs less than growing.
    static func reservedItems(forLines lineCount: Int) -> Int {
        lineCount / 2 + 16
    }

    /// Items are emitted when complete, so an answer holding a code block comes after the
    /// block; they are put back in line order, stably and in place. An item is rarely more
    /// than a few places late, so insertion is linear in practice and needs no scratch copy
    /// of the list, as the standard library's merge sort would.
    static func sortByFirstLine(_ items: inout [GuideItem]) {
        guard items.count > 1 else { return }
        for position in 1..<items.count {
            let firstLine = items[position].lines.lowerBound
            var target = position
            while target > 0, items[target - 1].lines.lowerBound > firstLine {
                items.swapAt(target, target - 1)
                target -= 1
            }
        }
    }

    /// What is being read and not yet emitted.
    private enum OpenConstruct {
        case question(lines: [Substring], start: Int)
        case answer(question: String, isPrompt: Bool, lines: [Substring], start: Int, end: Int)
        case label(title: Substring, body: [Substring], start: Int, end: Int)
        /// `Label: text` on one line, and the lines its text goes on to: a concept when the
        /// label names one (``isConceptLabel(_:)``), else a term's definition.
        case labelledLine(label: Substring, lines: [Substring], isConcept: Bool, start: Int, end: Int)
        case story(lines: [Substring], start: Int, end: Int)
        /// A table's rows (its header first), each with its line.
        case table(rows: [(cells: [String], line: Int)], start: Int, end: Int)
        case paragraph(lines: [Substring], start: Int, end: Int)
    }

    /// The guide, once every block has been consumed.
    mutating func finish(_ segmented: SegmentedGuide, format: GuideFormat) -> Guide {
        if let held = questionOverBlank { open = held }
        flush()
        Self.sortByFirstLine(&items)
        let extractor = self
        let guideTitle = segmented.header.title ?? guideID.replacingOccurrences(of: "-", with: " ")
        for index in items.indices where items[index].section.isEmpty {
            if case .concept("", let text) = items[index].content { items[index].content = .concept(title: guideTitle, text: text) }
        }
        var warnings = segmented.warnings
        if extractor.sections.isEmpty {
            let found = segmented.header.title == nil ? "no headings found" : "no section headings under the title"
            warnings.append(GuideWarning(line: 1, message: "\(found); every item is filed under the guide itself"))
        }
        return Guide(
            id: extractor.guideID, number: segmented.header.number, title: segmented.header.title,
            priority: extractor.priority ?? segmented.header.priority, format: format, next: extractor.next,
            sections: extractor.sections, items: items, warnings: warnings.sorted { $0.line < $1.line },
            indentationGuesses: segmented.indentationGuesses)
    }

    mutating func consume(_ block: GuideBlock) {
        defer {
            if case .blank = block { afterBlank = true } else { afterBlank = false }
        }
        if let held = questionOverBlank {
            switch block {
            case .blank:
                return
            case .code:
                open = held
            default:
                open = held
                flush()
            }
            questionOverBlank = nil
        }
        switch block {
        case .heading(let level, let title, let line, _):
            // Under a problem posed, a subsection heads (part of) its answer while nothing has
            // answered it yet (`### Setup`), or when it announces the answer (`### Solution`);
            // other subsections are sections of their own.
            if let posed = posedProblem, case .answer(let question, let isPrompt, var lines, let start, _) = open, level > posed.level {
                let announcesAnswer = Self.headsAnswer(title)
                if lines.isEmpty || announcesAnswer {
                    if !announcesAnswer { lines.append(Substring(title)) }
                    open = .answer(question: question, isPrompt: isPrompt, lines: lines, start: start, end: line)
                    return
                }
            }
            flush()
            pendingCaption = nil
            enterSection(level: level, title: title)
        case .code(let language, let code, let lines):
            // An empty fence has nothing to learn: it ends a paragraph as a blank line does.
            guard code.contains(where: { !$0.isWhitespace }) else { return consume(.blank(line: lines.lowerBound)) }
            if case .answer(let question, let isPrompt, var answerLines, let start, _) = open {
                answerLines.append(Substring(code))
                open = .answer(question: question, isPrompt: isPrompt, lines: answerLines, start: start, end: lines.upperBound)
                posedProblem?.answered = true
            } else if case .question(let asked, let start) = open, !asked.isEmpty {
                // `Question: Write a function that …` over code: the code answers it.
                open = .answer(question: asked.joined(separator: " "), isPrompt: false, lines: [Substring(code)], start: start, end: lines.upperBound)
            } else if pendingCaption == nil, case .paragraph(var above, let start, let end) = open, let asked = above.last,
                Self.asksAboutCode(asked)
            {
                // `What does this print?` right over code asks about it: it captions the code.
                above.removeLast()
                open = above.isEmpty ? nil : .paragraph(lines: above, start: start, end: max(start, end - 1))
                flush()
                pendingCaption = String(asked)
            } else {
                flush()
            }
            emit(.code(language: language, code: code, caption: pendingCaption), lines: lines)
            pendingCaption = nil
            if language == PythonSession.language { emitClaims(PythonSession.shown(in: code), of: code, lines: lines) }
            if language == "python" {
                emitClaims(ResultComments.shown(in: code), of: code, lines: lines)
                // Code that uses what the section's code before it made runs after it, as a
                // session's cells do (`gen = countdown(2)` under `def countdown(start):`).
                // Past a bound, a section's code starts afresh.
                if let previous = sectionCode, previous.code.utf8.count < Self.sectionCodeLimit {
                    let names = previous.names ?? Self.topLevelNames(of: previous.code)
                    sectionCode = Self.uses(names, in: code) ? (previous.code + "\n" + code, names.union(Self.topLevelNames(of: code))) : (code, nil)
                } else {
                    sectionCode = (code, nil)
                }
                // A line of Python just before claims sets them up (`x = [3, 1]` / `sorted(x) → [1, 3]`).
                if lines.count == 1, ClaimParser.isSetup(Substring(code)), let chained = sectionCode?.code {
                    claimSetup = (code: chained, line: lines.upperBound, calls: [])
                }
            }
        case .boundary:
            flush()
        case .blank:
            switch open {
            case .paragraph(let lines, _, _):
                if pendingCaption == nil, lines.count == 1, Self.asksAboutCode(lines[0]) {
                    questionOverBlank = open
                    open = nil
                } else {
                    flush()
                }
            case .table, .labelledLine: flush()
            default: break
            }
        case .text(let text, let line):
            consumeText(text, line: line)
        }
    }

    private mutating func consumeText(_ text: Substring, line: Int) {
        for statement in ClaimParser.bindingSpans(in: text) { spanSetups.append((statement, Self.topLevelNames(of: statement))) }
        // A priority line is the guide's priority, and no card, wherever it stands; the first
        // one stated counts.
        if let stated = Self.statedPriority(text) {
            if priority == nil { priority = stated }
            return
        }
        if text.hasPrefixIgnoringCase("next:") {
            flush()
            next = Self.nextGuide(text.dropFirst(5).trimmingWhitespace())
            return
        }
        if text.startsQuestion {
            // `Scenario: …` (and the lines that go on setting it up) over `Question: …`: the
            // scenario sets the question up.
            if posedProblem?.answered == false, case .answer(let problem, _, let lines, let start, _) = open {
                let setup = ([problem[...]] + lines).joinedLines()
                open = .answer(question: setup + "\n" + text.questionText, isPrompt: false, lines: [], start: start, end: line)
                return
            }
            flush()
            let question = text.questionText
            // `Question:` alone on its line: the question is on the lines below it.
            open = question.hasSuffix("?")
                ? .answer(question: String(question), isPrompt: false, lines: [], start: line, end: line)
                : .question(lines: question.isEmpty ? [] : [question], start: line)
            return
        }
        // `Scenario: …` poses a problem to work through: the lines after it answer it.
        if let problem = Self.problemPosed(by: text) {
            flush()
            // A prompt quoted whole (`"Find the top 3 orders …"`) is asked without its quotes.
            let quoted = problem.count > 2 && "\"“".contains(problem.first ?? " ") && "\"”".contains(problem.last ?? " ")
            open = .answer(question: String(quoted ? problem.dropFirst().dropLast() : problem), isPrompt: false, lines: [], start: line, end: line)
            posedProblem = (sectionLevels.last ?? 0, false)
            return
        }
        // `What is X?` then `Answer: …` (or `Answer:` over it): a question asked without a marker.
        if text.startsAnswer, let asked = takeUnmarkedQuestion() {
            let answer = text.answerText
            open = .answer(question: String(asked.question), isPrompt: false, lines: answer.isEmpty ? [] : [answer], start: asked.line, end: line)
            emitClaims(in: answer, setup: nil, line: line)
            return
        }
        if text.startsPrompt {
            flush()
            open = .answer(question: Self.promptQuestion(text), isPrompt: true, lines: [], start: line, end: line)
            return
        }
        if let inline = text.inlinePrompt {
            flush()
            open = .answer(question: inline.prompt, isPrompt: true, lines: [inline.answer], start: line, end: line)
            return
        }
        if text.startsStory {
            flush()
            let story = text.dropFirst("your answer:".count).trimmingWhitespace()
            open = .story(lines: [story], start: line, end: line)
            if !story.leavesQuoteOpen { flush() }
            return
        }
        // `Problem: …` right over `Solution: …` (or `Solution:` over it): the problem asks.
        if case .labelledLine(let label, let problem, _, let start, _) = open, Self.problemLabels.contains(label.lowercased()),
            let solution = Self.afterAnswerLabel(text)
        {
            open = .answer(question: problem.joined(separator: " "), isPrompt: false, lines: solution.isEmpty ? [] : [solution],
                           start: start, end: line)
            return
        }
        if continueOpenConstruct(with: text, line: line) { return }
        startConstruct(with: text, line: line)
    }

    /// The labels of a problem that a `Solution:` line right under it answers.
    static let problemLabels: Set<String> = ["problem", "challenge", "task"]

    /// The question that the open paragraph, or the open answer after its text, ends with (a
    /// line that asks, without a marker), taken out of it, and its line; the rest is flushed.
    private mutating func takeUnmarkedQuestion() -> (question: Substring, line: Int)? {
        switch open {
        case .paragraph(var lines, let start, let end):
            guard let question = lines.last, question.hasSuffix("?") else { return nil }
            lines.removeLast()
            open = lines.isEmpty ? nil : .paragraph(lines: lines, start: start, end: max(start, end - 1))
            flush()
            return (Self.asked(question), end)
        case .answer(let asked, let isPrompt, var lines, let start, let end):
            guard lines.count >= 2, let question = lines.last, question.hasSuffix("?") else { return nil }
            lines.removeLast()
            open = .answer(question: asked, isPrompt: isPrompt, lines: lines, start: start, end: max(start, end - 1))
            flush()
            return (Self.asked(question), end)
        default:
            return nil
        }
    }

    /// A line that asks, as asked: without a list marker or `Q:` (`- Q: What is …?`).
    private static func asked(_ line: Substring) -> Substring {
        (line.bulletText ?? line).questionText
    }

    /// Adds the line to what is open; false when the line starts something else.
    ///
    /// The construct is taken out of `open` while it grows, so that its line array is not
    /// shared and appending to it does not copy it.
    private mutating func continueOpenConstruct(with text: Substring, line: Int) -> Bool {
        guard let construct = open.take() else { return false }
        switch consume construct {
        case .question(var lines, let start):
            if text.startsAnswer {
                let answer = text.answerText
                let question = lines.joined(separator: " ")
                open = .answer(question: question, isPrompt: false, lines: answer.isEmpty ? [] : [answer], start: start, end: line)
                emitClaims(in: answer, setup: nil, line: line)
            } else if lines.isEmpty, text.hasSuffix("?") {
                // The question under a `Question:` line: what follows answers it.
                open = .answer(question: String(text), isPrompt: false, lines: [], start: start, end: line)
            } else {
                lines.append(text)
                open = .question(lines: lines, start: start)
            }
            return true
        case .answer(let question, let isPrompt, var lines, let start, let end):
            // Options under a question, then a marked answer: the options ask with the question.
            if lines.count >= 2, text.startsAnswer, lines.allSatisfy({ ($0.bulletText ?? $0).optionText != nil }) {
                let answer = text.answerText
                open = .answer(question: ([question[...]] + lines).joinedLines(), isPrompt: isPrompt,
                               lines: answer.isEmpty ? [] : [answer], start: start, end: line)
                return true
            }
            // `Scenario: …` (and the lines that set it up) over `Answer: …`: the scenario asks,
            // and the answer starts here.
            if text.startsAnswer, posedProblem?.answered == false {
                let answer = text.answerText
                open = .answer(question: ([question[...]] + lines).joinedLines(), isPrompt: isPrompt,
                               lines: answer.isEmpty ? [] : [answer], start: start, end: line)
                posedProblem?.answered = true
                return true
            }
            var body = text
            if lines.isEmpty { body = Self.answerOpening(text) }
            if isPrompt, !lines.isEmpty, !body.isListItem, body.isBareLabel || body.labelled != nil || body.isTitleLike {
                open = .answer(question: question, isPrompt: isPrompt, lines: lines, start: start, end: end)
                return false
            }
            // A label that names a topic, alone on its line after a blank one (`Sticky sessions:`,
            // a Markdown `**Sticky sessions**`), heads what follows once the answer has said
            // something: an answer that is laid out under labels (`Pros:` / … / `Cons:`) or a
            // part of one (`Example:`, `Why:`) keeps it.
            if afterBlank, !lines.isEmpty, body.isBareLabel, !Self.isConceptLabel(body.dropLast()),
               !lines.contains(where: \.isBareLabel) {
                open = .answer(question: question, isPrompt: isPrompt, lines: lines, start: start, end: end)
                return false
            }
            // A table after the answer's text is a table of its own (an answer that is only a
            // table keeps it).
            if body.hasBytePrefix("|"), let last = lines.last, !last.hasBytePrefix("|") {
                open = .answer(question: question, isPrompt: isPrompt, lines: lines, start: start, end: end)
                return false
            }
            emitClaims(in: body, setup: lines.last, line: line)
            if !body.isEmpty { lines.append(body) }
            open = .answer(question: question, isPrompt: isPrompt, lines: lines, start: start, end: line)
            return true
        case .story(var lines, let start, _):
            lines.append(text)
            open = .story(lines: lines, start: start, end: line)
            // Each line that leaves a quote open toggles the story, as in the segmenter.
            if text.leavesQuoteOpen { flush() }
            return true
        case .table(var rows, let start, let end):
            guard text.hasBytePrefix("|") else {
                open = .table(rows: rows, start: start, end: end)
                return false
            }
            if !Self.isSeparatorRow(text) { rows.append((Self.cells(text), line)) }
            open = .table(rows: rows, start: start, end: line)
            return true
        case .label(let title, var body, let start, let end):
            // A table under a label is a table item; the label captions nothing else. Steps
            // after a label's other lines are a procedure of their own.
            if text.hasBytePrefix("|") || !body.isEmpty && Self.isStep(text) && !Self.isStep(body[body.count - 1]) {
                open = .label(title: title, body: body, start: start, end: end)
                return false
            }
            // A term of its own after a blank line starts a paragraph of its own, and so does one
            // after the label's list (`Cons:` / `- Hot keys …` / `Fix for uneven load: …`).
            if !text.isBareLabel,
                text.isListItem || Self.statesClaim(text)
                    || text.labelled != nil && !text.isTitleLike && !(afterBlank && !body.isEmpty) && body.last?.isListItem != true
                    || body.isEmpty || !afterBlank && body.last.map({ Self.defineInTurn(text, after: $0) }) == true
            {
                emitClaims(in: text, setup: body.last, line: line)
                body.append(text)
            } else if !text.isBareLabel, !afterBlank, let last = body.last, Self.isContinuation(text, after: last) {
                emitClaims(in: text, setup: last, line: line)
                if Self.isLostBulletItem(text, after: last) {
                    body.append(text)
                } else {
                    body[body.count - 1] = Substring(last + " " + text)
                }
            } else if !afterBlank, let last = body.last, Self.isNextSentence(text, after: last) {
                body.append(text)
            } else {
                open = .label(title: title, body: body, start: start, end: end)
                return false
            }
            open = .label(title: title, body: body, start: start, end: line)
            return true
        case .labelledLine(let label, var lines, let isConcept, let start, let end):
            // A concept's text goes on to its next sentences; a definition only to a line it wraps
            // onto; either to the items of a list nested under it (`● Partition: …` / `○ …`), a
            // concept to labelled ones too (`Option A: hash` / `○ Collisions: rehash`).
            let nestedItem = text.isNestedBullet ? text.bulletText.flatMap { isConcept || $0.labelled == nil ? $0 : nil } : nil
            guard let last = lines.last, nestedItem != nil || (isConcept ? Self.isContinuation(text, after: last) : Self.isWrapped(text, after: last)) else {
                open = .labelledLine(label: label, lines: lines, isConcept: isConcept, start: start, end: end)
                return false
            }
            // A nested item reads as a sentence of a definition and as a point of a concept.
            lines.append(nestedItem.map { isConcept ? Substring("- " + $0) : $0 } ?? text)
            open = .labelledLine(label: label, lines: lines, isConcept: isConcept, start: start, end: line)
            return true
        case .paragraph(var lines, let start, let end):
            // A list goes on a paragraph of list items, or one whose last line leads into it ("…:").
            let leadsIn = lines.last?.utf8.last == 0x3A
            guard !text.isBareLabel, !text.hasBytePrefix("|"), text.isListItem == lines.last?.isListItem || !text.isListItem || leadsIn,
                  !Self.definesAfterSentence(text, after: lines.last)
            else {
                open = .paragraph(lines: lines, start: start, end: end)
                return false
            }
            emitClaims(in: text, setup: lines.last, line: line)
            lines.append(text)
            open = .paragraph(lines: lines, start: start, end: line)
            return true
        }
    }

    private mutating func startConstruct(with text: Substring, line: Int) {
        flush()
        if text.hasBytePrefix("|") {
            open = .table(rows: [(Self.cells(text), line)], start: line, end: line)
            return
        }
        if text.isBareLabel {
            open = .label(title: text.dropLast().trimmingWhitespace(), body: [], start: line, end: line)
            return
        }
        // "- Topics to review:" in My Notes asks for notes, as a bare label there does.
        if inNotes, let item = text.bulletText, item.utf8.last == 0x3A, item.utf8.count > 1 {
            emit(.notesPrompt(text: String(item.dropLast().trimmingWhitespace())), lines: line...line)
            return
        }
        if inResources, let item = text.bulletText ?? text.numberedText ?? text.citedText, !item.isEmpty {
            emit(Self.resource(item), lines: line...line)
            return
        }
        if let item = text.bulletText ?? text.numberedText, item.containsBytes("://") {
            emit(Self.resource(item), lines: line...line)
            return
        }
        // `Pod – the smallest unit: …` is defined by its dash, which comes first (``definitions(in:)``).
        let item = text.bulletText ?? text.numberedText ?? text
        if item.dashDefined == nil, let (label, rest) = item.labelled, !rest.containsBytes("://"), !Self.isStepLabel(label) {
            // `Writes: 100M / (30 × 86,400) ≈ 40/s`: a figure of the topic, not what a term means.
            let isConcept = Self.isConceptLabel(label) || rest.utf8.first?.isASCIIDigit == true
            if !isConcept { emitClaims(in: text, setup: nil, line: line) }
            if isConcept || !Self.listsOnlyClaims(rest) {
                open = .labelledLine(label: label, lines: [rest], isConcept: isConcept, start: line, end: line)
            }
            return
        }
        if text.bulletText?.isEmpty == true { return }
        emitClaims(in: text, setup: nil, line: line)
        open = .paragraph(lines: [text], start: line, end: line)
    }

    private mutating func flush() {
        posedProblem = nil
        guard let construct = open else { return }
        open = nil
        switch construct {
        case .question(let lines, let start):
            guard !lines.isEmpty else { return }
            emit(.qa(question: lines.joined(separator: " "), answer: ""), lines: start...start)
        case .answer(let question, let isPrompt, var lines, let start, let end):
            // `Q. …` over `A. …`: the letter marks the answer, unless options follow it (`B. …`).
            if let first = lines.first, first.hasBytePrefix("A. "), lines.count == 1 || lines[1].optionText == nil {
                lines[0] = first.dropFirst(3).trimmingWhitespace()
            }
            // An answer that is one list item (a note app's nested bullet under its question)
            // is that item's text.
            if lines.count == 1, let item = lines[0].bulletText, !item.isEmpty { lines[0] = item }
            let answer = lines.joinedLines()
            emit(isPrompt ? .prompt(question: question, answer: answer) : .qa(question: question, answer: answer), lines: start...end)
        case .label(let title, let body, let start, let end):
            flushLabel(title: title, body: body, lines: start...end)
        case .labelledLine(let label, let lines, let isConcept, let start, let end):
            // A concept's nested items stay a list under its text; all else runs on as sentences.
            let text = isConcept ? Self.joinedKeepingItems(lines) : lines.joined(separator: " ")
            if isConcept {
                emit(.concept(title: String(label), text: text), lines: start...end)
            } else {
                // `Definition: …` under a heading defines the heading's topic; before any
                // heading, it says what the guide is about (a concept titled by the guide).
                let definesTopic = Self.definesSection(label)
                if definesTopic, sectionPath.isEmpty {
                    emit(.concept(title: "", text: text), lines: start...end)
                } else {
                    let term = definesTopic ? sectionPath.last ?? String(label) : String(label)
                    emit(.definition(term: term, definition: text, context: nil), lines: start...end)
                }
            }
        case .story(let lines, let start, let end):
            let text = lines.joined(separator: " ").trimmed(of: "\"“” ")
            emit(.story(text: text), lines: start...end)
        case .table(let rows, let start, let end):
            guard let header = rows.first else { return }
            let cells = rows.map(\.cells)
            if let deck = Self.deckColumns(cells) {
                // Flashcards: each row's question cell asks, its answer cell answers; a header
                // row that only names the columns (`Question | Answer`) is no card.
                for row in rows where row.line != start || !deck.named && !Self.namesColumns(header.cells) {
                    emit(.qa(question: row.cells[deck.question], answer: row.cells[deck.answer]), lines: row.line...row.line)
                }
                return
            }
            if Self.isGlossary(cells) {
                // A glossary: each row defines the term of its first cell.
                for row in rows.dropFirst() {
                    emit(.definition(term: row.cells[0], definition: row.cells[1], context: sectionPath.last), lines: row.line...row.line)
                }
                return
            }
            emit(.table(header: header.cells, rows: rows.dropFirst().map(\.cells)), lines: start...end)
        case .paragraph(let lines, let start, let end):
            // A list of two or more `Term — meaning` (or `Term: meaning`) items defines its terms.
            // So does a paragraph of two or more `Term - meaning` lines, a glossary without markers.
            if lines.count >= 2, lines.allSatisfy({ $0.isListItem }) || lines.allSatisfy({ $0.dashDefined != nil }),
                let defined = Self.definitions(in: lines)
            {
                for ((term, definition), line) in zip(defined, start...end) {
                    emit(.definition(term: String(term), definition: String(definition), context: sectionPath.last), lines: line...line)
                }
                return
            }
            // Claims are cards already, one per claim: the concept is the rest of the paragraph.
            let prose = lines.filter { !Self.statesClaim($0) }
            // Before the first heading a concept is titled by the guide (see ``finish(_:format:)``).
            let title = sectionPath.last ?? ""
            guard !prose.isEmpty else { return }
            let text = prose.joinedLines()
            guard text.count >= 24 else { return }
            emit(.concept(title: title, text: text), lines: start...end)
        }
    }

    /// Whether `line`, right over code, asks about it (`What does this print?`) or sets the task
    /// it does (`Define a unique constraint on email.`): a short question or task that states no
    /// claim of its own.
    static func asksAboutCode(_ line: Substring) -> Bool {
        (line.utf8.last == 0x3F || FlatTextSegmenter.isPrompt(line)) && line.wordCount <= 12 && !statesClaim(line)
    }

    /// Whether a label's title is a short label and a name (`Option B: counter + base62`), not
    /// one that leads into a list with a sentence (`Completion: The sequence completes when`).
    private static func namesWithLabel(_ title: Substring) -> Bool {
        guard let (label, text) = title.labelled else { return false }
        return label.wordCount <= 3 && text.wordCount <= 3
    }

    /// `lines` run on as one text, but for the list items among them, each on a line of its own.
    private static func joinedKeepingItems(_ lines: [Substring]) -> String {
        var text = ""
        for line in lines {
            if !text.isEmpty { text += line.hasBytePrefix("- ") ? "\n" : " " }
            text += line
        }
        return text
    }

    private mutating func flushLabel(title: Substring, body: [Substring], lines: ClosedRange<Int>) {
        if inNotes {
            emit(.notesPrompt(text: String(title)), lines: lines)
            return
        }
        let filled = body.filter { ($0.bulletText ?? $0).isEmpty == false }
        if filled.isEmpty {
            pendingCaption = String(title)
            return
        }
        if let definitions = Self.definitions(in: filled) {
            var line = lines.lowerBound
            for (term, definition) in definitions {
                line += 1
                emit(.definition(term: String(term), definition: String(definition), context: String(title)), lines: line...line)
            }
            return
        }
        // Lines that each state a claim (`len({1, 2}) → 2`) are cards of their own already.
        if filled.allSatisfy(Self.statesClaim) { return }
        // A sentence that leads into a list ("Keeping copies of data on several machines:") is
        // part of the answer, not its name: the section names the card. A qualifier in
        // brackets ("Isolation levels (weakest to strongest)") does not make a name a sentence,
        // nor does a short label's short text ("Option B: counter + base62").
        if title.outsideBrackets.wordCount >= 5, !Self.namesWithLabel(title), let section = sectionPath.last {
            emit(.concept(title: section, text: ([title + ":"] + filled).joinedLines()), lines: lines)
            return
        }
        emit(.concept(title: String(title), text: filled.joinedLines()), lines: lines)
    }

    /// `Priority: HIGH`, `**Priority:** HIGH`, `Priority: **High**` and the like, alone on
    /// their line or as one field of a short line of facts about the guide
    /// (`Last reviewed: March 2026 · Priority: HIGH`, fields split by ` · `, ` | ` or ` • `).
    static func statedPriority(_ text: Substring) -> Priority? {
        if let priority = fieldPriority(text) { return priority }
        // Asked of every line: only a short line that names a priority is split.
        guard text.utf8.count <= 160, namesPriority(text) else { return nil }
        for separator in [" · ", " | ", " • "] where text.contains(separator) {
            for field in text.split(separator: separator) {
                if let priority = fieldPriority(field.trimmingWhitespace()) { return priority }
            }
        }
        return nil
    }

    /// Whether `priority`, in any case, stands in the text; read on its bytes.
    private static func namesPriority(_ text: Substring) -> Bool {
        text.withBytes { bytes in
            // `p` then "riority", any case: most lines hold no `p` to look past.
            var start = 0
            while start + 7 < bytes.count {
                if bytes[start] | 0x20 == 0x70, bytes[start + 1] | 0x20 == 0x72, bytes[start + 2] | 0x20 == 0x69,
                    bytes[start + 3] | 0x20 == 0x6F, bytes[start + 4] | 0x20 == 0x72, bytes[start + 5] | 0x20 == 0x69,
                    bytes[start + 6] | 0x20 == 0x74, bytes[start + 7] | 0x20 == 0x79
                {
                    return true
                }
                start += 1
            }
            return false
        }
    }

    /// ``statedPriority(_:)`` of one field: it starts with the label.
    private static func fieldPriority(_ text: Substring) -> Priority? {
        // Looks at the field's first bytes, and copies nothing: most lines are let go by the first.
        guard let first = text.utf8.first, first | 0x20 == 0x70 || first == 0x2A || first == 0x5F else { return nil }
        func emphasis(_ character: Character) -> Bool { character == "*" || character == "_" }
        let label = text.drop(while: emphasis)
        guard label.hasPrefixIgnoringCase("priority") else { return nil }
        let colon = label.dropFirst("priority".count).drop(while: emphasis)
        guard colon.first == ":" else { return nil }
        return Priority(text: colon.dropFirst().drop { emphasis($0) || $0 == " " || $0 == "\t" })
    }

    /// Emits the claims of a line. Their setup is the line before when it is Python that
    /// sets something up, the statements before the claims on the same line, or else the
    /// setup of the claims on the line just above: a run of claim lines shares the setup
    /// given at its start, until a line of prose ends it. The claims run in order, as a
    /// session's lines do where one changes what the setup made: a claim that calls a method of
    /// a name the setup assigned (`x.pop() → 2` after `x = [1, 2]`) or advances an iterator
    /// (`next(it) → 1`) is part of the setup of the claims after it (`x → [1]`, `next(it) → 2`),
    /// unless it raised. A call of what the setup made (`fib(30)`, a function it defines) stands
    /// alone, but a claim further on that looks at what the setup made other than by calling it
    /// (`len(fib.cache)`, `len(calls)`, `add.last`) runs after the calls before it: what it looks
    /// at may be what they changed.
    private mutating func emitClaims(in text: Substring, setup: Substring?, line: Int) {
        let parsed = ClaimParser.claims(in: text)
        guard !parsed.claims.isEmpty else { return }
        var setupCode = setup.flatMap { ClaimParser.isSetup($0) ? String($0) : nil }
        // A setup line that uses what the section's code made runs after it.
        if let setupLine = setupCode, let section = sectionSetup(for: [setupLine]) { setupCode = section + "\n" + setupLine }
        var calls: [String] = []
        if setupCode == nil, let carried = claimSetup, carried.line == line - 1 { (setupCode, calls) = (carried.code, carried.calls) }
        if setupCode == nil { setupCode = sectionSetup(for: parsed.claims.map(\.expr) + parsed.setup) }
        if setupCode == nil { setupCode = spanSetup(for: parsed.claims.map(\.expr) + parsed.setup) }
        // What the lines above made, before this line's own statements.
        let base = setupCode
        let separator = setupCode?.contains("\n") == true ? "\n" : "; "
        if !parsed.setup.isEmpty { setupCode = ([setupCode].compactMap { $0 } + parsed.setup).joined(separator: separator) }
        let assigned = setupCode.map(Self.assignedNames) ?? []
        let made = base.map(Self.topLevelNames) ?? []
        for claim in parsed.claims {
            let (callsMade, looks) = Self.uses(of: made, in: claim.expr)
            var setupRun = setupCode
            if looks, !calls.isEmpty, let base, let code = setupCode {
                // The calls ran on the lines above, before this line's own statements.
                setupRun = ([base] + calls).joined(separator: separator) + code.dropFirst(base.count)
            }
            emit(.claim(expr: claim.expr, expected: claim.expected, setup: setupRun), lines: line...line)
            guard let code = setupCode, !PythonSession.isExceptionLine(Substring(claim.expected)) else { continue }
            if Self.changesState(claim.expr, of: assigned) {
                setupCode = code + separator + claim.expr
            } else if callsMade {
                calls.append(claim.expr)
            }
        }
        claimSetup = setupCode.map { (code: $0, line: line, calls: calls) }
    }

    /// Whether `expr` calls one of `names` (`fib(30)`), and whether it uses one otherwise: looks
    /// at it (`len(calls)`, `fib.cache`).
    private static func uses(of names: Set<Substring>, in expr: String) -> (calls: Bool, looks: Bool) {
        guard !names.isEmpty else { return (false, false) }
        var result = (calls: false, looks: false)
        PythonLine(Substring(expr)).forEachReferencedName(insideBrackets: false) { bytes, use in
            guard !use.isKeyword, names.contains(Substring(decoding: bytes, as: UTF8.self)) else { return }
            if use.isCalled { result.calls = true } else { result.looks = true }
        }
        return result
    }

    /// Whether a claim's expression calls a method of one of `names` (`x.pop()`, `gen.send(1)`)
    /// or `next` on one of them: what may change the object, so that the claims after it see
    /// it changed.
    private static func changesState(_ expr: String, of names: Set<Substring>) -> Bool {
        let line = PythonLine(Substring(expr))
        let tokens = line.tokens
        guard tokens.count >= 4, tokens[0].kind == .name else { return false }
        let first = line.word(tokens[0])
        if first == "next", tokens[1].kind == .op("("), tokens[2].kind == .name { return names.contains(line.word(tokens[2])) }
        return names.contains(first) && tokens[1].kind == .op(".") && tokens[2].kind == .name && tokens[3].kind == .op("(")
    }

    /// The names the statements of a claims' setup assign (`it` in `it = iter([1, 2])`), on
    /// its lines or between its `;`.
    private static func assignedNames(in setup: String) -> Set<Substring> {
        var names: Set<Substring> = []
        for line in setup.split(byte: 0x0A) {
            for statement in line.split(separator: ";") {
                names.formUnion(PythonLine(statement.trimmingWhitespace()).assignedRoots.map { Substring($0) })
            }
        }
        return names
    }

    /// The claims a block of code shows: a session's values (``PythonSession/shown(in:)``) or
    /// the results its comments state (``ResultComments/shown(in:)``), each on its own line. Each
    /// runs after the block's statements before it and, when it uses what the section's last
    /// block of Python binds, after that block.
    private mutating func emitClaims(_ shown: [PythonSession.Shown], of code: String, lines: ClosedRange<Int>) {
        guard !shown.isEmpty else { return }
        // A fenced block's lines take in its two fences.
        let firstLine = lines.lowerBound + (lines.count - code.utf8.lazy.filter { $0 == 0x0A }.count - 1) / 2
        for shown in shown {
            let line = min(firstLine + shown.line, lines.upperBound)
            let above = sectionSetup(for: [shown.expr] + (shown.setup.map { [$0] } ?? []))
            let setup = [above, shown.setup].compactMap { $0 }.joinedLines()
            emit(.claim(expr: shown.expr, expected: shown.expected, setup: setup.isEmpty ? nil : setup), lines: line...line)
        }
    }

    /// The section's last block of Python when one of `snippets` uses a name it binds at its
    /// top level (`def countdown(n): …` then `list(countdown(3)) → [3, 2, 1]` or
    /// `>>> countdown(2)`): the setup that runs it first. Its names are worked out once.
    private mutating func sectionSetup(for snippets: [String]) -> String? {
        guard let block = sectionCode else { return nil }
        let names = block.names ?? Self.topLevelNames(of: block.code)
        if block.names == nil { sectionCode = (block.code, names) }
        return snippets.contains { Self.uses(names, in: $0) } ? block.code : nil
    }

    /// What the section's prose bound in code spans that one of `snippets` uses, after the
    /// section's code those statements use (`bucket = TokenBucket(2, 1)` under `class TokenBucket:`).
    private mutating func spanSetup(for snippets: [String]) -> String? {
        let used = spanSetups.filter { span in snippets.contains { Self.uses(span.names, in: $0) } }.map(\.statement)
        guard !used.isEmpty else { return nil }
        return ([sectionSetup(for: used)].compactMap { $0 } + used).joinedLines()
    }

    private mutating func emit(_ content: GuideItem.Content, lines: ClosedRange<Int>) {
        var hasher = sectionHasher
        hasher.startPart(content.kind.rawValue)
        content.hashIdentity(into: &hasher)
        let base = hasher.value
        let occurrence = usedIDs[base, default: 0] + 1
        usedIDs[base] = occurrence
        items.append(GuideItem(hash: base, occurrence: occurrence, section: sectionPath, lines: lines, content: content))
    }

    /// Enters a section headed at `level`: under the sections open at lower levels, beside or
    /// after those at its level or deeper, so that a level skipped (`##` then `####`) nests the
    /// headings below it once, not each under the one before.
    private mutating func enterSection(level: Int, title: String) {
        let level = max(level, 1)
        while let last = sectionLevels.last, last >= level { sectionLevels.removeLast() }
        sectionLevels.append(level)
        let depth = sectionLevels.count
        sectionPath = Array(sectionPath.prefix(depth - 1)) + [title]
        sectionHasher = Self.hasher(guideID: guideID, sectionPath: sectionPath)
        // A "Resources" heading lists resources at any level, up to the next heading beside it.
        inResources = sectionPath.contains { Self.listsResources($0) }
        if depth == 1 { inNotes = Self.isNotes(title) }
        sections.insert(Section(title: title), atPath: depth - 1)
        sectionCode = nil
        spanSetups = []
    }

    /// Each line's term and what it means (`Term: meaning` or `Term — meaning`, a list marker
    /// aside), or nil unless every line has them.
    private static func definitions(in lines: [Substring]) -> [(term: Substring, definition: Substring)]? {
        var definitions: [(term: Substring, definition: Substring)] = []
        definitions.reserveCapacity(lines.count)
        for line in lines {
            let item = line.bulletText ?? line.numberedText ?? line
            // A dash before any colon defines the term (a dash-defined term holds no colon).
            guard let definition = item.dashDefined ?? item.labelled.map({ ($0.label, $0.text) }), !isStepLabel(definition.0) else { return nil }
            definitions.append(definition)
        }
        // Labels that are mostly advice or clauses (`Always use a timeout: …`) list notes, not terms.
        return definitions.count(where: { isConceptLabel($0.term) }) * 2 > definitions.count ? nil : definitions
    }

    private static func hasher(guideID: String, sectionPath: [String]) -> StableID.Hasher {
        var hasher = StableID.Hasher()
        hasher.startPart(guideID)
        hasher.startPart(sectionPath.joined(separator: "\u{1F}"))
        return hasher
    }

    /// Whether a section of this title lists resources to read.
    private static func listsResources(_ title: String) -> Bool {
        // Asked of every title on the path at each heading: only the names' lengths are lowered.
        (5...15).contains(title.utf8.count)
            && ["resources", "references", "further reading", "reading list", "links"].contains(title.lowercased())
    }

    /// Whether the main section is the guide's "My Notes".
    private static func isNotes(_ title: String) -> Bool {
        FlatTextSegmenter.headingKey(title[...]) == "my notes"
    }
}

extension ItemExtractor {
    static func nextGuide(_ text: Substring) -> String {
        if let open = text.lastIndex(of: "("), text.last == ")" {
            return String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        }
        return String(text)
    }

    /// `When asked "How do you handle CPU-bound tasks?":` → the quoted question.
    static func promptQuestion(_ text: Substring) -> String {
        var rest = text.dropFirst("when asked".count).trimmingWhitespace()
        if rest.last == ":" { rest = rest.dropLast().trimmingWhitespace() }
        return rest.trimmed(of: "\"“”' ")
    }

    /// `Step 1: …`, `Phase II: …`, `Stage A: …`: a step of a procedure, which the lines
    /// around it go on, not a term to define (``isStepLabel(_:)`` is the label's test).
    static func isStep(_ line: Substring) -> Bool {
        // Every line under a label is asked: its first byte rules out most (`S`, `P`, or a list marker).
        guard let first = line.utf8.first, first | 0x20 == 0x73 || first | 0x20 == 0x70 || first == 0x2D || first == 0x2A else { return false }
        let item = line.bulletText ?? line
        // The label starts where the item does, or after blanks or a pictograph that decorates it.
        guard let lead = item.utf8.first, lead | 0x20 == 0x73 || lead | 0x20 == 0x70 || lead >= 0x80 || lead == 0x20 || lead == 0x09
        else { return false }
        return item.labelled.map { isStepLabel($0.label) } ?? false
    }

    static func isStepLabel(_ label: Substring) -> Bool {
        guard let first = label.utf8.first, first | 0x20 == 0x73 || first | 0x20 == 0x70, label.utf8.count <= 12 else { return false }
        let words = label.split(separator: " ")
        guard words.count == 2, ["step", "phase", "stage"].contains(words[0].lowercased()) else { return false }
        let number = words[1]
        return number.allSatisfy(\.isNumber) || number.count == 1 && number.first?.isUppercase == true
            || number.allSatisfy { "IVX".contains($0) }
    }

    /// Verbs that make a label a clause rather than a name.
    private static let clauseVerbs: Set<Substring> = [
        "is", "are", "was", "were", "has", "have", "can", "must", "should", "will", "does", "do", "gives", "makes", "becomes", "means",
        "matter", "matters",
    ]

    /// The problem a line poses for the reader to work through (`Scenario: …`, `Exercise: …`,
    /// `Interview prompt: …`), or nil. Asked of every line: most are let go by their first byte.
    static func problemPosed(by text: Substring) -> Substring? {
        guard let first = text.utf8.first, first.isOne(of: "SsEeCcIiPp"), let colon = text.utf8.prefix(20).firstIndex(of: 0x3A),
            ["scenario", "exercise", "case study", "interview prompt", "interview question", "practice problem"].contains(text[..<colon].lowercased())
        else { return nil }
        let problem = text[text.utf8.index(after: colon)...].trimmingWhitespace()
        return problem.isEmpty ? nil : problem
    }

    /// The first line of an answer without what announces it: a marker (`A:`), a label of
    /// ``answerLabels`` (`Solution:` over the code that solves a problem posed) or an arrow
    /// (`-> RANK leaves gaps`, `=> …`, `→ …`); empty when nothing else is on the line.
    static func answerOpening(_ text: Substring) -> Substring {
        if text.startsAnswer { return text.answerText }
        for arrow in ["-> ", "=> ", "→ "] where text.hasPrefix(arrow) { return text.dropFirst(arrow.count).trimmingWhitespace() }
        return afterAnswerLabel(text) ?? text
    }

    /// The text after a label of ``answerLabels`` (`Solution: …`), empty when none follows; nil
    /// when the line has no such label.
    static func afterAnswerLabel(_ text: Substring) -> Substring? {
        guard let colon = text.utf8.prefix(24).firstIndex(of: 0x3A), answerLabels.contains(text[..<colon].lowercased()) else { return nil }
        return text[text.utf8.index(after: colon)...].trimmingWhitespace()
    }

    /// The words that announce an answer, as a heading (`### Solution`) or as what a revealed
    /// block is labelled (`<summary>✅ Answer</summary>`).
    static let answerLabels: Set<String> = ["answer", "solution", "explanation", "sample answer", "model answer", "suggested answer"]

    /// Whether a heading announces an answer (`Solution`, `✅ Answer`, `Solution: index first`).
    static func headsAnswer(_ title: String) -> Bool {
        let plain = title[...].undecorated.lowercased()
        return answerLabels.contains { label in
            plain.hasPrefix(label) && (plain.count == label.count || plain.dropFirst(label.count).first.map { ":—–-".contains($0) } == true)
        }
    }

    /// Whether a line asks for a story, as behavioural interviews do, without a question mark
    /// (`Tell me about a time you disagreed with your manager.`).
    static func asksForStory(_ text: Substring) -> Bool {
        // Each opener starts with one of these letters: most lines are ruled out by their first.
        guard let first = text.utf8.first else { return false }
        switch first | 0x20 {
        case 0x74, 0x64, 0x67, 0x77, 0x73: break  // t, d, g, w, s
        default: return false
        }
        let openers: [StaticString] = [
            "tell me about", "tell us about", "describe a time", "describe a situation", "describe a project", "describe your",
            "describe the most", "give an example of", "give me an example of", "walk me through", "talk about a time",
            "talk me through", "share a time", "share an example",
        ]
        let letter = first | 0x20
        return openers.contains { $0.utf8Start.pointee == letter && text.hasPrefixIgnoringCase($0) }
    }

    /// The parts a story is told in (STAR: situation, task, action, result), lower-cased: labels of
    /// the story, not terms.
    static let storyParts: Set<String> = ["situation", "task", "action", "actions", "result", "results", "outcome", "lesson", "lessons", "learning", "learnings"]

    /// Whether a label says that its text defines the section's topic (`Definition:`,
    /// `Meaning:`, `What it is:`), not a term of its own.
    static func definesSection(_ label: Substring) -> Bool {
        sectionDefiningLabels.contains(label.lowercased())
    }

    private static let sectionDefiningLabels: Set<String> = [
        "definition", "def", "def.", "defn", "meaning", "defined as", "what it is", "what is it", "in short",
    ]

    /// Labels that, whole, name an aspect of the section's topic or a part of a story
    /// (``isConceptLabel(_:)``), lower-cased.
    private static let wholeConceptLabels: Set<Substring> = Set(storyParts.map { Substring($0) }).union([
        "analogy", "context", "background", "overview", "motivation", "goal", "goals", "brief", "recommendation", "important",
        "cost", "costs", "benefit", "benefits", "drawback", "drawbacks", "advantages", "disadvantages", "limitations", "downsides",
        "warning", "hint", "takeaway", "takeaways", "run it", "try it", "plain english", "bottom line", "tl;dr", "tldr",
    ])

    /// First words that make a label an aspect of the section's topic (``isConceptLabel(_:)``).
    private static let conceptFirstWords: Set<Substring> = [
        "what", "why", "how", "when", "impact", "note", "notes", "summary", "pros", "cons", "tradeoff",
        "tradeoffs", "trade-off", "trade-offs", "use", "example", "purpose", "problem", "solution", "idea",
        "key", "rule", "tip", "gotcha", "pitfall", "caveat", "in", "fix", "fixes", "cause", "symptom", "symptoms",
        "workaround", "mitigation", "output", "result", "approach", "complexity", "intuition", "insight",
        "always", "never", "avoid", "remember", "think", "know", "consider", "prefer", "don't", "critical", "important", "assume",
        "option", "decision", "choice", "verdict", "functional", "non-functional", "requirements",
        "consequence", "consequences", "implication", "implications", "reason",
        "pro", "con", "upside", "downside", "advantage", "disadvantage", "ex", "ex.", "eg", "e.g.", "e.g",
    ]

    /// Last words of a label of two or more words that make it such an aspect (`Interview tip`).
    private static let conceptLastWords: Set<Substring> = [
        "tip", "tips", "note", "gotcha", "pitfall", "pitfalls", "caveat", "warning", "hint", "reminder", "takeaway", "mistake",
        "mistakes", "context", "practice", "practices", "insight", "insights", "analogy", "trick", "tricks", "trap", "traps",
    ]

    /// Whether a label names an aspect of the section's topic rather than a term (`Why:`,
    /// `Pros:`, `Interview tip:`, `Common pitfall:`, `Always close the file:`), or is a clause
    /// rather than a name: its text is a concept of the section.
    static func isConceptLabel(_ label: Substring) -> Bool {
        var words = label.lowercased().split(byte: 0x20)
        if let first = words.first, words.count > 1, Self.leadingArticles.contains(first) { words.removeFirst() }
        guard let first = words.first, let last = words.last else { return false }
        // A clause names no term: it says something with a verb (`Kafka EOS is intra-Kafka`,
        // `Async error handling has two modes`), ends on a preposition (`Burrow reports lag as`),
        // or puts an article after its first word, as a verb takes its object (`Build a
        // service like bit.ly`, `Pick the shard key`).
        if words.count > 1, words.contains(where: Self.clauseVerbs.contains) || Self.clauseEndings.contains(last)
            || words.count > 2 && Self.objectArticles.contains(words[1])
        {
            return true
        }
        return Self.conceptFirstWords.contains(first) || words.count > 1 && Self.conceptLastWords.contains(last)
            || Self.wholeConceptLabels.contains(Substring(words.joined(separator: " ")))
    }

    /// Words before a label's first word that it is read without (`The key idea`).
    private static let leadingArticles: Set<Substring> = ["the", "a", "an", "my", "our"]
    /// Last words that leave a label a clause (`Burrow reports lag as`).
    private static let clauseEndings: Set<Substring> = ["as", "like", "to", "for", "of", "with", "by"]
    /// Articles that, second in a label, follow a verb (`Pick the shard key`).
    private static let objectArticles: Set<Substring> = ["a", "an", "the"]

    /// Whether a line is a label alone that names a part of an answer laid out under labels
    /// (`Pros:`, `Example:`), not a topic of its own (`Sticky sessions:`).
    static func namesAnswerPart(_ line: Substring) -> Bool {
        line.utf8.last == 0x3A && line.isBareLabel && isConceptLabel(line.dropLast())
    }

    /// A wrapped line: the previous one did not finish its sentence. A line that states a
    /// claim of its own, or names a term of its own (`Bounded concurrency: …`), starts a line,
    /// even in lower case; so does a capitalised line after a short list item (``fitsOnShortItem(_:after:)``).
    static func isContinuation(_ text: Substring, after previous: Substring) -> Bool {
        guard let first = text.utf8.first, !text.isListItem, !text.isBareLabel, !statesClaim(text) else { return false }
        if first >= 0x41 && first <= 0x5A, text.labelled != nil || defineInTurn(text, after: previous) || fitsOnShortItem(text, after: previous) {
            return false
        }
        if first >= 0x61 && first <= 0x7A { return true }
        if first >= 0x80, text.first?.isLowercase == true { return true }
        guard let last = previous.utf8.last else { return false }
        return !last.isOne(of: ".!?:")
    }

    /// Whether `previous` is a list item, a whole line, that would still be shorter than any line
    /// a capitalised line is taken to wrap from (``wrappedLineLength``) with the first word of
    /// `text` at its end: then no wrapping put that word on a line of its own (`3. Charge card →
    /// compensate: refund` / `If step 3 fails, …`). A label's text is only the end of its line,
    /// so it is not asked.
    static func fitsOnShortItem(_ text: Substring, after previous: Substring) -> Bool {
        guard previous.isListItem else { return false }
        return previous.utf8.count + 1 + text.prefix { $0 != " " }.utf8.count < wrappedLineLength
    }

    /// Whether `text` and the line before it each define a term with a dash (`Seq Scan — reads
    /// the whole table` / `Index Scan — walks the index`): the next definition, not the rest of the last.
    static func defineInTurn(_ text: Substring, after previous: Substring) -> Bool {
        text.dashDefined != nil && (previous.bulletText ?? previous).dashDefined != nil
    }

    /// A line under a short one that ends without punctuation, both starting as a sentence
    /// does (a capitalised word, then a small one): the next item of a list whose bullets were
    /// lost in copying (`Users publish posts` / `Users see a feed`), not the rest of a sentence
    /// cut where a page wraps, which leaves a long line above it, often ending in a word such
    /// as `and` (`… SHA1 and` / `SHA256, for …`), or cuts a name (`GNU General` / `Public License`).
    static func isLostBulletItem(_ text: Substring, after previous: Substring) -> Bool {
        guard previous.utf8.count < wrappedLineLength, startsSentence(text), startsSentence(previous),
            let lastWord = previous.split(separator: " ").last
        else { return false }
        return !wrapWords.contains(lastWord.lowercased())
    }

    /// Whether a line starts as a sentence does: a capitalised word, then a word in small letters.
    private static func startsSentence(_ line: Substring) -> Bool {
        let words = line.split(separator: " ", maxSplits: 2)
        guard let first = words.first, first.first?.isUppercase == true, first.dropFirst().allSatisfy(\.isLowercase) else { return false }
        return words.count < 2 || words[1].first?.isLowercase == true
    }

    /// Words a line cut where a page wraps often ends in, and an item of a list does not.
    private static let wrapWords: Set<String> = [
        "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "is", "are", "of", "on", "or", "that", "the", "to",
        "which", "with",
    ]

    /// The shortest line, in bytes, that a capitalised line is taken to wrap from.
    static let wrappedLineLength = 60

    /// A line that goes on the one before it, wrapped where a sentence goes on: the one before
    /// ends without punctuation and this one starts with a lower-case word (`Cache-aside: … on
    /// a miss it reads the` / `database and fills the cache.`), as text copied from a page or
    /// written at a fixed width is.
    static func isWrapped(_ text: Substring, after previous: Substring) -> Bool {
        guard let end = previous.utf8.last, !end.isOne(of: ".!?:;") else { return false }
        let word = text.prefix { $0 != " " }.trimmed(of: ".,;:!?")
        guard word.first?.isLowercase == true, word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
        return !text.isListItem && !statesClaim(text)
    }

    /// `Clustered index: the rows are stored in key order` after a sentence of prose, or after a
    /// claim (`two_sum([2, 7], 9) → [0, 1]`), which is as complete: a term defined on a line of
    /// its own, not more of the paragraph (a list item goes on its list).
    static func definesAfterSentence(_ text: Substring, after previous: Substring?) -> Bool {
        guard let previous, !previous.isListItem, !text.isListItem, let end = previous.utf8.last,
              end.isOne(of: ".!?") || previous.containsBytes("→") && statesClaim(previous),
              let first = text.first, first.isUppercase, let (label, rest) = text.labelled
        else { return false }
        return label.wordCount <= 4 && !isStepLabel(label) && !rest.containsBytes("://") && !statesClaim(text)
    }

    /// A sentence that goes on a label's prose: the label's last line finished a sentence
    /// of prose (not a list item) and this one is another, not a title. In flat text nothing
    /// else marks where a label's text ends (`Ordering:` / `Kafka orders … partitions.` /
    /// `SQS queues … group.`).
    static func isNextSentence(_ text: Substring, after previous: Substring) -> Bool {
        guard !previous.isListItem, let end = previous.utf8.last, end.isOne(of: ".!?"),
              let last = text.utf8.last, last.isOne(of: ".!?") else { return false }
        return !text.isListItem && !text.isBareLabel && !text.isTitleLike && text.labelled == nil
    }

    /// The names a block of Python binds outside its functions and classes: what it defines,
    /// assigns and imports, and what its `for`, `with` and `except` lines bind, in the bodies
    /// of statements at the top level too (`total` in `with Timer() as t:` / `    total = …`).
    static func topLevelNames(of code: String) -> Set<Substring> {
        var names: Set<Substring> = []
        var inDefinition = false
        for text in code.split(byte: 0x0A) {
            let statement = Self.droppingIndentation(text)
            let indented = statement.startIndex != text.startIndex
            let line = PythonLine(statement)
            if !indented, !line.isComment { inDefinition = line.isDefinition }
            if let defined = line.definedName, !indented { names.insert(defined) }
            guard !inDefinition else { continue }
            names.formUnion(line.assignedRoots.map { Substring($0) })
            names.formUnion(line.importedNames.map { Substring($0) })
            line.forEachBoundName { names.insert(line.word($0)) }
        }
        return names
    }

    /// `text` without the white space it starts with; ASCII blanks are dropped byte by byte.
    private static func droppingIndentation(_ text: Substring) -> Substring {
        let blanks = text.withBytes { bytes in bytes.prefix { $0 == 0x20 || $0 == 0x09 || $0 >= 0x0A && $0 <= 0x0D }.count }
        let rest = text.utf8.dropFirst(blanks)
        guard let next = rest.first, next >= 0x80 else { return Substring(rest) }
        return Substring(rest).drop(while: \.isWhitespace)
    }

    /// Whether a line of `code` names one of `names`.
    static func uses(_ names: Set<Substring>, in code: String) -> Bool {
        !names.isEmpty && code.split(byte: 0x0A).contains { PythonLine($0).usesAny(of: names) }
    }

    /// Claims in code spans and nothing else but `and` and punctuation: what a label such as
    /// `Quick checks:` lists (`` `len("ab")` → `2` and `round(2.5)` → `2` ``), which defines no term.
    static func listsOnlyClaims(_ text: Substring) -> Bool {
        guard text.hasBytePrefix("`"), statesClaim(text) else { return false }
        var outside = ""
        for (position, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() where position % 2 == 0 {
            outside += part + " "
        }
        return outside.split { !$0.isLetter }.allSatisfy { $0 == "and" }
    }

    /// Whether the line states an `expr → value` claim.
    static func statesClaim(_ text: Substring) -> Bool {
        !ClaimParser.claims(in: text).claims.isEmpty
    }

    /// The columns of a table that is a deck of flashcards, and whether its header named them:
    /// two columns that ``isDeck(_:)``, or a header that names a question column and an answer
    /// column among others (`# | Question | Answer`, `Topic | Front | Back`), every row filling both.
    static func deckColumns(_ rows: [[String]]) -> (question: Int, answer: Int, named: Bool)? {
        if isDeck(rows) { return (0, 1, false) }
        guard rows.count >= 2, let header = rows.first, header.count > 2 else { return nil }
        let names = header.map { $0.lowercased() }
        guard let question = names.firstIndex(where: questionColumns.contains), let answer = names.firstIndex(where: answerColumns.contains)
        else { return nil }
        let filled = rows.dropFirst().allSatisfy { $0.count > max(question, answer) && !$0[question].isEmpty && !$0[answer].isEmpty }
        return filled ? (question, answer, true) : nil
    }

    /// Header cells that name a deck's question column and its answer column, lower-cased.
    private static let questionColumns: Set<String> = ["question", "questions", "q", "front", "prompt", "interview question"]
    private static let answerColumns: Set<String> = ["answer", "answers", "a", "back", "solution", "short answer", "expected answer"]

    /// Whether a table is a glossary: two columns, a header that names a term column and a
    /// meaning column (`Term | Definition`, `Concept | Explanation`), every row filling both.
    static func isGlossary(_ rows: [[String]]) -> Bool {
        guard rows.count >= 2, let header = rows.first, header.count == 2,
            termColumns.contains(header[0].lowercased()), meaningColumns.contains(header[1].lowercased())
        else { return false }
        return rows.dropFirst().allSatisfy { $0.count == 2 && !$0[0].isEmpty && !$0[1].isEmpty }
    }

    /// Header cells that name a glossary's term column and its meaning column, lower-cased.
    private static let termColumns: Set<String> = ["term", "terms", "concept", "concepts", "keyword", "word", "name", "acronym", "abbreviation"]
    private static let meaningColumns: Set<String> = ["definition", "definitions", "meaning", "explanation", "description", "what it means", "what it is", "stands for"]

    /// Whether a table is a deck of flashcards: two columns, and at least half of its first
    /// cells, its header's included, ask a question (a table's header row asks none).
    static func isDeck(_ rows: [[String]]) -> Bool {
        guard rows.count >= 2, rows.allSatisfy({ $0.count == 2 && !$0[0].isEmpty && !$0[1].isEmpty }) else { return false }
        return rows.count { $0[0].hasSuffix("?") } * 2 >= rows.count
    }

    /// Whether a deck's first row names its columns (`Front | Back`, `Question | Answer`): it
    /// asks nothing and each cell is a word or two.
    static func namesColumns(_ cells: [String]) -> Bool {
        !cells[0].hasSuffix("?") && cells.allSatisfy { Substring($0).wordCount <= 2 }
    }

    /// The cells of a table row (`| a | b |`, the outer pipes optional); a pipe escaped as
    /// `\|`, as GitHub writes one inside a cell, is the cell's text.
    static func cells(_ row: Substring) -> [String] {
        var inner = row.trimmingWhitespace()
        if inner.first == "|" { inner = inner.dropFirst() }
        if inner.last == "|", !inner.hasSuffix("\\|") { inner = inner.dropLast() }
        guard inner.containsBytes("\\|") else {
            return inner.utf8.split(separator: 0x7C, omittingEmptySubsequences: false).map { String(Substring($0).trimmingWhitespace()) }
        }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in inner {
            if character == "|", !escaped {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else if character == "\\", !escaped {
                escaped = true
                continue
            } else {
                if escaped && character != "|" { cell.append("\\") }
                cell.append(character)
            }
            escaped = false
        }
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        return cells
    }

    static func isSeparatorRow(_ row: Substring) -> Bool {
        row.withBytes { bytes in
            bytes.allSatisfy { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09 }
                && bytes.contains(UInt8(ascii: "-"))
        }
    }

    static func resource(_ text: Substring) -> GuideItem.Content {
        guard let urlStart = text.range(ofBytes: "http")?.lowerBound else {
            // `Title — what it covers`
            guard let dash = text.range(ofBytes: " — ") else { return .resource(title: String(text), url: nil, description: nil) }
            return .resource(title: String(text[..<dash.lowerBound]), url: nil, description: String(text[dash.upperBound...]))
        }
        let urlEnd = text[urlStart...].firstIndex { $0 == " " || $0 == ")" || $0 == ">" } ?? text.endIndex
        let url = String(text[urlStart..<urlEnd])
        let title = text[..<urlStart].trimmingWhitespace().trimming(":").trimming("(").trimming("<").trimmingWhitespace()
        let after = text[urlEnd...].drop { ")> —–-:".contains($0) }.trimmingWhitespace()
        return .resource(title: title.isEmpty ? url : String(title), url: url, description: after.isEmpty ? nil : String(after))
    }
}

extension Array where Element == Section {
    /// Appends a section at the given depth, under the last section of the level above.
    mutating func insert(_ section: Section, atPath depth: Int) {
        if depth == 0 || isEmpty {
            append(section)
        } else {
            self[count - 1].children.insert(section, atPath: depth - 1)
        }
    }
}
