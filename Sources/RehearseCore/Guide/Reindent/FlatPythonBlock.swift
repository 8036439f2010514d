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
        /// The line continues statement `n`; `closes` when it starts with a closing bracket,
        /// `inString` when it is inside a triple-quoted string.
        case continuation(Int, closes: Bool, inString: Bool)
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

    private var names: [String: Int32] = [:]

    /// Reads `lines` (already trimmed); `lexed`, when given, holds each line read as Python
    /// on its own.
    init(lines: [Substring], lexed: [PythonLine]? = nil) {
        self.lines = lines
        let lexed = lexed?.count == lines.count ? lexed! : lines.map { PythonLine($0) }
        var decoratorStart: Int?
        var decoratorUses: [Int32] = []
        var pendingComment = CommentKind.none
        var index = 0
        while index < lines.count {
            let line = lexed[index]
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
            var (uses, last, opens) = readContinuation(of: line, at: index, statement: position)
            if line.tokens.first?.kind == .op("@") {
                if decoratorStart == nil { decoratorStart = index }
                decoratorUses += uses
                index = last + 1
                continue
            }
            var statement = FlatStatement(
                first: decoratorStart ?? index, last: last, head: index, kind: StatementKind(line), opens: opens,
                clause: Self.clause(of: line), isAsync: line.firstKeyword == .async, usesAwait: line.contains(.keyword(.await)),
                isMethod: line.isMethod, uses: [], binds: [], bodyBinds: [], defines: nil, usesSelf: false)
            statement.usesSelf = selfName.map { uses.contains($0) } ?? false
            statement.shape = Self.shape(of: line)
            statement.calledOnly = line.calledOnlyNames.map { intern($0) }
            statement.assignedRoots = line.assignedRoots.map { intern($0) }
            statement.isNonlocal = line.firstKeyword == .nonlocal
            if opens { statement.header = HeaderShape(line, kind: statement.kind) }
            if !opens, line.opensInline { statement.inlineKind = Self.inlineKind(of: line) }
            bind(line, into: &statement)
            if line.isDefinition {
                let parameters = Set(statement.bodyBinds)
                uses = (decoratorUses + uses + lookaheadUses(after: last, lexed: lexed)).filter { !parameters.contains($0) }
                if let defined = statement.defines { uses.removeAll { $0 == defined } }
            } else if opens {
                // A compound statement belongs where the names of its body are bound.
                let header = Set(statement.bodyBinds)
                uses += lookaheadUses(after: last, lexed: lexed, limit: 4).filter { !header.contains($0) }
            }
            statement.uses = uses
            statements.append(statement)
            commentBefore.append(pendingComment)
            pendingComment = .none
            decoratorStart = nil
            decoratorUses = []
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
    }

    /// The comment kind of a comment line.
    static func commentKind(_ text: Substring) -> CommentKind {
        let body = text.drop { $0 == "#" }.trimmingWhitespace()
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = body.dropFirst(digits.count).first, after == "." || after == ")" { return .marker }
        if body.hasPrefix("--") || body.hasPrefix("==") || body.hasPrefix("**") { return .marker }
        if body.lowercased().hasPrefix("example") { return .marker }
        guard let first = body.first, first.isUppercase, body.last != ".", body.split(separator: " ").count <= 8 else { return .plain }
        return .title
    }

    /// The kinds of the first four tokens, packed; names, numbers and strings each count as one kind.
    static func shape(of line: PythonLine) -> UInt32 {
        var shape: UInt32 = 0
        for token in line.tokens.prefix(4) {
            let code: UInt32 =
                switch token.kind {
                case .name: 1
                case .number, .string: 2
                case .keyword(let keyword): 3 + UInt32(Keyword.allCases.firstIndex(of: keyword) ?? 0)
                case .op(let symbol): 64 + symbol.packed % 190
                }
            shape = shape &* 257 &+ code
        }
        return shape
    }

    /// The kind of the simple statement after the colon of `if x: break`.
    static func inlineKind(of line: PythonLine) -> StatementKind? {
        guard let colon = line.topLevelColon, colon + 1 < line.tokens.count else { return nil }
        switch line.tokens[colon + 1].kind {
        case .keyword(.break): return .break
        case .keyword(.continue): return .continue
        case .keyword(.return): return .returnValue
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

    /// Reads the lines that continue the statement starting at `index`; records their roles.
    /// Returns the names the statement uses, its last line, and whether it opens a block.
    private mutating func readContinuation(of line: PythonLine, at index: Int, statement: Int) -> ([Int32], Int, Bool) {
        var uses = line.referencedNames.map { intern($0) }
        var brackets = line.bracketDelta
        var openQuote = line.openTripleQuote
        var backslash = openQuote == nil && line.statement.utf8.last == 0x5C
        var last = index
        var lastLine = line
        while last + 1 < lines.count, brackets > 0 || openQuote != nil || backslash {
            last += 1
            let inString = openQuote != nil
            let continuation = PythonLine(lines[last], insideTripleQuote: openQuote)
            let closes = !inString && (lines[last].utf8.first.map { $0 == 0x29 || $0 == 0x5D || $0 == 0x7D } ?? false)
            roles.append(.continuation(statement, closes: closes, inString: inString))
            uses += continuation.referencedNames.map { intern($0) }
            brackets = max(brackets + continuation.bracketDelta, 0)
            openQuote = continuation.openTripleQuote
            backslash = openQuote == nil && continuation.statement.utf8.last == 0x5C
            lastLine = continuation
        }
        let opens = brackets == 0 && openQuote == nil && lastLine.endsWithColon && !lastLine.isComment
        return (uses, last, opens)
    }

    /// The names a statement binds where it stands, and in the body it opens.
    private mutating func bind(_ line: PythonLine, into statement: inout FlatStatement) {
        if line.isDefinition {
            statement.defines = line.definedName.map { intern(String($0)) }
            statement.binds = statement.defines.map { [$0] } ?? []
            if line.definitionKeyword == .def { statement.bodyBinds = line.parameterNames.map { intern($0) } }
            return
        }
        switch line.firstKeyword {
        case .import, .from:
            statement.binds = line.importedNames.map { intern($0) }
        case .for, .with, .except, .async:
            statement.bodyBinds = line.boundNames.map { intern($0) }
        default:
            statement.binds = line.boundNames.map { intern($0) }
        }
    }

    /// The free names of the (at most `limit`) lines after a statement, up to the next
    /// definition: what its body (or the code that uses it) refers to.
    private mutating func lookaheadUses(after last: Int, lexed: [PythonLine], limit: Int = 12) -> [Int32] {
        var used: Set<String> = []
        var bound: Set<String> = []
        var index = last + 1
        var openQuote: UInt8?
        var brackets = 0
        while index < lines.count, index <= last + limit {
            let line = openQuote.map { PythonLine(lines[index], insideTripleQuote: $0) } ?? lexed[index]
            if openQuote == nil, brackets == 0, line.isDefinition || line.tokens.first?.kind == .op("@") { break }
            used.formUnion(line.referencedNames)
            bound.formUnion(line.boundNames)
            if line.firstKeyword == .for || line.firstKeyword == .with { bound.formUnion(line.forTargets) }
            brackets = max(brackets + line.bracketDelta, 0)
            openQuote = line.openTripleQuote
            index += 1
        }
        return used.subtracting(bound).sorted().map { intern($0) }
    }

    private mutating func intern(_ name: String) -> Int32 {
        if let id = names[name] { return id }
        let id = Int32(nameCount)
        names[name] = id
        nameCount += 1
        if name == "self" { selfName = id }
        return id
    }
}
