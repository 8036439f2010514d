/// What following names and control through a reading needs of a statement, without
/// arrays: the finalists of a block read their statements many times over.
struct StatementFlow {
    var kind: StatementKind
    var clause: Keyword?
    var opens: Bool
    var inlineKind: StatementKind?
    /// `while True:`.
    var isEndlessLoop: Bool
    /// ``FlatStatement/isMethod``.
    var isMethod: Bool
    /// Whether decorators precede it, and its ``FlatStatement/textKey``.
    var isDecorated: Bool
    var textKey: UInt64
    /// Its ``FlatStatement/lookKey``.
    var lookKey: UInt64
    /// The earliest statement before it that ends the same run of three statements, word for
    /// word (by ``textKey``), if any.
    var repeatsRunEndingAt: Int?
    /// Names bound where it stands, and in its own body (parameters, loop targets …).
    var binds: NameSet
    var bodyBinds: NameSet
    /// Names it reads: those its lines name, less those it only binds (`x` in `x = x + 1` is
    /// both bound and read) and those its comprehensions bind for themselves.
    var reads: NameSet
    /// Whether it binds a name it also reads, as a step does (`node = node.parent`,
    /// `rest = rest[1:]`); an augmented assignment is not counted here.
    var rebindsWhatItReads: Bool
    /// ``FlatStatement/dereferenced`` and ``FlatStatement/nameTest``.
    var dereferenced: NameSet
    var nameTest: NameTest?
    /// ``FlatStatement/presenceSubject`` and ``FlatStatement/noneTarget``.
    var presenceSubject: Int32?
    var noneTarget: Int32?
    /// ``FlatStatement/condition``.
    var condition: ConditionSubject?
    /// ``FlatStatement/assignedAttributes`` and ``FlatStatement/isInitializer``.
    var assignedAttributes: NameSet
    var isInitializer: Bool

    init(_ statement: FlatStatement) {
        kind = statement.kind
        clause = statement.clause
        opens = statement.opens
        inlineKind = statement.inlineKind
        isEndlessLoop = statement.header == .whileTrue
        isMethod = statement.isMethod
        isDecorated = statement.first < statement.head
        textKey = statement.textKey
        lookKey = statement.lookKey
        binds = statement.bindSet
        bodyBinds = statement.bodyBindSet
        var bound = statement.bodyBindSet
        if statement.kind != .augmentedAssign { bound.formUnion(statement.bindSet) }
        dereferenced = statement.dereferenced
        nameTest = statement.nameTest
        presenceSubject = statement.presenceSubject
        noneTarget = statement.noneTarget
        condition = statement.condition
        assignedAttributes = statement.assignedAttributes
        isInitializer = statement.isInitializer
        let named = NameSet(statement.reads)
        rebindsWhatItReads = statement.kind != .augmentedAssign && named.intersects(statement.bindSet)
        reads = named.subtracting(bound).union(NameSet(statement.evaluatedNames))
            .subtracting(statement.comprehensionTargets)
    }

    /// The flows of a block's statements.
    static func of(_ block: FlatPythonBlock) -> [StatementFlow] {
        var flows = block.statements.map(StatementFlow.init)
        var firstRuns: [Run: Int] = [:]
        for position in flows.indices.dropFirst(2) {
            let run = Run(first: flows[position - 2].textKey, second: flows[position - 1].textKey, third: flows[position].textKey)
            if let earlier = firstRuns[run] { flows[position].repeatsRunEndingAt = earlier } else { firstRuns[run] = position }
        }
        return flows
    }

    /// Three statements in a row, by their ``textKey``s.
    private struct Run: Hashable {
        var first, second, third: UInt64
    }
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
