/// One logical statement of a block of flattened Python: its first line, the lines that
/// continue it (inside brackets, a triple-quoted string, or after a backslash), and what
/// the indentation search needs to know of it.
///
/// Decorators are folded into the statement they decorate, so that a decorated `def`
/// and its decorators are placed as one unit.
struct FlatStatement {
    /// The first and last line of the statement (decorators included), as positions in the block.
    var first: Int
    var last: Int
    /// The line of the statement proper (the `def` after its decorators).
    var head: Int
    var kind: StatementKind
    /// Ends with `:` outside brackets: the next statement is one level deeper.
    var opens: Bool
    /// `elif`, `else`, `except` or `finally`: a clause that continues a compound statement.
    var clause: Keyword?
    /// `match` or `case`: the header of a `match` statement or of one of its clauses (of kind
    /// ``StatementKind/if``, which a `case` body is like: it runs when its pattern matches).
    var matchKeyword: Keyword? = nil
    /// `async def`, `async for`, `async with`, or a statement that uses `await`.
    var isAsync: Bool
    var usesAwait: Bool
    /// A `def` whose first parameter is `self` or `cls`, whose name is a dunder, or that a
    /// decorator only methods take decorates (``PythonLine/isMethodDecorator``).
    var isMethod: Bool
    /// Interned names: used by the statement (for a `def` or `class`, also by the lines up to
    /// the next definition), bound by it in the block that holds it, and bound in its own body.
    var uses: [Int32]
    var binds: [Int32]
    var bodyBinds: [Int32]
    /// The names its own lines name (targets included, the keywords of arguments not), for
    /// following names through a whole reading (``NameFlow``).
    var reads: [Int32] = []
    /// The names its comprehensions and generator expressions bind for themselves
    /// (``PythonLine/forEachComprehensionTarget(from:_:)``).
    var comprehensionTargets = NameSet()
    /// The names it evaluates where it stands, as it runs: none for a `def` (its body runs
    /// later) or a bare annotation; of an assignment, the value and the targets whose attribute
    /// or item it sets (`io` in `io.__name__ = name`; `x: Node = None` names `Node` for type
    /// checkers alone); a `class`'s bases but not its own name, the iterable of a `for` but not
    /// its target (nor the name a `with` or an `except` binds).
    var evaluatedNames: [Int32] = []
    /// The names read after the block (``FlatPythonBlock/readAfter``) that it binds in the
    /// scope it stands in, as bits of that list; and those of them no later statement binds.
    var bindsReadAfter: UInt64 = 0
    var bindsReadAfterLast: UInt64 = 0
    /// The name a `def` or `class` defines.
    var defines: Int32?
    var usesSelf: Bool
    /// The kinds of its first few tokens (names, numbers and strings each alike), to tell a
    /// statement that repeats the shape of the one before it.
    var shape: UInt32 = 0
    /// For a one-line compound statement (`if end < 0: break`), the kind of the statement
    /// after its colon when that kind has rules of its own (`break`, `return` …).
    var inlineKind: StatementKind?
    /// The names it only calls (`f(…)`), never names bare (`return f`).
    var calledOnly = NameSet()
    /// The names at the root of its assignment targets, set items and attributes included
    /// (`cache` in `cache[key] = …`).
    var assignedRootSet = NameSet()
    /// `nonlocal x`: only valid in a function nested in another.
    var isNonlocal = false
    /// The names it calls or reaches into (`f` in `f(x)`, `f.close()` and `f[0]`).
    var dereferenced = NameSet()
    /// For an `if`, the name its condition tests for being there or not (``NameTest``).
    var nameTest: NameTest?
    /// The dotted name an `if` tests is there (``PythonLine/presenceTestSubject``) and the one
    /// an assignment sets to `None` (``PythonLine/noneAssignmentTarget``), each by a hash of its
    /// spelling (``FlatPythonBlock/spellingKey(_:)``): `self.conn` is not one of the block's names.
    var presenceSubject: Int32?
    var noneTarget: Int32?
    /// For an `if`, `elif` or `while`, what its condition tests (``ConditionSubject``).
    var condition: ConditionSubject?
    /// The attributes of `self` it assigns (``PythonLine/assignedSelfAttributes``), each by a
    /// hash of its spelling: attributes are not the block's names.
    var assignedAttributes = NameSet()
    /// A `def __init__`.
    var isInitializer = false
    /// `if __name__ == "__main__":`, the guard of a script's own code.
    var isMainGuard = false
    /// Right under a comment that numbers, rules off or names an example (`# 2. …`,
    /// `# Using threads`): the code may start a new example.
    var startsExample = false
    /// A hash of its line's text (``FlatPythonBlock/textKey(_:)``; of the `def` line after
    /// decorators): two statements with the same key say the same thing.
    var textKey: UInt64 = 0
    /// A hash of its tokens with names and literals masked (``FlatPythonBlock/lookKey(of:)``):
    /// two statements with the same key look alike.
    var lookKey: UInt64 = 0
    /// For a block opener, what sort of header it is (``HeaderShape``).
    var header = HeaderShape.none
    /// ``uses``, ``binds`` and ``bodyBinds`` as sets, for the search.
    var useSet = NameSet()
    var bindSet = NameSet()
    var bodyBindSet = NameSet()

    /// Its kind as the model counts kinds: a method `def` apart (the last value).
    var modelKind: Int { kind == .def && isMethod ? IndentationModel.kinds - 1 : kind.rawValue }
}

/// What an `if` tests of one name: that it is there (`if x:`, `if x is not None:`, either
/// followed by `and …`), so that its body may use it, or that it is missing (`if not x:`,
/// `if x is None:`), so that its body may set it.
enum NameTest: Equatable {
    case present(Int32)
    case missing(Int32)

    /// Reads the test of an `if` line; `intern` gives a name token's id.
    init?(_ line: PythonLine, intern: (PythonLine.Token) -> Int32) {
        let tokens = line.tokens
        if let subject = line.presenceTestTokens {
            // A dotted subject (`self.conn`) is not one of the block's names.
            guard subject.count == 1 else { return nil }
            self = .present(intern(tokens[1]))
        } else if tokens.count == 5, tokens[0].kind == .keyword(.if), tokens[1].kind == .name,
            tokens[2].kind == .keyword(.is), tokens[3].kind == .keyword(.None), tokens[4].kind == .op(":")
        {
            self = .missing(intern(tokens[1]))
        } else if tokens.count == 4, tokens[0].kind == .keyword(.if), tokens[1].kind == .keyword(.not),
            tokens[2].kind == .name, tokens[3].kind == .op(":")
        {
            self = .missing(intern(tokens[2]))
        } else {
            return nil
        }
    }
}

/// The sort of header a block opener has, as far as it tells how long its body runs.
enum HeaderShape: Int, CaseIterable {
    case none, ifNot, ifNone, ifInstance, ifComparison, ifMembership, ifOther, whileTrue, whileOther
    case forRange, forOther, withTarget, withoutTarget
    /// `with suppress(…)`: its body may be left by an exception it swallows, then what follows runs.
    case withSuppress
    case other

    init(_ line: PythonLine, kind: StatementKind) {
        let tokens = line.tokens
        let has = { (kind: PythonLine.Kind) in tokens.contains { $0.kind == kind } }
        switch kind {
        case .if, .elif:
            if tokens.count > 1, tokens[1].kind == .keyword(.not) {
                self = .ifNot
            } else if has(.keyword(.None)) {
                self = .ifNone
            } else if tokens.contains(where: { line.isName($0, "isinstance") || line.isName($0, "hasattr") }) {
                self = .ifInstance
            } else if has(.keyword(.in)) {
                self = .ifMembership
            } else if has(.op("==")) || has(.op("!=")) || has(.op("<")) || has(.op(">")) || has(.op("<=")) || has(.op(">=")) {
                self = .ifComparison
            } else {
                self = .ifOther
            }
        case .while:
            // `while True:` or `while 1:`
            let endless = tokens.count == 3 && (tokens[1].kind == .keyword(.True) || (tokens[1].kind == .number && line.word(tokens[1]) == "1"))
            self = endless ? .whileTrue : .whileOther
        case .for: self = tokens.contains { line.isName($0, "range") || line.isName($0, "enumerate") } ? .forRange : .forOther
        case .with:
            if tokens.indices.dropLast().contains(where: { line.isName(tokens[$0], "suppress") && tokens[$0 + 1].kind == .op("(") }) {
                self = .withSuppress
            } else {
                self = has(.keyword(.as)) ? .withTarget : .withoutTarget
            }
        default: self = .other
        }
    }
}

/// What kind of statement a line starts, for the indentation model's features.
enum StatementKind: Int, CaseIterable {
    case def, `class`, `if`, elif, `else`, `for`, `while`, `try`, except, finally, with
    case returnValue, returnBare, yield, raise, pass, `break`, `continue`, `import`
    case assign, augmentedAssign, annotated, call, print, expression, string, assert, del, declaration
    case ellipsis, other

    init(_ line: PythonLine) {
        let tokens = line.tokens
        guard let first = tokens.first else {
            self = .other
            return
        }
        switch first.kind {
        case .keyword(let keyword):
            switch keyword {
            case .def: self = .def
            case .class: self = .class
            case .if, .match, .case: self = .if
            case .elif: self = .elif
            case .else: self = .else
            case .for: self = .for
            case .while: self = .while
            case .try: self = .try
            case .except: self = .except
            case .finally: self = .finally
            case .with: self = .with
            case .return: self = tokens.count == 1 ? .returnBare : .returnValue
            case .yield: self = .yield
            case .raise: self = .raise
            case .pass: self = .pass
            case .break: self = .break
            case .continue: self = .continue
            case .import, .from: self = .import
            case .assert: self = .assert
            case .del: self = .del
            case .global, .nonlocal: self = .declaration
            case .async:
                if tokens.count > 1, case .keyword(let next) = tokens[1].kind {
                    self = next == .def ? .def : next == .for ? .for : next == .with ? .with : .other
                } else {
                    self = .other
                }
            case .await: self = .call
            default: self = line.hasAssignment ? .assign : .expression
            }
        case .op("..."): self = tokens.count == 1 ? .ellipsis : .expression
        case .string: self = tokens.count == 1 || tokens.allSatisfy({ $0.kind == .string }) ? .string : .expression
        default:
            if line.hasAssignment {
                let augmented = tokens.contains { token in
                    guard case .op(let symbol) = token.kind else { return false }
                    return ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="].contains(symbol)
                }
                self = augmented ? .augmentedAssign : .assign
            } else if tokens.count >= 2, tokens[0].kind == .name, tokens[1].kind == .op(":") {
                self = .annotated
            } else if line.exitsProcess {
                // `sys.exit(2)` raises `SystemExit`: control leaves as it does after `raise`.
                self = .raise
            } else if line.hasCall {
                self = line.isName(first, "print") ? .print : .call
            } else {
                self = .expression
            }
        }
    }

    /// Whether control never passes to the next statement of the block.
    var leavesBlock: Bool { exitsFunction || self == .break || self == .continue }

    /// Statements after which the block they end is over, unless dead code follows.
    var isTerminal: Bool {
        switch self {
        case .returnValue, .returnBare, .raise, .pass, .break, .continue, .ellipsis: true
        default: false
        }
    }
}
