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
/// Counted inside each function, where Python itself tells a local name from a global one.
struct ReadingFlaws: Equatable {
    /// Functions that return a value on some path and can run off their end.
    var fallsOffEnd = 0
    /// Reads of a function's local name that only some branches before bind.
    var unboundAfterBranch = 0
    /// Reads of a function's local name that only the body of a loop before binds.
    var unboundAfterLoop = 0

    /// The names of the counts, in the order of ``values`` (the model file stores them so).
    static let names = ["fallsOffEnd", "unboundAfterBranch", "unboundAfterLoop"]

    var values: [Double] { [Double(fallsOffEnd), Double(unboundAfterBranch), Double(unboundAfterLoop)] }

    /// The flaws of the reading that places statements `range` of a block at `depths`.
    /// - Parameter statements: ``StatementFlow/of(_:)`` of the block.
    init(_ statements: [StatementFlow], range: Range<Int>, depths: [Int]) {
        let tree = ReadingTree(statements: statements, range: range, depths: depths)
        for function in tree.functions {
            var flow = NameFlow(tree: tree, body: function.body, parameters: statements[function.header].bodyBinds)
            flow.run(function.body)
            unboundAfterBranch += flow.unboundAfterBranch
            unboundAfterLoop += flow.unboundAfterLoop
            if tree.contains(.returnValue, in: function.body), !tree.contains(.yield, in: function.body), !tree.terminates(function.body) { fallsOffEnd += 1 }
        }
    }
}

/// A reading as nested statements: each block a list of nodes, a compound statement one
/// node with its clauses (`if` … `elif` … `else`), each clause its header and its body.
struct ReadingTree {
    indirect enum Node {
        case simple(Int)
        case compound([Clause])
    }

    struct Clause {
        /// The statement that opens the clause (its position in the block).
        var header: Int
        /// Empty for a clause written on one line (`else: return x`).
        var body: [Node]
    }

    let statements: [StatementFlow]
    private(set) var nodes: [Node] = []
    /// Every `def`, nested ones included, as the clause that holds its body.
    private(set) var functions: [Clause] = []

    init(statements: [StatementFlow], range: Range<Int>, depths: [Int]) {
        self.statements = statements
        var index = range.lowerBound
        let depth = { (position: Int) in depths[position - range.lowerBound] }
        nodes = read(&index, end: range.upperBound, depth: depth)
    }

    private mutating func read(_ index: inout Int, end: Int, depth: (Int) -> Int) -> [Node] {
        guard index < end else { return [] }
        let level = depth(index)
        var result: [Node] = []
        while index < end, depth(index) >= level {
            let position = index
            let statement = statements[position]
            index += 1
            var body: [Node] = []
            if statement.opens, index < end, depth(index) > depth(position) { body = read(&index, end: end, depth: depth) }
            let clause = Clause(header: position, body: body)
            if statement.kind == .def, statement.opens { functions.append(clause) }
            if statement.clause != nil, case .compound(let clauses)? = result.last {
                result[result.count - 1] = .compound(clauses + [clause])
            } else if statement.opens || statement.kind.opensBlock {
                result.append(.compound([clause]))
            } else {
                result.append(.simple(position))
            }
        }
        return result
    }

    /// Whether control never runs off the end of `nodes`: it ends in a `return` or `raise`,
    /// an `if` whose every branch (an `else` among them) does, a `try` whose body and every
    /// handler do, or a `while True:` loop with no `break`.
    func terminates(_ nodes: [Node]) -> Bool {
        guard let last = nodes.last else { return false }
        switch last {
        case .simple(let position):
            return statements[position].kind.exitsFunction
        case .compound(let clauses):
            let head = statements[clauses[0].header]
            switch head.kind {
            case .if:
                return clauses.contains { statements[$0.header].clause == .else } && clauses.allSatisfy(terminates)
            case .try:
                if let final = clauses.last, statements[final.header].clause == .finally, terminates(final) { return true }
                let handled = clauses.filter { statements[$0.header].clause != .finally }
                let main = handled.last { statements[$0.header].clause == .else } ?? clauses[0]
                return terminates(main) && handled.filter { statements[$0.header].clause == .except }.allSatisfy(terminates)
            case .with:
                return terminates(clauses[0])
            case .while:
                return head.isEndlessLoop && !contains(.break, in: clauses[0].body, enteringLoops: false)
            default:
                return false
            }
        }
    }

    /// Whether a statement of `kind` stands in `nodes`, on its own line or after a clause's
    /// colon (`if x: return y`), outside nested functions and classes, and, unless
    /// `enteringLoops`, outside nested loops (a `break` there leaves only that loop).
    func contains(_ kind: StatementKind, in nodes: [Node], enteringLoops: Bool = true) -> Bool {
        nodes.contains { node in
            switch node {
            case .simple(let position):
                return statements[position].kind == kind
            case .compound(let clauses):
                let opener = statements[clauses[0].header].kind
                guard opener != .def, opener != .class, enteringLoops || (opener != .for && opener != .while) else { return false }
                return clauses.contains { statements[$0.header].inlineKind == kind || contains(kind, in: $0.body, enteringLoops: enteringLoops) }
            }
        }
    }
}

/// What following names and control through a reading needs of a statement, without
/// arrays: the finalists of a block read their statements many times over.
struct StatementFlow {
    var kind: StatementKind
    var clause: Keyword?
    var opens: Bool
    var inlineKind: StatementKind?
    /// `while True:`.
    var isEndlessLoop: Bool
    /// Names bound where it stands, and in its own body (parameters, loop targets …).
    var binds: NameSet
    var bodyBinds: NameSet
    /// Names it reads: those its lines name, less those it only binds.
    var reads: NameSet

    init(_ statement: FlatStatement) {
        kind = statement.kind
        clause = statement.clause
        opens = statement.opens
        inlineKind = statement.inlineKind
        isEndlessLoop = statement.header == .whileTrue
        binds = statement.bindSet
        bodyBinds = statement.bodyBindSet
        var bound = statement.bodyBindSet
        if statement.kind != .augmentedAssign { bound.formUnion(statement.bindSet) }
        reads = NameSet(statement.reads).subtracting(bound)
    }

    /// The flows of a block's statements.
    static func of(_ block: FlatPythonBlock) -> [StatementFlow] { block.statements.map(StatementFlow.init) }
}

extension StatementKind {
    /// `return` and `raise`: control leaves the function.
    var exitsFunction: Bool { self == .returnValue || self == .returnBare || self == .raise }

    /// The keywords that start a compound statement, written on one line or not.
    var opensBlock: Bool {
        switch self {
        case .if, .elif, .else, .for, .while, .try, .except, .finally, .with, .def, .class: true
        default: false
        }
    }
}
