/// Finds executable claims written `expr → value` (`type(42) → <class 'int'>`,
/// `a == b → True; a is b → False`).
///
/// Only a Python expression on the left and a Python value on the right make a claim:
/// `I/O-bound threads: GIL is released → concurrency ok` is prose with an arrow.
enum ClaimParser {
    struct Claim: Equatable {
        var expr: String
        var expected: String
    }

    static func claims(in text: Substring) -> [Claim] {
        guard text.containsBytes("→") else { return [] }
        var line = text.bulletText ?? text
        if line.hasPrefix("`") && line.hasSuffix("`") { line = line.dropFirst().dropLast() }
        var result: [Claim] = []
        for segment in splitStatements(line) {
            // One arrow: the expression before it, the value after.
            guard let arrow = segment.range(ofBytes: "→"), segment[arrow.upperBound...].range(ofBytes: "→") == nil else { continue }
            let expr = segment[..<arrow.lowerBound].trimmingWhitespace().trimming("`")
            let value = expectedValue(segment[arrow.upperBound...].trimmingWhitespace().trimming("`"))
            guard let value, isExpression(expr) else { continue }
            result.append(Claim(expr: String(expr), expected: String(value)))
        }
        return result
    }

    /// A line that sets up the claims after it: Python assignments and nothing else.
    static func isSetup(_ text: Substring) -> Bool {
        guard !text.containsBytes("→") else { return false }
        let line = PythonLine(text)
        return line.lexes && !line.hasProseAdjacency && line.hasAssignment
            && CodeLineClassifier.startsPython(line, raw: text)
    }

    private static func isExpression(_ text: Substring) -> Bool {
        let line = PythonLine(text)
        guard line.lexes, !line.hasProseAdjacency, line.bracketDelta == 0, !line.hasAssignment else { return false }
        var depth = 0
        for token in line.tokens {
            switch token.kind {
            case .op("("), .op("["), .op("{"): depth += 1
            case .op(")"), .op("]"), .op("}"): depth -= 1
            case .op(":") where depth == 0: return false
            default: break
            }
        }
        return !line.tokens.isEmpty
    }

    /// The value a claim expects, without a trailing remark such as `(metaclass)`.
    private static func expectedValue(_ text: Substring) -> Substring? {
        guard let first = text.first else { return nil }
        var end: String.Index?
        switch first {
        case "<": end = matchingClose(in: text, open: UInt8(ascii: "<"), close: UInt8(ascii: ">"))
        case "[": end = matchingClose(in: text, open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
        case "(": end = matchingClose(in: text, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
        case "{": end = matchingClose(in: text, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
        case "'", "\"":
            end = text.dropFirst().firstIndex(of: first).map { text.index(after: $0) }
        default:
            let word = text.prefix { $0.isLetter || $0.isNumber || "._-+".contains($0) }
            let isLiteral = ["True", "False", "None"].contains(word) || Double(word) != nil
                || word.first?.isUppercase == true && (word.hasSuffix("Error") || word.hasSuffix("Exception"))
            if isLiteral { end = word.endIndex }
        }
        guard let end else { return nil }
        let rest = text[end...].trimmingWhitespace()
        guard rest.isEmpty || rest.first == "(" && rest.last == ")" || rest.first == "#" else { return nil }
        return text[..<end]
    }

    /// Just past the `close` byte that balances the `open` byte `text` starts with.
    private static func matchingClose(in text: Substring, open: UInt8, close: UInt8) -> String.Index? {
        var depth = 0
        let bytes = text.utf8
        for index in bytes.indices {
            if bytes[index] == open { depth += 1 }
            if bytes[index] == close {
                depth -= 1
                if depth == 0 { return bytes.index(after: index) }
            }
        }
        return nil
    }

    /// Splits at `;` outside quotes and brackets; all of them ASCII, so bytes will do.
    private static func splitStatements(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: UInt8?
        let bytes = text.utf8
        var start = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): quote = byte
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ";") where depth == 0:
                parts.append(text[start..<index])
                start = bytes.index(after: index)
            default: break
            }
        }
        parts.append(text[start...])
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension Substring {
    /// The text without `character` at either end.
    func trimming(_ character: Character) -> Substring {
        var result = self
        while result.first == character { result = result.dropFirst() }
        while result.last == character { result = result.dropLast() }
        return result
    }
}
