/// Flattened Lua, as guides about rate limiters and locks write Redis scripts
/// (`local current = redis.call("INCR", KEYS[1])` / `if current == 1 then` / … / `end`).
///
/// Lua closes its blocks with words (`then`, `do` and `function` open one, `end` and `until`
/// close it), so, as with braces, flattening loses nothing: where a block ends and how deep
/// each line stands are read from the words. A run is taken for Lua only when its lines all
/// read as Lua statements, at least two of them are lines only Lua writes (`local …`,
/// `… then`, `end`, `a .. b`, `~=`), and its blocks close: a Python line (`if x:`, `def f():`)
/// ends a run, and Python alone never has the two.
enum LuaCode {
    static let language = "lua"

    /// The longest run looked at: a script in a guide is a few dozen lines.
    static let longestBlock = 200

    /// The end (exclusive) of the Lua script that starts at line `start`, or nil when the lines
    /// from there are no Lua.
    static func end(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        var depth = 0
        var ownLines = 0
        var end = start
        var lastClosed: Int?
        while end < min(count, start + longestBlock), let line = Line(text(end)) {
            depth -= line.closes ? 1 : 0
            guard depth >= 0 else { break }
            depth += line.opens ? 1 : 0
            ownLines += line.isLuaOnly ? 1 : 0
            end += 1
            if depth == 0 { lastClosed = end }
        }
        // A run that leaves a block open ends where its blocks last closed.
        guard let lastClosed, lastClosed > start else { return nil }
        let closedOwnLines = depth == 0 ? ownLines : (start..<lastClosed).count { Line(text($0))?.isLuaOnly == true }
        return closedOwnLines >= 2 ? lastClosed : nil
    }

    /// The script's lines indented by its blocks, four spaces a level.
    static func indented(_ lines: some Sequence<Substring>) -> String {
        var depth = 0
        var result: [String] = []
        for text in lines {
            let line = Line(text)
            let level = max(depth - (line?.closes == true ? 1 : 0), 0)
            result.append(String(repeating: PythonReindenter.unit, count: level) + text)
            depth = level + (line?.opens == true ? 1 : 0)
        }
        return result.joined(separator: "\n")
    }

    /// One line read as a Lua statement.
    struct Line {
        /// It closes the block above it: `end`, `until …`, or `else`/`elseif`, which close a
        /// branch and open the next.
        var closes: Bool
        /// It opens a block: `… then`, `… do`, a function's header, `else`, `repeat`.
        var opens: Bool
        /// Only Lua writes it.
        var isLuaOnly: Bool

        init?(_ text: Substring) {
            // Read on its first and last words: most lines of a guide are ruled out by the first.
            let first = text.prefix { $0 != " " }
            guard !first.isEmpty else { return nil }
            let alone = first.endIndex == text.endIndex
            let last = text[(text.lastIndex(of: " ").map(text.index(after:)) ?? text.startIndex)...]
            let header = text.hasSuffix(")") && (text.contains("function ") || text.contains("function("))
            switch first {
            case "end", "end)", "end,":
                (closes, opens, isLuaOnly) = (true, false, true)
            case "else":
                guard alone else { return nil }
                (closes, opens, isLuaOnly) = (true, true, true)
            case "elseif":
                guard last == "then" else { return nil }
                (closes, opens, isLuaOnly) = (true, true, true)
            case "until":
                (closes, opens, isLuaOnly) = (true, false, true)
            case "repeat":
                guard alone else { return nil }
                (closes, opens, isLuaOnly) = (false, true, true)
            case "if":
                guard last == "then" else { return nil }
                (closes, opens, isLuaOnly) = (false, true, true)
            case "for", "while":
                guard last == "do" else { return nil }
                (closes, opens, isLuaOnly) = (false, true, true)
            case "local":
                guard let name = text[first.endIndex...].drop(while: { $0 == " " }).first, name.isLetter || name == "_" else { return nil }
                (closes, opens, isLuaOnly) = (false, header, true)
            case "function":
                guard header else { return nil }
                (closes, opens, isLuaOnly) = (false, true, true)
            case "return":
                (closes, opens, isLuaOnly) = (false, false, false)
            case _ where first.hasPrefix("--"):
                (closes, opens, isLuaOnly) = (false, false, false)
            default:
                guard Self.isStatement(text) else { return nil }
                let concatenates = text.contains(" .. ") || text.contains("~=")
                (closes, opens, isLuaOnly) = (false, header, concatenates)
            }
        }

        /// An assignment or a call, without a Python block's colon at its end:
        /// `KEYS[1] = "rl:" .. window`, `redis.call("EXPIRE", KEYS[1], 60)`.
        private static func isStatement(_ text: Substring) -> Bool {
            guard let first = text.first, first.isLetter || first == "_", text.last != ":" else { return false }
            let target = text.prefix { $0.isLetter || $0.isNumber || "_.:[]\"'".contains($0) }
            let rest = text[target.endIndex...]
            return rest.hasPrefix(" = ") || rest.hasPrefix("(") && text.last == ")"
        }
    }
}
