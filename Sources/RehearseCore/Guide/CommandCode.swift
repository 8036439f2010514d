/// Flattened lines written for a tool rather than for Python: psql's meta-commands, the Mongo
/// shell, crontab entries and Makefiles. Some of them lex as Python (`db.users.insertOne(…)`),
/// the others read as headings or prose (`\d users`, `test:`); either way they would be drilled
/// as what they are not.
///
/// - psql: `\dt`, `\d users`, `\timing on`, with the SQL typed after them (language `sql`, as
///   a `psql` fence is).
/// - Mongo shell: lines that start with `db.`, one of which Python would not write: a
///   camel-case method (`insertOne`), a `$` operator or an unquoted key (`{age: {$gt: 30}}`).
///   `db.session.commit()` stays Python. Language `javascript`, which the shell runs.
/// - crontab: five schedule fields, one of them `*` (`30 2 * * *`), or `@daily`, then a command.
/// - Makefile: two or more `target:` lines, each followed by recipe lines that are shell
///   commands (``CodeLineClassifier/isShell(_:)``), and something only `make` writes: a
///   `.PHONY:` line, a target with prerequisites (`test: install`), a `$(VARIABLE)`, or a line
///   before them that names a Makefile. Without it, `install:` over `pip install fastapi` is a
///   label over a command. Flattening lost the recipes' tabs; ``makefile(_:)`` puts them back.
enum CommandCode {
    /// Where a block of one of these kinds that starts at line `start` ends (the line after
    /// it), and its language; nil when the lines there are none. `text` gives any line before
    /// `count` (a Makefile's may be named on the line before it). Every line that may start a
    /// block is asked, so its first byte decides which reader looks further.
    static func block(from start: Int, count: Int, text: (Int) -> Substring) -> (end: Int, language: String)? {
        guard start < count, let first = text(start).utf8.first else { return nil }
        switch first {
        case 0x5C:
            return psqlEnd(from: start, count: count, text: text).map { ($0, "sql") }
        case 0x2A, 0x40, 0x30...0x39:
            return cronEnd(from: start, count: count, text: text).map { ($0, "crontab") }
        case 0x64 where text(start).hasBytePrefix("db."):
            return mongoEnd(from: start, count: count, text: text).map { ($0, "javascript") }
        case 0x2E, 0x61...0x7A:
            return makefileEnd(from: start, count: count, text: text).map { ($0, "makefile") }
        default:
            return nil
        }
    }

    /// A Makefile's lines with a tab before each recipe line, as `make` requires.
    static func makefile(_ lines: some Sequence<Substring>) -> String {
        lines.map { isTarget($0) || $0.isEmpty ? String($0) : "\t" + $0 }.joinedLines()
    }

    // MARK: psql

    private static func psqlEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        guard isMetaCommand(text(start)) else { return nil }
        var end = start + 1
        while end < count {
            let line = text(end)
            guard isMetaCommand(line) || CodeLineClassifier.startsSQL(line)
                || !isMetaCommand(text(end - 1)) && CodeLineClassifier.continuesSQL(line, previous: text(end - 1))
            else { break }
            end += 1
        }
        return end
    }

    /// `\dt`, `\d+ users`, `\timing on`: a backslash, lower-case letters (and `+`), then the
    /// end of the line or a space.
    private static func isMetaCommand(_ raw: Substring) -> Bool {
        let bytes = raw.utf8
        guard bytes.first == 0x5C else { return false }
        let word = bytes.dropFirst().prefix { $0.isASCIILowercase || $0 == 0x2B }
        return !word.isEmpty && (word.endIndex == bytes.endIndex || bytes[word.endIndex] == 0x20)
    }

    // MARK: Mongo shell

    private static func mongoEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        var end = start
        var depth = 0
        var isMongo = false
        while end < count {
            let line = text(end)
            guard depth > 0 || line.hasBytePrefix("db.") else { break }
            let shape = mongoShape(line)
            isMongo = isMongo || shape.isMongo
            depth = max(depth + shape.bracketDelta, 0)
            end += 1
        }
        return isMongo ? end : nil
    }

    /// The brackets a line of JavaScript opens less those it closes, and whether it does what
    /// Python would not: a camel-case method call, a `$` outside strings, an unquoted key.
    private static func mongoShape(_ raw: Substring) -> (bracketDelta: Int, isMongo: Bool) {
        let bytes = Array(raw.utf8)
        var delta = 0
        var isMongo = false
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == 0x5C { index += 1 } else if byte == open { quote = nil }
            } else {
                switch byte {
                case 0x22, 0x27: quote = byte
                case 0x24: isMongo = true
                case 0x28, 0x5B, 0x7B:
                    delta += 1
                    if byte == 0x7B, startsUnquotedKey(bytes, after: index) { isMongo = true }
                case 0x29, 0x5D, 0x7D: delta -= 1
                case 0x2E: if callsCamelCaseMethod(bytes, after: index) { isMongo = true }
                default: break
                }
            }
            index += 1
        }
        return (delta, isMongo)
    }

    /// `{name:` or `{ name:`: a key JavaScript lets stand without quotes.
    private static func startsUnquotedKey(_ bytes: [UInt8], after brace: Int) -> Bool {
        var index = brace + 1
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let keyStart = index
        while index < bytes.count, bytes[index].isASCIILetter || bytes[index] == 0x5F { index += 1 }
        return index > keyStart && index < bytes.count && bytes[index] == 0x3A
    }

    /// `.insertOne(`: a method whose lower-case name has a capital inside it.
    private static func callsCamelCaseMethod(_ bytes: [UInt8], after dot: Int) -> Bool {
        var index = dot + 1
        guard index < bytes.count, bytes[index].isASCIILowercase else { return false }
        var hasCapital = false
        while index < bytes.count, bytes[index].isASCIILetter || bytes[index].isASCIIDigit {
            hasCapital = hasCapital || bytes[index].isASCIIUppercase
            index += 1
        }
        return hasCapital && index < bytes.count && bytes[index] == 0x28
    }

    // MARK: crontab

    private static func cronEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        var end = start
        while end < count, isCronEntry(text(end)) { end += 1 }
        return end > start ? end : nil
    }

    private static let cronShortcuts: Set<Substring> = ["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]

    /// `30 2 * * * /usr/local/bin/cleanup`, `*/5 * * * * curl …`, `@daily backup.sh`.
    private static func isCronEntry(_ raw: Substring) -> Bool {
        // Most lines that start with a digit are numbered or counted prose: their first word tells.
        let isFieldByte = { (byte: UInt8) in byte.isASCIIDigit || byte == 0x2A || byte == 0x2F || byte == 0x2C || byte == 0x2D }
        guard raw.utf8.first == 0x40 || raw.utf8.prefix(while: { $0 != 0x20 }).allSatisfy(isFieldByte) else { return false }
        let words = raw.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        if let first = words.first, first.utf8.first == 0x40 {
            return words.count >= 2 && cronShortcuts.contains(first)
        }
        guard words.count == 6 else { return false }
        let fields = words.prefix(5)
        return fields.allSatisfy { $0.utf8.allSatisfy(isFieldByte) } && fields.contains { $0.utf8.contains(0x2A) }
    }

    // MARK: Makefile

    private static func makefileEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        var end = start
        var targets = 0
        var onlyMake = false
        while end < count, isTarget(text(end)) {
            let target = text(end)
            let isPhony = target.hasBytePrefix(".PHONY:")
            onlyMake = onlyMake || isPhony || target.utf8.last != 0x3A
            end += 1
            var recipes = 0
            while end < count, !isTarget(text(end)), isRecipe(text(end)) {
                onlyMake = onlyMake || text(end).containsBytes("$(")
                recipes += 1
                end += 1
            }
            if isPhony { continue }
            guard recipes > 0 else {
                end -= 1
                break
            }
            targets += 1
        }
        guard targets >= 2 else { return nil }
        return onlyMake || start > 0 && text(start - 1).lowercased().contains("makefile") ? end : nil
    }

    /// A shell command, as `make` runs it: on its own, after `@` (not echoed) or `-` (errors
    /// ignored), or starting with a variable (`$(PYTHON) -m pytest`).
    private static func isRecipe(_ raw: Substring) -> Bool {
        if raw.hasBytePrefix("$(") { return true }
        if raw.hasBytePrefix("@") || raw.hasBytePrefix("-") { return CodeLineClassifier.isShell(raw.dropFirst()) }
        return CodeLineClassifier.isShell(raw)
    }

    /// `test:`, `build: deps`, `.PHONY: test lint`: a target of file-name bytes, a colon, and
    /// nothing after it but prerequisites (`:=` assigns a variable; `::` is left aside).
    private static func isTarget(_ raw: Substring) -> Bool {
        let bytes = raw.utf8
        guard let first = bytes.first, first.isASCIILowercase || first == 0x2E else { return false }
        let name = bytes.prefix { isFileNameByte($0) }
        guard name.endIndex < bytes.endIndex, bytes[name.endIndex] == 0x3A else { return false }
        let rest = bytes[bytes.index(after: name.endIndex)...]
        guard let next = rest.first else { return true }
        return next == 0x20 && rest.dropFirst().allSatisfy { isFileNameByte($0) || $0 == 0x20 }
    }

    private static func isFileNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x2D || byte == 0x25
    }
}
