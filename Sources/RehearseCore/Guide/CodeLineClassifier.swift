/// Tells, line by line, whether flattened text is code, and in which language.
///
/// A code block starts only on a strong signal (a `def`, an `import`, an assignment, a call,
/// a comment, an SQL keyword, a shell prompt) and goes on while the lines could still be
/// code; prose such as `Memory Management` or `sum(), min() and max() run in C` never can.
enum CodeLineClassifier {
    /// Whether a line can open a Python block.
    static func startsPython(_ line: PythonLine, raw: Substring) -> Bool {
        guard line.lexes else { return false }
        if line.isComment { return raw.hasBytePrefix("# ") || raw.hasBytePrefix("#!") || raw == "#" }
        let tokens = line.tokens
        guard let first = tokens.first else { return false }
        let isDefinition = first.kind == .keyword(.def) || first.kind == .keyword(.class)
        guard !line.hasProseAdjacency(allowingSpacedCalls: isDefinition) else { return false }
        switch first.kind {
        case .keyword(.def), .keyword(.class):
            return line.definedName != nil
        case .keyword(.import):
            return tokens.count >= 2
        case .keyword(.from):
            return line.contains(.keyword(.import))
        case .keyword(.if), .keyword(.for), .keyword(.while), .keyword(.with), .keyword(.try), .keyword(.match):
            return line.opensBlock
        case .keyword(.async):
            guard tokens.count >= 2 else { return false }
            return [.keyword(.def), .keyword(.with), .keyword(.for)].contains(tokens[1].kind)
        case .keyword(.await), .keyword(.assert), .keyword(.raise):
            return tokens.count >= 2
        case .keyword(.type):
            return line.hasAssignment
        case .op("@"):
            return tokens.count >= 2 && tokens[1].kind == .name
        case .name, .op("("), .op("["), .op("*"):
            if let assignment = line.assignmentPosition { return !annotatesNoTarget(line.tokens[..<assignment]) }
            if first.kind == .op("*") { return false }
            return line.hasCall && (tokens.last?.kind == .op(")") || line.bracketDelta > 0)
        default:
            return false
        }
    }

    /// Whether the tokens before an assignment annotate what no annotation can: a colon
    /// outside brackets after an operator other than `.` (`Cache-Control: public, max-age=60`
    /// is a header, not `x: int = 1`), or a comma between that colon and the `=`.
    private static func annotatesNoTarget(_ tokens: ArraySlice<PythonLine.Token>) -> Bool {
        var depth = 0
        var colon: Int?
        var operatorBeforeColon = false
        for (position, token) in zip(tokens.indices, tokens) {
            guard case .op(let symbol) = token.kind else { continue }
            switch symbol {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case ":" where depth == 0 && colon == nil: colon = position
            case "," where depth == 0 && colon != nil: return true
            case ".": break
            default: if depth == 0 && colon == nil { operatorBeforeColon = true }
            }
        }
        return colon != nil && operatorBeforeColon
    }

    /// Whether a line can continue a Python block that is already open.
    static func continuesPython(_ line: PythonLine, raw: Substring) -> Bool {
        if startsPython(line, raw: raw) { return true }
        guard line.lexes, !line.hasProseAdjacency else { return false }
        let tokens = line.tokens
        guard let first = tokens.first else { return line.isComment }
        // A `case` line only continues a block that has opened a `match`, which the caller knows.
        if case .keyword(let keyword) = first.kind { return keyword != .case }
        if tokens.count == 1, first.kind == .string || first.kind == .op("...") { return true }
        if line.isAnnotation || line.isClosingBrackets || line.bracketDelta > 0 { return true }
        return line.hasCall
    }

    /// Whether a line that ``continuesPython`` refuses still continues the Python block it
    /// follows (`previous` is the last code line): a bare expression statement (`obj.attr`,
    /// `c1 == c2`, `path[:0] + sep`), an old-style call with a space before its parenthesis
    /// (`print ("…")`), a lone name as the body of the opener before it (`try:` / `complex`),
    /// a statement with such a call as that body (`if type (value) is str:`,
    /// `Base.__init__ (self)`), or a lone name the block bound before (`c` after `c = Counter()`,
    /// as a doctest session shows a value; `boundBefore` tells).
    static func continuesInsideBlock(_ line: PythonLine, previous: PythonLine, boundBefore: (Substring) -> Bool = { _ in false }) -> Bool {
        guard line.lexes, !line.isComment, !line.hasProseAdjacency(allowingSpacedCalls: true) else { return false }
        let tokens = line.tokens
        guard let first = tokens.first, let last = tokens.last else { return false }
        if previous.endsWithColon, tokens.count == 1, first.kind == .name || first.kind == .number {
            return line.word(first).first.map { $0.isLowercase || $0 == "_" } ?? false
        }
        if tokens.count == 1, first.kind == .name { return boundBefore(line.word(first)) }
        if previous.endsWithColon {
            if case .keyword(let keyword) = first.kind, keyword != .case { return true }
            if first.kind == .name, [.op("."), .op("("), .op("["), .op("=")].contains(tokens[1].kind) { return true }
            // An opener's body that starts with a bracket or a literal (`{}["missing"]`).
            if [.op("("), .op("["), .op("{")].contains(first.kind) || first.kind == .string || first.kind == .number, tokens.count > 1 { return true }
        }
        switch first.kind {
        case .name:
            guard line.word(first).first.map({ $0.isLowercase || $0 == "_" }) == true else { return false }
        case .op("("), .op("["), .op("-"), .number, .string: break
        default: return false
        }
        guard last.kind != .op("."), last.kind != .op(",") else { return false }
        if line.hasAssignment || line.isAnnotation { return true }
        for (previous, token) in zip(tokens, tokens.dropFirst()) {
            switch (previous.kind, token.kind) {
            case (.op("."), .name), (.name, .op("[")), (.op(")"), .op("[")), (.name, .op("(")): return true
            case (_, .op("==")), (_, .op("!=")), (_, .op("+")), (_, .op("%")), (_, .keyword(.is)): return true
            default: break
            }
        }
        return false
    }

    static let sqlStarters: Set<String> = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "WITH", "EXPLAIN", "BEGIN",
        "COMMIT", "ROLLBACK", "TRUNCATE", "GRANT",
    ]
    static let sqlContinuers: Set<String> = sqlStarters.union([
        "FROM", "WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS", "ON", "AND", "OR",
        "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "VALUES", "SET", "RETURNING", "UNION", "INTERSECT",
        "EXCEPT", "INTO", "AS", "CASE", "WHEN", "THEN", "ELSE", "END", "USING", "WINDOW", "PARTITION",
        "PRIMARY", "FOREIGN", "REFERENCES", "CONSTRAINT", "NOT", "DEFAULT", "UNIQUE", "CHECK", "INDEX",
        "INCLUDE", "FETCH", "LATERAL", "FILTER", "OVER", "ROWS", "RANGE", "BETWEEN", "EXISTS", "DESC", "ASC",
        "FOR", "CONFLICT", "TABLESPACE", "WITHIN",
    ])

    /// An SQL statement start: an upper-case SQL keyword (`SELECT`, `CREATE` …) opening the
    /// line, or with `lowerCase` a lower-case one (`select`), `with` aside: in lower case it
    /// opens Python blocks far more often than SQL.
    static func startsSQL(_ raw: Substring, lowerCase: Bool = false) -> Bool {
        let word = sqlWord(raw, lowerCase: lowerCase)
        // The starters are four to eight letters long: other words are not looked up.
        guard (4...8).contains(word.length), word.next == nil || word.next == 0x20 || word.next == 0x3B else { return false }
        let keyword = sqlKeyword(raw, length: word.length, lowerCase: lowerCase)
        guard !(lowerCase && keyword == "WITH"), sqlStarters.contains(keyword) else { return false }
        guard word.next != nil else { return ["BEGIN", "COMMIT", "ROLLBACK"].contains(keyword) }
        return !explainsWithDash(raw) && !endsAsSentence(raw)
    }

    /// Whether a line that starts as SQL is a sentence about it (`UPDATE takes a row lock until
    /// the transaction ends.`): it ends with a word and a full stop, as no statement does, and
    /// holds no `--` comment that could.
    static func endsAsSentence(_ raw: Substring) -> Bool {
        let bytes = raw.utf8
        guard bytes.last == 0x2E, bytes.count >= 3 else { return false }
        let before = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        return before >= 0x61 && before <= 0x7A && !raw.containsBytes("--")
    }

    /// Whether a line that starts as SQL goes on as prose after a spaced dash (`SELECT … FOR
    /// UPDATE — blocks other writers`): an em or en dash between spaces, outside a string and
    /// before any `--` comment, which SQL never holds.
    static func explainsWithDash(_ raw: Substring) -> Bool {
        raw.withBytes { bytes in
            var quoted = false
            var index = 0
            while index + 4 < bytes.count {
                switch bytes[index] {
                case 0x27: quoted.toggle()
                case 0x2D where !quoted && bytes[index + 1] == 0x2D: return false
                case 0x20 where !quoted && bytes[index + 1] == 0xE2 && bytes[index + 2] == 0x80
                    && (bytes[index + 3] == 0x94 || bytes[index + 3] == 0x93) && bytes[index + 4] == 0x20:
                    return true
                default: break
                }
                index += 1
            }
            return false
        }
    }

    /// A line of upper-case SQL keywords only (`EXPLAIN ANALYZE`, `BEGIN`) that the next line
    /// continues as SQL: the first line of a statement, though it could pass for a heading.
    static func opensSQLStatement(_ raw: Substring, next: Substring) -> Bool {
        guard startsSQL(raw) || ["BEGIN", "COMMIT", "ROLLBACK", "EXPLAIN"].contains(where: { raw.utf8.elementsEqual($0.utf8) }) else { return false }
        let isKeywords = raw.split(separator: " ").allSatisfy { word in word.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x3B } }
        return isKeywords && continuesSQL(next, previous: raw)
    }

    /// A line that continues an SQL statement whose previous line is `previous`; with
    /// `lowerCase`, of a statement written in lower case.
    static func continuesSQL(_ raw: Substring, previous: Substring, lowerCase: Bool = false) -> Bool {
        if startsSQL(raw, lowerCase: lowerCase) { return true }
        if let last = previous.utf8.last, last == 0x2C || last == 0x28 { return true }
        if raw.utf8.first == 0x29 { return true }
        let word = sqlWord(raw, lowerCase: lowerCase)
        guard word.length >= 2, word.next == nil || word.next == 0x20 else { return false }
        // A clause no list names (`STORAGE PARAMETERS (…);`) that ends the statement the
        // previous line left open.
        if !lowerCase, raw.utf8.last == 0x3B, previous.utf8.last != 0x3B { return true }
        return sqlContinuers.contains(sqlKeyword(raw, length: word.length, lowerCase: lowerCase))
    }

    /// The letters a line starts with, all upper case or, with `lowerCase`, all lower case: how
    /// many, and the byte after them (nil at the line's end). Read on the bytes in place, as
    /// every line that may start a block is asked.
    private static func sqlWord(_ raw: Substring, lowerCase: Bool) -> (length: Int, next: UInt8?) {
        raw.withBytes { bytes in
            let letters: ClosedRange<UInt8> = lowerCase ? 0x61...0x7A : 0x41...0x5A
            let length = bytes.prefix { letters.contains($0) }.count
            return (length, length < bytes.count ? bytes[length] : nil)
        }
    }

    /// That word, its first `length` bytes, as the keyword sets spell it (upper case).
    private static func sqlKeyword(_ raw: Substring, length: Int, lowerCase: Bool) -> String {
        let text = String(Substring(raw.utf8.prefix(length)))
        return lowerCase ? text.uppercased() : text
    }

    /// An HTTP request line (`GET /users/42 HTTP/1.1`) or status line (`HTTP/1.1 429 Too Many Requests`).
    static func startsHTTP(_ raw: Substring) -> Bool {
        // Asked of every line that may start a block: bytes first, words only when it may be one.
        guard let first = raw.utf8.first, first >= 0x41 && first <= 0x5A, raw.containsBytes("HTTP/") else { return false }
        let words = raw.split(separator: " ", maxSplits: 2)
        guard words.count >= 2 else { return false }
        if isHTTPVersion(words[0]) {
            return words[1].utf8.count == 3 && words[1].utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        return words.count == 3 && httpMethods.contains(words[0]) && words[1].hasPrefix("/") && isHTTPVersion(words[2])
    }

    static let httpMethods: Set<Substring> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// A request line with or without its version (`GET /users/42`): a method and a path alone
    /// make no sentence, in a fence without a language or in flat text.
    static func isRequestLine(_ raw: Substring) -> Bool {
        // Asked of every line that may start a block: the method and the path's slash first.
        let bytes = raw.utf8
        guard bytes.first?.isASCIIUppercase == true, let space = bytes.firstIndex(of: 0x20), bytes.index(after: space) < bytes.endIndex,
            bytes[bytes.index(after: space)] == 0x2F, httpMethods.contains(raw[..<space])
        else { return false }
        let words = raw.split(separator: " ")
        return words.count == 2 || words.count == 3 && isHTTPVersion(words[2])
    }

    private static func isHTTPVersion(_ word: Substring) -> Bool {
        guard word.hasPrefix("HTTP/") else { return false }
        let version = word.dropFirst(5)
        return !version.isEmpty && version.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// An HTTP header line: a token, a colon, a value (`Retry-After: 2`); `Pros:` alone is a label.
    static func isHTTPHeader(_ raw: Substring) -> Bool {
        guard let colon = raw.firstIndex(of: ":"), colon > raw.startIndex, !raw[raw.index(after: colon)...].trimmingWhitespace().isEmpty else { return false }
        return raw[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// Programs whose name alone, before a few arguments, makes a line a command. English
    /// words (`find`, `black`, `go`) are left out: `find the slow query` is prose.
    static let shellCommands: Set<Substring> = [
        "pip", "pip3", "pipx", "python", "python3", "git", "docker", "kubectl", "helm", "curl", "wget", "cd", "ls",
        "export", "npm", "npx", "yarn", "node", "uv", "poetry", "pytest", "tox", "ruff", "mypy", "flake8", "isort",
        "uvicorn", "gunicorn", "make", "cargo", "mvn", "gradle", "terraform", "aws", "gcloud", "brew", "apt-get",
        "apt", "sudo", "cat", "echo", "mkdir", "rm", "cp", "mv", "chmod", "chown", "ssh", "scp", "tar", "grep",
        "jq", "systemctl", "journalctl", "psql", "pg_dump", "pg_restore", "pgbench", "createdb", "mysql",
        "sqlite3", "redis-cli", "mongosh", "celery", "alembic", "openssl", "nslookup", "dig", "traceroute",
    ]

    /// A shell command: a `$ ` prompt; a known program followed by arguments, not prose; or a
    /// program named by a path or a file name (`./manage.py`, `kafka-topics.sh`,
    /// `/usr/local/bin/cleanup`) followed by options (`--topic`, `-n`), paths or redirections
    /// in one word of three at least, which prose (`re-run with -x to stop early`) does not have.
    static func isShell(_ raw: Substring) -> Bool {
        if raw.hasBytePrefix("$ ") { return true }
        let bytes = raw.utf8
        guard let first = bytes.first, first.isASCIILowercase || first == 0x2E || first == 0x2F,
            let space = bytes.firstIndex(of: 0x20)
        else { return false }
        let program = raw[..<space]
        let isKnown = shellCommands.contains(program)
        guard isKnown || isProgramPath(program) else { return false }
        // A label (`psql meta-commands:`) or a sentence is no command; a last ` .` is a path.
        guard bytes.last != 0x3A, bytes.last != 0x2E || raw.hasSuffix(" ."),
            !raw.containsBytes(": ") || raw.containsBytes("://")
        else { return false }
        let words = raw.split(separator: " ")
        if isKnown {
            let flagsOrPaths = words.dropFirst().filter { $0.hasPrefix("-") || $0.contains("/") || $0.contains(".") || $0.contains("=") }
            return !flagsOrPaths.isEmpty || words.count <= 4
        }
        if program.hasBytePrefix("./") { return true }
        let arguments = words.dropFirst()
        return arguments.contains(where: isOption) && arguments.filter(isArgumentLike).count * 3 >= arguments.count
    }

    /// An option, a path or file name, a `key=value`, or a redirection or pipe.
    private static func isArgumentLike(_ word: Substring) -> Bool {
        if isOption(word) || ["|", ">", ">>", "<", "&&", "2>&1"].contains(word) { return true }
        return word.utf8.last != 0x2E && word.utf8.contains { $0 == 0x2F || $0 == 0x2E || $0 == 0x3D }
    }

    /// A program named by a path or a file name: lower-case letters, digits and `._/-`, with
    /// one of `./-_` among them (`kafka-topics.sh`, `/usr/bin/env`, `docker-compose`).
    private static func isProgramPath(_ word: Substring) -> Bool {
        let bytes = word.utf8
        guard bytes.count >= 3, bytes.last != 0x2E, bytes.last != 0x2D else { return false }
        var marked = false
        for byte in bytes {
            if byte == 0x2E || byte == 0x2F || byte == 0x2D || byte == 0x5F {
                marked = true
            } else if !byte.isASCIILowercase && !byte.isASCIIDigit {
                return false
            }
        }
        return marked
    }

    /// A command-line option: `-n`, `-Fc`, `--topic`, `--replication-factor=3`.
    private static func isOption(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8.prefix(3))
        guard bytes.count >= 2, bytes[0] == 0x2D else { return false }
        let letter = bytes[1] == 0x2D ? (bytes.count == 3 ? bytes[2] : 0) : bytes[1]
        return letter.isASCIILetter
    }

    static let redisCommands: Set<Substring> = [
        "SET", "GET", "DEL", "EXISTS", "INCR", "INCRBY", "DECR", "EXPIRE", "PEXPIRE", "TTL", "SETNX", "GETSET", "MGET",
        "MSET", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "HSET", "HGET", "HGETALL", "HINCRBY", "HDEL", "LPUSH",
        "RPUSH", "LPOP", "RPOP", "BLPOP", "BRPOP", "LRANGE", "LLEN", "SADD", "SREM", "SMEMBERS", "SISMEMBER", "ZADD",
        "ZREM", "ZRANGE", "ZREVRANGE", "ZRANGEBYSCORE", "ZREMRANGEBYSCORE", "ZCARD", "ZSCORE", "ZINCRBY", "PUBLISH",
        "SUBSCRIBE", "XADD", "XREAD", "XREADGROUP", "XACK", "EVAL", "EVALSHA", "SCAN", "KEYS", "PING",
    ]

    /// Two Redis commands in a row open a block of them: one alone (`GET is the method name`)
    /// is as likely prose.
    static func opensRedisBlock(_ raw: Substring, next: Substring) -> Bool {
        isRedisCommand(raw) && isRedisCommand(next)
    }

    /// A Redis command as `redis-cli` takes it: an upper-case command word alone or before its
    /// arguments (`ZADD rate:user42 1700000060 req-981`, `MULTI`).
    static func isRedisCommand(_ raw: Substring) -> Bool {
        // The command word's length, if it is upper case: read on the bytes, as every line is asked.
        let length: Int? = raw.withBytes { bytes in
            var length = 0
            while length < bytes.count, bytes[length] != 0x20 {
                guard bytes[length].isASCIIUppercase else { return nil }
                length += 1
            }
            return length >= 3 ? length : nil
        }
        guard let length else { return false }
        return redisCommands.contains(raw[raw.startIndex..<raw.utf8.index(raw.startIndex, offsetBy: length)])
    }
}
