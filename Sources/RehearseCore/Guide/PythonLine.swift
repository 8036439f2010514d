/// A light lexical reading of one line of Python, enough to tell code from prose and to
/// follow brackets and triple-quoted strings across lines.
///
/// It is not a parser: it answers "could this line be a Python statement?" for text whose
/// indentation was lost, where prose and code alternate without markers. Every line of a
/// guide is read this way, so tokens are plain values (a kind and a byte range), never
/// substrings: copying them costs no reference counting.
struct PythonLine {
    /// The line as read.
    let text: Substring
    /// Where the statement (the line without its trailing comment, trimmed) starts and ends
    /// in ``text``, as UTF-8 offsets; see ``statement``.
    private let statementBounds: (start: Int32, end: Int32)
    /// Whether the whole line is a comment.
    let isComment: Bool
    /// Tokens outside strings and comments; white space only shows as ``Token/spaceBefore``.
    let tokens: [Token]
    /// Net change in bracket depth over the line.
    let bracketDelta: Int
    /// Set when the line ends inside a triple-quoted string; holds its quote byte.
    let openTripleQuote: UInt8?
    /// False when the line holds characters Python never has outside strings (`→`, `—`, `’`).
    let lexes: Bool

    /// One token: what it is, and where it stands in ``PythonLine/text`` (UTF-8 offsets).
    struct Token {
        var kind: Kind
        /// Whether white space separates the token from the one before it.
        var spaceBefore: Bool
        var start: Int32
        var end: Int32
    }

    enum Kind: Equatable {
        case name
        case keyword(Keyword)
        case number
        case string
        case op(Operator)
    }

    /// Reads `text` as a line of Python; `insideTripleQuote` continues a string opened earlier
    /// with that quote byte.
    init(_ text: Substring, insideTripleQuote: UInt8? = nil) {
        let reading =
            text.utf8.withContiguousStorageIfAvailable { PythonLexer(bytes: $0).read(insideTripleQuote: insideTripleQuote) }
            ?? Array(text.utf8).withUnsafeBufferPointer { PythonLexer(bytes: $0).read(insideTripleQuote: insideTripleQuote) }
        self.text = text
        self.statementBounds = (Int32(reading.statementStart), Int32(reading.statementEnd))
        self.isComment = reading.tokens.isEmpty && reading.commentStart != nil && reading.openTripleQuote == nil && insideTripleQuote == nil
        self.tokens = reading.tokens
        self.bracketDelta = reading.depth
        self.openTripleQuote = reading.openTripleQuote
        self.lexes = reading.lexes
    }

    /// The line without its trailing comment, trimmed.
    var statement: Substring { slice(statementBounds.start, statementBounds.end) }

    /// The text of a token (a name's spelling).
    func word(_ token: Token) -> Substring { slice(token.start, token.end) }

    /// The text from the start of `first` to the end of `last` (a dotted name's spelling).
    func text(from first: Token, through last: Token) -> Substring { slice(first.start, last.end) }

    private func slice(_ start: Int32, _ end: Int32) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: Int(start))..<utf8.index(utf8.startIndex, offsetBy: Int(end))]
    }

    /// Whether `token` is the name `spelling`; compares bytes, not Unicode text.
    func isName(_ token: Token, _ spelling: some StringProtocol) -> Bool {
        token.kind == .name && word(token).utf8.elementsEqual(spelling.utf8)
    }

    /// Whether any token is of `kind`.
    func contains(_ kind: Kind) -> Bool {
        tokens.contains { $0.kind == kind }
    }
}

/// Python's keywords.
enum Keyword: String, CaseIterable {
    case False, None, True, and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif, `else`
    case except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not, or, pass
    case raise, `return`, `try`, `while`, with, yield
    /// Soft keywords: keywords only as the first word of a `match` statement's header, of one
    /// of its `case` clauses or of a type alias (`type Vector = list[float]`), names anywhere
    /// else (`match = pattern.match(line)`, `type(x)`).
    case match, `case`, type

    static let soft: [Keyword] = [.match, .case, .type]

    /// Each hard keyword's bytes packed into a `UInt64` (no keyword is longer than eight
    /// bytes), in order of their first byte.
    private static let packed: [(UInt64, Keyword)] = allCases.filter { !soft.contains($0) }
        .sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }
        .map { (pack($0.rawValue.utf8[...]), $0) }
    /// Where the keywords starting with each ASCII byte begin in `packed`; 129 entries.
    private static let firstByteStarts: [Int] = (0...128).map { byte in
        packed.firstIndex { (keyword) in (keyword.1.rawValue.utf8.first.map(Int.init) ?? 0) >= byte } ?? packed.count
    }

    /// The keyword spelled by `bytes`, if any.
    static func spelled(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Keyword? {
        guard bytes.count >= 2, bytes.count <= 8, let first = bytes.first, first < 0x80 else { return nil }
        let key = pack(bytes)
        for index in firstByteStarts[Int(first)]..<firstByteStarts[Int(first) + 1] where packed[index].0 == key {
            return packed[index].1
        }
        return nil
    }

    private static func pack(_ bytes: some Collection<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        return value
    }
}

/// An operator or delimiter (`(`, `==`, `...`), its one to three bytes packed into a number so
/// that comparing two is one integer comparison. Written as a string literal: `.op("->")`.
struct Operator: Equatable, ExpressibleByStringLiteral {
    let packed: UInt32

    init(packed: UInt32) {
        self.packed = packed
    }

    init(stringLiteral value: StaticString) {
        var packed: UInt32 = 0
        value.withUTF8Buffer { for byte in $0 { packed = packed << 8 | UInt32(byte) } }
        self.packed = packed
    }
}

/// The byte-level scan behind ``PythonLine``.
private struct PythonLexer {
    let bytes: UnsafeBufferPointer<UInt8>

    struct Reading {
        var tokens: [PythonLine.Token] = []
        var depth = 0
        var lexes = true
        var openTripleQuote: UInt8?
        var commentStart: Int?
        /// The statement's bounds: the bytes before any comment, without outer white space.
        var statementStart = 0
        var statementEnd = 0
    }

    func read(insideTripleQuote: UInt8?) -> Reading {
        var reading = Reading()
        // Room for a token every two bytes, which few lines exceed, and at least twelve.
        if !bytes.isEmpty { reading.tokens.reserveCapacity(max(12, bytes.count / 2)) }
        reading.openTripleQuote = insideTripleQuote
        var index = 0
        var spaceBefore = false
        func add(_ kind: PythonLine.Kind, _ start: Int, _ end: Int) {
            reading.tokens.append(PythonLine.Token(kind: kind, spaceBefore: spaceBefore, start: Int32(start), end: Int32(end)))
            spaceBefore = false
        }

        if let quote = insideTripleQuote {
            if let end = endOfTriple(quote, from: 0) {
                reading.openTripleQuote = nil
                add(.string, 0, end)
                index = end
            } else {
                index = bytes.count
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09:
                spaceBefore = true
                index += 1
            case 0x23:  // #
                reading.commentStart = index
                index = bytes.count
            case 0x22, 0x27:  // " '
                guard let (end, triple) = scanString(at: index) else {
                    reading.lexes = false
                    index = bytes.count
                    break
                }
                add(.string, index, end)
                if let triple { reading.openTripleQuote = triple }
                index = end
            case _ where isNameStart(at: index):
                let start = index
                while index < bytes.count, isNameContinue(at: index) { index += 1 }
                if index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27, index - start <= 2,
                    bytes[start..<index].allSatisfy(Self.isStringPrefix)
                {
                    continue  // a string prefix: r"", b'', f"", rb"" …
                }
                add(Keyword.spelled(bytes[start..<index]).map(PythonLine.Kind.keyword) ?? .name, start, index)
            case 0x30...0x39:
                let start = index
                while index < bytes.count, isNameContinue(at: index) || bytes[index] == 0x2E { index += 1 }
                add(.number, start, index)
            default:
                guard let length = operatorLength(at: index) else {
                    reading.lexes = false
                    index = bytes.count
                    break
                }
                switch byte {
                case 0x28, 0x5B, 0x7B: reading.depth += 1
                case 0x29, 0x5D, 0x7D: reading.depth -= 1
                default: break
                }
                var packed: UInt32 = 0
                for offset in index..<(index + length) { packed = packed << 8 | UInt32(bytes[offset]) }
                add(.op(Operator(packed: packed)), index, index + length)
                index += length
            }
        }
        var end = reading.commentStart ?? bytes.count
        var start = 0
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        (reading.statementStart, reading.statementEnd) = (start, end)
        markSoftKeyword(in: &reading)
        return reading
    }

    /// Reads a first `match` or `case` as the keyword when the line is a block header that
    /// starts with it: a subject or a pattern follows (a name, a literal, an opening bracket,
    /// `-` or `*`, not `=`, `.` or `:`) and the line ends with `:` outside brackets
    /// (`match command.split():`, `case [x, *rest]:`, `case Point(x=0) if y > 0:`); and a first
    /// `type` before a name and `=` or `[` (`type Pair[T] = tuple[T, T]`).
    private func markSoftKeyword(in reading: inout Reading) {
        let tokens = reading.tokens
        guard tokens.count >= 3, reading.depth == 0, reading.openTripleQuote == nil, tokens[0].kind == .name else { return }
        let word = bytes[Int(tokens[0].start)..<Int(tokens[0].end)]
        // Most lines start with another name: its length and first byte rule it out at once.
        guard word.count == 4 || word.count == 5, let first = word.first, first == 0x6D || first == 0x63 || first == 0x74,
            let keyword = Keyword.soft.first(where: { $0.rawValue.utf8.elementsEqual(word) })
        else { return }
        if keyword == .type {
            guard tokens[1].kind == .name, tokens[2].kind == .op("=") || tokens[2].kind == .op("[") else { return }
        } else {
            guard tokens[tokens.count - 1].kind == .op(":") else { return }
            switch tokens[1].kind {
            case .name, .number, .string, .keyword, .op("("), .op("["), .op("{"), .op("-"), .op("*"): break
            default: return
            }
        }
        reading.tokens[0].kind = .keyword(keyword)
    }

    private static func isStringPrefix(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x72, 0x52, 0x62, 0x42, 0x66, 0x46, 0x75, 0x55: true  // rRbBfFuU
        default: false
        }
    }

    private func isNameStart(at index: Int) -> Bool {
        switch bytes[index] {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: true
        case 0x80...: isAlphabeticScalar(at: index)
        default: false
        }
    }

    private func isNameContinue(at index: Int) -> Bool {
        let byte = bytes[index]
        // The ASCII name bytes (digits; letters and `_`) as bits of two masks: a name's bytes
        // are most of a line's, so this test runs more than any other.
        if byte < 0x40 { return (0x03FF_0000_0000_0000 as UInt64) >> byte & 1 != 0 }
        if byte < 0x80 { return (0x07FF_FFFE_87FF_FFFE as UInt64) >> (byte - 0x40) & 1 != 0 }
        // A continuation byte belongs to a letter already accepted.
        return byte < 0xC0 || isAlphabeticScalar(at: index)
    }

    private func isAlphabeticScalar(at index: Int) -> Bool {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.properties.isAlphabetic }
        return false
    }

    /// Scans a string literal starting at a quote; returns its end, and the quote when a
    /// triple-quoted string stays open past the end of the line.
    private func scanString(at start: Int) -> (Int, UInt8?)? {
        let quote = bytes[start]
        if start + 1 < bytes.count, bytes[start + 1] == quote {
            if start + 2 < bytes.count, bytes[start + 2] == quote {
                if let end = endOfTriple(quote, from: start + 3) { return (end, nil) }
                return (bytes.count, quote)
            }
            return (start + 2, nil)  // an empty string
        }
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x5C {
                index += 2
                continue
            }
            if byte == quote { return (index + 1, nil) }
            index += 1
        }
        return nil
    }

    private func endOfTriple(_ quote: UInt8, from start: Int) -> Int? {
        var run = 0
        var index = start
        while index < bytes.count {
            run = bytes[index] == quote ? run + 1 : 0
            index += 1
            if run == 3 { return index }
        }
        return nil
    }

    /// The length of the operator at `index` (`...`, a two-byte operator such as `==` or
    /// `->`, or a single byte), or nil when no operator starts there.
    private func operatorLength(at index: Int) -> Int? {
        let first = bytes[index]
        if index + 1 < bytes.count {
            let second = bytes[index + 1]
            if first == 0x2E, second == 0x2E, index + 2 < bytes.count, bytes[index + 2] == 0x2E { return 3 }
            if Self.isTwoByteOperator(first, second) { return 2 }
        }
        return Self.isSingleOperator(first) ? 1 : nil
    }

    /// `==`, `!=`, `<=`, `>=`, `//`, `**`, `->`, `:=`, `<<`, `>>` and the augmented assignments.
    private static func isTwoByteOperator(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first, second) {
        case (0x3D, 0x3D), (0x21, 0x3D), (0x3C, 0x3D), (0x3E, 0x3D), (0x2F, 0x2F), (0x2A, 0x2A), (0x2D, 0x3E), (0x3A, 0x3D),
            (0x3C, 0x3C), (0x3E, 0x3E):
            true
        case (0x2B, 0x3D), (0x2D, 0x3D), (0x2A, 0x3D), (0x2F, 0x3D), (0x25, 0x3D), (0x26, 0x3D), (0x7C, 0x3D), (0x5E, 0x3D), (0x40, 0x3D):
            true
        default:
            false
        }
    }

    /// `()[]{}:;,.=+-*/%<>&|^~@!\`
    private static func isSingleOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x3A, 0x3B, 0x2C, 0x2E, 0x3D, 0x2B, 0x2D, 0x2A, 0x2F, 0x25, 0x3C, 0x3E, 0x26, 0x7C, 0x5E,
            0x7E, 0x40, 0x21, 0x5C:
            true
        default:
            false
        }
    }
}

extension PythonLine {
    var firstKeyword: Keyword? {
        if case .keyword(let keyword) = tokens.first?.kind { return keyword }
        return nil
    }

    /// Two plain words side by side (`Memory Management`) or a word, a space and a
    /// parenthesis (`Decorators (Advanced)`): prose, never Python.
    var hasProseAdjacency: Bool { hasProseAdjacency(allowingSpacedCalls: false) }

    /// The same check, where `allowingSpacedCalls` accepts `f (x)`, as older Python code writes
    /// calls and definitions (`def compare (self, other):`).
    func hasProseAdjacency(allowingSpacedCalls: Bool) -> Bool {
        for (previous, token) in zip(tokens, tokens.dropFirst()) {
            switch (previous.kind, token.kind) {
            case (.name, .name): return true
            case (.name, .op("(")): if token.spaceBefore && !allowingSpacedCalls { return true }
            case (.name, .number), (.number, .name): if token.spaceBefore { return true }
            default: break
            }
        }
        return false
    }

    /// A call such as `f(x)` or `a.b()`: a name or closing bracket directly before `(`.
    var hasCall: Bool {
        for (previous, token) in zip(tokens, tokens.dropFirst()) where token.kind == .op("(") && !token.spaceBefore {
            if previous.kind == .name || previous.kind == .op(")") || previous.kind == .op("]") { return true }
        }
        return false
    }

    /// A statement that starts by calling `sys.exit`, `os._exit`, `exit` or `quit`: the
    /// process ends there (`sys.exit(main())`).
    var exitsProcess: Bool {
        guard let first = tokens.first, first.kind == .name else { return false }
        if tokens.count > 1, tokens[1].kind == .op("(") { return isName(first, "exit") || isName(first, "quit") }
        guard tokens.count > 3, tokens[1].kind == .op("."), tokens[3].kind == .op("(") else { return false }
        return (isName(first, "sys") && isName(tokens[2], "exit")) || (isName(first, "os") && isName(tokens[2], "_exit"))
    }

    /// An assignment at bracket depth zero (`x = 1`, `a.b[c] += 2`).
    var hasAssignment: Bool { assignmentPosition != nil }

    /// The position among ``tokens`` of the first assignment operator at bracket depth zero.
    var assignmentPosition: Int? {
        var depth = 0
        for (position, token) in tokens.enumerated() {
            guard case .op(let symbol) = token.kind else { continue }
            switch symbol {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=":
                // `ACID => atomicity, …`: an arrow of notes, which no Python statement holds.
                if symbol == "=", position + 1 < tokens.count, tokens[position + 1].kind == .op(">") { return nil }
                if depth == 0 { return position }
            default: break
            }
        }
        return nil
    }

    /// Whether the statement opens a block (ends with `:` outside brackets).
    var opensBlock: Bool { endsWithColon && bracketDelta == 0 && !isComment }

    /// Whether the statement ends with `:`.
    var endsWithColon: Bool {
        statementBounds.end > statementBounds.start && text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: Int(statementBounds.end) - 1)] == 0x3A
    }

    /// `name: Type` or `self.name: Type = value`: an annotated name. The name is a variable's
    /// (`entries: Dict[str, int]`) or a constant's, in capitals, with an `_` or before a
    /// subscripted type (`MAX_SIZE: int`, `VALIDATORS: ClassVar[Mapping]`; `NOTE: Important` is
    /// prose); the type is a name, or a string that names one
    /// (`parent: "Node"`, `children: "list[Node]"`), as a type defined further on is written.
    var isAnnotation: Bool {
        guard tokens.count >= 3, tokens[0].kind == .name, tokens[1].kind == .op(":") else { return false }
        switch tokens[2].kind {
        case .name: break
        case .string: guard tokens.count == 3 || tokens[3].kind == .op("="), Self.namesType(word(tokens[2])) else { return false }
        default: return false
        }
        let name = word(tokens[0])
        let subscripted = tokens.count > 3 && tokens[3].kind == .op("[")
        guard let first = name.first, first.isLowercase || first == "_" || Self.isConstantName(name, subscripted: subscripted) else { return false }
        // A comma may only stand inside brackets (`x: Dict[str, Foo]`), or after `=`.
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .op("("), .op("["), .op("{"): depth += 1
            case .op(")"), .op("]"), .op("}"): depth -= 1
            case .op(","): if depth == 0 && !hasAssignment { return false }
            default: break
            }
        }
        return true
    }

    /// A constant's name: capitals and digits, joined by `_` (`MAX_SIZE`, `HTTP_2_PORT`) unless
    /// its type is `subscripted` (`VALIDATORS: ClassVar[…]`).
    private static func isConstantName(_ name: Substring, subscripted: Bool) -> Bool {
        (subscripted || name.utf8.contains(0x5F)) && name.utf8.allSatisfy { $0 == 0x5F || $0.isASCIIUppercase || $0.isASCIIDigit }
    }

    /// Whether a string literal holds a type's name (`"Node"`, `'list[Node] | None'`): one quote
    /// on each side, and between them names, dots and brackets, a space only after `,` or
    /// beside `|` (`"Ada Lovelace, 1815"` is a value).
    private static func namesType(_ literal: Substring) -> Bool {
        literal.withBytes { bytes in
            guard bytes.count >= 3, let quote = bytes.first, quote == 0x22 || quote == 0x27, bytes.last == quote,
                bytes[1].isASCIILetter || bytes[1] == 0x5F
            else { return false }
            for index in 1..<(bytes.count - 1) {
                let byte = bytes[index]
                if byte == 0x20 {
                    guard bytes[index - 1].isOne(of: ",|") || bytes[index + 1] == 0x7C else { return false }
                } else if !(byte.isASCIILetter || byte.isASCIIDigit || byte.isOne(of: "_.[],|")) {
                    return false
                }
            }
            return true
        }
    }

    /// A line made only of closing brackets, maybe with `:` (`)`, `])`, `):`).
    var isClosingBrackets: Bool {
        !tokens.isEmpty
            && tokens.allSatisfy { token in
                switch token.kind {
                case .op(")"), .op("]"), .op("}"), .op(":"), .op(","): true
                default: false
                }
            }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        let (start, end) = withBytes { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return (start, end)
        }
        if start == 0 && end == utf8.count { return self }
        return self[utf8.index(startIndex, offsetBy: start)..<utf8.index(startIndex, offsetBy: end)]
    }
}
