/// Results stated in comments on the lines of a block of Python that show them:
/// `quorum_ok(3, 2, 2)  # → True`, `len(cache)  # -> 2`, `ring.lookup("a")  # => 'db2'`.
///
/// Guides state what an expression gives in code as they do in prose
/// (`type(42) → <class 'int'>`), and the code lab checks both. A line makes a claim when it
/// stands at the block's top level, its code is an expression whose value a session would echo
/// (``PythonSession/isClaimable(_:)``: no assignment, block or `print`), and its comment is an arrow and a
/// Python value; the block's lines before it are its setup. A line in a function's body does
/// not run on its own, and a comment in words (`# -> returns the list`) states no value.
enum ResultComments {
    /// Each result the block's comments state, with the block's lines before it as its setup
    /// (a line whose claim is an exception stops the run there, so it is left out of the setup
    /// of the claims after it).
    static func shown(in code: String) -> [PythonSession.Shown] {
        guard hasArrowComment(code) else { return [] }
        var found: [PythonSession.Shown] = []
        var setup: [Substring] = []
        var bracketDepth = 0
        var tripleQuote: UInt8?
        for (position, text) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = PythonLine(text, insideTripleQuote: tripleQuote)
            let startsStatement = bracketDepth == 0
            bracketDepth = max(0, bracketDepth + line.bracketDelta)
            tripleQuote = line.openTripleQuote
            if startsStatement, text.first?.isWhitespace == false, let claim = claim(on: line) {
                found.append(PythonSession.Shown(
                    expr: claim.expr, expected: claim.expected,
                    setup: setup.isEmpty ? nil : setup.joinedLines(), line: position))
                if PythonSession.isExceptionLine(Substring(claim.expected)) { continue }
            }
            setup.append(text)
        }
        return found
    }

    /// The claim a top-level line states in its comment, if it states one.
    private static func claim(on line: PythonLine) -> ClaimParser.Claim? {
        let statement = line.statement
        guard PythonSession.isClaimable(statement), let comment = comment(of: line) else { return nil }
        guard let arrow = arrows.first(where: { comment.hasPrefix($0) }) else { return nil }
        let value = comment.dropFirst(arrow.count).trimmingWhitespace()
        guard !value.isEmpty else { return nil }
        let parsed = ClaimParser.claims(in: Substring("\(statement) → \(value)"))
        guard parsed.setup.isEmpty, parsed.claims.count == 1, let claim = parsed.claims.first,
            claim.expr == String(statement)
        else { return nil }
        return claim
    }

    /// The text of the line's comment after its `#`, trimmed; nil when it has none.
    private static func comment(of line: PythonLine) -> Substring? {
        let after = line.text[line.statement.endIndex...].trimmingWhitespace()
        guard after.first == "#" else { return nil }
        return after.dropFirst().trimmingWhitespace()
    }

    /// Whether a `#` is followed, past spaces, by an arrow anywhere in `code`: most blocks
    /// state no result, and are not read line by line.
    private static func hasArrowComment(_ code: String) -> Bool {
        var code = code
        return code.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: "#") else { continue }
                var after = index + 1
                while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
                let rest = UnsafeBufferPointer(rebasing: bytes[after...])
                if arrows.contains(where: { rest.starts(with: $0.utf8) }) { return true }
            }
            return false
        }
    }

    /// How a comment points to the result.
    private static let arrows = ["→", "->", "=>"]
}
