/// Scopes of a reading, for ``ReadingFlaws``: code read out of the function or class whose
/// names it uses, and methods read out of their class.
extension ReadingTree {
    /// Reads of names out of the scope that binds them, counted per statement:
    ///
    /// - `function`: statements that read a name which only functions that do not hold them
    ///   bind (as a parameter or a local), and which neither the module nor any scope that holds
    ///   them binds: `environ['x'] = …` read after a nested `def` that binds `environ` was
    ///   closed too early.
    /// - `classBody`: statements outside a class body that read a name only class bodies bind:
    ///   `for attr in _moved:` after `_moved = [...]` was read into the class above it. A class
    ///   attribute is named bare only in its own body; methods reach it through `self`.
    ///
    /// A statement sees the names of the module (those a function declares `global` or
    /// `nonlocal` among them), of the function or class that holds it and of every function
    /// around that; a class's names are not seen from the functions inside it, as in Python.
    func readsOutOfScope() -> (function: Int, classBody: Int) {
        guard range.contains(where: { statements[$0].kind == .def || statements[$0].kind == .class }) else { return (0, 0) }
        // Per statement (by its position less the range's start): the function or class whose
        // body holds it, however deep, and for a function or class the names bound in it.
        var scopes = [Int?](repeating: nil, count: range.count)
        var boundIn = [NameSet](repeating: NameSet(), count: range.count)
        var module = NameSet()
        for position in range {
            if let holder = parent(position) {
                let kind = statements[holder].kind
                scopes[position - range.lowerBound] = kind == .def || kind == .class ? holder : scopes[holder - range.lowerBound]
            }
            let statement = statements[position]
            var names = statement.binds
            if statement.kind == .def {
                boundIn[position - range.lowerBound].formUnion(statement.bodyBinds)
            } else if statement.kind != .class {
                names.formUnion(statement.bodyBinds)
            }
            if statement.kind == .declaration { module.formUnion(statement.reads) }
            if let scope = scopes[position - range.lowerBound] {
                boundIn[scope - range.lowerBound].formUnion(names)
            } else {
                module.formUnion(names)
            }
        }
        var functionLocals = NameSet()
        var classLocals = NameSet()
        for position in range {
            switch statements[position].kind {
            case .def: functionLocals.formUnion(boundIn[position - range.lowerBound])
            case .class: classLocals.formUnion(boundIn[position - range.lowerBound])
            default: break
            }
        }
        let classOnly = classLocals.subtracting(module).subtracting(functionLocals)
        var leaks = (function: 0, classBody: 0)
        for position in range {
            let reads = statements[position].reads.subtracting(module)
            let own = scopes[position - range.lowerBound]
            if reads.intersects(classOnly) {
                let unseen = own.map { statements[$0].kind == .class ? reads.subtracting(boundIn[$0 - range.lowerBound]) : reads } ?? reads
                if unseen.intersects(classOnly) { leaks.classBody += 1 }
            }
            guard reads.intersects(functionLocals) else { continue }
            var unseen = reads
            var holder = own
            if let own { unseen = unseen.subtracting(boundIn[own - range.lowerBound]) }
            while let inner = holder {
                if statements[inner].kind == .def { unseen = unseen.subtracting(boundIn[inner - range.lowerBound]) }
                holder = scopes[inner - range.lowerBound]
            }
            if unseen.intersects(functionLocals) { leaks.function += 1 }
        }
        return leaks
    }

    /// The methods (``FlatStatement/isMethod``) that are not directly in a class body.
    func methodsOutsideClass() -> Int {
        range.count { position in
            statements[position].kind == .def && statements[position].isMethod
                && parent(position).map { statements[$0].kind != .class } ?? true
        }
    }
}
