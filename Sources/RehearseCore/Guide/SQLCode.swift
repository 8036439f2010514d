/// SQL that ``CodeLineClassifier`` does not take from its upper-case keywords: statements
/// written in lower case, and the query plans `EXPLAIN` prints.
enum SQLCode {
    /// The most lines a lower-case statement may span before its `;`.
    private static let longestStatement = 40

    /// Where a lower-case SQL statement that starts at line `start` ends (the line after the
    /// one that ends in `;`): `select …`, `insert into …`, `explain analyze select …`. Every
    /// line after the first starts with an SQL keyword, a closing bracket, or follows a line
    /// that ends in `,` or `(`. Prose never ends such a run with a semicolon, so the
    /// semicolon is required.
    static func lowerCaseStatementEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        guard start < count, CodeLineClassifier.startsSQL(text(start), lowerCase: true) else { return nil }
        var end = start
        while end < count, end - start < longestStatement {
            let line = text(end)
            if end > start, !CodeLineClassifier.continuesSQL(line, previous: text(end - 1), lowerCase: true) { return nil }
            if line.utf8.last == 0x3B { return end + 1 }
            end += 1
        }
        return nil
    }

    /// Where a query plan that starts at line `start` ends: a plan node with its estimates
    /// (`Seq Scan on users  (cost=0.00..35.50 rows=10 width=36)`), then nodes (`->  Hash`) and
    /// their details (`Filter: (age > 30)`, `Execution Time: 0.031 ms`).
    static func planEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        guard start < count, isPlanNode(text(start)) else { return nil }
        var end = start + 1
        while end < count, isPlanNode(text(end)) || isPlanDetail(text(end)) { end += 1 }
        return end
    }

    /// A node line: `->` and a node, or a node whose line ends in its estimates, `(cost=…)`
    /// or `(actual time=…)`; the last byte is looked at first, as every line is asked.
    private static func isPlanNode(_ raw: Substring) -> Bool {
        raw.hasBytePrefix("->") || raw.utf8.last == 0x29 && (raw.containsBytes("(cost=") || raw.containsBytes("(actual time="))
    }

    /// The labels of the lines `EXPLAIN` prints under a node or after the plan.
    private static let planDetails: Set<Substring> = [
        "Filter", "Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond", "Join Filter", "Sort Key", "Sort Method",
        "Group Key", "Rows Removed by Filter", "Rows Removed by Index Recheck", "Heap Fetches", "Buffers", "Output",
        "Workers Planned", "Workers Launched", "Planning Time", "Execution Time", "Planning time", "Execution time",
        "Heap Blocks", "Cache Key", "Presorted Key", "Full-sort Groups", "Batches", "Memory Usage",
    ]

    private static func isPlanDetail(_ raw: Substring) -> Bool {
        guard let colon = raw.firstIndex(of: ":") else { return false }
        return planDetails.contains(raw[..<colon])
    }
}
