/// Shapes of a whole reading that written Python rarely has, and how a reading is laid out,
/// counted for ``ReadingFlaws``.
extension ReadingTree {
    /// The functions and classes defined directly in `body` (a function's body) that no later
    /// statement of it names. A decorated one is left out: its decorator may register it.
    func unusedDefinitions(in body: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: body) { unit in
            let statement = statements[unit.lowerBound]
            guard statement.kind == .def || statement.kind == .class, !statement.isDecorated, !statement.binds.isEmpty else { return }
            let named = (unit.upperBound..<body.upperBound).contains { statements[$0].reads.intersects(statement.binds) }
            if !named { count += 1 }
        }
        return count
    }

    /// The loops of `block` (not of the blocks inside it) whose body defines a function or a
    /// class, or imports: work done once, which written code does before the loop (10 of the
    /// train half's 8,758 definitions and 9 of its 1,688 imports stand in a loop).
    func loopsThatDefine(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            let head = statements[unit.lowerBound].kind
            guard head == .for || head == .while else { return }
            let defines = body(unit.lowerBound).contains { position in
                let kind = statements[position].kind
                return kind == .def || kind == .class || kind == .import
            }
            if defines { count += 1 }
        }
        return count
    }

    /// The `if` statements of `block` (not of the blocks inside it) that follow an `if` testing
    /// the same condition.
    func repeatedConditions(in block: Range<Int>) -> Int {
        var count = 0
        var previous: UInt64 = 0
        forEachUnit(in: block) { unit in
            let statement = statements[unit.lowerBound]
            let key = statement.kind == .if ? statement.textKey : 0
            if key != 0, key == previous { count += 1 }
            previous = key
        }
        return count
    }

    /// The loops of `block` (not of the blocks inside it) whose body leaves on every path.
    func loopsLeftOnFirstPass(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            let head = statements[unit.lowerBound]
            if head.kind == .for || head.kind == .while, !body(unit.lowerBound).isEmpty,
                terminates(body(unit.lowerBound), leaving: .loop)
            {
                count += 1
            }
        }
        return count
    }

    /// The `if` … `else` statements of `block` (not of the blocks inside it) whose branches all
    /// leave the block but one, with more code after them in the block: that code belongs in
    /// the branch that does not leave (`if n == 0: return 0` / `else: half = n // 2` /
    /// `return data[half]`).
    func codeAfterOneOpenBranch(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            guard statements[unit.lowerBound].kind == .if, unit.upperBound < block.upperBound else { return }
            var (open, hasElse) = (0, false)
            forEachClause(of: unit) { header in
                if statements[header].clause == .else { hasElse = true }
                if !clauseTerminates(header, leaving: .block) { open += 1 }
            }
            if hasElse, open == 1 { count += 1 }
        }
        return count
    }

    /// The statements that follow the end of a block and look like the statement before them,
    /// its last (``StatementFlow/lookKey``): statements alike stand side by side (`log.info(a)`
    /// then `log.info(b)` split by the end of an `if`). Clauses, definitions and `return`s are
    /// left out: `return x` after a nested `return y` is how branches end.
    func lookAlikesSplitByBlockEnd() -> Int {
        range.dropFirst().count { position in
            let statement = statements[position]
            guard depth(position) < depth(position - 1), statement.clause == nil, statement.kind != .def, statement.kind != .class,
                statement.kind != .returnValue, statement.kind != .returnBare
            else { return false }
            return statement.lookKey == statements[position - 1].lookKey
        }
    }

    /// The `if` statements read into the body of an `if` whose header looks like theirs
    /// (``StatementFlow/lookKey``), after other statements of that body: tests alike stand side
    /// by side (`if columns <= 0:` … then `if lines <= 0:`). Of the train half's `if`s that
    /// follow a simple statement closing an `if` body, 357 that look like that `if` stand beside
    /// it and 52 inside it; of those that do not, 1,133 and 591.
    func lookAlikeTestsNested() -> Int {
        range.count { position in
            let statement = statements[position]
            // The look holds the keyword: an `elif` never looks like an `if`.
            guard statement.kind == .if, let parent = parent(position), position > parent + 1 else { return false }
            return statements[parent].lookKey == statement.lookKey
        }
    }

    /// The runs of three statements that repeat an earlier run of the reading word for word
    /// (``StatementFlow/repeatsRunEndingAt``) with other steps of depth between them.
    func repeatsReadOtherwise() -> Int {
        range.dropFirst(2).count { position in
            guard let earlier = statements[position].repeatsRunEndingAt, earlier - 2 >= range.lowerBound else { return false }
            return depth(position) - depth(position - 1) != depth(earlier) - depth(earlier - 1)
                || depth(position - 1) - depth(position - 2) != depth(earlier - 1) - depth(earlier - 2)
        }
    }
}

/// The conditions a reading pairs, counted for ``ReadingFlaws`` (``ConditionSubject``).
extension ReadingTree {
    /// The `elif` clauses of `block` (not of the blocks inside it) whose condition tests
    /// another subject than the clause before it: an `elif` continues the chain that tests
    /// what it tests (`if kind == A:` … `elif kind in (B, C):`), not the nearest `if`.
    func elifsOffSubject(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            guard statements[unit.lowerBound].kind == .if else { return }
            var previous = statements[unit.lowerBound].condition?.key
            forEachClause(of: unit) { header in
                guard statements[header].clause == .elif else { return }
                let key = statements[header].condition?.key
                if key != previous { count += 1 }
                previous = key
            }
        }
        return count
    }

    /// How the reading is laid out: the depth of its deepest statement, how many of its
    /// statements stand two or more levels deep, and how many `if`, loop, `with` and `try`
    /// statements without an `else` have a body of one plain statement (one that neither opens
    /// a block nor leaves one).
    func layout() -> (deepest: Int, nested: Int, oneStatementBodies: Int) {
        var (deepest, nested, oneStatementBodies) = (0, 0, 0)
        for position in range {
            let level = depth(position)
            deepest = max(deepest, level)
            if level >= 2 { nested += 1 }
        }
        for position in range where body(position).count == 1 {
            switch statements[position].kind {
            case .if, .for, .while, .with, .try: break
            default: continue
            }
            let only = position + 1
            guard !isCompound(only), !Leaving.block.leaves(statements[only].kind) else { continue }
            var clause = end(position)
            var hasElse = false
            while clause < range.upperBound, statements[clause].clause != nil, depth(clause) == depth(position) {
                if statements[clause].kind == .else || statements[clause].kind == .elif { hasElse = true }
                clause = end(clause)
            }
            if !hasElse { oneStatementBodies += 1 }
        }
        return (deepest, nested, oneStatementBodies)
    }
}
