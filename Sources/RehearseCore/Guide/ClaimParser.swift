import Foundation

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

    /// The claims of one line, and the Python statements before them on the line that set
    /// them up (`x = [3, 1]; sorted(x) → [1, 3]`).
    struct ClaimLine: Equatable {
        var setup: [String] = []
        var claims: [Claim] = []
    }

    /// Reads the claims of a line: the whole line (a bullet or numbered item's text), or,
    /// in prose, each inline code span that holds one (`` a day has `24 * 60 * 60 → 86400` seconds ``)
    /// or each pair of spans the arrow joins (`` checks: `round(2.5)` → `2` and `len("ab")` → `2` ``).
    /// In prose a verb that states a result joins a pair of spans as the arrow does
    /// (`` `len({1, 2, 2})` returns `2`. ``, ``` evaluates to ```, ``` gives ```, ``` is ```) when the
    /// left one computes something (a call, an operator, a subscript) and the right one ends
    /// the clause: `` `d.get(k)` returns `None` when the key is missing `` states a condition,
    /// not a result.
    static func claims(in text: Substring) -> ClaimLine {
        let hasArrow = text.containsBytes("→")
        guard hasArrow || joinsResult(text) else { return ClaimLine() }
        let line = text.bulletText ?? text.numberedText ?? text
        var spans = ClaimLine()
        let found = codeSpans(in: line)
        if hasArrow {
            let whole = claims(inStatements: line.hasPrefix("`") && line.hasSuffix("`") ? line.dropFirst().dropLast() : line)
            guard whole.claims.isEmpty else { return whole }
            for span in found where span.containsBytes("→") {
                let inSpan = claims(inStatements: span)
                spans.setup += inSpan.setup
                spans.claims += inSpan.claims
            }
            guard spans.claims.isEmpty else { return spans }
        }
        // `expr` → `value`, `expr` returns `value`: two spans joined by the arrow or a verb.
        for (expr, value) in zip(found, found.dropFirst()) where isExpression(expr) {
            let between = line[expr.endIndex..<value.startIndex]
            let joined = hasArrow && between.filter({ $0 != "`" && $0 != " " }) == "→"
                || statesResult(between) && computes(expr) && endsClause(after: value, in: line)
            if joined, let expected = expectedValue(value) { spans.claims.append(Claim(expr: String(expr), expected: String(expected))) }
        }
        return spans
    }

    /// A verb between two code spans, backticks included, that states the value the first one has.
    private static let resultJoins: [StaticString] = ["` returns `", "` evaluates to `", "` gives `", "` is `", "` equals `", "` is equal to `"]

    /// Whether a verb that states a result stands between two code spans somewhere in `text`:
    /// one pass over its bytes, looking on at each backtick.
    private static func joinsResult(_ text: Substring) -> Bool {
        text.withBytes { bytes in
            var start = 0
            while let backtick = bytes[start...].firstIndex(of: 0x60) {
                if resultJoins.contains(where: { join in join.withUTF8Buffer { bytes[backtick...].starts(with: $0) } }) { return true }
                start = backtick + 1
            }
            return false
        }
    }

    /// Whether the text between two code spans (their backticks included) is a verb that states a result.
    private static func statesResult(_ between: Substring) -> Bool {
        resultJoins.contains { join in join.withUTF8Buffer { between.utf8.elementsEqual($0) } }
    }

    /// Whether an expression computes something: it calls, subscripts or applies an operator
    /// (`in`, `not` and the like too), as opposed to naming a value (`` `x` is `None` `` says
    /// what a variable holds somewhere).
    private static func computes(_ expr: Substring) -> Bool {
        PythonLine(expr).tokens.contains { token in
            switch token.kind {
            case .op(let op): op != "."
            case .keyword(let keyword): [.in, .is, .not, .and, .or, .if].contains(keyword)
            default: false
            }
        }
    }

    /// Whether the code span `value` of `line` ends its clause: the line ends after it, or a
    /// period or semicolon follows, or a comma or `and` (or both) before another span.
    private static func endsClause(after value: Substring, in line: Substring) -> Bool {
        let rest = line[value.endIndex...].dropFirst().trimmingWhitespace()
        guard let first = rest.first else { return true }
        if first == "." || first == ";" { return true }
        var next = first == "," ? rest.dropFirst().trimmingWhitespace() : rest
        if next.hasPrefix("and ") { next = next.dropFirst(4).trimmingWhitespace() }
        return next.first == "`" && next.startIndex != rest.startIndex
    }

    private static func claims(inStatements line: Substring) -> ClaimLine {
        var result = ClaimLine()
        var setup: [String] = []
        for segment in splitStatements(line) {
            // One arrow: the expression before it, the value after.
            guard let arrow = segment.range(ofBytes: "→"), segment[arrow.upperBound...].range(ofBytes: "→") == nil else {
                if result.claims.isEmpty, !segment.containsBytes("→"), isSetup(segment.trimming("`")) { setup.append(String(segment.trimming("`"))) }
                continue
            }
            let expr = segment[..<arrow.lowerBound].trimmingWhitespace().trimming("`")
            let value = expectedValue(segment[arrow.upperBound...].trimmingWhitespace().trimming("`"))
            guard let value, isExpression(expr) else { continue }
            result.claims.append(Claim(expr: String(expr), expected: String(value)))
        }
        if !result.claims.isEmpty { result.setup = setup }
        return result
    }

    /// The text of each `inline code span` of a line.
    private static func codeSpans(in line: Substring) -> [Substring] {
        // Found byte by byte: a walk over characters would break every grapheme of the line.
        var spans: [Substring] = []
        let utf8 = line.utf8
        var rest = utf8.startIndex
        while let open = utf8[rest...].firstIndex(of: 0x60) {
            let after = utf8.index(after: open)
            guard let close = utf8[after...].firstIndex(of: 0x60) else { break }
            spans.append(line[after..<close])
            rest = utf8.index(after: close)
        }
        return spans
    }

    /// The statements in a prose line's code spans that bind names: what a lead-in such as
    /// "With a frozen clock, `bucket = TokenBucket(2, 1)`:" sets up for claims below it. Only
    /// assignments and imports: a call in prose (`` `bucket.allow()` takes a token ``) names
    /// what is run, it does not run it.
    static func bindingSpans(in line: Substring) -> [String] {
        // Asked of every line of prose: most have no backtick, or no `=` or `import` to bind with.
        func has(_ byte: UInt8) -> Bool {
            line.withBytes { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
        }
        guard has(0x60), has(0x3D) || line.containsBytes("import "), !line.containsBytes("→") else { return [] }
        return codeSpans(in: line).compactMap { span in
            let statement = span.trimmingWhitespace()
            let python = PythonLine(statement)
            return isSetup(python, raw: statement, allowingCalls: false) ? String(statement) : nil
        }
    }

    /// A line that sets up the claims after it: Python assignments, calls and imports.
    static func isSetup(_ text: Substring) -> Bool {
        !text.containsBytes("→") && isSetup(PythonLine(text), raw: text, allowingCalls: true)
    }

    /// Whether `line` (read from `raw`) is Python that binds a name, by an assignment or an
    /// import, or, when `allowingCalls`, calls something.
    private static func isSetup(_ line: PythonLine, raw: Substring, allowingCalls: Bool) -> Bool {
        let binds = line.hasAssignment || line.firstKeyword == .import || line.firstKeyword == .from
        return line.lexes && !line.hasProseAdjacency && (binds || allowingCalls && line.hasCall) && CodeLineClassifier.startsPython(line, raw: raw)
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
