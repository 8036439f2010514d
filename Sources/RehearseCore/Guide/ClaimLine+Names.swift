extension ClaimParser.ClaimLine {
    /// The names the line's claims read, and its setup statements: plain names, not
    /// attributes, argument keywords, the targets of comprehensions, or what the setup binds
    /// (`x` in `x = f(3); x → 9` reads `f`). The code above such claims must bind them where
    /// the claims can see them, at its top level. A claim that expects an exception
    /// (`x → NameError`) may show that a name is not there: its names are left out.
    var namesRead: [String] {
        var read: [String] = []
        var boundHere = Set<String>()
        let expressions = claims.filter { !PythonSession.isExceptionLine(Substring($0.expected)) }.map(\.expr)
        for source in setup + expressions {
            let line = PythonLine(Substring(source))
            guard line.lexes else { continue }
            if line.firstKeyword == .import || line.firstKeyword == .from {
                boundHere.formUnion(line.importedNames)
                continue
            }
            line.forEachComprehensionTarget(from: 0) { boundHere.insert(String(line.word($0))) }
            line.forEachReferencedName(insideBrackets: false) { bytes, use in
                guard !use.isKeyword, !use.standsBeforeAssignment else { return }
                let name = String(decoding: bytes, as: UTF8.self)
                if !boundHere.contains(name), !read.contains(name) { read.append(name) }
            }
            line.forEachBoundName { boundHere.insert(String(line.word($0))) }
        }
        return read
    }
}
