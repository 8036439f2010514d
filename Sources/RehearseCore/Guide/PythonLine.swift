/// A light lexical reading of one line of Python, enough to tell code from prose and to
/// follow brackets and triple-quoted strings across lines.
///
/// It is not a parser: it answers "could this line be a Python statement?" for text whose
/// indentation was lost, where prose and code alternate without markers.
struct PythonLine {
    /// The line without its trailing comment, trimmed.
    let statement: Substring
    /// Whether the whole line is a comment.
    let isComment: Bool
    /// Tokens outside strings and comments.
    let tokens: [Token]
    /// Meaningful tokens, white space left out.
    let solidTokens: [Token]
    /// Net change in bracket depth over the line.
    let bracketDelta: Int
    /// Set when the line ends inside a triple-quoted string; holds its quote character.
    let openTripleQuote: Character?
    /// False when the line holds characters Python never has outside strings (`→`, `—`, `’`).
    let lexes: Bool

    enum Token: Equatable {
        case name(Substring)
        case keyword(Substring)
        case number
        case string
        case op(Substring)
        case whitespace

        /// Compares code as bytes: Swift's `String` equality applies Unicode canonical
        /// equivalence, which code tokens never need and which costs a lot on this hot path.
        static func == (lhs: Token, rhs: Token) -> Bool {
            switch (lhs, rhs) {
            case (.name(let left), .name(let right)), (.keyword(let left), .keyword(let right)), (.op(let left), .op(let right)):
                left.utf8.elementsEqual(right.utf8)
            case (.number, .number), (.string, .string), (.whitespace, .whitespace): true
            default: false
            }
        }
    }

    static let keywords: [String] = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ]

    /// The keywords by their first byte, for a lookup without hashing.
    private static let keywordsByFirstByte: [[[UInt8]]] = {
        var table = Array(repeating: [[UInt8]](), count: 128)
        for keyword in keywords { table[Int(keyword.utf8.first ?? 0)].append(Array(keyword.utf8)) }
        return table
    }()

    static func isKeyword(_ word: Substring) -> Bool {
        guard let first = word.utf8.first, first < 128 else { return false }
        return keywordsByFirstByte[Int(first)].contains { word.utf8.elementsEqual($0) }
    }

    /// Reads `text` as a line of Python; `insideTripleQuote` continues a string opened earlier.
    ///
    /// Works on UTF-8 bytes: guides are mostly ASCII, and grapheme-level `Character`
    /// iteration would make this the slowest step of an import.
    init(_ text: Substring, insideTripleQuote: Character? = nil) {
        let bytes = text.utf8
        var tokens: [Token] = []
        tokens.reserveCapacity(16)
        var depth = 0
        var lexes = true
        var openTriple: UInt8? = insideTripleQuote?.asciiValue
        var commentStart: String.Index?
        var index = bytes.startIndex

        if let quote = openTriple {
            if let end = PythonLine.endOfTriple(quote, in: bytes, from: index) {
                index = end
                openTriple = nil
                tokens.append(.string)
            } else {
                index = bytes.endIndex
            }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09:
                if tokens.last != .whitespace { tokens.append(.whitespace) }
                index = bytes.index(after: index)
            case 0x23:  // #
                commentStart = index
                index = bytes.endIndex
            case 0x22, 0x27:  // " '
                if let (end, triple) = PythonLine.scanString(in: bytes, at: index) {
                    tokens.append(.string)
                    if let triple {
                        openTriple = triple
                        index = bytes.endIndex
                    } else {
                        index = end
                    }
                } else {
                    lexes = false
                    index = bytes.endIndex
                }
            case _ where PythonLine.isNameStart(byte, at: index, in: text):
                let start = index
                while index < bytes.endIndex, PythonLine.isNameContinue(bytes[index], at: index, in: text) {
                    index = bytes.index(after: index)
                }
                if index < bytes.endIndex, bytes[index] == 0x22 || bytes[index] == 0x27,
                    bytes.distance(from: start, to: index) <= 2,
                    bytes[start..<index].allSatisfy({ "rRbBfFuU".utf8.contains($0) })
                {
                    continue  // a string prefix: r"", b'', f"", rb"" …
                }
                let word = text[start..<index]
                tokens.append(PythonLine.isKeyword(word) ? .keyword(word) : .name(word))
            case 0x30...0x39:
                while index < bytes.endIndex, PythonLine.isNameContinue(bytes[index], at: index, in: text) || bytes[index] == 0x2E {
                    index = bytes.index(after: index)
                }
                tokens.append(.number)
            default:
                if let length = PythonLine.operatorLength(bytes, at: index) {
                    let end = bytes.index(index, offsetBy: length)
                    let symbol = text[index..<end]
                    switch byte {
                    case 0x28, 0x5B, 0x7B: depth += 1
                    case 0x29, 0x5D, 0x7D: depth -= 1
                    default: break
                    }
                    tokens.append(.op(symbol))
                    index = end
                } else {
                    lexes = false
                    index = bytes.endIndex
                }
            }
        }
        if tokens.last == .whitespace { tokens.removeLast() }
        if tokens.first == .whitespace { tokens.removeFirst() }
        let body = commentStart.map { text[text.startIndex..<$0] } ?? text
        self.statement = body.trimmingWhitespace()
        self.isComment = tokens.isEmpty && commentStart != nil && openTriple == nil && insideTripleQuote == nil
        self.tokens = tokens
        self.solidTokens = tokens.filter { $0 != .whitespace }
        self.bracketDelta = depth
        self.openTripleQuote = openTriple.map { Character(Unicode.Scalar($0)) }
        self.lexes = lexes
    }

    private static func isNameStart(_ byte: UInt8, at index: String.Index, in text: Substring) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0x80...: return text.unicodeScalars[index].properties.isAlphabetic
        default: return false
        }
    }

    private static func isNameContinue(_ byte: UInt8, at index: String.Index, in text: Substring) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x30...0x39: return true
        case 0xC0...: return text.unicodeScalars[index].properties.isAlphabetic
        case 0x80..<0xC0: return true  // continuation byte of a letter already accepted
        default: return false
        }
    }

    /// Scans a string literal starting at a quote; returns its end, and the quote when a
    /// triple-quoted string stays open past the end of the line.
    private static func scanString(in bytes: Substring.UTF8View, at start: String.Index) -> (String.Index, UInt8?)? {
        let quote = bytes[start]
        let second = bytes.index(after: start)
        if second < bytes.endIndex, bytes[second] == quote {
            let third = bytes.index(after: second)
            if third < bytes.endIndex, bytes[third] == quote {
                let bodyStart = bytes.index(after: third)
                if let end = endOfTriple(quote, in: bytes, from: bodyStart) { return (end, nil) }
                return (bytes.endIndex, quote)
            }
            return (third, nil)  // an empty string
        }
        var index = second
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x5C {
                index = bytes.index(after: index)
                if index < bytes.endIndex { index = bytes.index(after: index) }
                continue
            }
            if byte == quote { return (bytes.index(after: index), nil) }
            index = bytes.index(after: index)
        }
        return nil
    }

    private static func endOfTriple(_ quote: UInt8, in bytes: Substring.UTF8View, from start: String.Index) -> String.Index? {
        var run = 0
        var index = start
        while index < bytes.endIndex {
            run = bytes[index] == quote ? run + 1 : 0
            index = bytes.index(after: index)
            if run == 3 { return index }
        }
        return nil
    }

    /// The length of the operator at `index` (`...`, a two-byte operator such as `==` or
    /// `->`, or a single byte), or nil when no operator starts there. Compares bytes: this
    /// runs for every symbol of every line.
    private static func operatorLength(_ bytes: Substring.UTF8View, at index: String.Index) -> Int? {
        let first = bytes[index]
        let next = bytes.index(after: index)
        if next < bytes.endIndex {
            let second = bytes[next]
            if first == 0x2E, second == 0x2E {
                let third = bytes.index(after: next)
                if third < bytes.endIndex, bytes[third] == 0x2E { return 3 }
            }
            if isTwoByteOperator(first, second) { return 2 }
        }
        return isSingleOperator(first) ? 1 : nil
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
    var firstKeyword: Substring? {
        if case .keyword(let word) = tokens.first { return word }
        return nil
    }

    var firstName: Substring? {
        if case .name(let word) = tokens.first { return word }
        return nil
    }

    /// Two plain words side by side (`Memory Management`) or a word, a space and a
    /// parenthesis (`Decorators (Advanced)`): prose, never Python.
    var hasProseAdjacency: Bool {
        var previous: Token?
        var sawSpace = false
        for token in tokens {
            if token == .whitespace {
                sawSpace = true
                continue
            }
            if case .name = previous {
                if case .name = token { return true }
                if case .number = token, sawSpace { return true }
                if sawSpace, token == .op("(") { return true }
            }
            if case .number = previous, sawSpace, case .name = token { return true }
            previous = token
            sawSpace = false
        }
        return false
    }

    /// A call such as `f(x)` or `a.b()`: a name or closing bracket directly before `(`.
    var hasCall: Bool {
        for (previous, token) in zip(tokens, tokens.dropFirst()) where token == .op("(") {
            if case .name = previous { return true }
            if previous == .op(")") || previous == .op("]") { return true }
        }
        return false
    }

    /// An assignment at bracket depth zero (`x = 1`, `a.b[c] += 2`).
    var hasAssignment: Bool {
        var depth = 0
        for token in tokens {
            guard case .op(let symbol) = token else { continue }
            switch symbol {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=": if depth == 0 { return true }
            default: break
            }
        }
        return false
    }

    /// Whether the statement opens a block (ends with `:` outside brackets).
    var opensBlock: Bool { statement.hasSuffix(":") && bracketDelta == 0 && !isComment }

    /// `name: Type` or `self.name: Type = value`: an annotated name.
    var isAnnotation: Bool {
        let solid = solidTokens
        guard solid.count >= 3, case .name(let first) = solid[0], solid[1] == .op(":") else { return false }
        guard first.first?.isLowercase == true || first.first == "_" else { return false }
        guard case .name = solid[2] else { return false }
        return !solid.contains(.op(",")) || hasAssignment
    }

    /// A line made only of closing brackets, maybe with `:` (`)`, `])`, `):`).
    var isClosingBrackets: Bool {
        let solid = solidTokens
        return !solid.isEmpty && solid.allSatisfy { [.op(")"), .op("]"), .op("}"), .op(":"), .op(",")].contains($0) }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start {
            let previous = bytes.index(before: end)
            guard bytes[previous] == 0x20 || bytes[previous] == 0x09 else { break }
            end = previous
        }
        return self[start..<end]
    }
}
