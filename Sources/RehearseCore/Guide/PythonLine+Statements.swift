/// What a statement says about the structure around it, for ``PythonReindenter``.
///
/// Sets of names hold `String`s: a name is short, so it is stored inline without a
/// reference to the guide's text, and hashed without the Unicode checks a `Substring` needs.
extension PythonLine {
    /// `def` (also for `async def`) or `class`, when the line defines one.
    var definitionKeyword: Keyword? {
        switch firstKeyword {
        case .def: return .def
        case .class: return .class
        case .async: return tokens.count > 1 && tokens[1].kind == .keyword(.def) ? .def : nil
        default: return nil
        }
    }

    var isDefinition: Bool { definitionKeyword != nil }

    /// `if __name__ == "__main__":` (either quote, either order): the guard of a script's own code.
    var isMainGuard: Bool {
        guard tokens.count == 5, tokens[0].kind == .keyword(.if), tokens[2].kind == .op("=="), tokens[4].kind == .op(":") else { return false }
        let (left, right) = (tokens[1], tokens[3])
        func isName(_ token: Token) -> Bool { token.kind == .name && word(token) == "__name__" }
        func isMain(_ token: Token) -> Bool { token.kind == .string && word(token).dropFirst().dropLast() == "__main__" }
        return isName(left) && isMain(right) || isMain(left) && isName(right)
    }

    /// The name a `def` or `class` defines.
    var definedName: Substring? {
        guard let position = tokens.firstIndex(where: { $0.kind == .keyword(.def) || $0.kind == .keyword(.class) }),
            position + 1 < tokens.count, tokens[position + 1].kind == .name
        else { return nil }
        return word(tokens[position + 1])
    }

    /// The attributes of `self` the line assigns (`x` and `y` in `self.x = self.y = 0`,
    /// `self.x: int = 0`, `self.x += 1`), not those it reaches through (`self.x.y = 1`).
    var assignedSelfAttributes: [Substring] {
        guard let end = assignmentPosition else { return [] }
        var attributes: [Substring] = []
        var position = 0
        while position + 2 < end {
            if isName(tokens[position], "self"), tokens[position + 1].kind == .op("."), tokens[position + 2].kind == .name,
                ![.op("."), .op("["), .op("(")].contains(tokens[position + 3].kind)
            {
                attributes.append(word(tokens[position + 2]))
            }
            position += 1
        }
        return attributes
    }

    /// The parameter names of a `def` whose header is `lines`: its line, then those that
    /// continue it inside its brackets (`def f(a, b,` / `c=None):`). In order, each once.
    static func parameterNames(of lines: some Sequence<PythonLine>) -> [Substring] {
        var names: [Substring] = []
        var depth = 0
        var started = false
        var expectName = true
        for line in lines {
            for token in line.tokens {
                if !started {
                    // Nothing counts before the bracket that opens the parameters.
                    if token.kind == .op("(") { (started, depth, expectName) = (true, 1, true) }
                    continue
                }
                switch token.kind {
                case .op("("), .op("["), .op("{"): depth += 1
                case .op(")"), .op("]"), .op("}"): depth -= 1
                case .op(","): if depth == 1 { expectName = true }
                case .op("*"), .op("**"): break
                case .name:
                    let name = line.word(token)
                    if depth == 1 && expectName && !names.contains(name) { names.append(name) }
                    expectName = false
                default: if depth == 1 { expectName = false }
                }
                if depth == 0 { return names }
            }
        }
        return names
    }

    /// A method: first parameter `self` or `cls`, or a dunder name.
    var isMethod: Bool {
        guard definitionKeyword == .def else { return false }
        if let name = definedName, name.hasBytePrefix("__"), name.utf8.suffix(2).elementsEqual("__".utf8) {
            return true
        }
        guard let open = tokens.firstIndex(where: { $0.kind == .op("(") }), open + 1 < tokens.count else { return false }
        return isName(tokens[open + 1], "self") || isName(tokens[open + 1], "cls")
    }

    /// A decorator that only a method takes: `@staticmethod`, `@classmethod`, `@property` and
    /// its `@x.setter`, `@x.getter`, `@x.deleter`, `@cached_property`, `@abstractmethod` and
    /// the other `abstract…` decorators of `abc` (with or without a module before them).
    var isMethodDecorator: Bool {
        guard tokens.first?.kind == .op("@"), let last = tokens.dropFirst().prefix(while: { $0.kind == .name || $0.kind == .op(".") }).last,
            last.kind == .name
        else { return false }
        let name = word(last)
        return Self.methodDecorators.contains(name) || name.hasBytePrefix("abstract")
    }

    private static let methodDecorators: Set<Substring> = ["staticmethod", "classmethod", "property", "setter", "getter", "deleter", "cached_property"]

    /// How a line names a name.
    struct NameUse {
        /// A `(` follows it: `f(x)`.
        var isCalled: Bool
        /// A `(`, `.` or `[` follows it: the line calls it or reaches into it (`f(x)`, `f.close()`, `f[0]`).
        var isDereferenced: Bool
        /// An `=` follows it inside brackets: the keyword of an argument or a parameter's
        /// default (`f(key=1)`), not a read of the name.
        var isKeyword: Bool
        /// It stands before the line's assignment operator: a target, or a target's annotation
        /// (`x` and `Node` in `x: Node = make()`).
        var standsBeforeAssignment: Bool
    }

    /// Calls `body` with each plain name the line uses (not an attribute after a dot), in
    /// order, repeats included, as bytes of the line's text, and how it is used there.
    /// `insideBrackets`: the line continues a statement whose brackets are open.
    func forEachReferencedName(insideBrackets: Bool, bytes body: (UnsafeBufferPointer<UInt8>.SubSequence, NameUse) -> Void) {
        text.withBytes { bytes in
            var afterDot = false
            var depth = insideBrackets ? 1 : 0
            let assignment = insideBrackets ? nil : assignmentPosition
            for (position, token) in tokens.enumerated() {
                switch token.kind {
                case .op("("), .op("["), .op("{"): depth += 1
                case .op(")"), .op("]"), .op("}"): depth -= 1
                case .name where !afterDot:
                    let following = position + 1 < tokens.count ? tokens[position + 1].kind : nil
                    body(bytes[Int(token.start)..<Int(token.end)],
                         NameUse(isCalled: following == .op("("),
                                 isDereferenced: following == .op("(") || following == .op(".") || following == .op("["),
                                 isKeyword: depth > 0 && following == .op("="),
                                 standsBeforeAssignment: assignment.map { position < $0 } ?? false))
                default: break
                }
                afterDot = token.kind == .op(".")
            }
        }
    }

    /// Names bound by an assignment, a `for` target or a `with … as` target: calls `body` with
    /// each name token the line binds, repeats possible.
    func forEachBoundName(_ body: (Token) -> Void) {
        if let asPosition = tokens.lastIndex(where: { $0.kind == .keyword(.as) }), asPosition + 1 < tokens.count,
            tokens[asPosition + 1].kind == .name
        {
            body(tokens[asPosition + 1])
        }
        if tokens.first?.kind == .keyword(.for) { forEachForTarget(body) }
        if tokens.first?.kind == .keyword(.case) { forEachPatternCapture(body) }
        if hasAssignment, let equals = tokens.firstIndex(where: { [.op("="), .op("+="), .op("-=")].contains($0.kind) }) {
            // A target name, not one whose attribute or item is set (`a.b = …`, `a[i] = …`).
            var afterDot = false
            var depth = 0
            for (position, token) in tokens[..<equals].enumerated() {
                if token.kind == .op("[") || token.kind == .op("(") { depth += 1 }
                if token.kind == .op("]") || token.kind == .op(")") { depth -= 1 }
                let following = tokens[position + 1].kind
                if token.kind == .name, !afterDot, depth == 0, following != .op("."), following != .op("["), following != .op("(") {
                    body(token)
                }
                afterDot = token.kind == .op(".")
            }
        }
    }

    /// Calls `body` with each name a `case` line's pattern captures (`action` and `rest` in
    /// `case [action, *rest]:`): not `_`, nor a class it calls (`Point(`), a dotted value
    /// (`Color.RED`), a keyword (`x=`) or the name after `as` (``forEachBoundName(_:)`` has it).
    func forEachPatternCapture(_ body: (Token) -> Void) {
        guard tokens.count >= 3, tokens[0].kind == .keyword(.case) else { return }
        let end = tokens.firstIndex { $0.kind == .keyword(.if) } ?? tokens.count - 1
        for position in 1..<end where tokens[position].kind == .name {
            let before = tokens[position - 1].kind
            let after = tokens[position + 1].kind
            guard before != .op("."), before != .keyword(.as), after != .op("("), after != .op("."), after != .op("="),
                word(tokens[position]) != "_"
            else { continue }
            body(tokens[position])
        }
    }

    /// Calls `body` with each name token between `for` and `in`.
    func forEachForTarget(_ body: (Token) -> Void) {
        guard let forPosition = tokens.firstIndex(where: { $0.kind == .keyword(.for) }),
            let inPosition = tokens.firstIndex(where: { $0.kind == .keyword(.in) }), forPosition < inPosition
        else { return }
        for token in tokens[(forPosition + 1)..<inPosition] where token.kind == .name { body(token) }
    }

    /// Calls `body` with each name a comprehension or generator expression on the line binds
    /// (`x` in `[f(x) for x in xs]`): the names after a `for`, up to its `in`, from the token at
    /// `start` on (1 for a statement's own line, whose first `for` would start a loop; 0 for a
    /// line that continues a bracket). Such names are the comprehension's own: no read of them
    /// reaches the code around it.
    func forEachComprehensionTarget(from start: Int, _ body: (Token) -> Void) {
        var position = start
        while position < tokens.count {
            if tokens[position].kind == .keyword(.for) {
                position += 1
                while position < tokens.count, tokens[position].kind != .keyword(.in) {
                    if tokens[position].kind == .name { body(tokens[position]) }
                    position += 1
                }
            }
            position += 1
        }
    }
}

extension PythonLine {
    /// The names an `import` or `from … import` binds: `a` for `import a.b`, `c` for `… as c`.
    var importedNames: [String] {
        guard let first = firstKeyword, first == .import || first == .from else { return [] }
        var names: [String] = []
        var position = first == .from ? (tokens.firstIndex { $0.kind == .keyword(.import) }.map { $0 + 1 } ?? tokens.count) : 1
        var expectName = true
        while position < tokens.count {
            let token = tokens[position]
            switch token.kind {
            case .name where expectName:
                names.append(String(word(token)))
                expectName = false
            case .keyword(.as):
                if position + 1 < tokens.count, tokens[position + 1].kind == .name {
                    if !names.isEmpty { names.removeLast() }
                    names.append(String(word(tokens[position + 1])))
                    position += 1
                }
            case .op(","): expectName = true
            default: break
            }
            position += 1
        }
        return names
    }
}

extension PythonLine {
    /// The position of the `:` that ends a compound statement's header, outside brackets and
    /// lambdas, when the line starts with a block keyword.
    var topLevelColon: Int? {
        switch firstKeyword {
        case .if, .elif, .else, .for, .while, .with, .try, .except, .finally, .async: break
        default: return nil
        }
        var depth = 0
        var lambdas = 0
        for (position, token) in tokens.enumerated() {
            switch token.kind {
            case .op("("), .op("["), .op("{"): depth += 1
            case .op(")"), .op("]"), .op("}"): depth -= 1
            case .keyword(.lambda): if depth == 0 { lambdas += 1 }
            case .op(":") where depth == 0:
                if lambdas > 0 { lambdas -= 1 } else { return position }
            default: break
            }
        }
        return nil
    }

    /// A compound statement with its body on the same line (`if x: return y`).
    var opensInline: Bool {
        guard let colon = topLevelColon else { return false }
        return colon + 1 < tokens.count
    }
}


extension PythonLine {
    /// The first name of each assignment target, items and attributes included.
    var assignedRoots: [String] {
        guard hasAssignment, let equals = tokens.firstIndex(where: { [.op("="), .op("+="), .op("-=")].contains($0.kind) }) else { return [] }
        var roots: [String] = []
        var expectRoot = true
        var depth = 0
        for token in tokens[..<equals] {
            switch token.kind {
            case .op("("), .op("["): depth += 1
            case .op(")"), .op("]"): depth -= 1
            case .op(","): if depth == 0 { expectRoot = true }
            case .name where expectRoot && depth == 0:
                roots.append(String(word(token)))
                expectRoot = false
            default: break
            }
        }
        return roots
    }
}

extension PythonLine {
    /// Whether the line names one of `names` (as a name, not as an attribute).
    func usesAny(of names: Set<Substring>) -> Bool {
        for (position, token) in tokens.enumerated() where token.kind == .name && names.contains(word(token)) {
            if position > 0, tokens[position - 1].kind == .op(".") { continue }
            return true
        }
        return false
    }
}
