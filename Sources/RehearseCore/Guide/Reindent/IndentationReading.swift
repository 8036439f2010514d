/// One partial reading of a flat Python block: the blocks open after the statements placed
/// so far, and where each name is bound. The search (``IndentationSearch``) and the model
/// fitting (``IndentationModelFitter``) move it forward one statement at a time by the same
/// rules, so that the model is fitted on exactly the facts it is later asked about.
struct IndentationReading {
    /// The statements at one depth: what opened them and what a clause there may continue.
    struct Frame {
        var opener: BlockKind
        var count = 0
        var clause = ClauseState.none
        /// For the body of a `def` or `class`: the name it defines.
        var definedName: Int32?
        var inFunction = false
        var inAsyncFunction = false
        var inLoop = false
    }

    /// What the last statement at a depth lets a clause continue.
    enum ClauseState {
        case none, ifChain, loop
        /// A `try` with no handler yet: an `except` or `finally` must follow.
        case bareTry
        case handledTry, tryElse
    }

    /// Why a placement cannot be Python.
    enum Violation: Equatable {
        case clauseWithoutPartner(Keyword)
        case tryWithoutHandler
        case outsideFunction(String)
        case outsideLoop(String)
    }

    private(set) var frames = [Frame(opener: .module)]
    /// The shallowest open depth at which each interned name is bound (`UInt8.max`: nowhere).
    private(set) var boundAt: [UInt8]
    private(set) var previousKind = IndentationModel.previousKinds - 1
    private(set) var previousTerminal = false
    /// Set after a statement that opens a block: the next one goes one level deeper.
    private(set) var mustIndent = false

    init(nameCount: Int) {
        boundAt = [UInt8](repeating: .max, count: nameCount)
    }

    /// The depth of the innermost open block.
    var top: Int { frames.count - 1 }

    /// The depths the statement may take: one deeper after an opener, else any open depth.
    var allowedDepths: ClosedRange<Int> { mustIndent ? top...top : 0...top }

    /// Why placing `statement` at `depth` is not Python, if it is not.
    func violation(placing statement: FlatStatement, at depth: Int) -> Violation? {
        if depth + 1 <= top, frames[(depth + 1)...].contains(where: { $0.clause == .bareTry }) { return .tryWithoutHandler }
        let last = frames[depth].clause
        if let clause = statement.clause {
            let fits: Bool =
                switch clause {
                case .elif: last == .ifChain
                case .else: last == .ifChain || last == .loop || last == .handledTry
                case .except: last == .bareTry || last == .handledTry
                default: last == .bareTry || last == .handledTry || last == .tryElse
                }
            if !fits { return .clauseWithoutPartner(clause) }
        } else if last == .bareTry {
            return .tryWithoutHandler
        }
        let frame = frames[depth]
        switch statement.kind {
        case .returnValue, .returnBare, .yield:
            if !frame.inFunction { return .outsideFunction(statement.kind == .yield ? "yield" : "return") }
        case .break, .continue:
            if !frame.inLoop { return .outsideLoop(statement.kind == .break ? "break" : "continue") }
        default:
            break
        }
        if statement.usesAwait || (statement.isAsync && statement.kind != .def), !frame.inAsyncFunction {
            return .outsideFunction(statement.usesAwait ? "await" : "async")
        }
        return nil
    }

    /// The facts the model scores for placing `statement` (with `comment` before it) at `depth`.
    func facts(placing statement: FlatStatement, comment: FlatPythonBlock.CommentKind, at depth: Int,
               context: PlacementContext) -> PlacementFacts {
        let count = frames[top].count
        return PlacementFacts(
            closed: min(top - depth, 3),
            kind: statement.kind == .def && statement.isMethod ? IndentationModel.kinds - 1 : statement.kind.rawValue,
            previous: previousKind,
            top: frames[top].opener.rawValue,
            landing: frames[depth].opener.rawValue,
            count: count <= 3 ? max(count - 1, 0) : count <= 5 ? 3 : 4,
            closesLocal: depth < context.deepestBinding ? 1 : 0,
            definitionReference: context.referencedDefinition == 0 ? 0 : depth < context.referencedDefinition ? 1 : 2,
            comment: comment.rawValue,
            closesSelf: depth < context.selfBinding ? 1 : 0,
            isMethod: statement.isMethod ? 1 : 0,
            depth: depth,
            bodyEndsTerminal: previousTerminal ? 1 : 0)
    }

    /// What a statement's names say, worked out once for all its candidate depths.
    struct PlacementContext {
        /// The deepest depth among the shallowest bindings of the names it uses (0: none).
        var deepestBinding = 0
        /// The depth of the body of the deepest open definition it names (0: none).
        var referencedDefinition = 0
        /// The depth at which `self` is bound, when it uses `self` (`Int.max` otherwise, never closed).
        var selfBinding = 0
    }

    func context(for statement: FlatStatement, selfName: Int32?) -> PlacementContext {
        var context = PlacementContext()
        for name in statement.uses {
            let depth = boundAt[Int(name)]
            if depth != .max { context.deepestBinding = max(context.deepestBinding, Int(depth)) }
        }
        if top >= 1 {
            for depth in stride(from: top, through: 1, by: -1) {
                if let name = frames[depth].definedName, statement.uses.contains(name) {
                    context.referencedDefinition = depth
                    break
                }
            }
        }
        if statement.usesSelf, let selfName, boundAt[Int(selfName)] != .max {
            context.selfBinding = Int(boundAt[Int(selfName)])
        }
        return context
    }

    /// Places `statement` at `depth`.
    mutating func place(_ statement: FlatStatement, at depth: Int) {
        if depth < top {
            frames.removeSubrange((depth + 1)...)
            let limit = UInt8(depth)
            for index in boundAt.indices where boundAt[index] != .max && boundAt[index] > limit { boundAt[index] = .max }
        }
        var frame = frames[depth]
        frame.count += 1
        switch statement.clause {
        case .elif: frame.clause = .ifChain
        case .else: frame.clause = frame.clause == .handledTry ? .tryElse : .none
        case .except: frame.clause = .handledTry
        case .finally: frame.clause = .none
        default:
            switch statement.kind {
            case .if: frame.clause = .ifChain
            case .for, .while: frame.clause = .loop
            case .try: frame.clause = statement.opens ? .bareTry : .handledTry
            default: frame.clause = .none
            }
        }
        frames[depth] = frame
        for name in statement.binds { bind(name, at: depth) }
        previousKind = statement.kind == .def && statement.isMethod ? IndentationModel.kinds - 1 : statement.kind.rawValue
        previousTerminal = statement.kind.isTerminal
        mustIndent = statement.opens
        guard statement.opens else { return }
        var body = Frame(opener: BlockKind(statement.kind))
        body.inFunction = frame.inFunction
        body.inAsyncFunction = frame.inAsyncFunction
        body.inLoop = frame.inLoop
        switch statement.kind {
        case .def:
            body.definedName = statement.defines
            body.inFunction = true
            body.inAsyncFunction = statement.isAsync
            body.inLoop = false
        case .class:
            body.definedName = statement.defines
            body.inFunction = false
            body.inAsyncFunction = false
            body.inLoop = false
        case .for, .while:
            body.inLoop = true
        default:
            break
        }
        frames.append(body)
        for name in statement.bodyBinds { bind(name, at: depth + 1) }
    }

    /// Whether the reading leaves a `try` without a handler.
    var endsWithBareTry: Bool { frames.contains { $0.clause == .bareTry } }

    private mutating func bind(_ name: Int32, at depth: Int) {
        let index = Int(name)
        if boundAt[index] == .max || Int(boundAt[index]) > depth { boundAt[index] = UInt8(min(depth, 254)) }
    }
}
