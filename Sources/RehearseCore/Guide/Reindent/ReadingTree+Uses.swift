/// Shapes of a whole reading told by what its statements use, counted for ``ReadingFlaws``:
/// code placed where the names it reads, or the names it tests, say it does not belong.
extension ReadingTree {
    /// The `if` … `else` and `try` … `except` statements of `block` (not of the blocks inside it)
    /// whose last branch ends in a statement that reads a name every branch binds and no other
    /// branch reads after binding it: code that uses what each branch made belongs after the
    /// statement, not at the end of its last branch (`if x: token = a()` / `else: token = b()` /
    /// `atom.append(token)`).
    func joinReadsInLastBranch(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            let kind = statements[unit.lowerBound].kind
            guard kind == .if || kind == .try else { return }
            var last = unit.lowerBound
            forEachClause(of: unit) { last = $0 }
            guard last > unit.lowerBound, statements[last].clause == .else || statements[last].clause == .except else { return }
            let lastBody = body(last)
            var final: Int?
            forEachUnit(in: lastBody) { final = $0.count == 1 && !isCompound($0.lowerBound) ? $0.lowerBound : nil }
            guard let final, final > lastBody.lowerBound else { return }
            var shared = statements[final].reads.intersection(bound(in: lastBody.lowerBound..<final))
            forEachClause(of: unit) { clause in
                guard clause != last, !shared.isEmpty else { return }
                let clauseBody = body(clause)
                shared = shared.intersection(bound(in: clauseBody))
                // A branch that reads the name after binding it uses it itself.
                guard let first = clauseBody.first(where: { statements[$0].binds.intersects(shared) }),
                    !((first + 1)..<clauseBody.upperBound).contains(where: { statements[$0].reads.intersects(shared) })
                else {
                    shared = NameSet()
                    return
                }
            }
            if !shared.isEmpty { count += 1 }
        }
        return count
    }

    /// The loops of `block` (not of the blocks inside it) whose body ends in a statement that
    /// reads nothing the loop binds (``endsPassInvariant(loop:at:)``): code that does
    /// the same on every pass is code after the loop (`for part in parts: out.append(part)` /
    /// `out.flush()`). For a compound last statement, its header is what counts; an augmented
    /// assignment (a running total), `pass`, `break`, `continue`, `raise`, definitions, `with`
    /// and `try` do not count.
    func loopsEndingInvariant(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            let head = statements[unit.lowerBound]
            guard head.kind == .for || head.kind == .while else { return }
            let loopBody = body(unit.lowerBound)
            var (units, last) = (0, 0..<0)
            forEachUnit(in: loopBody) { units += 1; last = $0 }
            guard units > 1 else { return }
            if endsPassInvariant(loop: unit.lowerBound, at: last.lowerBound) { count += 1 }
        }
        return count
    }

    /// The loops of `block` (not of the blocks inside it) whose body ends in an `if` whose last
    /// branch ends, after other statements, in one that reads nothing the loop binds: code
    /// that finishes the loop's work (`temp.sort()` after `if keep(x): temp.append(x)`) read
    /// into the last branch. Descends through an `if` that ends such a branch; the statements
    /// ``loopsEndingInvariant(in:)`` leaves out are left out here too, and `return`.
    func loopsEndingInvariantInBranch(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            let head = statements[unit.lowerBound]
            guard head.kind == .for || head.kind == .while else { return }
            let loopBody = body(unit.lowerBound)
            var last = 0..<0
            forEachUnit(in: loopBody) { last = $0 }
            var branch = 0..<0
            while !last.isEmpty, statements[last.lowerBound].kind == .if {
                var header = last.lowerBound
                forEachClause(of: last) { header = $0 }
                branch = body(header)
                last = 0..<0
                forEachUnit(in: branch) { last = $0 }
            }
            guard branch.count > 1, last.count == 1, last.lowerBound > branch.lowerBound,
                statements[last.lowerBound].kind != .returnValue, statements[last.lowerBound].kind != .returnBare
            else { return }
            if endsPassInvariant(loop: unit.lowerBound, at: last.lowerBound) { count += 1 }
        }
        return count
    }

    /// Whether the statement at `position`, the last of a pass of the loop at `loop`, reads
    /// nothing the loop binds: its target, what its body binds before the statement, or, for a
    /// `while`, what its condition reads. A step of a name (`total += x`, `node = node.parent`),
    /// `pass`, `break`, `continue`, `raise`, definitions, `with` and `try` do not count.
    private func endsPassInvariant(loop: Int, at position: Int) -> Bool {
        let final = statements[position]
        switch final.kind {
        case .augmentedAssign, .pass, .break, .continue, .raise, .def, .class, .with, .try: return false
        default: break
        }
        if final.rebindsWhatItReads { return false }
        var bound = statements[loop].bodyBinds
        if statements[loop].kind == .while { bound.formUnion(statements[loop].reads) }
        for earlier in body(loop).lowerBound..<position {
            bound.formUnion(statements[earlier].binds)
            bound.formUnion(statements[earlier].bodyBinds)
        }
        return !final.reads.intersects(bound)
    }

    /// The loops of `block` (not of the blocks inside it) with an `else` and no `break` of
    /// their own: the `else` then runs whenever the loop ends, and is only code after the loop
    /// that a reading attached to it.
    func loopElsesWithoutBreak(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            let head = statements[unit.lowerBound]
            guard head.kind == .for || head.kind == .while, end(unit.lowerBound) < unit.upperBound,
                !contains(.break, in: body(unit.lowerBound), enteringLoops: false)
            else { return }
            count += 1
        }
        return count
    }

    /// The `if` statements of `block` (not of the blocks inside it) that test a name is there
    /// (`if conn is not None:`), have no other branch and a body that neither leaves nor binds the
    /// name, and are followed by a statement that calls or reaches into the name
    /// (`conn.close()`): what the test guards belongs in its body.
    func guardedUsesAfterGuard(in block: Range<Int>) -> Int {
        var count = 0
        var previous: (unit: Range<Int>, name: Int32)?
        forEachUnit(in: block) { unit in
            if let (guarded, name) = previous {
                let uses = unit.contains { statements[$0].dereferenced.contains(name) }
                let binds = unit.contains { statements[$0].binds.contains(name) || statements[$0].bodyBinds.contains(name) }
                if uses, !binds, !bound(in: body(guarded.lowerBound)).contains(name),
                    !clauseTerminates(guarded.lowerBound, leaving: .block)
                {
                    count += 1
                }
            }
            previous = nil
            let head = statements[unit.lowerBound]
            if case .present(let name) = head.nameTest, end(unit.lowerBound) == unit.upperBound, !body(unit.lowerBound).isEmpty {
                previous = (unit, name)
            }
        }
        return count
    }

    /// The `if` statements of `block` (not of the blocks inside it) that test a name or an
    /// attribute is there (`if self.conn:`), have no other branch and a body that does not set
    /// it to `None`, and are followed by a statement that does (`self.conn = None`): releasing
    /// what the test guards is done in its body. Of the train half's such resets, 21 end the
    /// guard's body and 2 follow it.
    func resetsAfterGuard(in block: Range<Int>) -> Int {
        var count = 0
        var previous: (header: Int, subject: Int32)?
        forEachUnit(in: block) { unit in
            if let (header, subject) = previous, statements[unit.lowerBound].noneTarget == subject,
                !body(header).contains(where: { statements[$0].noneTarget == subject })
            {
                count += 1
            }
            previous = nil
            if let subject = statements[unit.lowerBound].presenceSubject, end(unit.lowerBound) == unit.upperBound,
                !body(unit.lowerBound).isEmpty
            {
                previous = (unit.lowerBound, subject)
            }
        }
        return count
    }

    /// The `with` statements of `block` (not of the blocks inside it) whose body uses their
    /// target (`fp` in `with open(path) as fp:`) and a later statement of the block reads it
    /// before anything binds it again: what a `with` opens is used in its body and closed after
    /// it. Of the train half's 112 `with … as` statements, 2 have their target read after their
    /// body. A target the body leaves alone is what the `with` records for after it
    /// (`with pytest.raises(E) as caught:`), and does not count.
    func withTargetsReadAfter(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            let head = statements[unit.lowerBound]
            guard head.kind == .with, !head.bodyBinds.isEmpty,
                body(unit.lowerBound).contains(where: { statements[$0].reads.intersects(head.bodyBinds) })
            else { return }
            var open = head.bodyBinds
            for position in unit.upperBound..<block.upperBound where !open.isEmpty {
                if statements[position].reads.intersects(open) {
                    count += 1
                    return
                }
                open = open.subtracting(statements[position].binds.union(statements[position].bodyBinds))
            }
        }
        return count
    }

    /// The `if` statements of `block` (not of the blocks inside it) that test a name is missing
    /// (`if items is None:`), have no other branch, and go on in their body, after setting the
    /// name, to read it: setting a default is done in the `if`, using the name after it.
    func defaultsUsedInside(in block: Range<Int>) -> Int {
        var count = 0
        forEachUnit(in: block) { unit in
            guard case .missing(let name) = statements[unit.lowerBound].nameTest, end(unit.lowerBound) == unit.upperBound
            else { return }
            var (set, used) = (false, false)
            forEachUnit(in: body(unit.lowerBound)) { inner in
                guard !used else { return }
                let binds = inner.contains { statements[$0].binds.contains(name) || statements[$0].bodyBinds.contains(name) }
                if set, !binds, inner.contains(where: { statements[$0].reads.contains(name) }) { used = true }
                if binds { set = true }
            }
            if used { count += 1 }
        }
        return count
    }

    /// The attributes of `self` that `__init__` (the function at `position`) sets in one branch of
    /// an `if` … `else` and not in the other, where neither branch leaves: an object has the same
    /// attributes whichever way it was made, so what one branch alone sets is set after the `if`
    /// (`if path: self.path = path` / `else: self.path = cwd()` / `self.cache = {}`).
    func attributesSetInOneBranch(of position: Int) -> Int {
        guard statements[position].isInitializer else { return 0 }
        let function = body(position)
        var count = 0
        for header in function where statements[header].kind == .if {
            let other = end(header)
            guard other < function.upperBound, statements[other].clause == .else, depth(other) == depth(header),
                !clauseTerminates(header, leaving: .block), !clauseTerminates(other, leaving: .block)
            else { continue }
            let first = attributes(in: body(header)), second = attributes(in: body(other))
            count += first.union(second).subtracting(first.intersection(second)).count
        }
        return count
    }

    /// The attributes of `self` the statements of `block` assign, however deep.
    private func attributes(in block: Range<Int>) -> NameSet {
        block.reduce(into: NameSet()) { $0.formUnion(statements[$1].assignedAttributes) }
    }

    /// The names the statements of `block` bind, however deep.
    private func bound(in block: Range<Int>) -> NameSet {
        block.reduce(into: NameSet()) { $0.formUnion(statements[$1].binds) }
    }
}
