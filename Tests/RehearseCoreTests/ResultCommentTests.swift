import Testing

@testable import RehearseCore

/// Results stated in comments on lines of Python (`quorum_ok(3, 2, 2)  # → True`) are claims,
/// in fenced and in flat code, set up by the block's lines before them.
struct ResultCommentTests {
    static func claims(_ guide: Guide) -> [GuideItem.Content] {
        guide.items.filter { $0.kind == .claim }.map(\.content)
    }

    static func fenced(_ code: String) throws -> Guide {
        try GuideReader().read(text: "# 12 — Storage\n\n## Quorums\n\n```python\n\(code)\n```\n", fileName: "12-storage.md")
    }

    @Test func eachArrowCommentOnATopLevelExpressionIsAClaimSetUpByTheLinesAboveIt() throws {
        let guide = try Self.fenced("""
            def quorum_ok(n, w, r):
                return w + r > n

            quorum_ok(3, 2, 2)  # → True
            quorum_ok(3, 1, 1)  # -> False
            sorted({"b": 2, "a": 1})  #=> ['a', 'b']
            """)
        let definition = "def quorum_ok(n, w, r):\n    return w + r > n\n"
        #expect(Self.claims(guide) == [
            .claim(expr: "quorum_ok(3, 2, 2)", expected: "True", setup: definition),
            .claim(expr: "quorum_ok(3, 1, 1)", expected: "False", setup: definition + "\nquorum_ok(3, 2, 2)  # → True"),
            .claim(expr: #"sorted({"b": 2, "a": 1})"#, expected: "['a', 'b']",
                   setup: definition + "\nquorum_ok(3, 2, 2)  # → True\nquorum_ok(3, 1, 1)  # -> False"),
        ])
        // The fence opens on line 5: the claims stand on the lines of their comments.
        #expect(guide.items.filter { $0.kind == .claim }.map(\.lines) == [9...9, 10...10, 11...11])
        #expect(guide.items.filter { $0.kind == .code }.count == 1)
    }

    @Test func flatCodeStatesItsResultsOnceItsIndentationIsRestored() throws {
        let text = """
            12 — Storage
            Quorums
            A read and a write overlap when w + r > n:
            def quorum_ok(n, w, r):
            return w + r > n
            quorum_ok(3, 2, 2) # → True
            quorum_ok(3, 1, 1) # => False
            """
        let guide = try GuideReader().read(text: text, fileName: "12-storage.txt")
        #expect(Self.claims(guide).map { content -> String in
            guard case .claim(let expr, let expected, let setup) = content else { return "" }
            return "\(expr) → \(expected) after \(setup ?? "nothing")"
        } == [
            "quorum_ok(3, 2, 2) → True after def quorum_ok(n, w, r):\n    return w + r > n",
            "quorum_ok(3, 1, 1) → False after def quorum_ok(n, w, r):\n    return w + r > n\nquorum_ok(3, 2, 2) # → True",
        ])
    }

    @Test(arguments: [
        "total = add(1, 2)  # → 3",          // an assignment shows nothing
        "print(add(1, 2))  # → 3",           // a print shows text, not a value
        "add(1, 2)  # -> returns the sum",   // words, not a value
        "add(1, 2)  # 3",                    // no arrow
        "if add(1, 2):  # → 3\n    pass",    // a block, not an expression
        "def twice(a):\n    add(a, a)  # → 6",  // in a body: it does not run on its own
        "values = [\nadd(1, 2),  # → 3\n]",      // inside brackets: part of a statement
        "notes = \"\"\"\nadd(1, 2)  # → 3\n\"\"\"",  // inside a string
    ])
    func aCommentThatStatesNoResultOfALineRunOnItsOwnIsNoClaim(_ line: String) throws {
        let guide = try Self.fenced("def add(a, b):\n    return a + b\n\n\(line)")
        #expect(Self.claims(guide).isEmpty)
    }

    @Test func aLineThatRaisesIsLeftOutOfTheSetupOfTheClaimsAfterIt() throws {
        let guide = try Self.fenced("""
            cache = {"a": 1}
            cache["b"]  # → KeyError
            len(cache)  # → 1
            """)
        #expect(Self.claims(guide) == [
            .claim(expr: #"cache["b"]"#, expected: "KeyError", setup: #"cache = {"a": 1}"#),
            .claim(expr: "len(cache)", expected: "1", setup: #"cache = {"a": 1}"#),
        ])
    }
}
