/// What a statement says about the structure around it, for ``PythonReindenter``.
extension PythonLine {
    /// `def` (also for `async def`) or `class`, when the line defines one.
    var definitionKeyword: Substring? {
        let solid = solidTokens
        if solid.first == .keyword("def") || solid.first == .keyword("class") { return solid.first.flatMap(\.word) }
        if solid.first == .keyword("async") || solid.first == .name("async"), solid.dropFirst().first == .keyword("def") {
            return "def"
        }
        return nil
    }

    var isDefinition: Bool { definitionKeyword != nil }

    /// The name a `def` or `class` defines.
    var definedName: Substring? {
        let solid = solidTokens
        guard let position = solid.firstIndex(where: { $0 == .keyword("def") || $0 == .keyword("class") }),
            position + 1 < solid.count, case .name(let name) = solid[position + 1]
        else { return nil }
        return name
    }

    /// The parameter names of a `def`.
    var parameterNames: Set<Substring> {
        let solid = solidTokens
        guard let open = solid.firstIndex(of: .op("(")) else { return [] }
        var names: Set<Substring> = []
        var depth = 0
        var expectName = true
        for token in solid[open...] {
            switch token {
            case .op("("), .op("["), .op("{"):
                depth += 1
                if depth == 1 { expectName = true }
            case .op(")"), .op("]"), .op("}"): depth -= 1
            case .op(","): if depth == 1 { expectName = true }
            case .op("*"), .op("**"): break
            case .name(let name):
                if depth == 1 && expectName { names.insert(name) }
                expectName = false
            default: if depth == 1 { expectName = false }
            }
            if depth == 0 && token == .op(")") { break }
        }
        return names
    }

    /// A method: first parameter `self` or `cls`, or a dunder name.
    var isMethod: Bool {
        guard isDefinition, definitionKeyword == "def" else { return false }
        if let name = definedName, name.hasPrefix("__"), name.hasSuffix("__") { return true }
        let solid = solidTokens
        guard let open = solid.firstIndex(of: .op("(")), open + 1 < solid.count else { return false }
        return solid[open + 1] == .name("self") || solid[open + 1] == .name("cls")
    }

    /// Statements after which the enclosing block is over.
    var isTerminal: Bool {
        let solid = solidTokens
        guard let first = solid.first else { return false }
        if first == .op("...") && solid.count == 1 { return true }
        return [.keyword("return"), .keyword("raise"), .keyword("pass"), .keyword("continue"), .keyword("break")].contains(first)
    }

    /// Statements that can only continue the block above them, never start an example.
    var continuesBody: Bool {
        guard let keyword = firstKeyword else { return false }
        return ["return", "yield", "raise", "break", "continue", "pass", "elif", "else", "except", "finally"].contains(keyword)
    }

    /// `wrapper` in `return wrapper`.
    var returnedName: Substring? {
        let solid = solidTokens
        guard solid.count == 2, solid[0] == .keyword("return"), case .name(let name) = solid[1] else { return nil }
        return name
    }

    /// Whether the line calls the function `name` (`name(`, `x.run(name(`, `with name(`).
    func calls(_ name: Substring) -> Bool {
        for (token, next) in zip(solidTokens, solidTokens.dropFirst()) where token == .name(name) && next == .op("(") {
            return true
        }
        return false
    }

    /// Every plain name the line uses.
    var referencedNames: Set<Substring> {
        var names: Set<Substring> = []
        var afterDot = false
        for token in solidTokens {
            if case .name(let name) = token, !afterDot { names.insert(name) }
            afterDot = token == .op(".")
        }
        return names
    }

    /// Names bound by an assignment, a `for` target or a `with … as` target.
    var boundNames: Set<Substring> {
        let solid = solidTokens
        var names: Set<Substring> = []
        if let asPosition = solid.lastIndex(of: .keyword("as")), asPosition + 1 < solid.count, case .name(let name) = solid[asPosition + 1] {
            names.insert(name)
        }
        if solid.first == .keyword("for") { names.formUnion(forTargets) }
        if hasAssignment, let equals = solid.firstIndex(where: { [.op("="), .op("+="), .op("-=")].contains($0) }) {
            var afterDot = false
            var depth = 0
            for token in solid[..<equals] {
                if token == .op("[") || token == .op("(") { depth += 1 }
                if token == .op("]") || token == .op(")") { depth -= 1 }
                if case .name(let name) = token, !afterDot, depth == 0 { names.insert(name) }
                afterDot = token == .op(".")
            }
        }
        return names
    }

    /// The targets of a `for … in`.
    var forTargets: Set<Substring> {
        let solid = solidTokens
        guard let forPosition = solid.firstIndex(of: .keyword("for")), let inPosition = solid.firstIndex(of: .keyword("in")),
            forPosition < inPosition
        else { return [] }
        var names: Set<Substring> = []
        for token in solid[(forPosition + 1)..<inPosition] { if case .name(let name) = token { names.insert(name) } }
        return names
    }
}

extension PythonLine.Token {
    var word: Substring? {
        switch self {
        case .name(let word), .keyword(let word): word
        default: nil
        }
    }
}
