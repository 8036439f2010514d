import Foundation

/// Restores the indentation of Python code whose leading white space was lost, as happens
/// when a web page is copied as plain text.
///
/// Indentation is syntax in Python, so tokens alone do not fix it; the original is the most
/// probable program that the flat lines can be read as. ``FlatPythonBlock`` reads the lines
/// into statements, ``IndentationSearch`` finds the most probable depths among those that are
/// Python (an opener's body is deeper, `else` lines up with its `if`, `return` stands in a
/// function…), scored by a model fitted on real code (``IndentationModel``). Lines inside
/// brackets continue one level in; triple-quoted strings are kept; a comment line stands at
/// the depth of the statement after it.
///
/// Blocks that already carry indentation are kept as they are (tabs become four spaces).
struct PythonReindenter {
    static let unit = "    "

    struct Result {
        var code: String
        var warnings: [GuideWarning]
        /// The runs the block was read in, with the readings weighed against the chosen one;
        /// nil when the block kept its own indentation.
        var runs: [IndentationGuess.Run]?
    }

    /// Re-indents `lines` (text and 1-based line number in the file); `lexed`, when given,
    /// holds each line already read as Python; `readAfter`, the names the guide reads after
    /// the block (its claims'), which the block must bind at its top level. `model` is the model the search scores by and,
    /// if it is a stand-in for one that could not be read, why (warned of on the block).
    static func reindent(_ lines: [(text: Substring, line: Int)], lexed: [PythonLine]? = nil, readAfter: [String] = [],
                         model: (model: IndentationModel, problem: IndentationModelError?) = IndentationModel.shipped) -> Result {
        if lines.dropFirst().contains(where: { $0.text.first == " " || $0.text.first == "\t" }) {
            let code = lines.map { $0.text.replacingOccurrences(of: "\t", with: unit) }.joinedLines()
            return Result(code: code, warnings: [], runs: nil)
        }
        let block = FlatPythonBlock(lines: lines.map { $0.text.trimmingWhitespace() }, lexed: lexed, readAfter: readAfter)
        let outcome = IndentationSearch(block: block, model: model.model).run()
        let depths = lineDepths(block, statementDepths: outcome.depths)
        var code = ""
        code.reserveCapacity(zip(block.lines, depths).reduce(0) { $0 + $1.0.utf8.count + 4 * $1.1 + 1 })
        for (position, text) in block.lines.enumerated() {
            if position > 0 { code.append("\n") }
            for _ in 0..<depths[position] { code.append(unit) }
            code.append(contentsOf: text)
        }
        let numbers = lines.map(\.line)
        var warnings = warnings(block, outcome, numbers)
        if let problem = model.problem, let first = numbers.first {
            warnings.insert(GuideWarning(line: first, message: "indentation guessed by the rules alone: \(problem)"), at: 0)
        }
        return Result(code: code, warnings: warnings,
                      runs: runs(block, outcome, chosen: depths, numbers: numbers))
    }

    /// Each run the search read on its own, with its lines (numbered as in `numbers`) and
    /// its finalists but the chosen one: each one's probability among the run's finalists and
    /// the lines it indents differently. A finalist places only its run's statements, so only
    /// the run's lines can differ.
    private static func runs(_ block: FlatPythonBlock, _ outcome: IndentationSearch.Outcome, chosen: [Int], numbers: [Int]) -> [IndentationGuess.Run] {
        let firstLines = runFirstLines(block, starts: outcome.segments.map(\.start))
        let closingMarker = closingMarker(block)
        var depths = outcome.depths
        return outcome.segments.enumerated().map { run, segment in
            let span = firstLines[run]..<(run + 1 < firstLines.count ? firstLines[run + 1] : numbers.count)
            let lines = numbers[span.lowerBound]...numbers[max(span.lowerBound, span.upperBound - 1)]
            guard let best = segment.finalists.first else { return IndentationGuess.Run(lines: lines, rivals: []) }
            let statements = segment.start..<(segment.start + best.depths.count)
            let total = segment.finalists.reduce(0.0) { $0 + exp($1.score - best.score) }
            let rivals = segment.finalists.dropFirst().map { finalist in
                depths.replaceSubrange(statements, with: finalist.depths)
                let rivalDepths = lineDepths(block, statementDepths: depths, lines: span, closingMarker: closingMarker)
                // Counted first, so that the two lists are made once at their size.
                let differs = { (line: Int) in chosen[line] != rivalDepths[line - span.lowerBound] }
                var rival = IndentationGuess.Rival(probability: exp(finalist.score - best.score) / total, lines: [], depths: [])
                let count = span.count(where: differs)
                rival.lines.reserveCapacity(count)
                rival.depths.reserveCapacity(count)
                for line in span where differs(line) {
                    rival.lines.append(numbers[line])
                    rival.depths.append(rivalDepths[line - span.lowerBound])
                }
                return rival
            }
            depths.replaceSubrange(statements, with: best.depths)
            return IndentationGuess.Run(lines: lines, rivals: rivals)
        }
    }

    /// The first line of each run that starts at one of the statements `starts` (ascending,
    /// the first 0): the block's first line, then the line after the last line of the
    /// statement before each start (the comments between belong to the run they introduce).
    private static func runFirstLines(_ block: FlatPythonBlock, starts: [Int]) -> [Int] {
        var firstLines = [0]
        var afterLatest = 0
        for (position, role) in block.roles.enumerated() {
            switch role {
            case .statement(let index), .continuation(let index, _):
                if firstLines.count < starts.count, index == starts[firstLines.count] { firstLines.append(afterLatest) }
                afterLatest = position + 1
            case .blank, .comment:
                continue
            }
        }
        return firstLines
    }

    /// The depth of every line: statements where the search put them, continuation lines a
    /// level in per open bracket (``FlatPythonBlock/Role/continuation(_:levels:)``), a
    /// comment at the depth of the statement after it (at the end, inside the last one).
    static func lineDepths(_ block: FlatPythonBlock, statementDepths: [Int]) -> [Int] {
        lineDepths(block, statementDepths: statementDepths, lines: block.lines.indices, closingMarker: closingMarker(block))
    }

    /// The depths of the block's `lines` only, as ``lineDepths(_:statementDepths:)`` gives them;
    /// `closingMarker` is ``closingMarker(_:)`` of the block, worked out once for all its readings.
    private static func lineDepths(_ block: FlatPythonBlock, statementDepths: [Int], lines: Range<Int>, closingMarker: Int) -> [Int] {
        var depths = [Int](repeating: 0, count: lines.count)
        var nextStatement = block.roles[lines.upperBound...].lazy.compactMap { role -> Int? in
            if case .statement(let index) = role { index } else { nil }
        }.first ?? statementDepths.count
        for position in lines.reversed() {
            let depth: Int
            switch block.roles[position] {
            case .blank:
                depth = 0
            case .statement(let index):
                depth = statementDepths[index]
                nextStatement = index
            case .continuation(let index, let levels):
                depth = statementDepths[index] + levels
            case .comment:
                depth = position >= closingMarker ? 0 : commentDepth(block, statementDepths, next: nextStatement)
            }
            depths[position - lines.lowerBound] = depth
        }
        return depths
    }

    /// The first line of a numbered or ruled comment (`# --- Pagination ---`) after the block's
    /// last statement: it opens an example the block does not hold, at the margin, with the
    /// comments under it (the end of the block when there is none).
    private static func closingMarker(_ block: FlatPythonBlock) -> Int {
        let afterLast = (block.roles.lastIndex { $0 != .comment && $0 != .blank } ?? -1) + 1
        return block.lines.indices[afterLast...].first { FlatPythonBlock.commentKind(block.lines[$0]) == .marker } ?? block.lines.count
    }

    private static func commentDepth(_ block: FlatPythonBlock, _ depths: [Int], next: Int) -> Int {
        if next < depths.count { return depths[next] }
        let previous = next - 1
        return previous >= 0 ? depths[previous] + (block.statements[previous].opens ? 1 : 0) : 0
    }

    private static func warnings(_ block: FlatPythonBlock, _ outcome: IndentationSearch.Outcome, _ numbers: [Int]) -> [GuideWarning] {
        var warnings: [GuideWarning] = []
        for (index, violation) in outcome.violations {
            let line = numbers[block.statements[index].head]
            let message: String
            switch violation {
            case .clauseWithoutPartner(let keyword): message = "`\(keyword.rawValue)` has no matching block above it"
            case .outsideCase: message = "only `case` clauses stand directly in a `match` block, yet this statement stands there however the block is indented"
            case .tryWithoutHandler: message = "a `try` block here has no `except` or `finally`; the original may not be valid Python"
            case .outsideFunction(let word): message = "`\(word.rawValue)` stands outside a function however the block is indented"
            case .outsideLoop(let word): message = "`\(word.rawValue)` stands outside a loop however the block is indented"
            case .methodInsideMethod: message = "this method is defined inside another method's body however the block is indented; check where the method above it ends in the original"
            case .unreachable: message = "this statement follows a `return`, `raise`, `break` or `continue`, or a `while True:` loop with no `break`, in the same block however the block is indented, so it can never run; check the lines above it in the original"
            case .afterPlaceholder: message = "this statement follows a `pass` or `...` in the same block however the block is indented; check where the block above it ends in the original"
            case .hiddenFromClaims: message = "the claims after this block use a name this statement binds, yet it stands inside a function or class body however the block is indented; check where the function or class above it ends in the original"
            case .nestedMainGuard: message = "`if __name__ == \"__main__\":` stands inside a block however the block is indented; check where the block above it ends in the original"
            case .afterMainGuard: message = "this statement follows the body of `if __name__ == \"__main__\":`, which ends a script, however the block is indented; check where the guard's body ends in the original"
            case .namesClassInItsBody: message = "this statement names the class whose body holds it however the block is indented, and that name is bound only once the body has run; check where the class ends in the original"
            // Guides show `await` at the top level as an asyncio REPL or notebook runs it: no warning.
            case .outsideCoroutine: continue
            }
            warnings.append(GuideWarning(line: line, message: message))
        }
        // An opener whose body is missing: the last statement of a run, or the next statement
        // does not stand deeper.
        for (index, statement) in block.statements.enumerated() where statement.opens {
            let next = index + 1
            if next >= outcome.depths.count || outcome.depths[next] <= outcome.depths[index] {
                let keyword = statement.kind == .def ? "def" : String(block.lines[statement.head].prefix { $0.isLetter })
                warnings.append(GuideWarning(line: numbers[statement.head], message: "the `\(keyword.isEmpty ? "block" : keyword)` block opened here has no body; the original may not be valid Python"))
            }
        }
        return warnings.sorted { $0.line < $1.line }
    }
}
