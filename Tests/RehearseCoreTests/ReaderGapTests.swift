import Foundation
import Testing

@testable import RehearseCore

/// Gaps met on guides the reader was not built on: SQL comments, runs of claims, claims in
/// Markdown prose, bold priority lines, and the cues of a restored Python block.
struct ReaderGapTests {
    static func flat(_ body: String) throws -> Guide {
        try GuideReader().read(text: "06 — Databases\nTable of Contents\n- Queries\nQueries\n" + body, fileName: "06-databases.txt")
    }

    static func claims(_ guide: Guide) -> [GuideItem.Content] {
        guide.items.filter { $0.kind == .claim }.map(\.content)
    }

    /// `When asked about failover, say: …` holds its answer on the same line, in both formats;
    /// the lines after it go on the answer as under `When asked "…":`.
    @Test func aPromptWithItsAnswerOnTheSameLineIsAPrompt() throws {
        let line = "When asked about failover, say: promote the freshest replica and fence the old leader."
        let flat = try Self.flat(line + "\n- then point the clients at the new leader\n")
        let markdown = try GuideReader().read(text: "# 06 — Databases\n\n## Queries\n\n" + line + "\n\n- then point the clients at the new leader\n", fileName: "06-databases.md")
        for guide in [flat, markdown] {
            #expect(guide.items.map(\.content) == [
                .prompt(question: "about failover", answer: "promote the freshest replica and fence the old leader.\n- then point the clients at the new leader"),
            ])
        }
        // The prompt may be a quoted question, and "answer" may lead in to what to say.
        let quoted = try Self.flat("When asked “Why Kafka?”, answer: ordered, replayable logs per partition.\n")
        #expect(quoted.items.map(\.content) == [.prompt(question: "Why Kafka?", answer: "ordered, replayable logs per partition.")])
        // A line that only starts with the words asks nothing.
        for line in ["When asked twice the server answers from its cache.", "When asked, the server returns: 200 OK and the body."] {
            let prose = try Self.flat(line + "\n")
            #expect(prose.items.allSatisfy { $0.kind != .prompt })
        }
    }

    @Test func anSQLCommentOpensAndStaysInItsBlock() throws {
        let guide = try Self.flat("The query finds recent orders.\n-- orders of the last day\nSELECT id\nFROM orders\n-- newest first\nORDER BY created_at DESC;\nThat is all.\n")
        #expect(guide.codeBlocks.map(\.language) == ["sql"])
        #expect(guide.codeBlocks.first?.code == "-- orders of the last day\nSELECT id\nFROM orders\n-- newest first\nORDER BY created_at DESC;")
        // Prose that starts with two dashes is not SQL.
        let prose = try Self.flat("-- a dash-led aside, not a query\nIt explains things at length for the reader.\n")
        #expect(prose.codeBlocks.isEmpty)
        // A comment right under a finished statement remarks on it: it stays in the block.
        let remark = try Self.flat("Partial index:\nCREATE INDEX active_email ON users (email) WHERE deleted_at IS NULL;\n-- smaller: only live rows\nExpression index:\n")
        #expect(remark.codeBlocks.map(\.code) == ["CREATE INDEX active_email ON users (email) WHERE deleted_at IS NULL;\n-- smaller: only live rows"])
        // Under a statement left open, a comment goes on only when the statement does.
        let open = try Self.flat("Recent:\nSELECT id FROM orders\n-- a remark that ends the query\nThat is all there is to it.\n")
        #expect(open.codeBlocks.map(\.code) == ["SELECT id FROM orders"])
        // After a blank line in an answer, a comment over a statement opens code, as the statement would.
        let answered = try Self.flat("Q: Who orders most?\nA: Count orders per customer.\n\n-- busiest customers\nSELECT customer_id, COUNT(*) FROM orders\nGROUP BY customer_id;\n")
        #expect(answered.codeBlocks.map(\.code) == ["-- busiest customers\nSELECT customer_id, COUNT(*) FROM orders\nGROUP BY customer_id;"])
    }

    /// A clause no keyword list names (`INCLUDE (total);`) ends the statement the line above
    /// left open; after a finished statement, such a line is no SQL.
    @Test func anUpperCaseClauseThatEndsAnOpenStatementStaysInIt() throws {
        let guide = try Self.flat("Indexes\nCREATE INDEX idx_orders\nON orders (customer_id)\nINCLUDE (total);\nOther index types:\nHash: equality only\nGIN: arrays\n")
        #expect(guide.codeBlocks.map(\.code) == ["CREATE INDEX idx_orders\nON orders (customer_id)\nINCLUDE (total);"])
        let ended = try Self.flat("Indexes\nCREATE INDEX idx_orders ON orders (customer_id);\nNOTE that this takes a lock;\nOther index types:\nHash: equality only\nGIN: arrays\n")
        #expect(ended.codeBlocks.map(\.code) == ["CREATE INDEX idx_orders ON orders (customer_id);"])
    }

    /// The colon of a dictionary a claim expects (`Counter(a=1) → {'a': 1}`) is inside a
    /// bracket the text before it leaves open: it makes no label.
    @Test func aColonInsideABracketTheLineLeftOpenMakesNoLabel() throws {
        let guide = try Self.flat("Counting\nCounter = dict\nCounter(a=1) → {'a': 1}\nSettings [beta: on]: a flag\n")
        let claims = guide.items.compactMap { item -> String? in
            if case .claim(let expr, let expected, _) = item.content { "\(expr) → \(expected)" } else { nil }
        }
        #expect(claims == ["Counter(a=1) → {'a': 1}"])
        #expect(!guide.items.contains { $0.kind == .definition })
    }

    @Test func aLineOfSQLKeywordsOverAStatementOpensItAndTitlesNothing() throws {
        let block = try Self.flat("Query plans show the real cost.\nEXPLAIN ANALYZE\nSELECT * FROM orders WHERE user_id = 42;\n")
        #expect(block.codeBlocks.map(\.code) == ["EXPLAIN ANALYZE\nSELECT * FROM orders WHERE user_id = 42;"])
        #expect(block.codeBlocks.first?.language == "sql")
        // Under a question it is the answer's, and the answer's key points leave the code out.
        let answer = try Self.flat("Q: What does EXPLAIN ANALYZE show?\nIt runs the query and prints the plan with real timings.\nEXPLAIN ANALYZE\nSELECT * FROM orders;\n")
        let item = try #require(answer.items.first { $0.kind == .qa })
        #expect(item.section == ["Queries"])
        guard case .qa(_, let text) = item.content else { Issue.record("not a question"); return }
        #expect(text.hasSuffix("EXPLAIN ANALYZE\nSELECT * FROM orders;"))
        #expect(KeypointExtractor.keypoints(from: text) == ["It runs the query and prints the plan with real timings"])
        // A heading in capitals over prose is still a heading.
        #expect(CodeLineClassifier.opensSQLStatement("EXPLAIN ANALYZE", next: "SELECT 1;"))
        #expect(!CodeLineClassifier.opensSQLStatement("CREATE INDEX", next: "Indexes make reads fast."))
    }

    @Test func anUntaggedFenceThatOpensWithARequestLineIsHTTP() throws {
        let text = "# 07 — APIs\n\n## Limits\n\nA client over its limit is told to wait.\n\n```\nGET /orders/7\nAuthorization: Bearer abc\n```\n\n```\nHTTP/1.1 429 Too Many Requests\nRetry-After: 2\n```\n\n```\nGET is the method name here\n```\n"
        let guide = try GuideReader().read(text: text, fileName: "07-apis.md")
        #expect(guide.codeBlocks.map(\.language) == ["http", "http", "text"])
        let go = try GuideReader().read(text: "# 07 — APIs\n\n## Handlers\n\n```\nfunc health(w http.ResponseWriter, r *http.Request) {\n    w.WriteHeader(200)\n}\n```\n", fileName: "07-apis.md")
        #expect(go.codeBlocks.map(\.language) == ["go"])
        #expect(CodeLineClassifier.isRequestLine("DELETE /sessions/current HTTP/2"))
        #expect(!CodeLineClassifier.isRequestLine("GET users"))
    }

    @Test func claimSetupCarriesDownARunOfClaimLinesUntilProse() throws {
        let guide = try Self.flat("""
            Cursor claims:
            cur.execute("SELECT NULL"); cur.fetchone() → (None,)
            cur.fetchone() → None
            Some prose line ends the run of claims here.
            cur.fetchone() → None
            """)
        #expect(Self.claims(guide) == [
            .claim(expr: "cur.fetchone()", expected: "(None,)", setup: "cur.execute(\"SELECT NULL\")"),
            .claim(expr: "cur.fetchone()", expected: "None", setup: "cur.execute(\"SELECT NULL\")"),
            .claim(expr: "cur.fetchone()", expected: "None", setup: nil),
        ])
    }

    @Test func aBlockOfPythonBeforeClaimsThatUseItsNamesSetsThemUp() throws {
        let guide = try Self.flat("""
            Generators pause at each yield.
            def countdown(n):
            while n > 0:
            yield n
            n -= 1
            list(countdown(3)) → [3, 2, 1]
            next(countdown(5)) → 5
            A claim after prose still needs the function.
            list(countdown(2)) → [2, 1]
            c = list(countdown(1)); len(c) → 1
            import math
            total = 0
            for n in range(3):
            total += n
            2 ** 10 → 1024
            """)
        let block = "def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1"
        #expect(Self.claims(guide) == [
            .claim(expr: "list(countdown(3))", expected: "[3, 2, 1]", setup: block),
            .claim(expr: "next(countdown(5))", expected: "5", setup: block),
            .claim(expr: "list(countdown(2))", expected: "[2, 1]", setup: block),
            // The block runs before the claim's own setup that uses it.
            .claim(expr: "len(c)", expected: "1", setup: block + "\nc = list(countdown(1))"),
            // A claim that uses none of the block's names does not run the block.
            .claim(expr: "2 ** 10", expected: "1024", setup: nil),
        ])
        // What statements at the top level bind in their bodies is bound there too; a class's
        // or a function's body binds for itself.
        #expect(ItemExtractor.topLevelNames(of: "import math as m\nfrom os import path\ntotal = 0\nclass Box:\n    size = 1\nfor n in range(3):\n    total += n")
            == ["m", "path", "total", "Box", "n"])
        #expect(ItemExtractor.topLevelNames(of: "def f(a):\n    b = a\n    return b\nwith open(p) as fh:\n    text = fh.read()\n    if text:\n        size = len(text)")
            == ["f", "fh", "text", "size"])
    }

    @Test func aBoxDiagramIsOneBlockOfTextAndATableStaysATable() throws {
        let guide = try Self.flat("""
            The gateway sits in front of the services.
            +--------+      +-------------+
            | Client | ---> | API Gateway |
            +--------+      +-------------+
            |
            v
            ┌───────────┐
            │ Service B │
            └───────────┘
            It handles auth and routing.
            | Store | Reads |
            |-------|-------|
            | Redis | fast |

            """)
        #expect(guide.codeBlocks.map(\.language) == ["text"])
        #expect(guide.codeBlocks.first?.code.split(separator: "\n").count == 8)
        #expect(guide.items.contains { $0.content == .table(header: ["Store", "Reads"], rows: [["Redis", "fast"]]) })
        #expect(guide.items.contains { $0.content == .concept(title: "Queries", text: "It handles auth and routing.") })
    }

    @Test func whatADatabaseConsolePrintsIsKeptAsOneBlock() throws {
        let guide = try Self.flat("""
            Orders per customer:
            SELECT customer, count(*) FROM orders GROUP BY customer;
            customer | count
            ----------+-------
            alice | 3
            bob | 1
            (2 rows)
            HAVING filters groups; WHERE filters rows.
            shop=# SELECT count(*)
            shop-# FROM orders;
            count
            -------
            4
            (1 row)
            MySQL draws its results in boxes.
            mysql> SELECT id FROM users;
            +----+
            | id |
            +----+
            | 1 |
            +----+
            1 row in set (0.00 sec)
            A title over a rule
            -------------------
            is not a result.

            """)
        #expect(guide.codeBlocks.map(\.language) == ["sql", "text", "sql", "sql"])
        #expect(guide.codeBlocks.map { $0.code.split(separator: "\n").count } == [1, 5, 6, 7])
        #expect(guide.items.contains { $0.content == .concept(title: "Queries", text: "HAVING filters groups; WHERE filters rows.") })
        #expect(SQLResult.startsWithPrompt("postgres=> SELECT 1;") && SQLResult.startsWithPrompt("sqlite> .tables"))
        #expect(!SQLResult.startsWithPrompt("x => y is a mapping") && !SQLResult.startsWithPrompt("a=b"))
    }

    /// A psql session inside a transaction (`app=*#`), with the command tags psql prints
    /// (`BEGIN`, `COMMIT`) and blank lines between statements, is one block; the heading after
    /// it, past a blank line, still heads what follows.
    @Test func aPsqlSessionInATransactionIsOneBlock() throws {
        let guide = try GuideReader().read(text: """
            Transactions
            Trying it in psql
            app=# BEGIN ISOLATION LEVEL REPEATABLE READ;
            BEGIN
            app=*# SELECT balance FROM accounts WHERE id = 1;
             balance
            ---------
                 100
            (1 row)

            app=*# UPDATE accounts SET balance = 0 WHERE id = 9;
            ERROR:  permission denied for table accounts
            app=!# ROLLBACK;
            ROLLBACK

            Lost update
            Two sessions read the same balance, both add 10, both write: one update is lost.
            """, fileName: "transactions.txt")
        #expect(guide.codeBlocks.map(\.language) == ["sql"])
        #expect(guide.codeBlocks.first?.code.split(separator: "\n", omittingEmptySubsequences: false).count == 12)
        #expect(guide.items.last?.section == ["Lost update"])
        #expect(SQLResult.startsWithPrompt("app=*# COMMIT;") && SQLResult.startsWithPrompt("app(# 1, 2);"))
        #expect(!SQLResult.startsWithPrompt("x=*y") && !SQLResult.startsWithPrompt("a-> b"))
        #expect(SQLResult.isCommandOutput("INSERT 0 1") && SQLResult.isCommandOutput("HINT:  retry the transaction"))
        #expect(!SQLResult.isCommandOutput("Lost update") && !SQLResult.isCommandOutput("Note: retry"))
    }

    @Test func anOutputCaptionAfterCodeCaptionsWhatItPrinted() throws {
        let guide = try Self.flat("""
            A counter keeps its count between calls:
            counter = make_counter()
            print(counter())
            print(counter())
            Output:
            1
            2
            Each call sees the same count.
            Output:
            1
            """)
        #expect(guide.codeBlocks.map(\.language) == ["python", "text"])
        #expect(guide.items.contains { $0.content == .code(language: "text", code: "1\n2", caption: "Output") })
        // Not after code, the same caption is a concept's.
        #expect(guide.items.contains { $0.content == .concept(title: "Output", text: "1") })
    }

    @Test func claimsOnWhatTheirSetupAssignedRunInOrder() throws {
        let guide = try Self.flat("""
            An iterator remembers where it stopped.
            it = iter([1, 2])
            next(it) → 1
            next(it) → 2
            next(it, "done") → 'done'
            int("x") → ValueError
            next(it, "end") → 'end'
            A pure function's calls each stand alone.
            def square(n): return n * n
            square(2) → 4
            square(3) → 9
            """)
        #expect(Self.claims(guide) == [
            .claim(expr: "next(it)", expected: "1", setup: "it = iter([1, 2])"),
            .claim(expr: "next(it)", expected: "2", setup: "it = iter([1, 2]); next(it)"),
            .claim(expr: "next(it, \"done\")", expected: "'done'", setup: "it = iter([1, 2]); next(it); next(it)"),
            // What raised, or used nothing the setup assigned, is not run again.
            .claim(expr: "int(\"x\")", expected: "ValueError", setup: "it = iter([1, 2]); next(it); next(it); next(it, \"done\")"),
            .claim(expr: "next(it, \"end\")", expected: "'end'", setup: "it = iter([1, 2]); next(it); next(it); next(it, \"done\")"),
            .claim(expr: "square(2)", expected: "4", setup: "def square(n): return n * n"),
            .claim(expr: "square(3)", expected: "9", setup: "def square(n): return n * n"),
        ])
        // A claim that looks at what the setup made, not by calling it, sees what the calls
        // before it did; the calls themselves, and claims that only call, stand alone.
        let memo = try Self.flat("A memo remembers its calls.\nmemo = {}\ndef square(n): return memo.setdefault(n, n * n)\n"
            + "square(2) → 4\nsquare(3) → 9\nlen(memo) → 2\nsquare(4) → 16\n")
        let setup = "memo = {}\ndef square(n): return memo.setdefault(n, n * n)"
        let setups = Self.claims(memo).map { content -> String? in
            if case .claim(_, _, let setup) = content { setup } else { nil }
        }
        #expect(setups == [setup, setup, setup + "\nsquare(2)\nsquare(3)", setup])
        // A line of setup that uses what the section's code made runs after that code.
        let generator = try Self.flat("Generators\ndef countdown(start):\nwhile start > 0:\nyield start\nstart -= 1\n"
            + "list(countdown(2)) → [2, 1]\ngen = countdown(2)\nnext(gen) → 2\nnext(gen) → 1\n")
        let defined = "def countdown(start):\n    while start > 0:\n        yield start\n        start -= 1"
        let generatorSetups = Self.claims(generator).map { content -> String? in
            if case .claim(_, _, let setup) = content { setup } else { nil }
        }
        #expect(generatorSetups == [defined, defined + "\ngen = countdown(2)", defined + "\ngen = countdown(2)\nnext(gen)"])
        // `Ans)` alone on its line marks the answer the lines under it give.
        #expect(Substring("Ans)").startsAnswer && Substring("Ans) A generator object.").startsAnswer)
        #expect(Substring("Ans) A generator object.").answerText == "A generator object.")
    }

    @Test func anOutputCaptionWithWhatWasPrintedOnItsLineCaptionsItToo() throws {
        let flat = try Self.flat("A sum:\nprint(sum([1, 2, 3]))\nOutput: 6\nThe sum is printed once.\n")
        #expect(flat.items.contains { $0.content == .code(language: "text", code: "6", caption: "Output") })
        #expect(!flat.items.contains { $0.content == .concept(title: "Output", text: "6") })
        let text = "# 06 — Databases\n\n## Sums\n\n```python\nprint(sum([1, 2, 3]))\n```\nOutput: `(6,)`\n\nOutput: `a` or `b` is prose.\n"
        let markdown = try GuideReader().read(text: text, fileName: "06-databases.md")
        #expect(markdown.codeBlocks.map(\.language) == ["python", "text"])
        #expect(markdown.items.contains { $0.content == .code(language: "text", code: "(6,)", caption: "Output") })
        #expect(FlatTextSegmenter.inlineOutput("Output: `a` or `b` is prose.") == nil)
        #expect(FlatTextSegmenter.inlineOutput("Result: [0, 2, 4]").map { String($0.printed) } == "[0, 2, 4]")
    }

    @Test func aSectionHeadingThatAsksIsAQuestionUnlessSubsectionsStandUnderIt() throws {
        let text = """
            # Kafka in Questions

            ### 1. What is a partition?
            > An ordered, append-only log.

            ### 2. Exactly-once — is it real?
            Yes, within Kafka: idempotent producers plus transactions.

            ```bash
            kafka-topics.sh --create --topic orders
            ```
            """
        let guide = try GuideReader().read(text: text, fileName: "kafka.md")
        #expect(guide.questions == ["What is a partition?", "Exactly-once — is it real?"])
        #expect(guide.items.contains { $0.content == .qa(question: "What is a partition?", answer: "An ordered, append-only log.") })
        // The answer's label is part of the answer, no term of its own.
        #expect(guide.items(of: .definition).isEmpty)
        let sections = "# Notes\n\n## Why cache?\n\n### Hits\n\nA hit is served from memory.\n\n## Eviction\n\nLRU evicts the least recently used key.\n"
        let outline = try GuideReader().read(text: sections, fileName: "notes.md")
        #expect(outline.sections.map(\.title) == ["Why cache?", "Eviction"])
        #expect(outline.questions.isEmpty)
    }

    @Test func markdownCodeIndentedByFourSpacesIsCodeOutsideLists() throws {
        let text = """
            # 12 — Functions

            ## Doubling

            A function that doubles:

                def double(x):
                    return x * 2

                print(double(4))

            In the REPL:

            \t>>> double(5)
            \t10

            - An item

                goes on in a paragraph of its own.
            Some text
                that wraps with an indent.
            """
        let guide = try GuideReader().read(text: text, fileName: "12-functions.md")
        #expect(guide.codeBlocks.map(\.language) == ["python", "pycon"])
        #expect(guide.codeBlocks.first?.code == "def double(x):\n    return x * 2\n\nprint(double(4))")
        #expect(guide.items.filter { $0.kind == .code }.map(\.lines) == [7...10, 14...15])
        // The session calls what the section's code defined: that code sets its claim up.
        #expect(Self.claims(guide) == [.claim(expr: "double(5)", expected: "10", setup: guide.codeBlocks.first?.code)])
    }

    @Test func aFunctionInAFlatAnswerIsRestoredAndItsClaimSetUp() throws {
        let guide = try Self.flat("""
            Q: How do you flatten a nested list?
            A: Recurse into the sublists:
            def flatten(xs):
            for x in xs:
            if isinstance(x, list):
            yield from flatten(x)
            else:
            yield x
            list(flatten([1, [2, [3]]])) → [1, 2, 3]
            Generators keep the recursion lazy.
            Q: What is a comprehension?
            A: A compact way to build a list:
            squares = [n * n for n in range(4)]

            """)
        let code = "def flatten(xs):\n    for x in xs:\n        if isinstance(x, list):\n            yield from flatten(x)\n        else:\n            yield x"
        #expect(guide.codeBlocks.map(\.code) == [code])
        let answers = guide.items.compactMap { item -> String? in
            if case .qa(_, let answer) = item.content { answer } else { nil }
        }
        #expect(answers == [
            "Recurse into the sublists:\n\(code)\nlist(flatten([1, [2, [3]]])) → [1, 2, 3]\nGenerators keep the recursion lazy.",
            // A line of code in an answer that starts no definition stays the answer's text.
            "A compact way to build a list:\nsquares = [n * n for n in range(4)]",
        ])
        #expect(Self.claims(guide) == [.claim(expr: "list(flatten([1, [2, [3]]]))", expected: "[1, 2, 3]", setup: code)])
    }

    @Test func aMarkdownItemOverANestedListNamesItsItems() throws {
        let text = """
            # 14 — Feeds

            ## Approaches

            - **Fan-out on write**
              - Push each post into every follower's feed
              - Fast reads, costly writes for celebrities
            - Fan-out on read:
              - Build the feed when asked

            > **Tip:** mention the hybrid.
            """
        let guide = try GuideReader().read(text: text, fileName: "14-feeds.md")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Fan-out on write", text: "- Push each post into every follower's feed\n- Fast reads, costly writes for celebrities"),
            .concept(title: "Fan-out on read", text: "- Build the feed when asked"),
            // A term after a blank line is not the label's.
            .concept(title: "Tip", text: "mention the hybrid."),
        ])
    }

    @Test func termsDefinedByADashInTurnUnderALabelAreOneDefinitionEach() throws {
        let guide = try Self.flat("""
            Join strategies:
            Nested Loop — for each outer row, probe the inner side
            Hash Join — build a hash table on the smaller input
            Merge Join — walk two inputs sorted on the key
            My Notes
            """)
        #expect(guide.items.map(\.content) == [
            .definition(term: "Nested Loop", definition: "for each outer row, probe the inner side", context: "Join strategies"),
            .definition(term: "Hash Join", definition: "build a hash table on the smaller input", context: "Join strategies"),
            .definition(term: "Merge Join", definition: "walk two inputs sorted on the key", context: "Join strategies"),
        ])
        // The line right over a main section heads nothing: it is no sub-heading.
        #expect(guide.sections.map(\.title) == ["Queries", "My Notes"])
        // A wrapped definition still goes on as one.
        #expect(!ItemExtractor.defineInTurn("Hash Join — build a table", after: "Nested Loop is the planner's fallback"))
    }

    @Test func anSQLLineThatGoesOnAfterADashIsProse() throws {
        let guide = try Self.flat("""
            Row locks:
            SELECT FOR UPDATE — blocks other writers until commit
            DELETE RETURNING — hands back the rows it removed

            SELECT name FROM users WHERE note = 'a — b'; -- the dash is in a string
            """)
        #expect(guide.codeBlocks.map(\.code) == ["SELECT name FROM users WHERE note = 'a — b'; -- the dash is in a string"])
        #expect(guide.items.first?.content == .definition(
            term: "SELECT FOR UPDATE", definition: "blocks other writers until commit", context: "Row locks"))
        #expect(CodeLineClassifier.explainsWithDash("UPDATE jobs SET taken = true — claims the row"))
        #expect(!CodeLineClassifier.explainsWithDash("SELECT 1 -- a comment — with a dash"))
    }

    /// A sentence that opens with an SQL keyword (`UPDATE takes a row lock …`, `EXPLAIN shows
    /// the plan; …`) is prose about SQL: it ends with a word and a full stop, as no statement
    /// does. A statement beside it stays code.
    @Test func anSQLKeywordOpeningASentenceIsProse() throws {
        let guide = try Self.flat("""
            UPDATE takes a row lock until the transaction ends.

            EXPLAIN shows the plan; EXPLAIN ANALYZE runs the query and shows real times.

            DELETE FROM sessions WHERE expires_at < now(); -- expired sessions only.
            UPDATE users SET name = 'Ann' WHERE id = 1;
            """)
        #expect(guide.codeBlocks.map(\.code) == [
            "DELETE FROM sessions WHERE expires_at < now(); -- expired sessions only.\nUPDATE users SET name = 'Ann' WHERE id = 1;",
        ])
        #expect(guide.items.map(\.content).prefix(2) == [
            .concept(title: "Queries", text: "UPDATE takes a row lock until the transaction ends."),
            .concept(title: "Queries", text: "EXPLAIN shows the plan; EXPLAIN ANALYZE runs the query and shows real times."),
        ])
        // SQL's `EXPLAIN` in capitals sets no task.
        #expect(!FlatTextSegmenter.isPrompt("EXPLAIN shows the plan."))
        #expect(FlatTextSegmenter.isPrompt("Explain how the plan is chosen."))
    }

    @Test func aHeadingMayStandRightUnderCodeOrOverASessionAndAQuestionCaptionsTheCodeBelowIt() throws {
        let guide = try GuideReader().read(text: """
            12 — Python Gotchas
            Late binding
            funcs = [lambda: i for i in range(3)]
            [f() for f in funcs] → [2, 2, 2]
            Small integers
            >>> a = 256
            >>> a is int("256")
            True
            Chained comparisons
            1 < 3 > 2 → True
            d = {"b": 1}
            list(d) → ['b']
            What does this print?
            x = [1]
            y = x
            y += [2]
            print(x)
            """, fileName: "12-gotchas.txt")
        #expect(guide.sections.map(\.title) == ["Late binding", "Small integers", "Chained comparisons"])
        let captioned = guide.items.compactMap { item -> String? in
            if case .code(_, let code, let caption) = item.content, let caption { "\(caption) \(code.prefix(7))" } else { nil }
        }
        #expect(captioned == ["What does this print? x = [1]"])
        #expect(!guide.items.contains { $0.kind == .concept })
    }

    @Test func numberedStepsAreOneProcedureNotTermsToDefine() throws {
        let guide = try Self.flat("""
            Time complexity:
            Quicksort: O(n log n) on average
            Mergesort: O(n log n) always
            Step 1: pick a pivot
            Step 2: partition around it
            Phase II: recurse on both halves

            """)
        #expect(guide.items.map(\.content) == [
            .definition(term: "Quicksort", definition: "O(n log n) on average", context: "Time complexity"),
            .definition(term: "Mergesort", definition: "O(n log n) always", context: "Time complexity"),
            .concept(title: "Queries", text: "Step 1: pick a pivot\nStep 2: partition around it\nPhase II: recurse on both halves"),
        ])
        #expect(ItemExtractor.isStepLabel("Stage A") && !ItemExtractor.isStepLabel("Step function") && !ItemExtractor.isStepLabel("Steps"))
    }

    @Test func aLabelWithABracketedQualifierNamesItsList() throws {
        let guide = try Self.flat("Isolation levels (weakest to strongest):\n1. Read committed\n2. Repeatable read\n3. Serializable\n")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Isolation levels (weakest to strongest)", text: "1. Read committed\n2. Repeatable read\n3. Serializable"),
        ])
        // A sentence leading into the list still leaves the name to the section.
        let sentence = try Self.flat("Keeping copies of data on several machines:\n- replicas\n- backups\n")
        #expect(sentence.items.first?.content == .concept(title: "Queries", text: "Keeping copies of data on several machines:\n- replicas\n- backups"))
    }

    @Test func claimLinesUnderALabelAreClaimsNotOneRunOnConcept() throws {
        let guide = try Self.flat("Quick checks in the REPL:\nlen({1, 2, 2, 3}) → 3\nsorted([3, 1, 2]) → [1, 2, 3]\n")
        #expect(guide.items.map(\.content) == [
            .claim(expr: "len({1, 2, 2, 3})", expected: "3", setup: nil),
            .claim(expr: "sorted([3, 1, 2])", expected: "[1, 2, 3]", setup: nil),
        ])
        // So does a list of claims without a label.
        let list = try Self.flat("Some prose that says what the section is about.\n\n- len({1, 2, 2, 3}) → 3\n- sorted([3, 1, 2]) → [1, 2, 3]\n")
        #expect(list.items.filter { $0.kind != .claim }.map(\.content) == [
            .concept(title: "Queries", text: "Some prose that says what the section is about."),
        ])
        // A label over prose and a claim keeps its concept, one line per line.
        let mixed = try Self.flat("Sets drop duplicates:\nthey keep one copy of each value\nlen({1, 1}) → 1\n")
        #expect(mixed.items.first?.content == .concept(title: "Sets drop duplicates", text: "they keep one copy of each value\nlen({1, 1}) → 1"))
    }

    @Test func aLineOfPythonBeforeClaimsSetsThemUp() throws {
        let guide = try Self.flat("Sorting:\nx = [3, 1, 2]\nsorted(x) → [1, 2, 3]\nlen(x) → 3\n")
        #expect(Self.claims(guide) == [
            .claim(expr: "sorted(x)", expected: "[1, 2, 3]", setup: "x = [3, 1, 2]"),
            .claim(expr: "len(x)", expected: "3", setup: "x = [3, 1, 2]"),
        ])
    }

    @Test func markdownProseAndListsYieldClaimsFromInlineCode() throws {
        let text = """
            # 05 — Dates

            ## Basics

            A day has `24 * 60 * 60 → 86400` seconds, which matters for caching.

            - `len("abc")` → `3`
            1. `max(3, 7)` → `7`
            - An arrow in prose → is not a claim.
            """
        let guide = try GuideReader().read(text: text, fileName: "05-dates.md")
        #expect(Self.claims(guide) == [
            .claim(expr: "24 * 60 * 60", expected: "86400", setup: nil),
            .claim(expr: "len(\"abc\")", expected: "3", setup: nil),
            .claim(expr: "max(3, 7)", expected: "7", setup: nil),
        ])
    }

    @Test func twoCodeSpansJoinedByAnArrowAreAClaimAndALabelOfClaimsDefinesNothing() throws {
        let text = """
            # 05 — Numbers

            ## Rounding

            Quick checks: `round(2.5)` → `2` and `int("0x1f", 16)` → `31`.

            - `len("ab")` → `2`, and `"ab" * 2` → `'abab'`
            - `round` → `int` is not a claim: a name on the left, a type on the right.

            Banker's rounding: `round(0.5)` → `0` surprises people.
            """
        let guide = try GuideReader().read(text: text, fileName: "05-numbers.md")
        #expect(Self.claims(guide) == [
            .claim(expr: "round(2.5)", expected: "2", setup: nil),
            .claim(expr: "int(\"0x1f\", 16)", expected: "31", setup: nil),
            .claim(expr: "len(\"ab\")", expected: "2", setup: nil),
            .claim(expr: "\"ab\" * 2", expected: "'abab'", setup: nil),
            .claim(expr: "round(0.5)", expected: "0", setup: nil),
        ])
        #expect(!guide.items.contains { $0.kind == .definition && $0.lines == 5...5 })
        // A term whose meaning only starts with prose keeps its definition.
        #expect(guide.items.contains { $0.content == .definition(term: "Banker's rounding", definition: "`round(0.5)` → `0` surprises people.", context: nil) })
    }

    @Test func aVerbBetweenTwoCodeSpansStatesAResultWhereTheClauseEnds() throws {
        let text = """
            # 05 — Numbers

            ## Rounding

            `round(2.5)` returns `2`.

            - `sorted([3, 1])` returns `[1, 3]`, and `min([3, 1])` is `1`
            - `2 ** 10` gives `1024`; `divmod(7, 2)` evaluates to `(3, 1)`
            - `d.get("k")` returns `None` when the key is missing
            - `x` is `None` by default
            """
        let guide = try GuideReader().read(text: text, fileName: "05-numbers.md")
        #expect(Self.claims(guide) == [
            .claim(expr: "round(2.5)", expected: "2", setup: nil),
            .claim(expr: "sorted([3, 1])", expected: "[1, 3]", setup: nil),
            .claim(expr: "min([3, 1])", expected: "1", setup: nil),
            .claim(expr: "2 ** 10", expected: "1024", setup: nil),
            .claim(expr: "divmod(7, 2)", expected: "(3, 1)", setup: nil),
        ])
        // The same in a flat guide.
        let flat = try GuideReader().read(text: "Numbers\n\nRounding\n`round(2.5)` returns `2`, and `len(\"ab\") * 2` gives `4`.\n", fileName: "05-numbers.txt")
        #expect(Self.claims(flat) == [
            .claim(expr: "round(2.5)", expected: "2", setup: nil),
            .claim(expr: "len(\"ab\") * 2", expected: "4", setup: nil),
        ])
    }

    @Test func aTableUnderALabelIsATableAndBlockQuotesLoseTheirMarkers() throws {
        let text = """
            # 07 — Design

            ## Estimation

            Latencies worth knowing:

            | Operation | Latency |
            |---|---|
            | Memory reference | 100 ns |
            | Disk seek | 10 ms |

            > At-least-once delivery means consumers must be idempotent.
            """
        let guide = try GuideReader().read(text: text, fileName: "07-design.md")
        #expect(guide.items.map(\.content) == [
            .table(header: ["Operation", "Latency"], rows: [["Memory reference", "100 ns"], ["Disk seek", "10 ms"]]),
            .concept(title: "Estimation", text: "At-least-once delivery means consumers must be idempotent."),
        ])
        let flat = try Self.flat("Latencies worth knowing:\n| Operation | Latency |\n|---|---|\n| Disk seek | 10 ms |\n")
        #expect(flat.items.map(\.content) == [.table(header: ["Operation", "Latency"], rows: [["Disk seek", "10 ms"]])])
    }

    @Test func aTableAfterAnAnswerIsATableOfItsOwnAndAnAnswerThatIsATableKeepsIt() throws {
        let guide = try Self.flat("""
            Q: Why use a fencing token?
            A: The store refuses writes that carry a token older than one it has seen.
            | Replication | Writes go to |
            | Leader-follower | one leader |
            Q: Which replication suits several regions?
            A:
            | Replication | Writes go to |
            | Multi-leader | a leader per region |

            """)
        #expect(guide.items.map(\.content) == [
            .qa(question: "Why use a fencing token?", answer: "The store refuses writes that carry a token older than one it has seen."),
            .table(header: ["Replication", "Writes go to"], rows: [["Leader-follower", "one leader"]]),
            .qa(question: "Which replication suits several regions?",
                answer: "| Replication | Writes go to |\n| Multi-leader | a leader per region |"),
        ])
    }

    @Test func listItemsEndingInAColonUnderMyNotesAskForNotes() throws {
        let text = """
            # 10 — Queues

            ## Delivery

            At-least-once delivery means a consumer may see a message twice.

            ## My Notes

            - Topics I can explain:
            - Topics to review:
            - Consumers commit after processing.
            """
        let guide = try GuideReader().read(text: text, fileName: "10-queues.md")
        #expect(guide.items(of: .notesPrompt).map(\.content) == [.notesPrompt(text: "Topics I can explain"), .notesPrompt(text: "Topics to review")])
        #expect(!guide.items.contains { $0.kind == .concept && $0.section == ["My Notes"] && $0.lines.lowerBound < 11 })
    }

    @Test func flatBraceCodeIsOneBlockIndentedByItsBracesAndRedisCommandsAreABlock() throws {
        let guide = try Self.flat("""
            Token bucket in Go:
            func (b *Bucket) Allow() bool {
            b.mu.Lock()
            defer b.mu.Unlock()
            if b.tokens < 1 {
            return false
            }
            b.tokens--
            return true
            }
            Caching with nginx:
            proxy_cache_path /var/cache/nginx keys_zone=api:10m;
            server {
            location /health/ {
            return 200 '{"status": "ok"}';
            }
            }
            A sliding window in Redis:
            MULTI
            ZADD rate:user42 1700000060 req-981
            EXEC
            Use server { only when the block closes.

            """)
        #expect(guide.codeBlocks.map(\.language) == ["go", "nginx", "redis"])
        #expect(guide.codeBlocks.first?.code == """
            func (b *Bucket) Allow() bool {
                b.mu.Lock()
                defer b.mu.Unlock()
                if b.tokens < 1 {
                    return false
                }
                b.tokens--
                return true
            }
            """)
        // Braces inside strings do not count.
        #expect(guide.codeBlocks.dropFirst().first?.code.hasSuffix("        return 200 '{\"status\": \"ok\"}';\n    }\n}") == true)
        #expect(guide.codeBlocks.dropFirst().first?.item.lines == 16...21)
        #expect(guide.codeBlocks.last?.code == "MULTI\nZADD rate:user42 1700000060 req-981\nEXEC")
        #expect(BraceCode.braceDelta("struct View<'a> {") == 1)
        #expect(BraceCode.braceDelta("let open = '{'; // }") == 0)
        #expect(guide.items.last?.kind == .concept)
    }

    @Test func lowerCaseSQLEndedBySemicolonAndAQueryPlanAreCode() throws {
        let guide = try Self.flat("""
            Find the biggest spenders:
            select customer_id, sum(total) as spent
            from orders
            group by customer_id
            order by spent desc
            limit 10;
            The plan for one lookup:
            explain analyze select * from users where email = 'a@b.c';
            Index Scan using users_email_key on users (cost=0.29..8.30 rows=1 width=72)
            Index Cond: (email = 'a@b.c'::text)
            Execution Time: 0.031 ms
            select the rows you need from the table, nothing more.

            """)
        #expect(guide.codeBlocks.map(\.language) == ["sql", "sql", "text"])
        #expect(guide.codeBlocks[0].code.hasPrefix("select customer_id, sum(total) as spent\nfrom orders"))
        #expect(guide.codeBlocks[0].code.hasSuffix("limit 10;"))
        #expect(guide.codeBlocks[2].code == """
            Index Scan using users_email_key on users (cost=0.29..8.30 rows=1 width=72)
            Index Cond: (email = 'a@b.c'::text)
            Execution Time: 0.031 ms
            """)
        // A sentence that starts with an SQL word and has no semicolon is prose.
        #expect(guide.items(of: .definition).isEmpty)
        #expect(guide.items.last?.kind == .concept)
    }

    @Test func aTerraformResourceIsBraceCode() throws {
        let guide = try Self.flat("""
            A bucket for the assets:
            resource "aws_s3_bucket" "assets" {
            bucket = "shop-assets"
            tags = {
            team = "web"
            }
            }

            """)
        #expect(guide.codeBlocks.map(\.language) == ["hcl"])
        #expect(guide.codeBlocks.first?.code == """
            resource "aws_s3_bucket" "assets" {
                bucket = "shop-assets"
                tags = {
                    team = "web"
                }
            }
            """)
    }

    @Test func aFlatGuideOfSeveralLanguagesKeepsEachSnippetWholeUnderItsCaption() throws {
        let guide = try TestFiles.fixture("brace-code.txt")
        #expect(guide.codeBlocks.map(\.language) == ["go", "javascript", "redis", "nginx"])
        #expect(guide.items.compactMap { if case .code(_, _, let caption) = $0.content { caption } else { nil } } == [
            "Example in Go", "The same idea in JavaScript", "Redis sliding window with a sorted set", "Config for an nginx cache",
        ])
        // No line of the code became a heading, a definition or a concept.
        #expect(guide.sections.map(\.title) == ["Rate Limiting", "Caching", "Interview Questions"])
        #expect(guide.sections.allSatisfy { $0.children.isEmpty })
        #expect(guide.items(of: .definition).map { if case .definition(let term, _, _) = $0.content { term } else { "" } }
            == ["Token bucket", "Cache-aside", "Write-through", "Thundering herd"])
        #expect(guide.items(of: .qa).count == 2)
    }

    @Test func pythonThatOpensADictionaryOrSetStaysPython() throws {
        let guide = try Self.flat("""
            Limits as data:
            LIMITS = {
            "free": 10,
            "pro": 100,
            }
            def limit_for(plan):
            if plan not in LIMITS:
            return {
            "error": plan,
            }
            return LIMITS[plan]

            """)
        #expect(guide.codeBlocks.map(\.language) == ["python"])
        #expect(guide.codeBlocks.first?.code.contains("def limit_for(plan):\n    if plan not in LIMITS:\n        return {") == true)
    }

    @Test func aMatchStatementIsOneBlockAndMatchAndCaseStayNamesElsewhere() throws {
        let guide = try Self.flat("""
            Pattern matching dispatches on shape:
            match command.split():
            case [verb]:
            run(verb)
            case [verb, *args] if args:
            run(verb, args)
            Then the prose goes on.

            """)
        #expect(guide.codeBlocks.map(\.code) == [
            "match command.split():\n    case [verb]:\n        run(verb)\n    case [verb, *args] if args:\n        run(verb, args)"
        ])
        #expect(guide.warnings.isEmpty)
        // Only a header that starts with the word makes it a keyword.
        #expect(PythonLine("match x:").firstKeyword == .match)
        #expect(PythonLine("case Point(x=0) | None:").firstKeyword == .case)
        #expect(PythonLine("match = pattern.match(line)").firstKeyword == nil)
        #expect(PythonLine("case.close()").firstKeyword == nil)
        #expect(PythonLine("match: int").firstKeyword == nil)
        #expect(PythonLine("type Pair[T] = tuple[T, T]").firstKeyword == .type)
        #expect(PythonLine("type(x) == int").firstKeyword == nil)
        // A type alias is Python, not a heading over the code after it.
        let alias = try Self.flat("Aliases name types.\ntype Vector = list[float]\nprint(Vector)\n")
        #expect(alias.codeBlocks.map(\.code) == ["type Vector = list[float]\nprint(Vector)"])
        // A `case …:` line with no `match` open is no code (nor is it under one in a prose list).
        let prose = try Self.flat("x = compute()\ncase 2: the cache is cold:\nThe rest is prose.\n")
        #expect(prose.codeBlocks.map(\.code) == ["x = compute()"])
    }

    /// The names a `case` pattern captures are bound for its body, not read.
    @Test func aCasePatternBindsTheNamesItCaptures() {
        var captured: [Substring] = []
        let line = PythonLine("case Point(x=0, y=height) | [Color.RED, *rest] if height > 1:")
        line.forEachPatternCapture { captured.append(line.word($0)) }
        #expect(captured == ["height", "rest"])
    }

    @Test func aListOfTermsEachFollowedByADashAndWhatItMeansDefinesThem() throws {
        let flat = try Self.flat("""
            Indexes speed up reads.
            - B-tree — keeps keys sorted for range scans
            - Hash index – finds one key in constant time
            Kinds of lock:
            1. Shared - many readers hold it at once
            2. Exclusive - one writer holds it alone

            Each index costs every write.
            - Use sparingly — every index slows writes

            """)
        let terms = flat.items.compactMap { item -> String? in
            guard case .definition(let term, _, let context) = item.content else { return nil }
            return "\(term) (\(context ?? "-"))"
        }
        #expect(terms == ["B-tree (Queries)", "Hash index (Queries)", "Shared (Kinds of lock)", "Exclusive (Kinds of lock)"])
        // A lone item of that shape is advice, not a term: it stays prose.
        #expect(flat.items.contains { $0.content == .concept(title: "Queries", text: "- Use sparingly — every index slows writes") })
        let markdown = try GuideReader().read(text: "# 06 — Databases\n\n## Locks\n\n- Shared — many readers at once\n- Exclusive — one writer alone\n", fileName: "06-databases.md")
        #expect(markdown.items.map(\.kind) == [.definition, .definition])
    }

    @Test func aResourcesHeadingListsResourcesAtAnyLevelUntilTheNextHeadingBesideIt() throws {
        // "Resources" is not in the contents, so it is read as a sub-heading of "Queries".
        let guide = try Self.flat("""
            A query plan shows how rows are found.
            Resources
            - Use The Index, Luke — indexing explained for developers
            - https://www.postgresql.org/docs/current/using-explain.html
            Joins
            - Hash join: builds a table of the smaller side.

            """)
        #expect(guide.items(of: .resource).map(\.section) == [["Queries", "Resources"], ["Queries", "Resources"]])
        #expect(guide.items(of: .resource).first?.content
            == .resource(title: "Use The Index, Luke", url: nil, description: "indexing explained for developers"))
        #expect(guide.items.last?.content == .definition(term: "Hash join", definition: "builds a table of the smaller side.", context: nil))
    }

    @Test func jsonDocumentsAndHTTPMessagesAreCodeBlocks() throws {
        let guide = try Self.flat("""
            The service answers with a 429 when the bucket is empty:
            HTTP/1.1 429 Too Many Requests
            Retry-After: 2
            Its limits come from a file like this one:
            {
            "limit": 100,
            "paths": ["/api", "/login"]
            }
            A request:
            GET /api/users?page=2 HTTP/1.1
            Host: example.com
            That is all.
            """)
        #expect(guide.codeBlocks.map(\.language) == ["http", "json", "http"])
        #expect(guide.codeBlocks.map(\.code) == [
            "HTTP/1.1 429 Too Many Requests\nRetry-After: 2",
            "{\n\"limit\": 100,\n\"paths\": [\"/api\", \"/login\"]\n}",
            "GET /api/users?page=2 HTTP/1.1\nHost: example.com",
        ])
        // Brackets that do not parse as JSON, or a one-line list, are not a JSON block.
        let notJSON = try Self.flat("[1, 2, 3] is a list.\nSome prose follows here, long enough.\n{\nnot json\n}\n")
        #expect(notJSON.codeBlocks.allSatisfy { $0.language != "json" })
    }

    @Test(arguments: ["**Priority:** HIGH", "Priority: **High**", "__Priority__: low", "Priority: Medium"])
    func boldPriorityLinesAreRead(_ line: String) throws {
        let guide = try GuideReader().read(text: "06 — Databases\n\(line)\nTable of Contents\n- Queries\nQueries\nText of the section, long enough.\n", fileName: "06.txt")
        #expect(guide.priority == Priority(text: line.filter { $0.isLetter }.dropFirst("priority".count)))
    }

    @Test func aPriorityLineInsideASectionIsTheGuidesPriorityAndNoCard() throws {
        let text = "# 08 — Indexes\n\n## B-trees\n\nA B-tree keeps its keys sorted for range scans.\n\nPriority: **High**\n\n## Hashes\n\nPriority: low\n"
        let guide = try GuideReader().read(text: text, fileName: "08-indexes.md")
        #expect(guide.priority == .high)
        #expect(guide.items.allSatisfy { $0.kind != .definition })
    }

    @Test func aGenericLabelIsAConceptAndATermOfItsOwnStartsANewItem() throws {
        let guide = try Self.flat("Deadlock: two threads each hold a lock the other needs.\nFix: always take locks in the same order.\nOutput: [0, 2, 4]\nBounded concurrency: at most ten requests in flight.\n")
        #expect(guide.items.map(\.content) == [
            .definition(term: "Deadlock", definition: "two threads each hold a lock the other needs.", context: nil),
            .concept(title: "Fix", text: "always take locks in the same order."),
            .concept(title: "Output", text: "[0, 2, 4]"),
            .definition(term: "Bounded concurrency", definition: "at most ten requests in flight.", context: nil),
        ])
    }

    @Test func aLabelKeepsEverySentenceOfProseUnderItUntilSomethingElseStarts() throws {
        let guide = try Self.flat("""
            Ordering:
            Kafka orders messages within a partition only.
            SQS FIFO queues keep order per message group.
            Ordered Delivery Guarantees
            Retries:
            - Back off exponentially.
            A dead-letter queue catches the rest.

            """)
        #expect(guide.items.map(\.content) == [
            .concept(title: "Ordering", text: "Kafka orders messages within a partition only.\nSQS FIFO queues keep order per message group."),
            .concept(title: "Retries", text: "- Back off exponentially."),
            .concept(title: "Ordered Delivery Guarantees", text: "A dead-letter queue catches the rest."),
        ])
    }

    @Test func bareExpressionsSpacedCallsAndAnnotationsStayInTheirBlock() throws {
        let guide = try Self.flat("The class below compares points.\nclass Pair:\nleft: Dict[str, int]\ndef compare (self, other):\nreturn self.left == other.left\np = Pair()\np.left\np == p\nprint (p)\n")
        #expect(guide.codeBlocks.count == 1)
        #expect(guide.codeBlocks.first?.code.hasSuffix("p.left\np == p\nprint (p)") == true)
    }

    /// Constants and types named in strings annotate too (`MAX_SIZE: int`, `parent: "Node"`);
    /// a capitalised label before a colon (`NOTE: Important`) stays prose.
    @Test func constantAndStringAnnotationsStayInTheirClass() throws {
        let guide = try Self.flat("A node:\nclass Node:\nLIMIT: ClassVar[int]\nDEFAULT_SIZE: int\nparent: \"Node\"\nNOTE: Important\nThe class holds no methods.\n")
        #expect(guide.codeBlocks.map(\.code) == ["class Node:\n    LIMIT: ClassVar[int]\n    DEFAULT_SIZE: int\n    parent: \"Node\""])
        #expect(!PythonLine("NOTE: Important").isAnnotation)
        #expect(!PythonLine("name: \"Ada Lovelace, 1815\"").isAnnotation)
        #expect(!PythonLine("name: \"Ada  Lovelace\"").isAnnotation)
        #expect(PythonLine("children: 'list[Node] | None' = None").isAnnotation)
        #expect(PythonLine("counts: \"dict[str, int]\"").isAnnotation)
    }

    @Test func anOpenersBodyThatStartsWithABracketStaysInTheBlock() throws {
        let guide = try Self.flat("Suppressing a lookup error:\nwith suppress(KeyError):\n{}[\"missing\"]\nprint(\"survived\")\n")
        #expect(guide.codeBlocks.count == 1)
        #expect(guide.codeBlocks.first?.code.hasPrefix("with suppress(KeyError):\n    {}[\"missing\"]\n") == true)
    }

    @Test func aSpacedCallAsAnOpenersBodyAndALoneNameBoundAboveStayInTheirBlock() throws {
        let guide = try Self.flat("""
            Old code spaces its calls:
            class Quiet (Base):
            def __init__(self, level):
            Base.__init__ (self, level)
            def check(self, value):
            if type (value) is str:
            return value
            counts = Counter("abca")
            counts.update("bb")
            counts
            That shows every count.

            """)
        #expect(guide.codeBlocks.count == 1)
        let lines = guide.codeBlocks.first?.code.split(separator: "\n").map { $0.trimmingWhitespace() }
        #expect(lines?.count == 9)
        #expect(lines?.last == "counts")
        #expect(guide.codeBlocks.first?.code.contains("        Base.__init__ (self, level)\n") == true)
        // A lone word the block never bound is prose.
        let prose = try Self.flat("counts = Counter(\"abca\")\nafterwards\nThe counter holds four letters.\n")
        #expect(prose.codeBlocks.map(\.code) == ["counts = Counter(\"abca\")"])
    }

    @Test(arguments: [(nil, "What does this print?\n\n"), (0.95, "What does this print?\n\n"),
                      (0.8, "What does this print? (indentation guessed (line 7 in doubt))\n\n"), (0.3, nil)] as [(Double?, String?)])
    func aDoubtfulBlockMakesNoPredictOutputCardAndAGuessedOneSaysSo(_ confidence: Double?, _ prompt: String?) throws {
        var guide = try Self.flat("Swap:\ndef pick(a, b):\nreturn b, a\nprint(pick(1, 2))\n")
        let item = try #require(guide.items.first { $0.kind == .code })
        guide.indentationGuesses = confidence.map { [IndentationGuess(lines: item.lines, runs: [.init(lines: item.lines, rivals: [.init(probability: 1 - $0, lines: [7])])])] } ?? []
        let run = SnippetResult(id: item.id, firstLine: "def pick(a, b):", language: "python", status: .runs,
                                          output: "(2, 1)\n", error: nil, package: nil)
        let report = LabReport(python: "3", isolation: "test", snippets: [run], claims: [])
        let cards = PredictOutputCards.cards(guide: guide, first: report.snippets, again: report.snippets)
        #expect(cards.first.map { String($0.prompt.prefix(prompt?.count ?? 0)) } == prompt)
        #expect(cards.count == (prompt == nil ? 0 : 1))
    }

    @Test func headingsEndingInLettersWhoseLastByteLooksLikeACurlyQuoteAreHeadings() throws {
        // Ü, Ν (Greek) and М (Cyrillic) end in the bytes 9C and 9D, like “ and ”.
        let text = """
            07 — Файловые системы
            Table of Contents
            - Résumé for ZÜ
            - ΣΥΣΤΗΜΑ ΑΡΧΕΙΩΝ
            - АЛГОРИТМ
            Résumé for ZÜ
            A résumé lists what a candidate has built, most recent first.
            ΣΥΣΤΗΜΑ ΑΡΧΕΙΩΝ
            Ένα σύστημα αρχείων οργανώνει τα δεδομένα σε κατάλογους και αρχεία.
            АЛГОРИТМ
            Алгоритм описывает шаги решения задачи.
            He said “fine”
            """
        let guide = try GuideReader().read(text: text, fileName: "07-files.txt")
        #expect(guide.sections.map(\.title) == ["Résumé for ZÜ", "ΣΥΣΤΗΜΑ ΑΡΧΕΙΩΝ", "АЛГОРИТМ"])
        // A line that ends in a curly quote is still a sentence, not a heading.
        #expect(guide.sections.first { $0.title.contains("fine") } == nil)
        #expect(!Substring("He said “fine”").isHeadingCandidate)
    }

    @Test func aStoryWithNestedQuotesEndsWhereItsQuoteCloses() throws {
        let text = """
            08 — Stories
            Table of Contents
            - Behavioural
            Behavioural
            Your answer: "When the lead said "ship it" on Friday, I asked for one more day
            to run the load test, and we found the leak before the launch."
            Q: What did you learn?
            A: To measure before arguing.
            """
        let guide = try GuideReader().read(text: text, fileName: "08-stories.txt")
        #expect(guide.sections.map(\.title) == ["Behavioural"])
        let stories = guide.items.filter { $0.kind == .story }
        #expect(stories.count == 1)
        #expect(stories.first?.lines == 5...6)
        #expect(guide.items.contains { $0.kind == .qa })
    }
}

/// The title line's number and title, whatever separates them.
struct GuideTitleLineTests {
    @Test(arguments: ["07 — PostgreSQL Internals", "07 · PostgreSQL Internals", "07 | PostgreSQL Internals", "07. PostgreSQL Internals", "07: PostgreSQL Internals"])
    func theNumberAndTitleAreSplitAtAnySeparator(_ line: String) throws {
        for (text, name) in [(line + "\nStorage\nPages are 8 kB.\n", "07-postgres.txt"), ("# " + line + "\n\n## Storage\n\nPages are 8 kB.\n", "07-postgres.md")] {
            let guide = try GuideReader().read(text: text, fileName: name)
            #expect(guide.number == "07", "\(name)")
            #expect(guide.title == "PostgreSQL Internals", "\(name)")
        }
    }
}

extension ReaderGapTests {
    @Test func aFencedBlockSetsUpTheClaimsBelowItAcrossBlankLines() throws {
        let text = """
            # 12 — Encoding

            ## Base 62

            ```python
            ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

            def base62(n):
                digits = []
                while n:
                    n, r = divmod(n, 62)
                    digits.append(ALPHABET[r])
                return "".join(reversed(digits)) or "0"
            ```

            `base62(61)` → `'Z'`

            Two digits start at 62: `base62(62)` → `'10'`

            `len("abc")` → `3`
            """
        let guide = try GuideReader().read(text: text, fileName: "12-encoding.md")
        let block = try #require(guide.codeBlocks.first?.code)
        #expect(Self.claims(guide) == [
            .claim(expr: "base62(61)", expected: "'Z'", setup: block),
            .claim(expr: "base62(62)", expected: "'10'", setup: block),
            .claim(expr: "len(\"abc\")", expected: "3", setup: nil),
        ])
    }

    @Test func aTermDefinedAfterASentenceIsADefinitionNotMoreOfTheParagraph() throws {
        let guide = try Self.flat("""
            A B+ tree keeps its values in the leaves, which are linked for range scans.
            Clustered index: the rows are stored in the order of the key.
            Secondary index: a separate structure that points back to the rows.
            The planner picks one by cost, and this line: it goes on the paragraph.
            """)
        try #require(guide.items.map(\.kind) == [.concept, .definition, .definition, .concept])
        #expect(guide.items[1].content == .definition(term: "Clustered index", definition: "the rows are stored in the order of the key.", context: nil))
        // A list item after a sentence goes on it; a lower-case line is not a term.
        #expect(!ItemExtractor.definesAfterSentence("- Heap: unordered rows", after: "Tables come in two kinds."))
        #expect(!ItemExtractor.definesAfterSentence("see also: the planner docs", after: "Costs are estimates."))
        #expect(!ItemExtractor.definesAfterSentence("Clustered index: rows in key order", after: "Two kinds of index exist,"))
    }

    @Test func markdownProseLosesItalicsEntitiesLineBreakTagsAndComments() throws {
        let text = """
            # Locks

            ## Mutexes

            A mutex guards a *critical section*.<br>
            Keep lock order fixed &amp; short.

            <!-- to do:
            lock-free queues -->

            *Remember:* `volatile` gives visibility, not `a &lt; b` atomicity.
            """
        let guide = try GuideReader().read(text: text, fileName: "09-locks.md")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Mutexes", text: "A mutex guards a critical section.\nKeep lock order fixed & short."),
            .concept(title: "Remember", text: "`volatile` gives visibility, not `a &lt; b` atomicity."),
        ])
        // Stars that are not emphasis stay.
        for kept in ["2 * 3 * 4 is 24", "**kwargs and *args", "a*b*c", "* a bullet"] {
            #expect(MarkdownSegmenter.plainInline(Substring(kept)) == Substring(kept.replacingOccurrences(of: "**", with: "")), "\(kept)")
        }
        #expect(MarkdownSegmenter.plainInline("see &#39;x&#39; &unknown; here") == "see 'x' &unknown; here")
        // Emphasis around a code span and bold text closes after them.
        #expect(MarkdownSegmenter.plainInline("*Note: it holds if `d` is a **DATE** column.*") == "Note: it holds if `d` is a DATE column.")
        #expect(MarkdownSegmenter.plainInline("*open `code without end*") == "*open `code without end*")
    }

    @Test func aSentenceCaseHeadingOverAListAfterABlankLineEndsAnAnswer() throws {
        let guide = try Self.flat("""
            2) How does Kafka keep order?
            Only within a partition. Messages with one key go to one partition.

            Key terms
            • Offset – the position of a message in its partition.
            • Retention – how long the broker keeps messages.
            """)
        #expect(guide.sections.flatMap { [$0.title] + $0.children.map(\.title) }.contains("Key terms"))
        let kinds = guide.items.map(\.kind)
        #expect(kinds == [.qa, .definition, .definition])
        #expect(guide.items.first?.content == .qa(question: "How does Kafka keep order?", answer: "Only within a partition. Messages with one key go to one partition."))
        // Without the blank line the line goes on the answer.
        let joined = try Self.flat("Q: How does Kafka keep order?\nOnly within a partition.\nKey terms\n• Offset – the position of a message.\n")
        #expect(joined.items.map(\.kind) == [.qa])
    }

    /// After an answer and a blank line, a heading over a paragraph (flat `Connection draining`)
    /// or a label that names a topic (`Sticky sessions:`, Markdown's bold `**Sticky sessions**`)
    /// heads what follows: the answer ended. A label that is a part of an answer (`Example`,
    /// `Pros:` … `Cons:`) stays in it.
    @Test func aHeadingOrTopicLabelAfterAnAnswerAndABlankLineEndsTheAnswer() throws {
        let flat = try Self.flat("""
            Why use least connections?
            Because connections can live for very different lengths of time.

            Connection draining
            Before a server leaves the pool, it finishes the requests it already has.

            What does a health check do?
            It removes unhealthy servers from rotation.

            Sticky sessions:
            Sticky sessions pin a client to one server, which breaks even spreading.
            """)
        #expect(flat.items.map(\.content) == [
            .qa(question: "Why use least connections?", answer: "Because connections can live for very different lengths of time."),
            .concept(title: "Connection draining", text: "Before a server leaves the pool, it finishes the requests it already has."),
            .qa(question: "What does a health check do?", answer: "It removes unhealthy servers from rotation."),
            .concept(title: "Sticky sessions", text: "Sticky sessions pin a client to one server, which breaks even spreading."),
        ])
        #expect(flat.sections.flatMap { [$0.title] + $0.children.map(\.title) }.contains("Connection draining"))

        let markdown = try GuideReader().read(text: """
            # Load balancing

            **What does a load balancer do?**
            It spreads requests over a pool of servers.

            **Sticky sessions**

            They pin a client to one server, which breaks even spreading.

            **What does a health check do?**
            It removes unhealthy servers from rotation.

            **Example**
            - A balancer probes `/healthz` every five seconds.
            """, fileName: "balancing.md")
        #expect(markdown.items.map(\.content) == [
            .qa(question: "What does a load balancer do?", answer: "It spreads requests over a pool of servers."),
            .concept(title: "Sticky sessions", text: "They pin a client to one server, which breaks even spreading."),
            .qa(question: "What does a health check do?",
                answer: "It removes unhealthy servers from rotation.\nExample:\n- A balancer probes `/healthz` every five seconds."),
        ])

        // A question over an answer laid out under labels, a blank line between, asks; the
        // answer keeps each label.
        let pros = "What are the trade-offs of a cache?\n\nPros:\n- fewer reads reach the database\n\nCons:\n- stale data\n"
        let answer = GuideItem.Content.qa(question: "What are the trade-offs of a cache?",
                                          answer: "Pros:\n- fewer reads reach the database\nCons:\n- stale data")
        #expect(try Self.flat(pros).items.map(\.content) == [answer])
        #expect(try GuideReader().read(text: "# Caching\n\n## Trade-offs\n\n" + pros, fileName: "caching.md").items.map(\.content) == [answer])

        // An answer that opens under a topic label of its own is laid out under such labels:
        // the next one after a blank line goes on it.
        let raft = try GuideReader().read(text: """
            # Consensus

            **How does Raft work?**
            **Leader election**
            A node that hears no heartbeat asks the others for votes.

            **Log replication**
            The leader appends each command and commits it once a majority holds it.
            """, fileName: "raft.md")
        #expect(raft.items.map(\.kind) == [.qa])
    }

    /// Code right under a line of an answer that leads into it (`Example Lua script:`) is code,
    /// as a definition in an answer is; without the lead-in the answer's lines stay its text.
    @Test func codeUnderALeadInWithinAnAnswerIsCode() throws {
        let guide = try Self.flat("""
            Where do the counters live?
            In Redis, updated by a script so that the update is atomic.
            Example Lua script:
            local current = redis.call("INCR", KEYS[1])
            if current == 1 then
            redis.call("EXPIRE", KEYS[1], ARGV[1])
            end
            return current
            """)
        #expect(guide.codeBlocks.map(\.language) == ["lua"])
        #expect(guide.codeBlocks.first?.code.hasPrefix("local current = redis.call(\"INCR\", KEYS[1])\nif current == 1 then\n    redis.call") == true)
        let question = try #require(guide.items.first)
        guard case .qa(_, let answer) = question.content else { Issue.record("not a question: \(question.content)"); return }
        #expect(answer.hasPrefix("In Redis, updated by a script so that the update is atomic.\nExample Lua script:"))
    }

    /// A blog post's answer, a blank line, then the query it names: the query is code of the
    /// answer; a heading over a paragraph after that code ends the answer.
    @Test func codeAfterABlankLineInAnAnswerIsCodeAndAHeadingAfterItEndsTheAnswer() throws {
        let guide = try Self.flat("""
            Question 5: How do you find unused indexes in PostgreSQL?
            Query pg_stat_user_indexes for indexes whose idx_scan is zero.

            SELECT indexrelname, idx_scan
            FROM pg_stat_user_indexes
            WHERE idx_scan = 0;

            Final thoughts
            Practise explaining trade-offs out loud; interviewers care about reasoning.
            """)
        #expect(guide.codeBlocks.map(\.code) == ["SELECT indexrelname, idx_scan\nFROM pg_stat_user_indexes\nWHERE idx_scan = 0;"])
        #expect(guide.items.map(\.kind) == [.qa, .code, .concept])
        #expect(guide.items.last?.content == .concept(title: "Final thoughts",
                                                     text: "Practise explaining trade-offs out loud; interviewers care about reasoning."))
    }

    /// A prep sheet: `Topic: Caching` heads a section; a numbered task without a question mark
    /// over `Ans:` asks; the lines under a bare `Ans:` (a list that lost its bullets) answer it
    /// and head nothing.
    @Test func aTopicLabelHeadsASectionAndANumberedTaskOverAnAnswerMarkerAsks() throws {
        let guide = try GuideReader().read(text: """
            Prep Sheet

            Topic: Caching

            1. What is cache invalidation?
            Ans: Removing or updating cached entries when the source data changes.

            2. Name three eviction policies.
            Ans:
            LRU
            LFU
            FIFO

            Topic: Queues

            3. Why put a queue between services?
            Ans: It absorbs bursts and lets the consumer fail without losing requests.
            """, fileName: "prep.txt")
        #expect(guide.sections.map(\.title) == ["Caching", "Queues"])
        #expect(guide.items.map(\.content) == [
            .qa(question: "What is cache invalidation?", answer: "Removing or updating cached entries when the source data changes."),
            .qa(question: "Name three eviction policies.", answer: "LRU\nLFU\nFIFO"),
            .qa(question: "Why put a queue between services?", answer: "It absorbs bursts and lets the consumer fail without losing requests."),
        ])
        #expect(FlatTextSegmenter.sectionLabelTitle("Module 3: Queues") == "Queues")
        #expect(FlatTextSegmenter.sectionLabelTitle("Part II: Storage engines") == "Storage engines")
        // A label whose text is a sentence, or another label, heads nothing.
        #expect(FlatTextSegmenter.sectionLabelTitle("Topic: we covered caching last week.") == nil)
        #expect(FlatTextSegmenter.sectionLabelTitle("Tip: Caching") == nil)
    }

    @Test func aTableCopiedWithTabsIsATableAndANumberedSubHeadingIsAHeading() throws {
        let guide = try Self.flat("""
            Stores differ in where a write lands first.

            2.1 Write paths
            Each store below lands a write somewhere durable before it answers the client.

            Database\tReads\tWrites
            PostgreSQL\tfast with indexes\tWAL then pages
            Cassandra\tslower\tcommit log then memtable
            """)
        #expect(guide.sections.flatMap { [$0.title] + $0.children.map(\.title) }.contains("2.1 Write paths"))
        #expect(guide.items.contains { $0.content == .table(header: ["Database", "Reads", "Writes"], rows: [
            ["PostgreSQL", "fast with indexes", "WAL then pages"], ["Cassandra", "slower", "commit log then memtable"],
        ]) })
        // One line with a tab is no table.
        #expect(PipelessTable.cellCount("Name\tValue") == 2)
        #expect(!PipelessTable.opens(cells: 2, over: "A sentence of prose follows."))
    }

    @Test(arguments: [("python title=\"gen.py\"", "python"), ("{.python .numberLines}", "python"), ("{python}", "python"),
                      ("python:cache.py", "python"), ("py3", "py3"), ("SQL", "sql"), ("", "")])
    func aFencesLanguageIsItsFirstWordHoweverTheInfoStringIsWritten(info: String, language: String) {
        #expect(MarkdownSegmenter.fenceLanguage(Substring(info)) == language)
    }

    @Test func py3FencesHoldPython() throws {
        let guide = try GuideReader().read(text: "# Notes\n\n## Code\n\n```py3\nx = 1\n```\n\n```{.python}\ny = 2\n```\n", fileName: "py3.md")
        #expect(guide.codeBlocks.map(\.language) == ["python", "python"])
    }

    @Test func callOutBoxesAndDefinitionListsOfDocumentationSites() throws {
        let text = """
            # 10 — Caching

            ## Strategies

            !!! note "Read-through"
                The cache loads a missing key from the database itself.

            !!! warning
                A cache in front of a write-heavy table mostly holds stale rows.

            :::tip Write-behind
            Writes go to the cache and reach the database later, in batches.
            :::

            Cache hit
            : A read the cache answers without the database.

            ??? question "Why expire keys?"
                So that stale data ages out even when no write invalidates it.

                Pick a TTL per kind of data.

            A cache keeps hot data close to the reader, so most reads skip the database.
            """
        let guide = try GuideReader().read(text: text, fileName: "10-caching.md")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Read-through", text: "The cache loads a missing key from the database itself."),
            .concept(title: "Strategies", text: "A cache in front of a write-heavy table mostly holds stale rows."),
            .concept(title: "Write-behind", text: "Writes go to the cache and reach the database later, in batches."),
            .definition(term: "Cache hit", definition: "A read the cache answers without the database.", context: nil),
            // The call-out's body is the lines indented under it, read as prose, not code; the
            // first line out of it ends the answer.
            .qa(question: "Why expire keys?", answer: "So that stale data ages out even when no write invalidates it.\nPick a TTL per kind of data."),
            .concept(title: "Strategies", text: "A cache keeps hot data close to the reader, so most reads skip the database."),
        ])
        #expect(MarkdownCallouts.marker("!!! IMPORTANT !!!") == nil)
        #expect(MarkdownCallouts.marker("Prose that mentions ::: in passing.") == nil)
        #expect(MarkdownCallouts.definitionListEntry("A sentence that ends.", over: ": not a definition") == nil)
    }

    /// MkDocs Material's content tabs (`=== "Functional"` over indented lines) title what they
    /// hold, as a call-out's title does; their lines are prose, not indented code, and a fence
    /// in a tab is still code, captioned by the tab.
    @Test func contentTabsTitleTheirIndentedLines() throws {
        let text = """
            # Designing a Job Queue

            ## Requirements

            === "Functional"

                - Producers enqueue jobs with a payload and an optional delay.
                - Workers lease a job, run it, and acknowledge it.

            ===+ "Non-functional"

                - At-least-once delivery.

            === "Python"

                ```python
                delay = min(cap, base * 2 ** attempt)
                ```

            Title
            ===
            """
        let guide = try GuideReader().read(text: text, fileName: "queue.md")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Functional", text: "- Producers enqueue jobs with a payload and an optional delay.\n- Workers lease a job, run it, and acknowledge it."),
            .concept(title: "Non-functional", text: "- At-least-once delivery."),
            .code(language: "python", code: "delay = min(cap, base * 2 ** attempt)", caption: "Python"),
        ])
        #expect(guide.sections.map(\.title) == ["Requirements", "Title"])
        #expect(MarkdownCallouts.marker("===") == nil)
        #expect(MarkdownCallouts.marker("== \"Two\"") == nil)
    }

    @Test func questionLabelsAndBoldQuestionsAskQuestions() throws {
        let flat = try GuideReader().read(text: """
            Mock Interview: Rate Limiter
            Limits
            Question: What is a hot partition?
            Answer: A partition that gets far more traffic than the others.
            Question:
            How does a token bucket differ from a leaky bucket?
            A token bucket allows bursts up to its size; a leaky bucket sends at a fixed rate.
            """, fileName: "30-limits.txt")
        #expect(flat.title == "Mock Interview: Rate Limiter")
        #expect(flat.items.map(\.content) == [
            .qa(question: "What is a hot partition?", answer: "A partition that gets far more traffic than the others."),
            .qa(question: "How does a token bucket differ from a leaky bucket?",
                answer: "A token bucket allows bursts up to its size; a leaky bucket sends at a fixed rate."),
        ])
        let markdown = try GuideReader().read(text: """
            # Databases

            ## Indexes

            **1. What is an index?**

            A structure that finds rows without scanning the table.

            1. **What is sharding?**
               Splitting rows across machines by a key.
            2. **Sharding and replication** differ in what they copy.
            """, fileName: "31-indexes.md")
        #expect(markdown.items.prefix(2).map(\.content) == [
            .qa(question: "What is an index?", answer: "A structure that finds rows without scanning the table."),
            .qa(question: "What is sharding?", answer: "Splitting rows across machines by a key.\n2. Sharding and replication differ in what they copy."),
        ])
        #expect(MarkdownSegmenter.boldQuestion("**Q: Why?**") == nil)
        #expect(MarkdownSegmenter.boldQuestion("**Sharding** is not a question?") == nil)
    }

    @Test func adviceLabelsNameAConceptOfTheSectionNotATerm() throws {
        let guide = try Self.flat("Long transactions keep old row versions alive.\nInterview tip: mention that long transactions hold back VACUUM.\n")
        #expect(guide.items(of: .definition).isEmpty)
        #expect(guide.items(of: .concept).contains { "\($0.content)".contains("hold back VACUUM") })
        #expect(ItemExtractor.isConceptLabel("Common pitfall"))
        #expect(!ItemExtractor.isConceptLabel("Write-ahead log"))
        // A clause is no term; a long name still is.
        #expect(ItemExtractor.isConceptLabel("Async error handling has two modes"))
        #expect(ItemExtractor.isConceptLabel("Why generators matter for streaming jobs"))
        #expect(ItemExtractor.isConceptLabel("The planner reads the index as"))
        #expect(ItemExtractor.isConceptLabel("The analogy"))
        #expect(ItemExtractor.isConceptLabel("Interview trap"))
        #expect(ItemExtractor.isConceptLabel("The implication") && ItemExtractor.isConceptLabel("Consequence"))
        // A list whose labels are mostly advice lists notes, not terms.
        let advice = try Self.flat("Connection pools need limits.\n- Always set a timeout: a stuck query holds its connection.\n- Never share a connection between threads: its state is not thread-safe.\n")
        #expect(advice.items(of: .definition).isEmpty)
        #expect(advice.items(of: .concept).contains { "\($0.content)".contains("Never share a connection") })
        // A numbered item's term is named without its number.
        let numbered = try Self.flat("A CTE helps a long query in several ways.\n\n1. Improved readability: a CTE names each step of the query.\n")
        #expect(UnderlinedHeadingTests.terms(numbered) == ["Improved readability"])
        // Asked over the list, past a blank line, the list answers the question instead.
        let asked = try Self.flat("Why use a CTE at all in a long query?\n\n1. Improved readability: a CTE names each step of the query.\n")
        #expect(asked.items.map(\.content) == [
            .qa(question: "Why use a CTE at all in a long query?", answer: "1. Improved readability: a CTE names each step of the query."),
        ])
        #expect(!ItemExtractor.isConceptLabel("Requests per user per day"))
        #expect(!ItemExtractor.isConceptLabel("Context switch"))
        // The options of a design and the one chosen are notes of the section; so is a figure.
        let design = try Self.flat("Key generation\nOption A: hash the URL and keep seven characters.\nDecision: option A, with a retry on collision.\nWrites: 100M / 2.6M seconds, about 40 a second.\nBase62: an alphabet of digits and both cases of letters.\n")
        #expect(UnderlinedHeadingTests.terms(design) == ["Base62"])
        #expect(design.items(of: .concept).count == 3)
    }

    @Test func aFigureLaidOutInHTMLIsNoText() throws {
        let text = """
            # Proxies

            ## Reverse proxy

            <p align="center">
              <img src="images/proxy.png">
              <br/>
              <i><a href=https://example.com/proxy>Source: a diagram of a proxy in front of two servers</a></i>
            </p>

            A reverse proxy takes requests for a set of servers and hides them behind one address.

            <p align="center">Proxies sit in front of most large web services.</p>
            """
        let guide = try GuideReader().read(text: text, fileName: "proxies.md")
        #expect(guide.items(of: .definition).isEmpty)
        #expect(!guide.items.contains { "\($0.content)".contains("diagram of a proxy") })
        #expect(guide.items(of: .concept).contains { "\($0.content)".contains("hides them behind one address") })
        // A block without an image is text.
        #expect(guide.items.contains { "\($0.content)".contains("Proxies sit in front of most large web services") })
    }

    @Test func aRowOfLinksIsNoTextAndTheFirstTopHeadingStillTitlesTheGuide() throws {
        let text = """
            *[English](README.md) ∙ [Deutsch](README-de.md) | [Add a translation](CONTRIBUTING.md)*

            [![build](https://example.com/build.svg)](https://example.com/ci) [![docs](https://example.com/docs.svg)](https://example.com/docs)

            **Corrections are welcome!**

            # Queues Primer

            ## Message queues

            A queue holds messages until a consumer takes them, so that producers never wait on consumers.
            """
        let guide = try GuideReader().read(text: text, fileName: "queues.md")
        #expect(guide.title == "Queues Primer")
        #expect(guide.sections.map(\.title) == ["Message queues"])
        #expect(!guide.items.contains { "\($0.content)".contains("English") || "\($0.content)".contains("build") })
        #expect(MarkdownSegmenter.isLinkRow("[Prev](a.md) · [Next](b.md)", underNavigationHeading: false))
        #expect(!MarkdownSegmenter.isLinkRow("[Prev](a.md) leads to [Next](b.md)", underNavigationHeading: false))
        #expect(!MarkdownSegmenter.isLinkRow("[Only one link](a.md)", underNavigationHeading: false))
        // Two top-level headings are sections, not a title, when text comes before them.
        let sections = try GuideReader().read(text: "Some words before.\n\n# Queues\n\nText about queues that is long enough.\n\n# Streams\n\nText about streams that is long enough.\n", fileName: "two.md")
        #expect(sections.sections.map(\.title) == ["Queues", "Streams"])
    }

    @Test func markdownSavedAsTextIsReadAsMarkdown() throws {
        let markdown = "# Sharding\n\n## Why shard\nOne node runs out of disk.\n\n## Strategies\n- **Hash**: even spread.\n"
        let guide = try GuideReader().read(text: markdown, fileName: "sharding.txt")
        #expect(guide.format == .markdown)
        #expect(guide.sections.map(\.title) == ["Why shard", "Strategies"])
        let fenced = try GuideReader().read(text: "Sharding\nA note.\n```\nSELECT 1;\n```\n", fileName: "fenced.txt")
        #expect(fenced.format == .markdown)
        // A flat guide whose flattened code has `# comments` is still flat text.
        let flat = try GuideReader().read(text: "Workers\nA worker drains a queue.\n# drain the queue\n## until it is empty\nwhile q:\nq.pop()\n", fileName: "workers.txt")
        #expect(flat.format == .flatText)
    }

    @Test func aDefinitionLabelDefinesTheSectionAndAFacetLabelIsAConcept() throws {
        let guide = try GuideReader().read(text: """
            Consistency Models

            Linearizability
            Definition: every read sees the latest completed write.
            Cost: a quorum round trip on every operation.
            Benefits: clients reason as if there were one copy.
            """, fileName: "consistency.txt")
        #expect(guide.items.map(\.content) == [
            .definition(term: "Linearizability", definition: "every read sees the latest completed write.", context: nil),
            .concept(title: "Cost", text: "a quorum round trip on every operation."),
            .concept(title: "Benefits", text: "clients reason as if there were one copy."),
        ])
    }

    @Test func aBehaviouralPromptIsAnsweredByTheStoryItsPartsTell() throws {
        let guide = try GuideReader().read(text: """
            Behavioural Stories

            Tell me about a time you changed a team's mind.
            Situation: we paged on every failed request.
            Action: I showed a week of pages next to real incidents.
            Result: we page on error budgets now.
            Describe a project you are proud of.
            I moved our imports to a queue, and onboarding went from days to an hour.

            Leadership
            Outcome: two juniors now run the on-call rota.
            """, fileName: "stories.txt")
        #expect(guide.items.map(\.content) == [
            .qa(question: "Tell me about a time you changed a team's mind.",
                answer: "Situation: we paged on every failed request.\nAction: I showed a week of pages next to real incidents.\nResult: we page on error budgets now."),
            // The next prompt right under a story asks again.
            .qa(question: "Describe a project you are proud of.", answer: "I moved our imports to a queue, and onboarding went from days to an hour."),
            .concept(title: "Outcome", text: "two juniors now run the on-call rota."),
        ])
        #expect(ItemExtractor.asksForStory("Share an example of a risk you took"))
        #expect(!ItemExtractor.asksForStory("Telling apart two causes"))
    }
}
