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
        /// How many function bodies enclose this block.
        var functionNesting = 0
        /// The names the opener's own line uses (an `if`'s condition), and whether a statement
        /// of the body has bound one of them since.
        var conditionNames = NameSet()
        var assignedCondition = false
        /// The names bound by statements of this block, and by the block closed last one level
        /// deeper (the `if` body an `else` body parallels).
        var bound = NameSet()
        var closedBodyBound = NameSet()
        /// For the body of a clause (`else`, `elif`, `except`): what the branch before it bound.
        var siblingBound = NameSet()
        /// How many statements the block closed last one level deeper held, and, for a clause
        /// body, how many the branch before it held (0: not a clause body).
        var closedBodyCount = 0
        var siblingCount = 0
        /// The names a `for`, `with` or `except` line binds for its body (`for key in …`).
        var headerNames = NameSet()
        /// For the body of a `for`: the names its iterable reads (`items` in `for x in items:`).
        var iterableNames = NameSet()
        /// The sort of header that opened the block.
        var header = HeaderShape.none
        /// For the body of a class: how its header looks (``FlatStatement/lookKey``), 0 otherwise.
        var classLook: UInt64 = 0
        /// Whether the block's last statement leaves it (`return`, `raise`, `break`, `continue`),
        /// and whether it does so other than by raising (a `with` may swallow an exception).
        var exited = false
        var exitedWithoutRaise = false
        /// Whether the block's last statement is `pass` or `...`, which say it holds nothing else.
        var endsWithPlaceholder = false
        /// For the body of a `while True:` loop: whether a `break` of its own leaves it yet.
        /// Without one the loop never ends, and nothing after it in its block can run.
        var isEndlessLoop = false
        var broken = false
        /// For an `if` chain at this depth: whether every branch body closed so far left the
        /// block, and whether the chain has reached its `else` (then the chain leaves the block
        /// when that body does too).
        var branchesLeft = false
        var chainHasElse = false
        /// For an `if` chain at this depth: what its last `if` or `elif` tested
        /// (``ConditionSubject/key``; 0: nothing known).
        var chainSubject: UInt64 = 0
        /// For the body of an `if` or `elif` whose condition fixed the value of its subject
        /// (``ConditionSubject/fixesValue``): that subject's key (0 otherwise).
        var fixedSubject: UInt64 = 0
        /// Whether the block is, or is inside, a method's body (``FlatStatement/isMethod``),
        /// with no class in between.
        var isMethodBody = false
        /// The class whose body runs as this block does (no `def` in between): its name is not
        /// bound until that body ends.
        var classBeingDefined: Int32?
        /// The body of a `match`: it holds `case` clauses and nothing else.
        var isMatchBody = false
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
        /// A statement other than `case` directly in a `match` block.
        case outsideCase
        case tryWithoutHandler
        case outsideFunction(Keyword)
        case outsideLoop(Keyword)
        /// `await` or `async for`/`with` outside an `async def`.
        case outsideCoroutine
        /// A statement after a `return`, `raise`, `break` or `continue` in the same block, after
        /// a `with` whose body ends in a `return`, `break` or `continue` (of the 55 such `with`
        /// statements of the standard library's train half, the 3 with code after them are all
        /// `with suppress(…)`, which is left out), or after a `while True:` loop with no `break`
        /// of its own (none of the 149 such loops of the train half has code after it): it can
        /// never run. Python allows it; code is not written so.
        case unreachable
        /// A method (`def f(self, …)`, `def __eq__(…)`) defined in another method's body.
        /// Python allows it; none of the 5,625 such definitions in the standard library's
        /// train half stands so.
        case methodInsideMethod
        /// A statement of a class body that names the class (`skip = _Skip()` read into
        /// `class _Skip`): the name is bound only once the body has run. Python compiles it;
        /// it fails when run. None of the 65,129 statements of the standard library's train half
        /// stands so.
        case namesClassInItsBody
        /// A statement after `pass` or `...` in the same block (`DeckError = RenameError` read
        /// into `class SearchError(Error): pass`). Python allows it; none of the 65,129
        /// statements of the standard library's train half stands so.
        case afterPlaceholder
        /// `if __name__ == "__main__":` inside a block: all 34 such guards of the standard
        /// library's train half stand at the top level, where the guard means something.
        case nestedMainGuard
        /// A statement at the top level after the body of `if __name__ == "__main__":` (other
        /// than its `elif` or `else`): the guard ends a script, and none of the 34 such guards
        /// of the standard library's train half has code after it. Code under a comment that
        /// starts another example (``FlatStatement/startsExample``) may stand there.
        case afterMainGuard
        /// The last statement that binds a name the guide reads after the block
        /// (``FlatPythonBlock/init(lines:lexed:readAfter:)``) stands in a function or class
        /// body, and none before it bound the name at the top level: the claims after the
        /// block (`len(calls) → 3`) would not find it.
        case hiddenFromClaims

        /// Whether Python compiles the placement and only the way code is written, or what
        /// running it would do, rules it out.
        var isStyle: Bool {
            switch self {
            case .unreachable, .methodInsideMethod, .namesClassInItsBody, .afterPlaceholder, .nestedMainGuard, .afterMainGuard, .hiddenFromClaims:
                true
            default: false
            }
        }
    }

    private(set) var frames = [Frame(opener: .module)]
    /// Per interned name: the shallowest open depth at which it is bound, and the depth at
    /// which it was bound last (`UInt8.max`: nowhere open). One array, so that a new reading
    /// copies one buffer.
    private(set) var bindings: [Binding]

    struct Binding {
        var shallowest: UInt8 = .max
        var last: UInt8 = .max
    }

    /// Which names read after the block (bits of ``FlatStatement/bindsReadAfter``) a
    /// statement has bound at the top level, outside every function and class body.
    private(set) var readAfterBound: UInt64 = 0

    /// Whether a statement at `depth` binds its names at the top level: no function or class
    /// body holds it.
    private func isTopLevelScope(_ depth: Int) -> Bool {
        frames[depth].functionNesting == 0 && frames[depth].classBeingDefined == nil
    }

    /// Whether `if __name__ == "__main__":` stands at the top level among the statements placed.
    private(set) var mainGuardPlaced = false

    private(set) var previousShape: UInt32 = 0
    private(set) var previousKind = IndentationModel.previousKinds - 1
    private(set) var previousTerminal = false
    /// Set after a statement that opens a block: the next one goes one level deeper.
    private(set) var mustIndent = false

    /// Whether `await` may stand outside any function, as in an asyncio REPL or a notebook:
    /// guides show it so (``FlatPythonBlock/isGuideStyle``); a module may not.
    let allowsTopLevelAwait: Bool

    /// Whether a top-level main guard ends the reading (``Violation/afterMainGuard``). The
    /// reader applies the rule; the fitting does not: a fit that applies it skips 32 more of
    /// its 9,814 training examples, whose truth breaks it, and four-fold cross-validation on the
    /// train half then loses 7 snippets and 68 lines.
    let mainGuardEndsScript: Bool

    init(nameCount: Int, allowsTopLevelAwait: Bool = false, mainGuardEndsScript: Bool = false) {
        self.allowsTopLevelAwait = allowsTopLevelAwait
        self.mainGuardEndsScript = mainGuardEndsScript
        bindings = [Binding](repeating: Binding(), count: nameCount)
    }

    /// The depth of the innermost open block.
    var top: Int { frames.count - 1 }

    /// The depths the statement may take: one deeper after an opener, else any open depth.
    var allowedDepths: ClosedRange<Int> { mustIndent ? top...top : 0...top }

    /// Why placing `statement` at `depth` is not Python, if it is not.
    func violation(placing statement: FlatStatement, at depth: Int) -> Violation? {
        if depth + 1 <= top, frames[(depth + 1)...].contains(where: { $0.clause == .bareTry }) { return .tryWithoutHandler }
        let isCase = statement.matchKeyword == .case
        if frames[depth].isMatchBody != isCase { return isCase ? .clauseWithoutPartner(.case) : .outsideCase }
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
        } else if leaves(depth) {
            return .unreachable
        } else if frames[depth].endsWithPlaceholder {
            return .afterPlaceholder
        }
        if statement.kind == .def, statement.isMethod, frames[depth].isMethodBody { return .methodInsideMethod }
        if statement.isMainGuard, depth > 0 { return .nestedMainGuard }
        if mainGuardEndsScript, mainGuardPlaced, depth == 0, statement.clause == nil, !statement.startsExample { return .afterMainGuard }
        if statement.bindsReadAfterLast & ~readAfterBound != 0, !isTopLevelScope(depth) { return .hiddenFromClaims }
        if let name = frames[depth].classBeingDefined, statement.evaluatedNames.contains(name) { return .namesClassInItsBody }
        var inLoop = frames[depth].inLoop
        if statement.kind == .for || statement.kind == .while { inLoop = true }
        switch statement.inlineKind ?? statement.kind {
        case .declaration where statement.isNonlocal:
            if frames[depth].functionNesting < 2 { return .outsideFunction(.nonlocal) }
        case .returnValue, .returnBare, .yield:
            if !frames[depth].inFunction { return .outsideFunction(statement.kind == .yield ? .yield : .return) }
        case .break, .continue:
            if !inLoop { return .outsideLoop(statement.kind == .break ? .break : .continue) }
        default:
            break
        }
        if statement.usesAwait || (statement.isAsync && statement.kind != .def), !frames[depth].inAsyncFunction,
            frames[depth].inFunction || !allowsTopLevelAwait
        {
            return .outsideCoroutine
        }
        return nil
    }

    /// Whether the block at `depth` is left for good once the blocks deeper than it close: its
    /// last statement leaves it, it ends with an `if` … `else` chain every branch of which
    /// does (`if n: return a` / `else: return b`), or with a `with` whose body ends in a
    /// `return`, `break` or `continue` (a `raise` there may be swallowed by the context manager,
    /// and `with suppress(…)` swallows what the `return`'s value raises).
    func leaves(_ depth: Int) -> Bool {
        var left = frames[top].exited
        var level = top
        while level > depth {
            let opener = frames[level - 1]
            let withLeft = level == top && frames[level].opener == .with && frames[level].header != .withSuppress
                && frames[level].exitedWithoutRaise
            left = (frames[level].isEndlessLoop && !frames[level].broken) || (opener.chainHasElse && opener.branchesLeft && left) || withLeft
            level -= 1
        }
        return left
    }

    /// The facts the model scores for placing `statement` (with `comment` before it) at `depth`.
    func facts(placing statement: FlatStatement, comment: Int, at depth: Int,
               context: PlacementContext) -> PlacementFacts {
        let count = frames[top].count
        return PlacementFacts(
            closed: min(top - depth, 3),
            kind: statement.modelKind,
            previous: previousKind,
            top: frames[top].opener.rawValue,
            landing: frames[depth].opener.rawValue,
            count: Self.bucket(count),
            closesLocal: depth < context.deepestBinding ? 1 : 0,
            definitionReference: context.referencedDefinition == 0
                ? 0
                : 1 + (depth == context.referencedDefinition - 1 ? 0 : depth < context.referencedDefinition ? 2 : 4)
                    + (context.referenceIsCall ? 1 : 0) + (context.referencesClass ? 6 : 0),
            comment: comment,
            closesSelf: depth < context.selfBinding ? 1 : 0,
            isMethod: statement.isMethod ? 1 : 0,
            depth: depth,
            bodyEndsTerminal: previousTerminal ? 1 : 0,
            next: context.nextKind,
            sameShape: statement.shape == previousShape ? 1 : 0,
            usesRecentTop: context.usesRecentTop ? 1 : 0,
            assignedCondition: frames[top].assignedCondition ? 1 : 0,
            parallel: context.parallel,
            outerClosed: depth < top ? frames[depth + 1].opener.rawValue : BlockKind.allCases.count,
            outerCount: depth < top ? Self.bucket(frames[depth + 1].count) : 0,
            closesHeader: depth < context.headerBinding ? 1 : 0,
            closesFunctionLocal: depth < context.functionBinding ? 1 : 0,
            topHeader: frames[top].header.rawValue,
            branchLength: frames[top].siblingCount == 0 ? 0 : count < frames[top].siblingCount ? 1 : count == frames[top].siblingCount ? 2 : 3,
            accumulator: context.accumulatorLoop == 0 ? 0 : depth < context.accumulatorLoop ? 2 : 1,
            conditionSubject: conditionSubject(of: statement, at: depth),
            branchUpdate: context.updatedInBranch ? (depth < top ? 2 : 1) : 0,
            rebindsIterable: context.iteratingLoop == 0 ? 0 : depth < context.iteratingLoop ? 2 : 1)
    }

    /// How the subject of the condition of `statement` (``ConditionSubject``) relates to the
    /// conditions open at `depth` (``PlacementFacts/conditionSubject``).
    private func conditionSubject(of statement: FlatStatement, at depth: Int) -> Int {
        guard let subject = statement.condition?.key else { return 0 }
        if statement.clause == .elif, frames[depth].chainSubject != 0 {
            return frames[depth].chainSubject == subject ? 1 : 2
        }
        return statement.kind == .if && frames[depth].fixedSubject == subject ? 3 : 0
    }

    /// A count of statements as 0 to 4: one (or none), two, three, four or five, more.
    static func bucket(_ count: Int) -> Int {
        count <= 3 ? max(count - 1, 0) : count <= 5 ? 3 : 4
    }

    /// What a statement's names say, worked out once for all its candidate depths.
    struct PlacementContext {
        /// The deepest depth among the shallowest bindings of the names it uses (0: none).
        var deepestBinding = 0
        /// The depth of the body of the deepest open definition it names (0: none).
        var referencedDefinition = 0
        /// The depth at which `self` is bound, when it uses `self` (0 otherwise: never closed).
        var selfBinding = 0
        /// Whether the definition it names is a class, and whether it only calls it.
        var referencesClass = false
        var referenceIsCall = false
        /// The depth of the innermost open block.
        var top = 0
        /// Whether it uses a name that the innermost `if` tested and its body has set since.
        var returnsInitialisedName = false
        /// The kind of the statement after it (the last value: none).
        var nextKind = IndentationModel.previousKinds - 1
        /// Whether it uses a name last bound in the innermost open block.
        var usesRecentTop = false
        /// 0: the innermost block is no clause body; 1: it is, and the statement binds a name
        /// the branch before it bound, not yet bound here; 2: it is, and the statement does not,
        /// though such names remain; 3: it is, and every such name is bound already.
        var parallel = 0
        /// The depth of the deepest block whose header binds a name it uses (0: none).
        var headerBinding = 0
        /// The depth of the body of the deepest function in which a name it uses is local (0: none).
        var functionBinding = 0
        /// The depth of the body of the innermost open loop that has rebound a name it uses, bound
        /// before the loop (`total` after `total = 0` / `for x in xs: total += x`); 0: none.
        var accumulatorLoop = 0
        /// Whether it uses a name that the innermost open block, the body of an `if`, `elif` or
        /// `else`, has rebound since before it (`s` after `if encoding: s = s.encode(encoding)`).
        var updatedInBranch = false
        /// The depth of the body of the innermost open `for` (in the innermost function) whose
        /// iterable names a name it binds (`bases = …` in `for base in bases:`); 0: none.
        var iteratingLoop = 0
        /// For a `class` statement: the depth of the body of the innermost open class whose
        /// header looks like its own (`class POINT(ctypes.Structure):` in `class RECT(ctypes.Structure):`); 0: none.
        var lookAlikeClassBody = 0
    }

    /// What the placement of `statement` is judged against; `nextKind` is the
    /// ``FlatStatement/modelKind`` of the statement after it, if any.
    func context(for statement: FlatStatement, nextKind: Int?, selfName: Int32?) -> PlacementContext {
        var context = PlacementContext()
        for name in statement.uses {
            let depth = bindings[Int(name)].shallowest
            if depth != .max { context.deepestBinding = max(context.deepestBinding, Int(depth)) }
            if bindings[Int(name)].last == UInt8(min(top, 254)) && top > 0 { context.usesRecentTop = true }
        }
        if top >= 1 {
            for depth in stride(from: top, through: 1, by: -1) where context.headerBinding == 0 {
                if frames[depth].headerNames.intersects(statement.useSet) { context.headerBinding = depth }
            }
            for name in statement.uses where bindings[Int(name)].shallowest != .max {
                var depth = Int(bindings[Int(name)].shallowest)
                while depth > context.functionBinding, frames[depth].opener != .def { depth -= 1 }
                context.functionBinding = max(context.functionBinding, depth)
            }
            for depth in stride(from: top, through: 1, by: -1) {
                if let name = frames[depth].definedName, statement.uses.contains(name) {
                    context.referencedDefinition = depth
                    context.referencesClass = frames[depth].opener == .class
                    context.referenceIsCall = statement.calledOnly.contains(name)
                    break
                }
            }
        }
        context.top = top
        if statement.kind == .class {
            context.lookAlikeClassBody = (1...max(top, 1)).last { $0 <= top && frames[$0].classLook == statement.lookKey } ?? 0
        }
        context.accumulatorLoop = accumulatorLoop(readBy: statement)
        if !statement.bindSet.isEmpty {
            var level = top
            while level >= 1, frames[level].opener != .def, frames[level].opener != .class, context.iteratingLoop == 0 {
                if frames[level].iterableNames.intersects(statement.bindSet) { context.iteratingLoop = level }
                level -= 1
            }
        }
        switch frames[top].opener {
        case .if, .elif, .else: context.updatedInBranch = usesNameRebound(by: statement, inBodyAt: top)
        default: break
        }
        context.returnsInitialisedName = frames[top].assignedCondition && frames[top].opener == .if
            && frames[top].conditionNames.intersects(statement.useSet)
        if !frames[top].siblingBound.isEmpty {
            let remaining = frames[top].siblingBound.subtracting(frames[top].bound)
            context.parallel = remaining.isEmpty ? 3 : statement.bindSet.intersects(remaining) ? 1 : 2
        }
        if let nextKind { context.nextKind = nextKind }
        if statement.usesSelf, let selfName, bindings[Int(selfName)].shallowest != .max {
            context.selfBinding = Int(bindings[Int(selfName)].shallowest)
        }
        return context
    }

    /// Whether `statement` uses a name that was bound before the open block at `level` and that
    /// the block has rebound since.
    private func usesNameRebound(by statement: FlatStatement, inBodyAt level: Int) -> Bool {
        let block = UInt8(min(level, 254))
        return statement.uses.contains { name in
            let binding = bindings[Int(name)]
            return binding.shallowest < block && binding.last != .max && binding.last >= block
        }
    }

    /// The depth of the body of the innermost open loop (in the innermost function) that has
    /// rebound a name `statement` uses that was bound before the loop; 0: none.
    private func accumulatorLoop(readBy statement: FlatStatement) -> Int {
        var level = top
        while level >= 1, frames[level].opener != .def, frames[level].opener != .class {
            if frames[level].opener == .for || frames[level].opener == .while {
                return usesNameRebound(by: statement, inBodyAt: level) ? level : 0
            }
            level -= 1
        }
        return 0
    }

    /// Places `statement` at `depth`.
    mutating func place(_ statement: FlatStatement, at depth: Int) {
        if depth < top {
            frames[depth].branchesLeft = frames[depth].branchesLeft && leaves(depth + 1)
            frames[depth].closedBodyBound = frames[depth + 1].bound
            frames[depth].closedBodyCount = frames[depth + 1].count
            frames.removeSubrange((depth + 1)...)
            let limit = UInt8(depth)
            for index in bindings.indices where bindings[index].last != .max && bindings[index].last > limit {
                if bindings[index].shallowest > limit { bindings[index].shallowest = .max }
                bindings[index].last = bindings[index].shallowest
            }
        }
        if statement.bindsReadAfter != 0, isTopLevelScope(depth) { readAfterBound |= statement.bindsReadAfter }
        if depth == 0, statement.clause == nil { mainGuardPlaced = statement.isMainGuard }
        var frame = frames[depth]
        frame.count += 1
        frame.chainHasElse = statement.clause == .else && frame.clause == .ifChain
        if statement.kind == .if { frame.branchesLeft = true }
        if statement.kind == .if || statement.kind == .elif { frame.chainSubject = statement.condition?.key ?? 0 }
        switch statement.clause {
        case .elif: frame.clause = .ifChain
        case .else: frame.clause = frame.clause == .handledTry ? .tryElse : .none
        case .except: frame.clause = .handledTry
        case .finally: frame.clause = .none
        default:
            switch statement.kind {
            case .if: frame.clause = statement.matchKeyword == nil ? .ifChain : .none
            case .for, .while: frame.clause = .loop
            case .try: frame.clause = statement.opens ? .bareTry : .handledTry
            default: frame.clause = .none
            }
        }
        if frame.conditionNames.intersects(statement.assignedRootSet) {
            frame.assignedCondition = true
        }
        frame.bound.formUnion(statement.bindSet)
        frame.exited = statement.kind.leavesBlock
        frame.exitedWithoutRaise = frame.exited && statement.kind != .raise
        frame.endsWithPlaceholder = statement.kind == .pass || statement.kind == .ellipsis
        frames[depth] = frame
        if statement.kind == .break || statement.inlineKind == .break { markBreak(at: depth) }
        for name in statement.binds { bind(name, at: depth) }
        previousShape = statement.shape
        previousKind = statement.modelKind
        previousTerminal = statement.kind.isTerminal
        mustIndent = statement.opens
        guard statement.opens else { return }
        var body = Frame(opener: BlockKind(statement.kind))
        body.header = statement.header
        if statement.kind == .if || statement.kind == .elif || statement.kind == .while { body.conditionNames = statement.useSet }
        if statement.kind == .if || statement.kind == .elif, let condition = statement.condition, condition.fixesValue {
            body.fixedSubject = condition.key
        }
        if statement.clause != nil {
            body.siblingBound = frame.closedBodyBound
            body.siblingCount = frame.closedBodyCount
        }
        body.bound = statement.bodyBindSet
        if statement.kind != .def { body.headerNames = statement.bodyBindSet }
        if statement.kind == .for { body.iterableNames = NameSet(statement.evaluatedNames) }
        body.inFunction = frame.inFunction
        body.inAsyncFunction = frame.inAsyncFunction
        body.inLoop = frame.inLoop
        body.isMethodBody = frame.isMethodBody
        body.functionNesting = frame.functionNesting
        body.classBeingDefined = frame.classBeingDefined
        body.isMatchBody = statement.matchKeyword == .match
        switch statement.kind {
        case .def:
            body.functionNesting += 1
            body.definedName = statement.defines
            body.inFunction = true
            body.inAsyncFunction = statement.isAsync
            body.inLoop = false
            body.isMethodBody = statement.isMethod
            body.classBeingDefined = nil
        case .class:
            body.definedName = statement.defines
            body.classBeingDefined = statement.defines
            body.classLook = statement.lookKey
            body.isMethodBody = false
            body.inFunction = false
            body.inAsyncFunction = false
            body.inLoop = false
        case .for, .while:
            body.inLoop = true
            body.isEndlessLoop = statement.header == .whileTrue
        default:
            break
        }
        frames.append(body)
        for name in statement.bodyBinds { bind(name, at: depth + 1) }
    }

    /// This reading, leaving an empty one in its place, so that the caller holds the only
    /// reference to its arrays and extends it without copying them. The reading left behind
    /// is not to be used again.
    mutating func taken() -> IndentationReading {
        let reading = self
        frames = []
        bindings = []
        return reading
    }

    /// Whether the reading leaves a `try` without a handler.
    var endsWithBareTry: Bool { frames.contains { $0.clause == .bareTry } }

    /// A `break` placed at `depth` leaves the innermost loop around it.
    private mutating func markBreak(at depth: Int) {
        for level in stride(from: depth, through: 1, by: -1) {
            switch frames[level].opener {
            case .for, .while:
                frames[level].broken = true
                return
            case .def, .class:
                return
            default:
                continue
            }
        }
    }

    private mutating func bind(_ name: Int32, at depth: Int) {
        let index = Int(name)
        let level = UInt8(min(depth, 254))
        if bindings[index].shallowest == .max || bindings[index].shallowest > level { bindings[index].shallowest = level }
        bindings[index].last = level
    }
}
