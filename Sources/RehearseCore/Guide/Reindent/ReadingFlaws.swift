/// What a complete reading of a block of flattened Python does that written Python rarely
/// does, counted on whole readings: the search (``IndentationSearch``) scores a statement
/// only by what comes before it, so these are how it compares its finalists.
///
/// - A function that returns a value on some paths runs off its end on another
///   (`if x: …` then `return y` read inside the `if`).
/// - A name is read where only some branches of an `if`, `try` or `except` before it have
///   bound it, or only the body of a loop before it: the reading kept a statement inside a
///   block that its neighbours need closed, or closed one too early.
///
/// - A statement inside a function names the function itself, or the class it is a method
///   of, and none of its parameters (`tests.append(test_webp)` after `def test_webp`,
///   `counter = Counter()` after `class Counter`): code that uses a definition read into it.
/// - A function defined inside another that the rest of that function never names: a
///   definition that belongs beside it, not in it.
/// - Two `if`s one after the other in a block that test the same condition: the second
///   belongs inside a block of the first, or the first ended elsewhere.
/// - An assignment to a local name that nothing can read after it (``UnreadStores``).
/// - A loop whose body leaves it on every path (`return`, `raise`, `break`): it never
///   passes twice (`if x: break` / `else: return` read as one `if` instead of a `for` … `else`).
/// - A statement reads a name that only a function not holding it binds: code read out of
///   the function whose names it uses. Likewise a name only a class body binds, read outside
///   that body.
/// - A method outside a class body.
/// - A run of three statements that repeats an earlier one word for word is read with other
///   steps of depth: code written twice the same way is laid out the same way.
/// - An `if` … `else` whose branches all leave the block but one, followed by more code in
///   the block: that code belongs in the branch that stays.
/// - A statement that follows the end of a block and looks like the block's last statement:
///   statements alike stand side by side.
/// - An `if` … `else` (or `try` … `except`) whose last branch ends in a statement that reads
///   what every branch binds: code that uses what each branch made comes after the statement.
/// - A loop whose body ends in a statement that reads nothing the loop binds: code that does
///   the same on every pass comes after the loop. Likewise at the end of the last branch of an
///   `if` that ends the loop's body, after other statements.
/// - A loop with an `else` and no `break`: the `else` is code after the loop.
/// - A statement that calls or reaches into a name right after an `if` that tests the name is
///   there (`if conn is not None:` … then `conn.close()`): it belongs in the `if`.
/// - An `if` that tests a name is missing, sets it, and goes on using it in its body: setting a
///   default is done in the `if`, using the name after it.
/// - An `__init__` that sets an attribute of `self` in one branch of an `if` … `else` only:
///   an object has the same attributes whichever way it was made.
/// - An `elif` that tests another subject than the clause before it (``ConditionSubject``):
///   the clauses of a chain test one thing.
/// - At the top level of the reading (outside every function and class), a name read where
///   only some branches before it, or only a loop's body, bound it: a script's or an example's
///   code kept inside a branch that its next statements need closed, or closed too early
///   (`with open(fn)` read after the `else` that set `fn`). Counted apart from the same reads
///   in a function: at the top level the name may also be bound by code the block leaves out.
/// - A name or attribute set to `None` right after an `if` that tests it is there
///   (`if self.conn:` … then `self.conn = None`): releasing what the test guards ends its body.
/// - A `with` target read after the `with` block (`with closing(urlopen(url)) as fp:` … then
///   `fp.read()`): what a `with` opens is used inside it.
///
/// Counted inside each function, where Python itself tells a local name from a global one;
/// repeated conditions, loops that never pass twice or end in what every pass does, loop
/// `else`s, code after one open branch, reads at the join of branches, guarded uses after their
/// guard, resets after their guard, `with` targets read after the block, defaults used inside
/// their test and `elif`s off their chain's subject, in every block
/// of the reading; reads out of scope, methods out of their class, repeats and look-alikes
/// split, over the whole reading; reads of names bound on some paths only, once more over the
/// reading's top level. Beside them, how the reading is laid out (``ReadingTree/layout()``).
struct ReadingFlaws: Equatable {
    /// Functions that return a value on some path and can run off their end.
    var fallsOffEnd = 0
    /// Reads of a function's local name that only some branches before bind.
    var unboundAfterBranch = 0
    /// Reads of a function's local name that only the body of a loop before binds.
    var unboundAfterLoop = 0
    /// Statements of a function that name it, or its class, without any of its parameters.
    var usesOwnDefinition = 0
    /// Functions and classes defined in a function that the rest of it never names.
    var unusedNestedDefinition = 0
    /// `if` statements that follow one testing the same condition in the same block.
    var repeatedCondition = 0
    /// Assignments to a function's local name that nothing can read after them.
    var unreadStores = 0
    /// Loops whose body leaves on every path.
    var loopLeftOnFirstPass = 0
    /// Statements that read a name only functions not holding them bind.
    var readsOutOfScope = 0
    /// Statements outside a class body that read a name only class bodies bind.
    var readsOutOfClass = 0
    /// Methods outside a class body.
    var methodOutsideClass = 0
    /// Runs of three statements that repeat an earlier run with other steps of depth.
    var repeatReadOtherwise = 0
    /// `if` … `else` statements with one branch that stays and code after them.
    var codeAfterOneOpenBranch = 0
    /// Statements that follow the end of a block and look like its last statement.
    var lookAlikeSplit = 0
    /// `if` … `else` and `try` … `except` statements whose last branch ends in a read of what
    /// every branch binds.
    var joinReadInLastBranch = 0
    /// Loops whose body ends in a statement that reads nothing the loop binds.
    var loopEndsInvariant = 0
    /// Loops with an `else` and no `break`.
    var loopElseWithoutBreak = 0
    /// Statements that call or reach into a name after an `if` that tests it is there.
    var guardedUseAfterGuard = 0
    /// `if` statements that set a missing name and use it in their body.
    var defaultUsedInside = 0
    /// Attributes an `__init__` sets in one branch of an `if` … `else` only.
    var attributeSetInOneBranch = 0
    /// `elif` clauses that test another subject than the clause before them.
    var elifOffSubject = 0
    /// Loops whose body ends in an `if` whose last branch ends in a statement that reads
    /// nothing the loop binds.
    var loopBranchEndsInvariant = 0
    /// Reads at the top level of a name that only some branches before bind.
    var topLevelUnboundAfterBranch = 0
    /// Reads at the top level of a name that only the body of a loop before binds.
    var topLevelUnboundAfterLoop = 0
    /// Reads of a function's local name that no path before binds.
    var neverBound = 0
    /// Loops whose body defines a function or a class, or imports.
    var loopDefines = 0
    /// `if` statements inside the body of an `if` that looks like them, after other statements.
    var lookAlikeTestNested = 0
    /// Names and attributes set to `None` right after an `if` that tests them and does not.
    var resetAfterGuard = 0
    /// `with` statements whose target a later statement of their block reads.
    var withTargetReadAfter = 0
    /// How the reading is laid out (``ReadingTree/layout()``): the depth of its deepest
    /// statement, its statements two or more levels deep, and its blocks whose body is one plain
    /// statement. Not flaws: the fit weighs them against the search score, which judges each
    /// placement by what comes before it and so keeps statements in a block too readily (the
    /// fitted weights prefer shallow readings and short bodies).
    var deepestLevel = 0
    var deeplyNested = 0
    var oneStatementBodies = 0

    /// The names of the counts, in the order of ``values`` (the model file stores them so).
    static let names = ["fallsOffEnd", "unboundAfterBranch", "unboundAfterLoop", "usesOwnDefinition",
                        "unusedNestedDefinition", "repeatedCondition", "unreadStores", "loopLeftOnFirstPass",
                        "readsOutOfScope", "methodOutsideClass",
                        "repeatReadOtherwise", "codeAfterOneOpenBranch",
                        "lookAlikeSplit", "readsOutOfClass", "joinReadInLastBranch",
                        "loopEndsInvariant", "loopElseWithoutBreak", "guardedUseAfterGuard", "defaultUsedInside",
                        "attributeSetInOneBranch", "elifOffSubject", "loopBranchEndsInvariant",
                        "topLevelUnboundAfterBranch", "topLevelUnboundAfterLoop", "neverBound", "loopDefines", "lookAlikeTestNested",
                        "deepestLevel", "deeplyNested", "oneStatementBodies", "resetAfterGuard", "withTargetReadAfter"]

    var values: [Double] {
        [fallsOffEnd, unboundAfterBranch, unboundAfterLoop, usesOwnDefinition, unusedNestedDefinition, repeatedCondition,
         unreadStores, loopLeftOnFirstPass, readsOutOfScope, methodOutsideClass,
         repeatReadOtherwise, codeAfterOneOpenBranch, lookAlikeSplit, readsOutOfClass, joinReadInLastBranch,
         loopEndsInvariant, loopElseWithoutBreak, guardedUseAfterGuard, defaultUsedInside,
         attributeSetInOneBranch, elifOffSubject, loopBranchEndsInvariant,
         topLevelUnboundAfterBranch, topLevelUnboundAfterLoop, neverBound, loopDefines, lookAlikeTestNested,
         deepestLevel, deeplyNested, oneStatementBodies, resetAfterGuard, withTargetReadAfter].map(Double.init)
    }

    /// No flaws.
    init() {}

    /// The flaws of the reading that places statements `range` of a block at `depths`.
    /// - Parameter statements: ``StatementFlow/of(_:)`` of the block.
    init(_ statements: [StatementFlow], range: Range<Int>, depths: [Int]) {
        let tree = ReadingTree(statements: statements, range: range, depths: depths)
        self.init(tree, inFunction: { InFunction(tree, $0) }, inBlock: { InBlock(tree, $0) })
    }
}

/// A reading as nested statements, without building nodes: each statement's body is the run
/// of statements after it up to ``end(_:)``; a block's statements follow one another from
/// one end to the next; a compound statement is a *unit* of clauses (`if` … `elif` …
/// `else`), each clause a header and its body.
struct ReadingTree {
    let statements: [StatementFlow]
    let range: Range<Int>
    /// Per statement of the range (by its position less the range's start): the position after
    /// its body, the statement whose body holds it (-1 at the top level) and its depth. One
    /// array, so that the closures that walk the tree retain one buffer.
    private var links: [Link]

    private struct Link {
        var end: Int
        var parent = -1
        var depth: Int
    }

    init(statements: [StatementFlow], range: Range<Int>, depths: [Int]) {
        self.statements = statements
        self.range = range
        links = depths.map { Link(end: range.upperBound, depth: $0) }
        var open: [Int] = []
        open.reserveCapacity((depths.max() ?? 0) + 1)
        for position in range {
            let depth = depths[position - range.lowerBound]
            while let last = open.last, depths[last - range.lowerBound] >= depth {
                links[last - range.lowerBound].end = position
                open.removeLast()
            }
            links[position - range.lowerBound].parent = open.last ?? -1
            open.append(position)
        }
    }

    /// The position after the body of the statement at `position`.
    func end(_ position: Int) -> Int { links[position - range.lowerBound].end }

    /// The statement whose body holds the statement at `position` (nil at the top level).
    func parent(_ position: Int) -> Int? {
        let parent = links[position - range.lowerBound].parent
        return parent < 0 ? nil : parent
    }

    /// How deep the reading places the statement at `position`.
    func depth(_ position: Int) -> Int { links[position - range.lowerBound].depth }

    /// The body of the statement at `position` (empty for a clause written on one line).
    func body(_ position: Int) -> Range<Int> { (position + 1)..<end(position) }

    /// Whether the statement at `position` is a `def` with a body (nested ones included).
    func isFunction(_ position: Int) -> Bool { statements[position].kind == .def && !body(position).isEmpty }

    /// The statements of the function at `position` that read its own name, or that of the
    /// class whose body holds it, and none of its parameters.
    func usesOfOwnDefinition(_ position: Int) -> Int {
        var names = statements[position].binds
        if let owner = (range.lowerBound..<position).last(where: { statements[$0].kind == .class && body($0).contains(position) }) {
            names.formUnion(statements[owner].binds)
        }
        let parameters = statements[position].bodyBinds
        return body(position).count { statements[$0].reads.intersects(names) && !statements[$0].reads.intersects(parameters) }
    }

    /// Whether the statement at `position` opens a compound statement (on one line or not).
    func isCompound(_ position: Int) -> Bool { statements[position].opens || statements[position].kind.opensBlock }

    /// Calls `visit` with each unit of `block` in turn: a simple statement, or a compound
    /// statement with the clauses that continue it, as the range of statements it spans.
    func forEachUnit(in block: Range<Int>, _ visit: (Range<Int>) -> Void) {
        var position = block.lowerBound
        while position < block.upperBound {
            var next = end(position)
            if isCompound(position) {
                while next < block.upperBound, statements[next].clause != nil { next = end(next) }
            }
            visit(position..<next)
            position = next
        }
    }

    /// Calls `visit` with the header of each clause of a unit.
    func forEachClause(of unit: Range<Int>, _ visit: (Int) -> Void) {
        var position = unit.lowerBound
        while position < unit.upperBound {
            visit(position)
            position = end(position)
        }
    }

    /// What leaves a block, for ``terminates(_:leaving:)``.
    enum Leaving {
        /// `return` and `raise`: the function is left.
        case function
        /// Those and `break`: the loop is left too.
        case loop
        /// Those and `continue`: the code after the block is skipped.
        case block

        /// Whether a statement of `kind` leaves.
        func leaves(_ kind: StatementKind?) -> Bool {
            guard let kind else { return false }
            switch self {
            case .function: return kind.exitsFunction
            case .loop: return kind.exitsFunction || kind == .break
            case .block: return kind.exitsFunction || kind == .break || kind == .continue
            }
        }
    }

    /// Whether control never runs off the end of `block`: it ends in a statement that leaves
    /// (``Leaving``), an `if` whose every branch (an `else` among them) does, a `try` whose
    /// body and every handler do, a `while True:` loop with no `break`, or a loop with no
    /// `break` whose `else` does.
    func terminates(_ block: Range<Int>, leaving: Leaving = .function) -> Bool {
        var last: Range<Int>?
        forEachUnit(in: block) { last = $0 }
        guard let unit = last else { return false }
        let head = statements[unit.lowerBound]
        guard isCompound(unit.lowerBound) else { return leaving.leaves(head.kind) }
        var clauses: (all: Bool, hasElse: Bool, excepts: Bool, elseTerminates: Bool?, finallyTerminates: Bool) = (true, false, true, nil, false)
        forEachClause(of: unit) { header in
            let terminates = clauseTerminates(header, leaving: leaving)
            clauses.all = clauses.all && terminates
            switch statements[header].clause {
            case .else:
                clauses.hasElse = true
                clauses.elseTerminates = terminates
            case .except: clauses.excepts = clauses.excepts && terminates
            case .finally: clauses.finallyTerminates = terminates
            default: break
            }
        }
        switch head.kind {
        case .if:
            return clauses.hasElse && clauses.all
        case .try:
            let main = clauses.elseTerminates ?? clauseTerminates(unit.lowerBound, leaving: leaving)
            return clauses.finallyTerminates || (main && clauses.excepts)
        case .with:
            return clauseTerminates(unit.lowerBound, leaving: leaving)
        case .for, .while:
            // A loop ends normally into its `else` unless a `break` leaves it; `while True:`
            // ends only by one.
            guard !contains(.break, in: body(unit.lowerBound), enteringLoops: false) else { return false }
            return head.isEndlessLoop || clauses.elseTerminates == true
        default:
            return false
        }
    }

    /// Whether control never runs off the end of a clause's body (one written on its line included).
    func clauseTerminates(_ header: Int, leaving: Leaving = .function) -> Bool {
        guard body(header).isEmpty else { return terminates(body(header), leaving: leaving) }
        return leaving.leaves(statements[header].inlineKind)
    }

    /// Whether a statement of `kind` stands in `block`, on its own line or after a clause's
    /// colon (`if x: return y`), outside nested functions and classes, and, unless
    /// `enteringLoops`, outside nested loops (a `break` there leaves only that loop).
    func contains(_ kind: StatementKind, in block: Range<Int>, enteringLoops: Bool = true) -> Bool {
        var position = block.lowerBound
        while position < block.upperBound {
            let statement = statements[position]
            if statement.kind == .def || statement.kind == .class || (!enteringLoops && (statement.kind == .for || statement.kind == .while)) {
                position = end(position)
                continue
            }
            if statement.kind == kind || statement.inlineKind == kind { return true }
            position += 1
        }
        return false
    }
}
