/// An interactive Python session as guides show one: statements after `>>> `, their
/// continuation lines after `... `, and what the interpreter printed after them. IPython's
/// prompts (`In [3]: `, `   ...: `, `Out[3]: `) are read as the same. Such a transcript is not
/// a program (it is not run as one); each expression it shows with its value is a claim the
/// code lab can check (`>>> a is b` / `True`).
public enum PythonSession {
    /// The language of a session's code item: Pygments' name for a Python console.
    public static let language = "pycon"

    /// A statement's first line: `>>>` alone or followed by a space, or IPython's `In [3]:`.
    static func isPrompt(_ line: Substring) -> Bool { hasPrompt(">>>", line) || numberedPrompt("In", line) != nil }

    /// A statement's continuation line: `...` alone or followed by a space, or IPython's
    /// `...:` (its leading spaces, which line it up under the prompt, trimmed).
    static func isContinuation(_ line: Substring) -> Bool { hasPrompt("...", line) || line.hasBytePrefix("...:") }

    private static func hasPrompt(_ prompt: StaticString, _ line: Substring) -> Bool {
        let bytes = line.utf8
        guard bytes.count >= 3, bytes.first == prompt.utf8Start.pointee else { return false }
        return bytes.prefix(3).elementsEqual(UnsafeBufferPointer(start: prompt.utf8Start, count: 3))
            && (bytes.count == 3 || bytes.dropFirst(3).first == 0x20)
    }

    /// The length of IPython's numbered prompt `WORD [n]:` (`In [3]:`, `Out[3]:`) at the start
    /// of `line`, with the space after it; nil when the line has none.
    private static func numberedPrompt(_ word: StaticString, _ line: Substring) -> Int? {
        let bytes = line.utf8
        guard bytes.first == word.utf8Start.pointee,
            bytes.starts(with: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        else { return nil }
        var rest = bytes.dropFirst(word.utf8CodeUnitCount)
        if rest.first == 0x20 { rest = rest.dropFirst() }
        guard rest.first == 0x5B else { return nil }
        let digits = rest.dropFirst().prefix { $0 >= 0x30 && $0 <= 0x39 }
        let after = rest.dropFirst(1 + digits.count)
        guard !digits.isEmpty, after.starts(with: "]:".utf8) else { return nil }
        let end = after.dropFirst(2)
        guard end.isEmpty || end.first == 0x20 else { return nil }
        return bytes.count - end.count + (end.isEmpty ? 0 : 1)
    }

    /// The line without its prompt and the one space after it.
    private static func source(_ line: Substring) -> Substring {
        if let length = numberedPrompt("In", line) { return line.dropFirst(length) }
        if line.hasBytePrefix("...:") { return line.dropFirst(4).drop { $0 == " " } }
        return line.utf8.count > 4 ? line.dropFirst(4) : ""
    }

    /// What IPython printed on a line: the value after `Out[3]: `, empty for `Out[3]:` alone
    /// (the value follows on the next lines); nil when the line has no such prompt.
    private static func output(_ line: Substring) -> Substring? {
        numberedPrompt("Out", line).map { line.dropFirst($0) }
    }

    // MARK: Where a flat session ends

    /// The session that starts at line `start` (a `>>>` line) outside a fence, as a code block
    /// (restored, see ``restored(_:)``), and the line after it; ``end(from:count:text:isHeading:)``
    /// tells where it ends.
    static func block(from start: Int, count: Int, text: (Int) -> Substring, isHeading: (Substring) -> Bool) -> (block: GuideBlock, end: Int) {
        let end = end(from: start, count: count, text: text, isHeading: isHeading)
        let session = restored((start..<end).map { (text($0), $0 + 1) })
        return (.code(language: language, code: session, lines: (start + 1)...end), end)
    }

    /// Where a session that starts at line `start` (a `>>>` line) of a flat guide ends: after
    /// its last prompt line or the last line printed after one. `text` gives a line trimmed;
    /// `isHeading` tells a section title, which no session prints.
    ///
    /// What a statement printed is told from the prose after the session by what the statement
    /// is and what the line looks like: an assignment, an import or a definition prints nothing;
    /// other statements print values (`[1, 2]`, `'a'`, `True`) or a traceback, and at first any
    /// line that is not a sentence of prose.
    static func end(from start: Int, count: Int, text: (Int) -> Substring, isHeading: (Substring) -> Bool) -> Int {
        var end = start + 1
        var prints = canPrint(source(text(start)))
        var printed = 0
        var inTraceback = false
        while end < count {
            let line = text(end)
            if isPrompt(line) {
                prints = canPrint(source(line))
                printed = 0
                inTraceback = false
            } else if let value = output(line) {
                // IPython numbers what it printed: a value on the line, or lines of it below.
                prints = value.isEmpty
                printed = 0
            } else if isContinuation(line) && printed == 0 {
                // A block's body prints when the block runs: a `for` loop's `print(i)`.
                prints = prints || canPrint(source(line))
            } else if line.isEmpty {
                // A blank line ends the session unless another statement follows it.
                var next = end + 1
                while next < count && text(next).isEmpty { next += 1 }
                guard next < count, isPrompt(text(next)) else { break }
                end = next
                continue
            } else if inTraceback {
                inTraceback = !isExceptionLine(line)
                if !inTraceback { prints = false }
            } else if prints, !isHeading(line), printed == 0 ? !isProse(line) : looksLikeValue(line) {
                inTraceback = line.hasPrefix("Traceback (most recent call last)")
                printed += 1
            } else {
                break
            }
            end += 1
        }
        return end
    }

    /// Whether running the statement can print: not an assignment, an import, a definition or
    /// the like, which the interpreter runs silently.
    private static func canPrint(_ statement: Substring) -> Bool {
        let line = PythonLine(statement)
        guard !line.hasAssignment, !line.isAnnotation else { return false }
        switch line.firstKeyword {
        case .import, .from, .def, .class, .del, .pass, .global, .nonlocal, .async: return false
        default: return !statement.hasPrefix("@") && !line.tokens.isEmpty
        }
    }

    /// A sentence of prose: several words ending in `.`, `?`, `!` or `:`, not a value.
    static func isProse(_ line: Substring) -> Bool {
        guard !looksLikeValue(line), let last = line.utf8.last, last.isOne(of: ".?!:") else { return false }
        return line.split(separator: " ").count >= (last == 0x3A ? 2 : 3)
    }

    /// A line as a value prints: a number, a string, a container, an object's `<…>`, a
    /// constant, or an exception.
    private static func looksLikeValue(_ line: Substring) -> Bool {
        guard let first = line.utf8.first else { return false }
        if first.isOne(of: "0123456789-+[({'\"<.") { return true }
        if ["True", "False", "None", "Ellipsis", "NotImplemented"].contains(line) { return true }
        return line.hasPrefix("b'") || line.hasPrefix("b\"") || isExceptionLine(line) || line.hasPrefix("Traceback (most recent call last)")
    }

    /// The last line of a traceback: `ValueError: …`, `KeyError: 'x'`, `StopIteration`.
    static func isExceptionLine(_ line: Substring) -> Bool {
        let name = line.prefix { $0 != ":" }
        guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return false }
        return ["Error", "Exception", "Warning", "Interrupt", "Exit", "Iteration"].contains { name.hasSuffix($0) }
    }

    // MARK: Restoring a flat session

    /// The session's lines with each statement's continuation lines re-indented, as the
    /// interpreter showed them (`... ` followed by the statement's depth); printed lines are
    /// kept as they are, without IPython's `Out[3]:`. IPython's prompts become the standard
    /// console's.
    static func restored(_ lines: [(text: Substring, line: Int)]) -> String {
        var result: [String] = []
        var statement: [(text: Substring, line: Int)] = []
        func flush() {
            guard !statement.isEmpty else { return }
            // A statement of one line has nothing to restore.
            let indented = statement.count == 1 ? [statement[0].text]
                : PythonReindenter.reindent(statement).code.split(separator: "\n", omittingEmptySubsequences: false)
            for (position, code) in indented.enumerated() { result.append((position == 0 ? ">>> " : "... ") + code) }
            statement.removeAll()
        }
        for line in lines {
            if isPrompt(line.text) {
                flush()
                statement.append((source(line.text), line.line))
            } else if isContinuation(line.text), !statement.isEmpty, !source(line.text).isEmpty {
                statement.append((source(line.text), line.line))
            } else if isContinuation(line.text) {
                // The empty continuation line that ends a block.
                flush()
                result.append("...")
            } else if let printed = output(line.text) {
                flush()
                if !printed.isEmpty { result.append(String(printed)) }
            } else {
                flush()
                result.append(String(line.text))
            }
        }
        flush()
        return result.joinedLines()
    }

    // MARK: Claims

    /// A value the session shows: the expression, what it printed, the statements run before
    /// it (nil when none), and the line of its prompt among the session's lines (0-based).
    struct Shown {
        var expr: String
        var expected: String
        var setup: String?
        var line: Int
    }

    /// Each one-line expression of the session that printed one line, a value: what the code
    /// lab checks. A `print(…)` shows a text, not a value, and a statement that raised runs
    /// no further: neither is a claim, and the second is left out of the later claims' setup.
    static func shown(in code: String) -> [Shown] {
        var found: [Shown] = []
        var setup: [String] = []
        var statement: (lines: [Substring], line: Int)?
        var printed: [Substring] = []
        func finish() {
            guard let current = statement else { return }
            let raised = printed.first.map { $0.hasPrefix("Traceback (most recent call last)") || isExceptionLine($0) } ?? false
            let text = current.lines.joinedLines()
            if current.lines.count == 1, printed.count == 1, !raised, isClaimable(current.lines[0]) {
                found.append(Shown(expr: text, expected: String(printed[0]), setup: setup.isEmpty ? nil : setup.joinedLines(), line: current.line))
            }
            if !raised { setup.append(text) }
            statement = nil
            printed.removeAll()
        }
        for (position, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let unindented = line.drop { $0 == " " }
            if isPrompt(line) {
                finish()
                statement = ([source(line)], position)
            } else if isContinuation(unindented), printed.isEmpty, statement != nil {
                if !source(unindented).isEmpty { statement?.lines.append(source(unindented)) }
            } else if statement != nil, !line.trimmingWhitespace().isEmpty {
                let value = output(line) ?? line
                if !value.isEmpty { printed.append(value) }
            }
        }
        finish()
        return found
    }

    /// An expression whose value the interpreter echoes: no assignment, no block, no `print`.
    static func isClaimable(_ statement: Substring) -> Bool {
        let line = PythonLine(statement)
        guard line.lexes, line.bracketDelta == 0, !line.opensBlock, canPrint(statement) else { return false }
        switch line.firstKeyword {
        case nil, .not, .lambda, .await, .True, .False, .None: break
        default: return false
        }
        return !(statement.hasPrefix("print(") || statement.hasPrefix("print ("))
    }
}
