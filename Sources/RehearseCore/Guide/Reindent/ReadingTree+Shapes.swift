/// Shapes of a whole reading that written Python rarely has, counted for ``ReadingFlaws``.
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

    /// Calls `visit` with `block` and with every clause body inside it, however deep.
    func forEachBlock(in block: Range<Int>, _ visit: (Range<Int>) -> Void) {
        visit(block)
        forEachUnit(in: block) { unit in forEachClause(of: unit) { forEachBlock(in: body($0), visit) } }
    }

    /// The `if` statements of `block` (not of the blocks inside it) that follow an `if` testing
    /// the same condition.
    func repeatedConditions(in block: Range<Int>) -> Int {
        var count = 0
        var previous: UInt64 = 0
        forEachUnit(in: block) { unit in
            let key = statements[unit.lowerBound].conditionKey
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
                terminates(body(unit.lowerBound), orBreaks: true)
            {
                count += 1
            }
        }
        return count
    }

    /// Whether the function whose body is `body` ends by assigning one of its `locals` that
    /// nothing reads after: its last statement, or the last of any clause of a final `if`,
    /// `with` or `try` (`finally` aside), binds such a name (a loop's body is left out: the next pass may read it).
    func endsWithUnreadStore(_ body: Range<Int>, locals: NameSet) -> Bool {
        var last: Range<Int>?
        forEachUnit(in: body) { last = $0 }
        guard let unit = last else { return false }
        let head = statements[unit.lowerBound]
        if !isCompound(unit.lowerBound) {
            return (head.kind == .assign || head.kind == .augmentedAssign) && !head.binds.isEmpty
                && head.binds.subtracting(locals).isEmpty
        }
        guard head.kind == .if || head.kind == .with || head.kind == .try else { return false }
        var found = false
        forEachClause(of: unit) { header in
            if !found, statements[header].clause != .finally { found = endsWithUnreadStore(self.body(header), locals: locals) }
        }
        return found
    }
}
