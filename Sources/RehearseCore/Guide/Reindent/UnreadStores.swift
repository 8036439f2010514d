/// Counts the assignments of one function that nothing can read: a local name stored where no
/// path on from the store reads it before it is stored again or the function ends. Written
/// code rarely stores in vain (linters flag it); a reading makes such stores when it moves a
/// statement to the wrong side of a block's end: `sep = " "` read after the loop whose next
/// pass reads it, `last = item` read into a branch after the code that uses it.
///
/// A backward pass over the reading's nested statements, as compilers find live variables:
/// what is live after a loop's body is also live at its start (the next pass), a `break` goes
/// on after the loop and a `continue` at its start, what a `try`'s handlers read is live all
/// through its body (any statement there may raise), and nothing is live after `return` or
/// `raise`. Names a nested function or class reads may be read whenever it runs: their stores
/// are never counted.
struct UnreadStores {
    let tree: ReadingTree
    /// The function's local names (``NameFlow/locals``), less those nested definitions read.
    private let candidates: NameSet
    /// Where `break` and `continue` go in the innermost loop: what is live there.
    private var loops: [(breakTarget: NameSet, continueTarget: NameSet)] = []
    /// What a `try`'s handlers read, live after every statement of its body.
    private var raiseTarget = NameSet()
    /// The units of the blocks being walked, the innermost block's last: each block pushes its
    /// own above those of the blocks around it and takes them off again, so one array serves all.
    private var pendingUnits: [Range<Int>] = []
    private(set) var count = 0

    init(tree: ReadingTree, body: Range<Int>, locals: NameSet) {
        self.tree = tree
        var captured = NameSet()
        var position = body.lowerBound
        while position < body.upperBound {
            let statement = tree.statements[position]
            if statement.kind == .def || statement.kind == .class {
                for inner in tree.body(position) { captured.formUnion(tree.statements[inner].reads) }
                position = tree.end(position)
                continue
            }
            position += 1
        }
        candidates = locals.subtracting(captured)
        pendingUnits.reserveCapacity(body.count)
    }

    /// Counts the unread stores of `body`, after which nothing is live.
    mutating func run(_ body: Range<Int>) {
        _ = block(body, liveAfter: NameSet())
    }

    /// The names live before `block`, given those live after it.
    private mutating func block(_ block: Range<Int>, liveAfter: NameSet) -> NameSet {
        let base = pendingUnits.count
        tree.forEachUnit(in: block) { pendingUnits.append($0) }
        var live = liveAfter
        while pendingUnits.count > base { live = unit(pendingUnits.removeLast(), liveAfter: live) }
        return live
    }

    private mutating func unit(_ unit: Range<Int>, liveAfter: NameSet) -> NameSet {
        let head = tree.statements[unit.lowerBound]
        guard tree.isCompound(unit.lowerBound) else { return simple(unit.lowerBound, liveAfter: liveAfter) }
        var clauses: [Int] = []
        tree.forEachClause(of: unit) { clauses.append($0) }
        switch head.kind {
        case .def, .class:
            return liveAfter.subtracting(head.binds).union(head.reads)
        case .for, .while:
            return loop(clauses, liveAfter: liveAfter)
        case .try:
            return attempt(clauses, liveAfter: liveAfter)
        case .if:
            // Each test runs only when those before it failed; the last one falls through
            // to what follows unless an `else` ends the chain.
            var live = liveAfter
            for header in clauses.reversed() {
                let body = clause(header, liveAfter: liveAfter)
                live = tree.statements[header].clause == .else ? body : body.union(live).union(tree.statements[header].reads)
            }
            return live
        default:
            // `with`, and anything else that runs its body once.
            var live = liveAfter
            for header in clauses.reversed() { live = clause(header, liveAfter: live).union(tree.statements[header].reads) }
            return live
        }
    }

    /// The names live before a clause's body (one written on its line included).
    private mutating func clause(_ header: Int, liveAfter: NameSet) -> NameSet {
        let body = tree.body(header)
        let statement = tree.statements[header]
        let live: NameSet
        if body.isEmpty {
            live = statement.inlineKind?.exitsFunction == true ? NameSet() : liveAfter
        } else {
            live = block(body, liveAfter: liveAfter)
        }
        return live.subtracting(statement.bodyBinds)
    }

    /// A `for` or `while` loop and its `else`: the body runs again after itself.
    private mutating func loop(_ clauses: [Int], liveAfter: NameSet) -> NameSet {
        guard let header = clauses.first else { return liveAfter }
        let exit = clauses.count > 1 ? clause(clauses[1], liveAfter: liveAfter) : liveAfter
        let reads = tree.statements[header].reads
        let endless = tree.statements[header].isEndlessLoop
        var start = (endless ? NameSet() : exit).union(reads)
        // Twice round: what the body reads before it stores is live at the end of the body.
        let counted = count
        for pass in 0..<2 {
            count = counted
            loops.append((liveAfter, start))
            let body = clause(header, liveAfter: start)
            loops.removeLast()
            let next = (endless ? NameSet() : exit).union(reads).union(body)
            if pass == 0 { start = next }
        }
        return start
    }

    /// A `try` with its handlers, `else` and `finally`.
    private mutating func attempt(_ clauses: [Int], liveAfter: NameSet) -> NameSet {
        var afterClauses = liveAfter
        if let finally = clauses.last, tree.statements[finally].clause == .finally {
            afterClauses = clause(finally, liveAfter: liveAfter)
        }
        var handlers = NameSet()
        var afterBody = afterClauses
        for header in clauses.dropFirst() {
            switch tree.statements[header].clause {
            case .except: handlers.formUnion(clause(header, liveAfter: afterClauses).union(tree.statements[header].reads))
            case .else: afterBody = clause(header, liveAfter: afterClauses)
            default: break
            }
        }
        guard let header = clauses.first else { return liveAfter }
        let outer = raiseTarget
        raiseTarget.formUnion(handlers)
        let body = clause(header, liveAfter: afterBody.union(handlers))
        raiseTarget = outer
        return body.union(handlers)
    }

    /// A statement that holds no other: counts it when it stores in vain.
    private mutating func simple(_ position: Int, liveAfter: NameSet) -> NameSet {
        let statement = tree.statements[position]
        var after = liveAfter
        switch statement.kind {
        case .returnValue, .returnBare, .raise: after = NameSet()
        case .break: after = loops.last?.breakTarget ?? liveAfter
        case .continue: after = loops.last?.continueTarget ?? liveAfter
        default: break
        }
        after.formUnion(raiseTarget)
        if statement.kind == .assign || statement.kind == .augmentedAssign, !statement.binds.isEmpty,
            statement.binds.subtracting(candidates).isEmpty, !statement.binds.intersects(after)
        {
            count += 1
        }
        return after.subtracting(statement.kind == .augmentedAssign ? NameSet() : statement.binds).union(statement.reads)
    }
}
