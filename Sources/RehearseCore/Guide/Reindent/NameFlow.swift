/// Follows which local names of one function, or of a reading's top level, are bound at each
/// statement of a reading, the way Python's compilers and linters do (a name bound in only one
/// branch of an `if` may be unbound after it), and counts the reads of names that are not
/// bound on every path.
/// Names are followed as ``NameSet``s, as the search's own facts are: in a block of more than
/// 128 names two may share a bit.
struct NameFlow {
    /// Where control stands: the names bound on every path to it, and those bound on some
    /// paths only, by a branch or by a loop's body.
    struct State {
        var bound: NameSet
        var inBranch = NameSet()
        var inLoop = NameSet()
    }

    let tree: ReadingTree
    /// The names the function binds itself (its parameters, assignments, loop targets …),
    /// less those it declares `global` or `nonlocal`: every other name is read from outside.
    let locals: NameSet
    private var state: State
    private(set) var unboundAfterBranch = 0
    private(set) var unboundAfterLoop = 0
    private(set) var neverBound = 0
    /// The names the loops around the current statement bind anywhere in them: read before
    /// they are bound, they may hold what an earlier pass bound.
    private var carried = NameSet()
    /// Per subject of an `if` condition (``ConditionSubject/key``), the names that only some
    /// branches of such an `if` bound: `if timeout is not None: end = …` binds `end` for the
    /// later `if timeout is None: … else: wait = end - now`, which tests the same subject.
    private var boundUnderSubject: [UInt64: NameSet] = [:]
    /// The names ``boundUnderSubject`` holds for the `if` chains around the current statement:
    /// read there, they count as bound, since the test that bound them is taken again.
    private var guarded = NameSet()

    init(tree: ReadingTree, body: Range<Int>, parameters: NameSet) {
        self.tree = tree
        var locals = parameters
        var declared = NameSet()
        var position = body.lowerBound
        while position < body.upperBound {
            let statement = tree.statements[position]
            if statement.kind == .declaration { declared.formUnion(statement.reads) }
            locals.formUnion(statement.binds)
            if statement.kind == .def || statement.kind == .class {
                // A nested definition binds its name here; what its body binds is its own.
                position = tree.end(position)
                continue
            }
            locals.formUnion(statement.bodyBinds)
            position += 1
        }
        self.locals = locals.subtracting(declared)
        state = State(bound: parameters)
    }

    mutating func run(_ block: Range<Int>) {
        tree.forEachUnit(in: block) { step($0) }
    }

    private mutating func step(_ unit: Range<Int>) {
        let head = tree.statements[unit.lowerBound]
        guard tree.isCompound(unit.lowerBound) else {
            read(unit.lowerBound)
            state.bound.formUnion(head.binds)
            return
        }
        switch head.kind {
        case .def, .class:
            state.bound.formUnion(head.binds)
        case .for, .while:
            loop(unit)
        case .if, .try:
            branches(unit, isTry: head.kind == .try)
        default:
            // `with`, and anything else that runs its body once.
            tree.forEachClause(of: unit) { enter($0) }
        }
    }

    /// Reads the names a statement reads.
    private mutating func read(_ position: Int) {
        let unbound = tree.statements[position].reads.intersection(locals).subtracting(state.bound).subtracting(guarded)
        guard !unbound.isEmpty else { return }
        unboundAfterBranch += unbound.intersection(state.inBranch).count
        unboundAfterLoop += unbound.subtracting(state.inBranch).intersection(state.inLoop).count
        neverBound += unbound.subtracting(state.inBranch).subtracting(state.inLoop).subtracting(carried).count
    }

    /// Reads a clause's header and runs its body (or its one-line body) from the current state.
    private mutating func enter(_ header: Int) {
        read(header)
        let statement = tree.statements[header]
        state.bound.formUnion(statement.bodyBinds)
        let body = tree.body(header)
        if body.isEmpty { state.bound.formUnion(statement.binds) } else { run(body) }
    }

    private mutating func loop(_ unit: Range<Int>) {
        let before = state
        let outerCarried = carried
        for position in unit {
            carried.formUnion(tree.statements[position].binds)
            carried.formUnion(tree.statements[position].bodyBinds)
        }
        defer { carried = outerCarried }
        var after = before
        let header = unit.lowerBound
        if tree.statements[header].isEndlessLoop, !tree.body(header).isEmpty {
            // `while True:` runs its body at least up to the first `break`: what the body binds
            // before any statement that may break is bound after the loop.
            read(header)
            var surelyBound: NameSet?
            tree.forEachUnit(in: tree.body(header)) { unit in
                if surelyBound == nil, tree.contains(.break, in: unit, enteringLoops: false) { surelyBound = state.bound }
                step(unit)
            }
            after.bound.formUnion(surelyBound ?? NameSet())
        } else {
            enter(header)
        }
        after.inLoop.formUnion(state.bound.subtracting(after.bound))
        after.inLoop.formUnion(state.inLoop)
        after.inBranch.formUnion(state.inBranch)
        state = after
        // A loop's `else` runs once the loop is done.
        tree.forEachClause(of: unit) { header in
            if header != unit.lowerBound { enter(header) }
        }
    }

    /// Where the branches of an `if` chain or a `try` end, gathered one branch at a time.
    private struct Merge {
        /// The names every branch that can finish binds (nil: no such branch yet), and those
        /// every branch binds.
        var finishing: NameSet?
        var every: NameSet?
        var some = NameSet()
        var inBranch = NameSet()
        var inLoop = NameSet()

        mutating func add(_ end: State, exits: Bool) {
            if !exits { finishing = finishing.map { $0.intersection(end.bound) } ?? end.bound }
            every = every.map { $0.intersection(end.bound) } ?? end.bound
            some.formUnion(end.bound)
            inBranch.formUnion(end.inBranch)
            inLoop.formUnion(end.inLoop)
        }
    }

    /// An `if` chain, or a `try` with its handlers: each branch runs from where control
    /// stood (a handler also after part of the `try` body); after them a name is bound when
    /// every branch that can finish binds it.
    private mutating func branches(_ unit: Range<Int>, isTry: Bool) {
        let before = state
        let subject = isTry ? nil : tree.statements[unit.lowerBound].condition?.key
        let outerGuarded = guarded
        if let subject, let names = boundUnderSubject[subject] { guarded.formUnion(names) }
        var merge = Merge()
        var hasElse = false
        var finally: Int?
        // A `try` body's end, which its `else` continues; merged once the clauses are read.
        var tryBody: (state: State, exits: Bool)?
        var afterTryBody = NameSet()
        tree.forEachClause(of: unit) { header in
            switch tree.statements[header].clause {
            case .finally:
                finally = header
            case .else where isTry:
                guard let body = tryBody else { return }
                state = body.state
                enter(header)
                tryBody = (state, tree.clauseTerminates(header, leaving: .block))
            case .except:
                state = before
                state.inBranch.formUnion(afterTryBody.subtracting(before.bound))
                enter(header)
                merge.add(state, exits: tree.clauseTerminates(header, leaving: .block))
            default:
                hasElse = hasElse || tree.statements[header].clause == .else
                state = before
                enter(header)
                if isTry, tryBody == nil {
                    tryBody = (state, tree.clauseTerminates(header, leaving: .block))
                    afterTryBody = state.bound
                } else {
                    merge.add(state, exits: tree.clauseTerminates(header, leaving: .block))
                }
            }
        }
        if let body = tryBody { merge.add(body.state, exits: body.exits) }
        if !isTry, !hasElse { merge.add(before, exits: false) }
        var after = before
        after.bound = merge.finishing ?? merge.every ?? before.bound
        after.inBranch.formUnion(merge.some.subtracting(after.bound))
        after.inBranch.formUnion(merge.inBranch)
        after.inLoop.formUnion(merge.inLoop)
        after.inBranch = after.inBranch.subtracting(after.bound)
        guarded = outerGuarded
        if let subject { boundUnderSubject[subject, default: NameSet()].formUnion(merge.some.subtracting(after.bound)) }
        state = after
        if let finally { enter(finally) }
    }
}
