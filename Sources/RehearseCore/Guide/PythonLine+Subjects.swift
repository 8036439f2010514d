/// The dotted names a line tests or clears, for the whole-reading counts of ``ReadingFlaws``:
/// `if self.conn:` guards what `self.conn = None` later releases.
extension PythonLine {
    /// The tokens of the dotted name an `if` line tests is there: `x` in `if x:`, `self.conn` in
    /// `if self.conn is not None:`, either followed by `and …`. Nil for any other test.
    var presenceTestTokens: Range<Int>? {
        guard tokens.count >= 3, tokens[0].kind == .keyword(.if), let end = dottedNameEnd(from: 1) else { return nil }
        var next = end
        if next + 2 < tokens.count, tokens[next].kind == .keyword(.is), tokens[next + 1].kind == .keyword(.not),
            tokens[next + 2].kind == .keyword(.None)
        {
            next += 3
        }
        guard next < tokens.count, tokens[next].kind == .op(":") || tokens[next].kind == .keyword(.and) else { return nil }
        return 1..<end
    }

    /// The spelling of ``presenceTestTokens``.
    var presenceTestSubject: Substring? {
        presenceTestTokens.map { text(from: tokens[$0.lowerBound], through: tokens[$0.upperBound - 1]) }
    }

    /// The dotted name a line sets to `None` and nothing else: `self.conn` in `self.conn = None`.
    var noneAssignmentTarget: Substring? {
        guard let end = dottedNameEnd(from: 0), tokens.count == end + 2,
            tokens[end].kind == .op("="), tokens[end + 1].kind == .keyword(.None)
        else { return nil }
        return text(from: tokens[0], through: tokens[end - 1])
    }

    /// The position after the dotted name (`a`, `a.b.c`) that starts at token `start`, if one does.
    private func dottedNameEnd(from start: Int) -> Int? {
        guard start < tokens.count, tokens[start].kind == .name else { return nil }
        var end = start + 1
        while end + 1 < tokens.count, tokens[end].kind == .op("."), tokens[end + 1].kind == .name { end += 2 }
        return end
    }
}
