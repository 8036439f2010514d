import Foundation

/// Restores the indentation of Python code whose leading white space was lost, as happens
/// when a web page is copied as plain text.
///
/// Indentation is syntax in Python, so it cannot be recovered from the tokens alone; the
/// reindenter reads the cues a human reader uses:
/// - a line ending in `:` opens a block; `return`, `raise`, `pass`, `continue`, `break` and
///   `...` close the block they end;
/// - `elif`/`else`/`except`/`finally` line up with their `if`/`try`/`for`;
/// - a `def` whose first parameter is `self` or `cls` (or a dunder) is a method of the open
///   class; `return wrapper` returns at the level where `def wrapper` stands;
/// - a nested `def` uses the enclosing function's names, a sibling does not;
/// - calling a function whose body is open (`asyncio.run(main())`) ends that body;
/// - a comment line that does not follow a block opener introduces a new example and
///   starts again at the left margin;
/// - statements inside brackets continue one level in; triple-quoted strings are kept.
///
/// Blocks that already carry indentation are kept as they are (tabs become four spaces).
struct PythonReindenter {
    static let unit = "    "

    struct Result {
        var code: String
        var warnings: [GuideWarning]
    }

    /// Re-indents `lines` (text and 1-based line number in the file); `lexed`, when given,
    /// holds each line already read as Python.
    static func reindent(_ lines: [(text: Substring, line: Int)], lexed: [PythonLine]? = nil) -> Result {
        if lines.dropFirst().contains(where: { $0.text.first == " " || $0.text.first == "\t" }) {
            let code = lines.map { $0.text.replacingOccurrences(of: "\t", with: unit) }.joined(separator: "\n")
            return Result(code: code, warnings: [])
        }
        let trimmed = lines.map { ($0.text.trimmingWhitespace(), $0.line) }
        var state = ReindentState(lines: trimmed, lexed: lexed?.count == lines.count ? lexed : nil)
        state.run()
        var code = ""
        code.reserveCapacity(state.output.reduce(0) { $0 + $1.text.utf8.count + 4 * max($1.depth, 0) + 1 })
        for (position, line) in state.output.enumerated() {
            if position > 0 { code.append("\n") }
            for _ in 0..<max(line.depth, 0) { code.append(unit) }
            code.append(contentsOf: line.text)
        }
        return Result(code: code, warnings: state.warnings)
    }
}

/// The walk over one block of flattened Python.
private struct ReindentState {
    struct OpenBlock {
        /// The keyword that opened the block; nil for a statement without one (`x = {`).
        var keyword: Keyword?
        var depth: Int
        var line: Int
        var name: Substring?
        var names: Set<String>
        var bodyStatements = 0
        var docstringOnly = false
        var hasElse = false
        var terminated = false

        /// Whether the block is the `def` or `class` that defines `name`.
        func isDefinition(named name: Substring) -> Bool {
            (keyword == .def || keyword == .class) && self.name.map { $0.utf8.elementsEqual(name.utf8) } == true
        }
    }

    struct OutputLine {
        var depth: Int
        var text: Substring
    }

    let lines: [(text: Substring, line: Int)]
    /// Each line read once as Python; the cues look ahead and back over them repeatedly.
    let lexed: [PythonLine]
    var output: [OutputLine] = []
    var warnings: [GuideWarning] = []
    var stack: [OpenBlock] = []
    var depth = 0
    var afterOpener = false
    var pendingDecorators: [Int] = []
    var pendingDecoratorNames: Set<String> = []

    init(lines: [(text: Substring, line: Int)], lexed: [PythonLine]?) {
        self.lines = lines
        self.lexed = lexed ?? lines.map { PythonLine($0.text) }
    }

    mutating func run() {
        var index = 0
        while index < lines.count {
            index = place(at: index)
        }
        for block in stack where block.bodyStatements == 0 { warnEmpty(block) }
    }

    /// Places the statement starting at `index` and its continuation lines; returns the next index.
    private mutating func place(at index: Int) -> Int {
        let (text, lineNumber) = lines[index]
        let line = lexed[index]
        if text.isEmpty {
            output.append(OutputLine(depth: 0, text: ""))
            return index + 1
        }
        if line.isComment {
            placeComment(text, at: index)
            return index + 1
        }
        if line.tokens.first?.kind == .op("@") {
            if pendingDecorators.isEmpty { pendingDecoratorNames = [] }
            pendingDecoratorNames.formUnion(line.referencedNames)
            pendingDecorators.append(output.count)
            output.append(OutputLine(depth: depth, text: text))
            return placeContinuation(of: line, from: index, statementDepth: depth, isDecorator: true)
        }
        let statementDepth = depthFor(line, at: index)
        closeBlocks(atOrAbove: statementDepth)
        if !pendingDecorators.isEmpty {
            let shift = statementDepth - output[pendingDecorators[0]].depth
            for position in pendingDecorators[0]..<output.count { output[position].depth += shift }
            pendingDecorators = []
        }
        output.append(OutputLine(depth: statementDepth, text: text))
        recordStatement(line)
        let next = placeContinuation(of: line, from: index, statementDepth: statementDepth, isDecorator: false)
        let lastLine = lexed[next - 1]
        let opens = (next - 1 > index ? lastLine.endsWithColon : line.opensBlock)
        if opens {
            stack.append(openBlock(for: line, depth: statementDepth, line: lineNumber))
            depth = statementDepth + 1
            afterOpener = true
        } else if line.isTerminal {
            depth = max(statementDepth - 1, 0)
            if let top = stack.last, top.depth == depth { stack[stack.count - 1].terminated = true }
            closeBlocks(atOrAbove: depth + 1)
            afterOpener = false
        } else {
            depth = statementDepth
            afterOpener = false
        }
        return next
    }

    /// Lines inside open brackets or an open triple-quoted string.
    private mutating func placeContinuation(of line: PythonLine, from index: Int, statementDepth: Int, isDecorator: Bool) -> Int {
        var brackets = line.bracketDelta
        var openQuote = line.openTripleQuote
        var next = index + 1
        while next < lines.count, brackets > 0 || openQuote != nil {
            let text = lines[next].text
            let continuation = PythonLine(text, insideTripleQuote: openQuote)
            if openQuote != nil {
                output.append(OutputLine(depth: statementDepth, text: text))
            } else {
                let closes = text.first.map { ")]}".contains($0) } ?? false
                output.append(OutputLine(depth: statementDepth + (closes ? 0 : 1), text: text))
                recordNames(continuation)
            }
            brackets += continuation.bracketDelta
            openQuote = continuation.openTripleQuote
            next += 1
        }
        return next
    }

    private mutating func placeComment(_ text: Substring, at index: Int) {
        let marksExample = text.dropFirst().trimmingWhitespace().first.map { $0.isNumber || $0 == "-" || $0 == "=" } ?? false
        if afterOpener && !marksExample {
            output.append(OutputLine(depth: depth, text: text))
            return
        }
        if let next = nextStatement(after: index), next.continuesBody {
            let partnerDepth = next.firstKeyword.flatMap { partnerPosition(for: $0) }.map { stack[$0].depth }
            output.append(OutputLine(depth: partnerDepth ?? depth, text: text))
            return
        }
        for block in stack where block.bodyStatements == 0 { warnEmpty(block) }
        stack = []
        depth = 0
        afterOpener = false
        output.append(OutputLine(depth: 0, text: text))
    }

    private func nextStatement(after index: Int) -> PythonLine? {
        lexed[(index + 1)...].first { !$0.isComment && !$0.statement.isEmpty }
    }

    /// The depth of a statement, from the cues listed on ``PythonReindenter``.
    private mutating func depthFor(_ line: PythonLine, at index: Int) -> Int {
        let keyword = line.firstKeyword
        if let keyword, [.elif, .else, .except, .finally].contains(keyword) {
            return depthOfPartner(for: keyword, line: lines[index].line)
        }
        if line.isDefinition {
            return depthForDefinition(line, at: index)
        }
        if keyword == .return, let name = line.returnedName,
            let position = stack.lastIndex(where: { $0.isDefinition(named: name) })
        {
            return stack[position].depth
        }
        if keyword != .return && keyword != .yield && keyword != .raise && !afterOpener,
            let position = stack.lastIndex(where: { $0.keyword == .def && $0.name.map(line.calls) == true })
        {
            return stack[position].depth
        }
        if !afterOpener, let top = stack.last, top.bodyStatements > 0, !top.terminated {
            if keyword == .return, top.keyword == .if, !top.hasElse { return top.depth }
            if top.keyword == .for, !top.names.isEmpty, line.referencedNames.isDisjoint(with: top.names),
                !line.isTerminal
            {
                return top.depth
            }
        }
        return depth
    }

    /// Where the block that `elif`/`else`/`except`/`finally` continues stands on the stack.
    private func partnerPosition(for keyword: Keyword) -> Int? {
        let partners: [Keyword] =
            switch keyword {
            case .except: [.try, .except]
            case .finally: [.try, .except, .else]
            case .elif: [.if, .elif]
            case .else: [.if, .elif, .for, .while, .try, .except]
            default: []
            }
        return stack.lastIndex { $0.keyword.map(partners.contains) ?? false }
    }

    private mutating func depthOfPartner(for keyword: Keyword, line: Int) -> Int {
        if let position = partnerPosition(for: keyword) {
            if keyword == .else || keyword == .elif { stack[position].hasElse = true }
            return stack[position].depth
        }
        warnings.append(GuideWarning(line: line, message: "`\(keyword.rawValue)` has no matching block above it"))
        return max(depth - 1, 0)
    }

    private func depthForDefinition(_ line: PythonLine, at index: Int) -> Int {
        let isClass = line.definitionKeyword == .class
        let classPosition = stack.lastIndex { $0.keyword == .class }
        let functionPosition = stack.lastIndex { $0.keyword == .def }
        if !isClass, line.isMethod || pendingDecoratorNames.contains(where: { ["staticmethod", "classmethod", "property", "validator", "field_validator"].contains($0) }),
            let classPosition, functionPosition.map({ $0 < classPosition }) ?? true || line.isMethod
        {
            return stack[classPosition].depth + 1
        }
        if afterOpener { return depth }
        if isClass {
            if let classPosition, let name = line.definedName, ["Meta", "Config"].contains(name) {
                return stack[classPosition].depth + 1
            }
            return 0
        }
        if let functionPosition, classPosition.map({ $0 < functionPosition }) ?? true {
            let enclosing = stack[functionPosition]
            if enclosing.docstringOnly && enclosing.bodyStatements == 1 { return depth }
            return usesNames(of: enclosing, definedAt: index, parameters: line.parameterNames) ? depth : enclosing.depth
        }
        if let classPosition { return stack[classPosition].depth }
        return depth
    }

    /// Whether the `def` at `index` (its decorators, or the lines after it up to the next
    /// definition) uses a name bound in the enclosing function, other than its own parameters:
    /// then it is nested in that function rather than a sibling of it.
    private func usesNames(of enclosing: OpenBlock, definedAt index: Int, parameters: Set<String>) -> Bool {
        let isOuterName = { (name: String) in enclosing.names.contains(name) && !parameters.contains(name) }
        if pendingDecoratorNames.contains(where: isOuterName) { return true }
        for line in lexed[(index + 1)...] {
            if line.isComment { continue }
            if line.isDefinition || line.tokens.first?.kind == .op("@") { break }
            if line.referencedNames.contains(where: isOuterName) { return true }
        }
        return false
    }

    private func openBlock(for line: PythonLine, depth: Int, line number: Int) -> OpenBlock {
        let keyword = line.definitionKeyword ?? line.firstKeyword
        var names: Set<String> = []
        if keyword == .def { names = line.parameterNames }
        if keyword == .for { names = line.forTargets }
        return OpenBlock(keyword: keyword, depth: depth, line: number, name: line.definedName, names: names)
    }

    private mutating func recordStatement(_ line: PythonLine) {
        guard !stack.isEmpty else { return }
        let isDocstring = line.tokens.count == 1 && line.tokens[0].kind == .string
        if afterOpener { stack[stack.count - 1].docstringOnly = isDocstring }
        stack[stack.count - 1].bodyStatements += 1
        recordNames(line)
    }

    /// Names a statement binds go to the innermost function and `for` loop, for the nesting cues.
    private mutating func recordNames(_ line: PythonLine) {
        let bound = line.boundNames
        guard !bound.isEmpty else { return }
        if let position = stack.lastIndex(where: { $0.keyword == .def }) { stack[position].names.formUnion(bound) }
        if let top = stack.last, top.keyword == .for { stack[stack.count - 1].names.formUnion(bound) }
    }

    private mutating func closeBlocks(atOrAbove level: Int) {
        while let top = stack.last, top.depth >= level {
            if top.bodyStatements == 0 { warnEmpty(top) }
            stack.removeLast()
        }
    }

    private mutating func warnEmpty(_ block: OpenBlock) {
        warnings.append(GuideWarning(line: block.line, message: "the `\(block.keyword?.rawValue ?? "block")` block opened here has no body; the original may not be valid Python"))
    }
}
