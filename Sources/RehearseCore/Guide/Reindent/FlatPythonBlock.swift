/// A block of flattened Python read into logical statements, for the indentation search.
///
/// Lines inside brackets, inside a triple-quoted string or after a backslash continue the
/// statement above them; comment lines stand apart; decorators join the statement they
/// decorate. Names are interned as small integers, so that the search can track where
/// each is bound without hashing strings.
struct FlatPythonBlock {
    /// What a line of the block is.
    enum Role: Equatable {
        case blank
        case comment
        /// The line starts (or decorates) statement `n`.
        case statement(Int)
        /// The line continues statement `n`, `levels` deeper than the statement: one per line
        /// above whose brackets are still open once the line's leading closing brackets are
        /// taken (`)` under `f(` stands at the statement's depth; `x,` under `f(` and `g(` on two
        /// lines two levels in, under `f([` on one line one level in), one after a backslash,
        /// none inside a triple-quoted string.
        case continuation(Int, levels: Int)
    }

    let lines: [Substring]
    private(set) var roles: [Role] = []
    private(set) var statements: [FlatStatement] = []
    /// For each statement, the comment line right before it, if any: its kind of comment.
    private(set) var commentBefore: [CommentKind] = []
    /// How many distinct names the statements use or bind.
    private(set) var nameCount = 0
    /// The interned id of `self`, when the block uses it.
    private(set) var selfName: Int32?

    enum CommentKind: Int, CaseIterable {
        case none, plain
        /// `# 2. …`, `# --- …`, `# === …`, `# Example …`: a comment that numbers or rules off an example.
        case marker
        /// `# Class decorator`: a short capitalised phrase, the way a guide names the example below it.
        case title
    }

    private var names = NameInterner()
    /// Each line read as Python, inside a triple-quoted string where one is open.
    private var readings: [PythonLine] = []
    /// The names each line uses and binds, interned once: line `n`'s are at
    /// `lineNames[nameStarts[n]..<nameStarts[n + 1]]`, and likewise for bindings.
    private var lineNames: [Int32] = []
    /// For each entry of ``lineNames``: how the line uses it (a call, an argument's keyword).
    private var lineNameUses: [PythonLine.NameUse] = []
    private var nameStarts: [Int32] = [0]
    private var lineBindings: [Int32] = []
    private var bindingStarts: [Int32] = [0]
    /// Whether a line continues a statement (inside brackets or a string, after a backslash).
    private var continues: [Bool] = []
    /// Per line that starts inside brackets: ``Role/continuation(_:levels:)``'s levels.
    private var bracketLevels: [Int?] = []

    /// Reads `lines` (already trimmed); `lexed`, when given, holds each line read as Python
    /// on its own; `readAfter` names what the guide reads after the block (the names its
    /// claims use: `flaky` in `with_retries(flaky) → 'ok'`).
    init(lines: [Substring], lexed: [PythonLine]? = nil, readAfter: [String] = []) {
        self.lines = lines
        readLines(lexed: lexed?.count == lines.count ? lexed : nil)
        var decoratorStart: Int?
        var decoratorUses: [Int32] = []
        var decoratedAsMethod = false
        var pendingComment = CommentKind.none
        var index = 0
        while index < lines.count {
            let line = readings[index]
            if lines[index].isEmpty {
                roles.append(.blank)
                index += 1
                continue
            }
            if line.isComment {
                roles.append(.comment)
                pendingComment = Self.commentKind(lines[index])
                index += 1
                continue
            }
            let position = statements.count
            roles.append(.statement(position))
            var (uses, last, opens) = readContinuation(at: index, statement: position)
            if line.tokens.first?.kind == .op("@") {
                if decoratorStart == nil { decoratorStart = index }
                decoratorUses += uses
                decoratedAsMethod = decoratedAsMethod || line.isMethodDecorator
                index = last + 1
                continue
            }
            var statement = FlatStatement(
                first: decoratorStart ?? index, last: last, head: index, kind: StatementKind(line), opens: opens,
                clause: Self.clause(of: line), isAsync: line.firstKeyword == .async, usesAwait: line.contains(.keyword(.await)),
                isMethod: line.isMethod || (decoratedAsMethod && line.definitionKeyword == .def), uses: [], binds: [], bodyBinds: [], defines: nil,
                usesSelf: false)
            statement.usesSelf = selfName.map { uses.contains($0) } ?? false
            if let keyword = line.firstKeyword, keyword == .match || keyword == .case { statement.matchKeyword = keyword }
            statement.reads = names(from: index, through: last) { !$0.isKeyword }
            statement.comprehensionTargets = comprehensionTargets(from: index, through: last)
            statement.shape = Self.shape(of: line)
            statement.calledOnly = calledOnlyNames(of: index)
            statement.assignedRootSet = NameSet(line.assignedRoots.map { intern($0) })
            statement.isNonlocal = line.firstKeyword == .nonlocal
            statement.dereferenced = nameSet(from: index, through: last) { $0.isDereferenced }
            if statement.kind == .if {
                statement.nameTest = line.text.withBytes { bytes in
                    NameTest(line) { intern(bytes[Int($0.start)..<Int($0.end)]) }
                }
            }
            statement.condition = ConditionSubject(line)
            statement.presenceSubject = line.presenceTestSubject.map(Self.spellingKey)
            statement.noneTarget = line.noneAssignmentTarget.map(Self.spellingKey)
            statement.assignedAttributes = NameSet(line.assignedSelfAttributes.map(Self.spellingKey))
            statement.isInitializer = line.definitionKeyword == .def && line.definedName == "__init__"
            statement.isMainGuard = line.isMainGuard
            statement.startsExample = pendingComment == .marker || pendingComment == .title
            statement.textKey = Self.textKey(lines[index])
            statement.lookKey = Self.lookKey(of: readings[index...last])
            if opens { statement.header = HeaderShape(line, kind: statement.kind) }
            if !opens, line.opensInline { statement.inlineKind = Self.inlineKind(of: line) }
            bind(line, at: index, last: last, into: &statement)
            statement.evaluatedNames = evaluatedNames(of: statement, from: index, through: last)
            if line.isDefinition {
                uses = decoratorUses + uses + lookaheadUses(after: last)
                uses.removeAll { statement.bodyBinds.contains($0) || $0 == statement.defines }
            } else if opens {
                // A compound statement belongs where the names of its body are bound.
                let body = lookaheadUses(after: last, limit: 4)
                uses.reserveCapacity(uses.count + body.count)
                for name in body where !statement.bodyBinds.contains(name) { uses.append(name) }
            }
            statement.uses = uses
            statement.useSet = NameSet(uses)
            statement.bindSet = NameSet(statement.binds)
            statement.bodyBindSet = NameSet(statement.bodyBinds)
            statements.append(statement)
            commentBefore.append(pendingComment)
            pendingComment = .none
            decoratorStart = nil
            decoratorUses = []
            decoratedAsMethod = false
            index = last + 1
        }
        if decoratorStart != nil, let start = decoratorStart {
            // Decorators with nothing after them: each is a statement of its own.
            statements.append(FlatStatement(
                first: start, last: lines.count - 1, head: start, kind: .expression, opens: false, clause: nil,
                isAsync: false, usesAwait: false, isMethod: false, uses: decoratorUses, binds: [], bodyBinds: [],
                defines: nil, usesSelf: false))
            commentBefore.append(pendingComment)
        }
        markBindings(readAfter: readAfter)
        readings = []
        isGuideStyle = roles.first { $0 != .blank } == .comment || commentBefore.contains(.marker)
    }

    /// Sets ``FlatStatement/bindsReadAfter`` and ``FlatStatement/bindsReadAfterLast``: of the
    /// first 64 names in `readAfter` that the block binds, which each statement binds in the
    /// scope it stands in (a `for` or `with` its targets, a `def` or `class` its name, not its
    /// parameters), and which it is the last to bind.
    private mutating func markBindings(readAfter: [String]) {
        let numbers = readAfter.compactMap { names.number(of: $0) }.prefix(64)
        guard !numbers.isEmpty else { return }
        for index in statements.indices {
            let statement = statements[index]
            let bound = statement.defines != nil ? statement.binds : statement.binds + statement.bodyBinds
            for (bit, number) in numbers.enumerated() where bound.contains(number) {
                statements[index].bindsReadAfter |= 1 << UInt64(bit)
            }
        }
        var later: UInt64 = 0
        for index in statements.indices.reversed() {
            statements[index].bindsReadAfterLast = statements[index].bindsReadAfter & ~later
            later |= statements[index].bindsReadAfter
        }
    }

    /// Whether the block is written the way guides write examples: it opens with a comment,
    /// or numbers or rules off its parts. There a comment line often names a new example.
    private(set) var isGuideStyle = false

    /// The comment fact of statement `index` for the model: its ``CommentKind``, set apart in
    /// a guide-style block (the last three values).
    func commentFact(_ index: Int) -> Int {
        let kind = commentBefore[index]
        return kind == .none || !isGuideStyle ? kind.rawValue : kind.rawValue + CommentKind.allCases.count - 1
    }

    /// How many values ``commentFact(_:)`` takes.
    static let commentFacts = 2 * CommentKind.allCases.count - 1

    /// Reads every line once, following brackets, triple-quoted strings and backslashes, and
    /// interns the names each uses and binds.
    private mutating func readLines(lexed: [PythonLine]?) {
        readings = lexed ?? lines.map { PythonLine($0) }
        continues.reserveCapacity(lines.count)
        bracketLevels.reserveCapacity(lines.count)
        nameStarts.reserveCapacity(lines.count + 1)
        bindingStarts.reserveCapacity(lines.count + 1)
        roles.reserveCapacity(lines.count)
        statements.reserveCapacity(lines.count)
        commentBefore.reserveCapacity(lines.count)
        // The line that opened each bracket still open, innermost last.
        var openedOn: [Int] = []
        var brackets = 0
        var openQuote: UInt8?
        var backslash = false
        for (index, text) in lines.enumerated() {
            if let openQuote { readings[index] = PythonLine(text, insideTripleQuote: openQuote) }
            let line = readings[index]
            continues.append(brackets > 0 || openQuote != nil || backslash)
            let levels = Self.levels(of: line, under: &openedOn, at: index)
            bracketLevels.append(brackets > 0 ? levels : nil)
            line.forEachReferencedName(insideBrackets: brackets > 0, bytes: { name, use in
                lineNames.append(intern(name))
                lineNameUses.append(use)
            })
            line.text.withBytes { bytes in
                let bind = { (token: PythonLine.Token) in lineBindings.append(intern(bytes[Int(token.start)..<Int(token.end)])) }
                line.forEachBoundName(bind)
                if line.firstKeyword == .with { line.forEachForTarget(bind) }
            }
            nameStarts.append(Int32(lineNames.count))
            bindingStarts.append(Int32(lineBindings.count))
            if line.isComment && !continues[index] { continue }
            brackets = max(brackets + line.bracketDelta, 0)
            openQuote = line.openTripleQuote
            backslash = openQuote == nil && line.statement.utf8.last == 0x5C
        }
    }

    /// The names line `index` always calls (`f(x)`) and never uses otherwise.
    private func calledOnlyNames(of index: Int) -> NameSet {
        let range = Int(nameStarts[index])..<Int(nameStarts[index + 1])
        var called = NameSet()
        var bare = NameSet()
        for position in range {
            if lineNameUses[position].isCalled { called.insert(lineNames[position]) } else { bare.insert(lineNames[position]) }
        }
        return called.subtracting(bare)
    }

    /// The names lines `first` to `last` use in the ways `keep` accepts, in order.
    private func names(from first: Int, through last: Int, where keep: (PythonLine.NameUse) -> Bool) -> [Int32] {
        let positions = Int(nameStarts[first])..<Int(nameStarts[last + 1])
        var names: [Int32] = []
        names.reserveCapacity(positions.count)
        for position in positions where keep(lineNameUses[position]) { names.append(lineNames[position]) }
        return names
    }

    /// ``names(from:through:where:)`` as a set, without the array.
    private func nameSet(from first: Int, through last: Int, where keep: (PythonLine.NameUse) -> Bool) -> NameSet {
        var names = NameSet()
        for position in Int(nameStarts[first])..<Int(nameStarts[last + 1]) where keep(lineNameUses[position]) {
            names.insert(lineNames[position])
        }
        return names
    }

    private func names(of line: Int) -> ArraySlice<Int32> {
        lineNames[Int(nameStarts[line])..<Int(nameStarts[line + 1])]
    }

    private func bindings(of line: Int) -> ArraySlice<Int32> {
        lineBindings[Int(bindingStarts[line])..<Int(bindingStarts[line + 1])]
    }

    /// The comment kind of a comment line, read on its bytes.
    static func commentKind(_ text: Substring) -> CommentKind {
        text.withBytes { bytes in
            var start = 0
            while start < bytes.count, bytes[start] == 0x23 || bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            let body = bytes[start...]
            guard let first = body.first else { return .plain }
            let digits = body.prefix { $0 >= 0x30 && $0 <= 0x39 }
            if !digits.isEmpty, digits.endIndex < body.endIndex, body[digits.endIndex] == 0x2E || body[digits.endIndex] == 0x29 {
                return .marker
            }
            if body.count >= 2, body[start] == body[start + 1], first == 0x2D || first == 0x3D || first == 0x2A { return .marker }
            if body.count >= 7, body.prefix(7).map({ $0 | 0x20 }).elementsEqual("example".utf8) { return .marker }
            // A short capitalised phrase: an ASCII or other upper-case first letter, no closing period.
            let isUpper = first >= 0x41 && first <= 0x5A || first >= 0x80 && text.drop { $0 == "#" || $0 == " " }.first?.isUppercase == true
            guard isUpper, body.last != 0x2E, body.lazy.filter({ $0 == 0x20 }).count < 8 else { return .plain }
            return .title
        }
    }

    /// A deterministic hash of a line's text, spaces aside (FNV-1a), never 0.
    static func textKey(_ line: Substring) -> UInt64 {
        let hash = line.withBytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes where byte != 0x20 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
        return max(hash, 1)
    }

    /// The kinds of the first four tokens, packed; names, numbers and strings each count as one kind.
    static func shape(of line: PythonLine) -> UInt32 {
        line.tokens.prefix(4).reduce(0) { $0 &* 257 &+ kindCode($1) }
    }

    /// A deterministic hash of a statement's tokens by their ``kindCode(_:)`` (FNV-1a): names
    /// alike and literals alike, so that `total = add(total, 2)` looks like `count = inc(count, 1)`.
    static func lookKey(of lines: ArraySlice<PythonLine>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in lines {
            for token in line.tokens { hash = (hash ^ UInt64(kindCode(token))) &* 0x100_0000_01b3 }
        }
        return hash
    }

    /// A token's kind as a number: every name 1, every number or string 2, each keyword and
    /// each operator its own.
    static func kindCode(_ token: PythonLine.Token) -> UInt32 {
        switch token.kind {
        case .name: 1
        case .number, .string: 2
        case .keyword(let keyword): 3 + UInt32(Keyword.allCases.firstIndex(of: keyword) ?? 0)
        case .op(let symbol): 64 + symbol.packed % 190
        }
    }

    /// The kind of the simple statement after the colon of `if x: break`.
    static func inlineKind(of line: PythonLine) -> StatementKind? {
        guard let colon = line.topLevelColon, colon + 1 < line.tokens.count else { return nil }
        switch line.tokens[colon + 1].kind {
        case .keyword(.break): return .break
        case .keyword(.continue): return .continue
        case .keyword(.return): return .returnValue
        case .keyword(.raise): return .raise
        case .keyword(.yield): return .yield
        default: return line.tokens[(colon + 1)...].contains { $0.kind == .keyword(.yield) } ? .yield : nil
        }
    }

    private static func clause(of line: PythonLine) -> Keyword? {
        switch line.firstKeyword {
        case .elif, .else, .except, .finally: line.firstKeyword
        default: nil
        }
    }

    /// Takes the lines that continue the statement starting at `index`; records their roles.
    /// Returns the names the statement uses, its last line, and whether it opens a block.
    private mutating func readContinuation(at index: Int, statement: Int) -> ([Int32], Int, Bool) {
        var uses = Array(names(of: index))
        var last = index
        while last + 1 < lines.count, continues[last + 1] {
            last += 1
            let inString = readings[last - 1].openTripleQuote != nil
            roles.append(.continuation(statement, levels: inString ? 0 : bracketLevels[last] ?? 1))
            uses += names(of: last)
        }
        let lastLine = readings[last]
        let closed = last + 1 >= lines.count || !continues[last + 1]
        let opens = closed && lastLine.openTripleQuote == nil && lastLine.endsWithColon && !lastLine.isComment
            && (last > index || lastLine.bracketDelta == 0)
        return (uses, last, opens)
    }

    /// The levels of a line under the brackets `openedOn` records (the line each was opened
    /// on), which it then opens and closes in turn.
    private static func levels(of line: PythonLine, under openedOn: inout [Int], at index: Int) -> Int {
        var levels: Int?
        for token in line.tokens {
            switch token.kind {
            case .op("("), .op("["), .op("{"):
                if levels == nil { levels = distinctLines(openedOn) }
                openedOn.append(index)
            case .op(")"), .op("]"), .op("}"):
                if !openedOn.isEmpty { openedOn.removeLast() }
            default:
                if levels == nil { levels = distinctLines(openedOn) }
            }
        }
        return levels ?? distinctLines(openedOn)
    }

    /// How many lines opened the brackets still open.
    private static func distinctLines(_ openedOn: [Int]) -> Int {
        zip(openedOn, openedOn.dropFirst()).count { $0 != $1 } + (openedOn.isEmpty ? 0 : 1)
    }

    /// The names a statement binds where it stands, and in the body it opens; its lines are
    /// `index` to `last`.
    private mutating func bind(_ line: PythonLine, at index: Int, last: Int, into statement: inout FlatStatement) {
        if line.isDefinition {
            statement.defines = line.definedName.map { intern(String($0)) }
            statement.binds = statement.defines.map { [$0] } ?? []
            if line.definitionKeyword == .def {
                let parameters = PythonLine.parameterNames(of: readings[index...last])
                statement.bodyBinds = parameters.map { intern($0) }
                // `def f(` with `self,` on the line after it, as formatters lay out long signatures.
                if let first = parameters.first, first == "self" || first == "cls" { statement.isMethod = true }
            }
            return
        }
        switch line.firstKeyword {
        case .import, .from:
            statement.binds = line.importedNames.map { intern($0) }
        case .for, .with, .except, .async, .case:
            statement.bodyBinds = Array(bindings(of: index))
        default:
            statement.binds = Array(bindings(of: index))
        }
    }

    /// The key of an attribute or a dotted name (``FlatStatement/assignedAttributes``,
    /// ``FlatStatement/presenceSubject``): a hash of its bytes.
    static func spellingKey(_ spelling: Substring) -> Int32 {
        Int32(truncatingIfNeeded: NameInterner.hash(spelling.utf8) & 0x7FFF_FFFF)
    }

    /// ``FlatStatement/comprehensionTargets`` of a statement on lines `first` to `last`.
    private mutating func comprehensionTargets(from first: Int, through last: Int) -> NameSet {
        var targets = NameSet()
        for index in first...last where readings[index].tokens.contains(where: { $0.kind == .keyword(.for) }) {
            let line = readings[index]
            let start = index > first ? 0 : line.firstKeyword == .async ? 2 : 1
            line.text.withBytes { bytes in
                line.forEachComprehensionTarget(from: start) { targets.insert(intern(bytes[Int($0.start)..<Int($0.end)])) }
            }
        }
        return targets
    }

    /// ``FlatStatement/evaluatedNames`` of a statement on lines `first` to `last`.
    private func evaluatedNames(of statement: FlatStatement, from first: Int, through last: Int) -> [Int32] {
        if statement.kind == .def || statement.kind == .annotated { return [] }
        // A loop's, `with`'s or handler's target is bound, not read (`for attr in updated:`).
        // A target whose attribute or item is set is evaluated (`registry` in `registry[key] = …`).
        var names = names(from: first, through: last) { !$0.isKeyword && (!$0.standsBeforeAssignment || $0.isDereferenced) }
        names.removeAll { $0 == statement.defines || statement.bodyBinds.contains($0) }
        return names
    }

    /// The free names of the (at most `limit`) lines after a statement, up to the next
    /// definition: what its body (or the code that uses it) refers to.
    private func lookaheadUses(after last: Int, limit: Int = 12) -> [Int32] {
        let end = min(lines.count, last + limit + 1)
        var used: [Int32] = []
        var bound: [Int32] = []
        if last + 1 < end {
            used.reserveCapacity(Int(nameStarts[end]) - Int(nameStarts[last + 1]))
            bound.reserveCapacity(Int(bindingStarts[end]) - Int(bindingStarts[last + 1]))
        }
        var index = last + 1
        while index < end {
            let line = readings[index]
            if !continues[index], line.isDefinition || line.tokens.first?.kind == .op("@") { break }
            used += names(of: index)
            bound += bindings(of: index)
            index += 1
        }
        used.sort()
        bound.sort()
        var free: [Int32] = []
        free.reserveCapacity(used.count)
        for (position, name) in used.enumerated() where position == 0 || used[position - 1] != name {
            if !Self.sortedContains(bound, name) { free.append(name) }
        }
        return free
    }

    /// Whether `sorted` holds `name` (a binary search).
    private static func sortedContains(_ sorted: [Int32], _ name: Int32) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < name { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == name
    }

    private mutating func intern(_ name: some StringProtocol) -> Int32 {
        noteNew(names.intern(name))
    }

    private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int32 {
        noteNew(names.intern(bytes))
    }

    private mutating func noteNew(_ id: Int32) -> Int32 {
        if Int(id) == nameCount {
            nameCount += 1
            if names.names[Int(id)] == "self" { selfName = id }
        }
        return id
    }
}
