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
    /// from there are no Lua. A script is looked for only from a line only Lua writes.
    static func end(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        guard start < count, mayStartScript(text(start)), Line(text(start))?.isLuaOnly == true else { return nil }
        var depth = 0
        var ownLines = 0
        var end = start
        var lastClosed: Int?
        var ownLinesClosed = 0
        while end < min(count, start + longestBlock), let line = Line(text(end)) {
            depth -= line.closes ? 1 : 0
            guard depth >= 0 else { break }
            depth += line.opens ? 1 : 0
            ownLines += line.isLuaOnly ? 1 : 0
            end += 1
            if depth == 0 { (lastClosed, ownLinesClosed) = (end, ownLines) }
        }
        // A run that leaves a block open ends where its blocks last closed.
        guard let lastClosed, ownLinesClosed >= 2 else { return nil }
        return lastClosed
    }

    /// Whether a line may be one only Lua writes, on its first byte and one pass over its bytes:
    /// every line a code block may start at is asked. A keyword's first letter, or `..` or `~=`.
    private static func mayStartScript(_ text: Substring) -> Bool {
        text.withBytes { bytes in
            guard let first = bytes.first else { return false }
            // `end`, `else`, `elseif`, `for`, `function`, `if`, `local`, `repeat`, `until`, `while`.
            if first == 0x65 || first == 0x66 || first == 0x69 || first == 0x6C || first == 0x72 || first == 0x75 || first == 0x77 { return true }
            guard first.isASCIILetter || first == 0x5F, bytes.count > 2 else { return false }
            for index in 1..<bytes.count where bytes[index] == 0x2E && bytes[index - 1] == 0x2E || bytes[index] == 0x3D && bytes[index - 1] == 0x7E {
                return true
            }
            return false
        }
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
        return result.joinedLines()
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
            guard let read = text.withBytes(Self.read) else { return nil }
            (closes, opens, isLuaOnly) = read
        }

        /// What ``init(_:)`` finds, read on the line's bytes.
        private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (closes: Bool, opens: Bool, isLuaOnly: Bool)? {
            guard let first = bytes.first, first.isASCIILetter || first == 0x5F || first == 0x2D else { return nil }
            if first == 0x2D { return bytes.count >= 2 && bytes[1] == 0x2D ? (false, false, false) : nil }
            let wordEnd = bytes.firstIndex(of: 0x20) ?? bytes.count
            func wordIs(_ keyword: StaticString) -> Bool {
                keyword.utf8CodeUnitCount == wordEnd && keyword.withUTF8Buffer { zip($0, bytes).allSatisfy { $0 == $1 } }
            }
            func endsWith(_ suffix: StaticString) -> Bool {
                suffix.withUTF8Buffer { suffix in bytes.count >= suffix.count && zip(suffix, bytes[(bytes.count - suffix.count)...]).allSatisfy { $0 == $1 } }
            }
            let header = bytes.last == 0x29 && (bytes.offset(of: "function ") != nil || bytes.offset(of: "function(") != nil)
            let alone = wordEnd == bytes.count
            switch first {
            case 0x65 where wordIs("end") || wordIs("end)") || wordIs("end,"):
                return (true, false, true)
            case 0x65 where wordIs("else"):
                return alone ? (true, true, true) : nil
            case 0x65 where wordIs("elseif"), 0x69 where wordIs("if"):
                return endsWith(" then") ? (first == 0x65, true, true) : nil
            case 0x66 where wordIs("for"), 0x77 where wordIs("while"):
                return endsWith(" do") ? (false, true, true) : nil
            case 0x72 where wordIs("repeat"):
                return alone ? (false, true, true) : nil
            case 0x75 where wordIs("until"):
                return (true, false, true)
            case 0x6C where wordIs("local"):
                guard wordEnd + 1 < bytes.count, bytes[wordEnd + 1].isASCIILetter || bytes[wordEnd + 1] == 0x5F else { return nil }
                return (false, header, true)
            case 0x66 where wordIs("function"):
                return header ? (false, true, true) : nil
            case 0x72 where wordIs("return"):
                return (false, false, false)
            default:
                guard isStatement(bytes) else { return nil }
                return (false, header, bytes.offset(of: " .. ") != nil || bytes.offset(of: "~=") != nil)
            }
        }

        /// An assignment or a call, without a Python block's colon at its end:
        /// `KEYS[1] = "rl:" .. window`, `redis.call("EXPIRE", KEYS[1], 60)`.
        private static func isStatement(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.last != 0x3A else { return false }
            // The target: a name, its fields and subscripts (`_.:[]"'`).
            let end = bytes.firstIndex { byte in
                !(byte.isASCIILetter || byte.isASCIIDigit || byte == 0x5F || byte == 0x2E || byte == 0x3A || byte == 0x5B || byte == 0x5D
                    || byte == 0x22 || byte == 0x27)
            } ?? bytes.count
            let rest = bytes[end...]
            return rest.starts(with: [0x20, 0x3D, 0x20]) || rest.first == 0x28 && bytes.last == 0x29
        }
    }
}
