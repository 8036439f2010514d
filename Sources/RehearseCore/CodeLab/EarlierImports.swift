/// What a guide's Python imports at its top level, which the snippets and claims further on
/// rely on as the cells of a notebook do: `merge_sorted([[1, 4], [2, 3]]) → [1, 2, 3, 4]`
/// under a function that calls `heapq.heappop`, with `import heapq` in the block of the
/// section before. The code lab runs such a snippet or claim after those imports; the guide
/// is left as written.
public enum EarlierImports {
    /// For each Python snippet and claim of `guide` that reads a name it does not bind (with
    /// its setup) and an earlier block imports: the import lines to run before it, by item id.
    public static func preludes(in guide: Guide) -> [String: String] {
        var imports: [(line: Substring, names: [String])] = []
        var preludes: [String: String] = [:]
        for item in guide.items {
            switch item.content {
            case .code("python", let code, _):
                if let prelude = prelude(for: code, from: imports) { preludes[item.id] = prelude }
                for line in code.split(separator: "\n") where line.first != " " {
                    let python = PythonLine(line)
                    guard python.firstKeyword == .import || python.firstKeyword == .from, python.bracketDelta == 0 else { continue }
                    imports.append((line, python.importedNames))
                }
            case .claim(let expr, _, let setup):
                if let prelude = prelude(for: (setup.map { $0 + "\n" } ?? "") + expr, from: imports) { preludes[item.id] = prelude }
            default:
                continue
            }
        }
        return preludes
    }

    /// The lines of `imports` that bind a name `code` reads and does not bind; nil for none.
    private static func prelude(for code: String, from imports: [(line: Substring, names: [String])]) -> String? {
        guard !imports.isEmpty else { return nil }
        let (read, bound) = names(in: code)
        let needed = imports.filter { entry in entry.names.contains { read.contains($0) && !bound.contains($0) } }
        return needed.isEmpty ? nil : needed.map(\.line).joined(separator: "\n")
    }

    /// The code run with its prelude, if it has one.
    public static func withPrelude(_ prelude: String?, _ setup: String?) -> String? {
        guard let prelude else { return setup }
        return setup.map { prelude + "\n" + $0 } ?? prelude
    }

    /// The plain names `code` reads (not attributes, not argument keywords), and those it
    /// binds anywhere: by an import, an assignment, a `def` or `class`, a `for` or `with`.
    private static func names(in code: String) -> (read: Set<String>, bound: Set<String>) {
        var read = Set<String>()
        var bound = Set<String>()
        for text in code.split(separator: "\n") {
            let line = PythonLine(text.drop { $0 == " " })
            guard line.lexes else { continue }
            line.forEachReferencedName(insideBrackets: false) { bytes, use in
                if !use.isKeyword { read.insert(String(decoding: bytes, as: UTF8.self)) }
            }
            bound.formUnion(line.importedNames)
            if let defined = line.definedName { bound.insert(String(defined)) }
            line.forEachBoundName { bound.insert(String(line.word($0))) }
        }
        return (read, bound)
    }
}
