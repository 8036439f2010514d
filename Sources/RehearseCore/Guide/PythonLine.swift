import Foundation

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
    }

    static let keywords: Set<Substring> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ]

    /// Reads `text` as a line of Python; `insideTripleQuote` continues a string opened earlier.
    init(_ text: Substring, insideTripleQuote: Character? = nil) {
        var tokens: [Token] = []
        var depth = 0
        var lexes = true
        var openTriple = insideTripleQuote
        var commentStart: String.Index?
        var index = text.startIndex

        if let quote = insideTripleQuote {
            if let end = PythonLine.endOfTriple(quote, in: text, from: index) {
                index = end
                openTriple = nil
                tokens.append(.string)
            } else {
                index = text.endIndex
            }
        }
        while index < text.endIndex {
            let char = text[index]
            if char == " " || char == "\t" {
                if tokens.last != .whitespace { tokens.append(.whitespace) }
                index = text.index(after: index)
            } else if char == "#" {
                commentStart = index
                break
            } else if char == "\"" || char == "'" {
                let afterPrefix = index
                if let (end, triple) = PythonLine.scanString(in: text, at: afterPrefix) {
                    tokens.append(.string)
                    if let triple {
                        openTriple = triple
                        index = text.endIndex
                    } else {
                        index = end
                    }
                } else {
                    lexes = false
                    index = text.endIndex
                }
            } else if char.isLetter || char == "_" {
                let start = index
                while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "_" {
                    index = text.index(after: index)
                }
                let word = text[start..<index]
                // String prefixes: r"", b'', f"", rb"" …
                if index < text.endIndex, text[index] == "\"" || text[index] == "'", word.count <= 2,
                    word.allSatisfy({ "rRbBfFuU".contains($0) })
                {
                    continue
                }
                tokens.append(PythonLine.keywords.contains(word) ? .keyword(word) : .name(word))
            } else if char.isNumber {
                while index < text.endIndex, text[index].isNumber || text[index].isLetter || text[index] == "_" || text[index] == "." {
                    index = text.index(after: index)
                }
                tokens.append(.number)
            } else if let length = PythonLine.operatorLength(text, at: index) {
                let end = text.index(index, offsetBy: length)
                let symbol = text[index..<end]
                if symbol == "(" || symbol == "[" || symbol == "{" { depth += 1 }
                if symbol == ")" || symbol == "]" || symbol == "}" { depth -= 1 }
                tokens.append(.op(symbol))
                index = end
            } else {
                lexes = false
                index = text.index(after: index)
            }
        }
        if tokens.last == .whitespace { tokens.removeLast() }
        if tokens.first == .whitespace { tokens.removeFirst() }
        let body = commentStart.map { text[text.startIndex..<$0] } ?? text
        self.statement = body.trimmingWhitespace()
        self.isComment = tokens.isEmpty && commentStart != nil && openTriple == nil && insideTripleQuote == nil
        self.tokens = tokens
        self.bracketDelta = depth
        self.openTripleQuote = openTriple
        self.lexes = lexes
    }

    /// Scans a string literal starting at a quote; returns its end, and the quote when a
    /// triple-quoted string stays open past the end of the line.
    private static func scanString(in text: Substring, at start: String.Index) -> (String.Index, Character?)? {
        let quote = text[start]
        let rest = text[start...]
        if rest.hasPrefix(String(repeating: quote, count: 3)) {
            let bodyStart = text.index(start, offsetBy: 3)
            if let end = endOfTriple(quote, in: text, from: bodyStart) { return (end, nil) }
            return (text.endIndex, quote)
        }
        var index = text.index(after: start)
        while index < text.endIndex {
            let char = text[index]
            if char == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if char == quote { return (text.index(after: index), nil) }
            index = text.index(after: index)
        }
        return nil
    }

    private static func endOfTriple(_ quote: Character, in text: Substring, from start: String.Index) -> String.Index? {
        let closing = String(repeating: quote, count: 3)
        guard let range = text[start...].range(of: closing) else { return nil }
        return range.upperBound
    }

    private static let twoCharOperators: Set<Substring> = [
        "==", "!=", "<=", ">=", "//", "**", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "@=", "<<", ">>",
    ]

    private static func operatorLength(_ text: Substring, at index: String.Index) -> Int? {
        let next = text.index(after: index)
        if next < text.endIndex {
            let pair = text[index...next]
            if pair == "..", text.index(after: next) < text.endIndex, text[text.index(after: next)] == "." { return 3 }
            if twoCharOperators.contains(pair) { return 2 }
        }
        return "()[]{}:;,.=+-*/%<>&|^~@!\\".contains(text[index]) ? 1 : nil
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

    /// Meaningful tokens, white space left out.
    var solidTokens: [Token] { tokens.filter { $0 != .whitespace } }

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

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start {
            let previous = index(before: end)
            guard self[previous] == " " || self[previous] == "\t" else { break }
            end = previous
        }
        return self[start..<end]
    }
}
