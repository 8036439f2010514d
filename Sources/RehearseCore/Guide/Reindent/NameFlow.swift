/// Follows which local names of one function are bound at each statement of a reading, the
/// way Python's compilers and linters do (a name bound in only one branch of an `if` may be
/// unbound after it), and counts the reads of names that are not bound on every path.
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

    init(tree: ReadingTree, body: [ReadingTree.Node], parameters: NameSet) {
        self.tree = tree
        var locals = parameters
        var declared = NameSet()
        Self.collect(body, tree: tree, locals: &locals, declared: &declared)
        self.locals = locals.subtracting(declared)
        state = State(bound: parameters)
    }

    private static func collect(_ nodes: [ReadingTree.Node], tree: ReadingTree, locals: inout NameSet, declared: inout NameSet) {
        for node in nodes {
            switch node {
            case .simple(let position):
                if tree.statements[position].kind == .declaration { declared.formUnion(tree.statements[position].reads) }
                locals.formUnion(tree.statements[position].binds)
            case .compound(let clauses):
                for clause in clauses {
                    let header = tree.statements[clause.header]
                    locals.formUnion(header.binds)
                    guard header.kind != .def, header.kind != .class else { continue }
                    locals.formUnion(header.bodyBinds)
                    collect(clause.body, tree: tree, locals: &locals, declared: &declared)
                }
            }
        }
    }

    mutating func run(_ nodes: [ReadingTree.Node]) {
        for node in nodes { step(node) }
    }

    private mutating func step(_ node: ReadingTree.Node) {
        switch node {
        case .simple(let position):
            read(position)
            state.bound.formUnion(tree.statements[position].binds)
        case .compound(let clauses):
            let head = tree.statements[clauses[0].header]
            switch head.kind {
            case .def, .class:
                state.bound.formUnion(head.binds)
            case .for, .while:
                loop(clauses)
            case .if, .try:
                branches(clauses, isTry: head.kind == .try)
            default:
                // `with`, and anything else that runs its body once.
                for clause in clauses { enter(clause) }
            }
        }
    }

    /// Reads the names a statement reads.
    private mutating func read(_ position: Int) {
        let unbound = tree.statements[position].reads.intersection(locals).subtracting(state.bound)
        guard !unbound.isEmpty else { return }
        unboundAfterBranch += unbound.intersection(state.inBranch).count
        unboundAfterLoop += unbound.subtracting(state.inBranch).intersection(state.inLoop).count
    }

    /// Reads a clause's header and runs its body (or its one-line body) from the current state.
    private mutating func enter(_ clause: ReadingTree.Clause) {
        read(clause.header)
        let header = tree.statements[clause.header]
        state.bound.formUnion(header.bodyBinds)
        if clause.body.isEmpty { state.bound.formUnion(header.binds) } else { run(clause.body) }
    }

    private mutating func loop(_ clauses: [ReadingTree.Clause]) {
        let before = state
        enter(clauses[0])
        var after = before
        after.inLoop.formUnion(state.bound.subtracting(before.bound))
        after.inLoop.formUnion(state.inLoop)
        after.inBranch.formUnion(state.inBranch)
        state = after
        // A loop's `else` runs once the loop is done.
        for clause in clauses.dropFirst() { enter(clause) }
    }

    /// An `if` chain, or a `try` with its handlers: each branch runs from where control
    /// stood (a handler also after part of the `try` body); after them a name is bound when
    /// every branch that can finish binds it.
    private mutating func branches(_ clauses: [ReadingTree.Clause], isTry: Bool) {
        let before = state
        var ends: [(state: State, exits: Bool)] = []
        var finally: ReadingTree.Clause?
        var afterBody: State?
        for clause in clauses {
            switch tree.statements[clause.header].clause {
            case .finally:
                finally = clause
                continue
            case .else where isTry:
                // A `try`'s `else` continues its body.
                guard let body = ends.first else { break }
                state = body.state
                enter(clause)
                ends[0] = (state, tree.terminates(clause))
                continue
            case .except:
                state = before
                state.inBranch.formUnion(afterBody?.bound.subtracting(before.bound) ?? NameSet())
            default:
                state = before
            }
            enter(clause)
            if isTry, afterBody == nil { afterBody = state }
            ends.append((state, tree.terminates(clause)))
        }
        if !isTry, !clauses.contains(where: { tree.statements[$0.header].clause == .else }) {
            ends.append((before, false))
        }
        let finishing = ends.filter { !$0.exits }.map(\.state)
        let merged = finishing.isEmpty ? ends.map(\.state) : finishing
        var after = before
        after.bound = merged.dropFirst().reduce(merged.first?.bound ?? before.bound) { $0.intersection($1.bound) }
        for end in ends {
            after.inBranch.formUnion(end.state.bound.subtracting(after.bound))
            after.inBranch.formUnion(end.state.inBranch)
            after.inLoop.formUnion(end.state.inLoop)
        }
        after.inBranch = after.inBranch.subtracting(after.bound)
        state = after
        if let finally { enter(finally) }
    }
}

extension ReadingTree {
    /// Whether control runs off the end of a clause's body (one written on its line included).
    func terminates(_ clause: Clause) -> Bool {
        clause.body.isEmpty ? statements[clause.header].inlineKind?.exitsFunction == true : terminates(clause.body)
    }
}
