/// What a database console prints, as guides paste it: `psql`'s result tables, the row count
/// after a result, and the prompts of `mysql`, `psql` and `sqlite3` before a statement.
enum SQLResult {
    /// Where a `psql` result that starts at line `start` ends: a header of column names
    /// between `|`, a rule of `-` joined by one `+` per `|`, rows of as many cells, and the
    /// row count if one follows. A single column's result must end with its row count,
    /// which is all that tells it from a title over a rule.
    ///
    /// ```
    /// customer | orders
    /// ----------+--------
    /// alice | 3
    /// (1 row)
    /// ```
    static func tableEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        // Every line is asked: the next line's first bytes rule out most at once (a list item
        // starts with one dash, a rule with several).
        guard start + 1 < count, text(start + 1).hasBytePrefix("--") else { return nil }
        let header = text(start)
        let bars = Self.bars(in: header)
        guard !header.hasBytePrefix("|"), header.utf8.last != 0x7C, isRule(text(start + 1), joins: bars) else { return nil }
        var end = start + 2
        while end < count, end - start < (bars == 0 ? longestColumn : .max), Self.bars(in: text(end)) == bars, !text(end).isEmpty,
            !isRowCount(text(end))
        {
            end += 1
        }
        if end < count, isRowCount(text(end)) { return end + 1 }
        return bars > 0 && end > start + 2 ? end : nil
    }

    /// The most lines a single column's result is looked for over, header and rule included.
    private static let longestColumn = 24

    private static func bars(in line: Substring) -> Int {
        line.utf8.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) }
    }

    /// A header's rule: dashes, and a `+` under each `|` of the header.
    private static func isRule(_ line: Substring, joins bars: Int) -> Bool {
        var dashes = 0
        var joints = 0
        for byte in line.utf8 {
            switch byte {
            case 0x2D: dashes += 1
            case 0x2B: joints += 1
            default: return false
            }
        }
        return dashes >= 3 && joints == bars
    }

    /// The line a console prints after a result: `(2 rows)`, `(1 row)`, `2 rows in set (0.00 sec)`,
    /// `Empty set (0.00 sec)`, `Query OK, 1 row affected (0.01 sec)`.
    static func isRowCount(_ line: Substring) -> Bool {
        if line.hasPrefix("("), line.hasSuffix(" rows)") || line.hasSuffix(" row)") {
            return line.dropFirst().first?.isNumber == true
        }
        return line.hasPrefix("Empty set") || line.hasPrefix("Query OK,")
            || line.first?.isNumber == true && (line.containsBytes(" rows in set") || line.containsBytes(" row in set"))
    }

    /// A console's prompt before a statement or a line of one: `mysql> `, `sqlite> `,
    /// `MariaDB [shop]> `, `postgres=# `, `shop=> `, `shop-# `, `shop(# ` (inside brackets),
    /// and psql's prompts inside a transaction, `shop=*# ` (`!` when it failed).
    static func startsWithPrompt(_ line: Substring) -> Bool {
        // Every line is asked: a prompt is a word, then `>`, `=` or `-`, within its first bytes.
        line.utf8.withContiguousStorageIfAvailable { bytes in
            var word = 0
            while word < bytes.count, word < 64, case let byte = bytes[word],
                byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || word > 0 && (byte >= 0x30 && byte <= 0x39 || byte == 0x5F)
            {
                word += 1
            }
            guard word > 0, word + 2 < bytes.count else { return false }
            let (sign, after) = (bytes[word], bytes[word + 1])
            if sign == 0x3E && after == 0x20 || sign == 0x20 && after == 0x5B {
                // `mysql> `, `MariaDB [shop]> `: only these consoles' names.
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<word]), as: UTF8.self).lowercased()
                return ["mysql", "sqlite", "mariadb"].contains(name)
            }
            // `shop=# `, `shop=> `, `shop-# `, `shop(# `, then `shop=*# ` and `shop=!# `.
            guard sign == 0x3D || sign == 0x2D || sign == 0x28 else { return false }
            let inTransaction = after == 0x2A || after == 0x21
            let end = word + (inTransaction ? 2 : 1)
            guard end + 1 < bytes.count else { return false }
            let terminator = bytes[end]
            return (terminator == 0x23 || terminator == 0x3E && sign == 0x3D) && bytes[end + 1] == 0x20
        } ?? false
    }

    /// What psql prints after a statement other than rows: its command tag (`BEGIN`,
    /// `INSERT 0 1`, `CREATE INDEX`: at most three words of capitals and numbers) or a message
    /// (`ERROR:  could not serialize access …`, with its `DETAIL:`, `HINT:` and `LINE 1:`).
    static func isCommandOutput(_ line: Substring) -> Bool {
        guard let first = line.utf8.first, first >= 0x41 && first <= 0x5A else { return false }
        if let label = line.labelled?.label {
            return ["ERROR", "DETAIL", "HINT", "NOTICE", "WARNING", "INFO", "CONTEXT"].contains(label) || label.hasPrefix("LINE ")
        }
        return line.utf8.count <= 32 && line.wordCount <= 3 && line.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x30 && $0 <= 0x39 || $0 == 0x20 }
    }

    /// Where a console session that starts at line `start` (a prompt) ends: its statements
    /// (after prompts, or continuing SQL), what they printed (``tableEnd(from:count:text:)``,
    /// a boxed result read as ``DiagramText``, ``isCommandOutput(_:)``), row counts, and blank
    /// lines before another prompt.
    static func sessionEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        guard startsWithPrompt(text(start)) else { return nil }
        var end = start + 1
        while end < count {
            let line = text(end)
            if line.isEmpty {
                // A blank line ends the session unless another prompt follows it.
                var next = end + 1
                while next < count, text(next).isEmpty { next += 1 }
                guard next < count, startsWithPrompt(text(next)) else { break }
                end = next
            } else if startsWithPrompt(line) || line.hasPrefix("-> ") || isRowCount(line) || isCommandOutput(line)
                || CodeLineClassifier.continuesSQL(line, previous: text(end - 1)) && text(end - 1).utf8.last != 0x3B
            {
                end += 1
            } else if let after = tableEnd(from: end, count: count, text: text) ?? DiagramText.end(from: end, count: count, text: text) {
                end = after
            } else {
                break
            }
        }
        return end
    }
}
