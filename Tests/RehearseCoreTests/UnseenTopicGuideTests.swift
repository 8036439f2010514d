import Foundation
import Testing

@testable import RehearseCore

/// Guides on topics the reader was not built on, written for these tests: databases (flat
/// text) and system design (flat text and Markdown). They hold SQL with comments, HTTP
/// messages, JSON, tables under labels, block quotes, runs of claims and Python that returns
/// from inside an `if`.
@Suite struct UnseenTopicGuideTests {
    @Test func theDatabasesGuideReadsItsCodeListsAndClaims() throws {
        let guide = try TestFiles.fixture("databases.txt")
        #expect(guide.priority == .high)
        #expect(guide.sections.map(\.title) == ["Indexes", "Transactions & Isolation", "Query Patterns", "Scaling Reads and Writes", "Interview Questions"])
        #expect(guide.codeBlocks.map(\.language) == ["sql", "sql", "sql", "python", "python", "python", "python", "shell"])
        #expect(guide.codeBlocks.first?.code.hasPrefix("-- Orders of one customer, newest first\nCREATE INDEX") == true)
        #expect(guide.items.contains { $0.content == .concept(title: "Isolation levels (weakest to strongest)", text: """
            1. Read uncommitted (PostgreSQL treats it as read committed)
            2. Read committed — the default in PostgreSQL
            3. Repeatable read — snapshot for the whole transaction
            4. Serializable — as if transactions ran one at a time
            """) })
        #expect(guide.items(of: .claim).count == 3)
        #expect(!guide.items.contains { if case .concept(_, let text) = $0.content { text.contains("→") } else { false } })
        #expect(guide.questions.count == 3)
        #expect(guide.warnings.isEmpty)
        for block in guide.codeBlocks where block.language == "python" {
            #expect(try PythonParser.error(in: block.code) == nil, "\(block.code)")
        }
        let cache = try #require(guide.code(containing: "def get_user"))
        #expect(cache.contains("    if cached is not None:\n        return json.loads(cached)\n    user = db.fetch_user(user_id)"))
    }

    @Test func theFlatSystemDesignGuideKeepsHTTPAndJSONAsCode() throws {
        let guide = try TestFiles.fixture("system-design.txt")
        #expect(guide.sections.map(\.title) == ["Framework", "Rate Limiting", "Messaging", "Practice Questions"])
        #expect(guide.codeBlocks.map(\.language) == ["python", "http", "json", "python"])
        #expect(guide.items(of: .table).count == 1)
        #expect(guide.items.contains { $0.content == .definition(term: "Retry-After", definition: "2", context: nil) } == false)
        // `allow(self)` is a method of the class, not a function inside `__init__` (a method in
        // a method), and `return False` is not dead code after `return True`.
        let bucket = try #require(guide.code(containing: "class TokenBucket"))
        #expect(bucket.contains("""
                    self.updated = time.monotonic()
                def allow(self):
            """))
        #expect(bucket.contains("""
                    if self.tokens >= 1:
                        self.tokens -= 1
                        return True
                    return False
            bucket = TokenBucket(rate=5, capacity=10)
            """))
        #expect(guide.questions.count == 2)
    }

    @Test func theMarkdownSystemDesignGuideReadsTablesQuotesAndClaims() throws {
        let guide = try TestFiles.fixture("system-design.md")
        #expect(guide.format == .markdown)
        #expect(guide.priority == .high)
        #expect(guide.items(of: .table).map(\.content) == [
            .table(header: ["Operation", "Latency"], rows: [
                ["L1 cache reference", "1 ns"], ["Main memory reference", "100 ns"],
                ["Round trip within a datacenter", "0.5 ms"], ["Disk seek", "10 ms"],
            ]),
        ])
        #expect(guide.items(of: .claim).map(\.content) == [
            .claim(expr: "24 * 60 * 60", expected: "86400", setup: nil),
            .claim(expr: "2 ** 10", expected: "1024", setup: nil),
            .claim(expr: "10 ** 6 // 86400", expected: "11", setup: nil),
        ])
        #expect(guide.codeBlocks.map(\.language) == ["python", "python", "sql"])
        #expect(guide.items.contains { $0.content == .concept(title: "Queues", text: "At-least-once delivery means consumers must be idempotent.") })
        #expect(guide.questions.count == 3)
    }

    /// A list that mixes claims with prose: the claims are cards of their own, and the
    /// concept is the prose alone.
    @Test func claimsInAMarkdownListAreLeftOutOfItsConcept() throws {
        let text = """
            # Estimates

            ## Capacity

            - `62 ** 7` → 3521614606208
            - Storage grows by about 600 GB a year at 100M links a month

            """
        let guide = try GuideReader().read(text: text, fileName: "11-shortener.md")
        #expect(guide.items(of: .claim).map(\.content) == [.claim(expr: "62 ** 7", expected: "3521614606208", setup: nil)])
        #expect(guide.items(of: .concept).map(\.content) == [
            .concept(title: "Capacity", text: "- Storage grows by about 600 GB a year at 100M links a month"),
        ])
    }

    @Test func aMarkdownGuideWithQuestionHeadingsAndRevealBlocks() throws {
        let guide = try TestFiles.fixture("caching.md")
        #expect(guide.questions == ["What is a CDN and when does it help?", "How do you invalidate cached content?", "What is cache penetration?"])
        let answers = guide.items.compactMap { if case .qa(_, let answer) = $0.content { answer } else { nil } }
        #expect(answers.count == 3)
        #expect(answers.allSatisfy { !$0.contains("<") && !$0.hasPrefix("Answer") })
        #expect(answers[2].hasPrefix("Requests for keys that exist nowhere"))
        // The fence without a language opens with a request line: HTTP.
        #expect(guide.codeBlocks.map(\.language) == ["http", "js"])
        // `**Hit ratio** — …` defines its bold term, as `**Write-back**: …` does.
        #expect(guide.items.compactMap { if case .definition(let term, _, _) = $0.content { term } else { nil } } == ["Hit ratio", "TTL", "Write-back"])
    }

    @Test(arguments: [
        ("Q: What is a CDN?", "What is a CDN?"), ("Q. What is a CDN?", "What is a CDN?"), ("Q3. What is a CDN?", "What is a CDN?"),
        ("Q12: Why cache?", "Why cache?"), ("Q4) Why cache?", "Why cache?"), ("Question 2: Why cache?", "Why cache?"),
    ])
    func questionMarkers(_ line: String, _ question: String) {
        #expect(Substring(line).startsQuestion)
        #expect(Substring(line).questionText == Substring(question))
    }

    @Test(arguments: ["QPS: 1000 per node", "Queues decouple services.", "Q3 revenue grew", "Q) what", "Questions: see below"])
    func notQuestionMarkers(_ line: String) {
        #expect(!Substring(line).startsQuestion)
    }

    @Test func aFlatGuideWithNumberedQuestionsAndAnswerMarkers() throws {
        let guide = try TestFiles.fixture("networking.txt")
        #expect(guide.questions == [
            "What happens when you type a URL into a browser?", "Why is UDP used for video calls?",
            "What is a TCP handshake?", "What does a load balancer at layer 4 see?",
        ])
        #expect(guide.items.compactMap { if case .qa(_, let answer) = $0.content { answer } else { nil } }.map { String($0.prefix(12)) } == [
            "The browser ", "A late packe", "SYN, SYN-ACK", "Only address",
        ])
        // A numbered list of questions with no answers stays a list.
        let list = try GuideReader().read(text: "10 — Net\nTable of Contents\n- Ask\nAsk\nQuestions to ask back:\n1. How big is the team?\n2. How do you deploy?\nThat is the list.\n", fileName: "list.txt")
        #expect(list.questions.isEmpty)
    }

    @Test func aMarkdownDatabaseGuideWithPlansTablesAndQuestionHeadings() throws {
        let guide = try TestFiles.fixture("indexes.md")
        #expect(guide.priority == .high)
        // The priority line under a section is the guide's, not a card; the bold term is one.
        #expect(guide.items(of: .definition).map(\.content) == [
            .definition(term: "Composite index", definition: "an index on several columns, usable for any leftmost prefix of them.", context: nil),
        ])
        #expect(guide.codeBlocks.map(\.language) == ["sql", "sql", "sql", "python"])
        // The untagged fence opens with EXPLAIN ANALYZE over its SELECT: one SQL statement.
        #expect(guide.codeBlocks[1].code == "EXPLAIN ANALYZE\nSELECT id FROM orders WHERE status = 'open';")
        #expect(guide.questions == [
            "Why can an index make writes slower?", "When does PostgreSQL ignore an index?", "What is a covering index?", "What is index selectivity?",
        ])
        #expect(guide.items(of: .table).count == 1)
        #expect(guide.items.contains { $0.content == .concept(title: "Rule of thumb", text: "put the most selective equality column first, range columns last.") })
        let btree = try #require(guide.items.first { if case .concept("B-tree indexes", _) = $0.content { true } else { false } })
        guard case .concept(_, let text) = btree.content else { return }
        #expect(KeypointExtractor.keypoints(from: text).count == 1)
    }

    /// Headings in sentence case over paragraphs are headings; an estimate or a table row, which
    /// shows working rather than naming a topic, is not, and a line wrapped mid-sentence is not.
    @Test func sentenceCaseHeadingsAreHeadingsAndEstimatesAndTableRowsAreNot() throws {
        let text = """
            10 — Notifications
            Requirements
            - Send email and push notifications
            Back-of-the-envelope
            10M / 86,400 s ≈ 116 per second on average
            Peak: 116 × 5 ≈ 580 per second
            High-level design
            Client -> API Gateway -> Notification Service -> Queue -> Workers
            Retry policy
            Attempt | Delay
            1 | 1 s
            2 | 4 s
            Consistent hashing
            Keys map to the first node clockwise on a ring; a new node moves about 1/N of the keys.
            Delivery guarantees
            At-least-once delivery means duplicates happen, and every worker retries a send when
            the provider times out or answers with a server error.

            """
        let guide = try GuideReader().read(text: text, fileName: "10-notifications.txt")
        #expect(guide.sections.map(\.title) == [
            "Requirements", "Back-of-the-envelope", "High-level design", "Retry policy", "Consistent hashing", "Delivery guarantees",
        ])
        #expect(guide.sections.flatMap(\.children).isEmpty)
        // A heading over a heading over a paragraph; the list item before them keeps its own text.
        let nested = try GuideReader().read(text: """
            05 — Databases
            ACID:
            - Durability: committed data survives a crash
            Isolation levels
            Read committed
            Each statement sees the rows committed before it began.

            """, fileName: "05-databases.txt")
        #expect(nested.sections.map(\.title) == ["Isolation levels"])
        #expect(nested.sections.flatMap(\.children).map(\.title) == ["Read committed"])
        #expect(nested.items(of: .definition).map(\.content) == [
            .definition(term: "Durability", definition: "committed data survives a crash", context: "ACID"),
        ])
    }

    /// A `<summary>` that asks a question is answered by its details; an image, a task box and
    /// the commands of an untagged fence are not read as prose.
    @Test func aMarkdownGuideWithSummaryQuestionsImagesAndTaskLists() throws {
        let text = """
            # 11 — Caching

            ## Strategies

            ![architecture](img/arch.png)

            <details>
            <summary>Why not cache everything?</summary>

            Memory costs money, and every cached view is one more thing to invalidate.

            </details>

            ## Queues

            - [ ] Compare two brokers
            - [x] Read about dead-letter queues

            ```
            SET user:1 "alice" EX 60
            GET user:1
            ```

            """
        let guide = try GuideReader().read(text: text, fileName: "11-caching.md")
        let qa = guide.items.compactMap { if case .qa(let question, let answer) = $0.content { (question, answer) } else { nil } }
        #expect(qa.map(\.0) == ["Why not cache everything?"])
        #expect(qa.map(\.1) == ["Memory costs money, and every cached view is one more thing to invalidate."])
        #expect(guide.codeBlocks.map(\.language) == ["redis"])
        let concepts = guide.items(of: .concept).compactMap { if case .concept(_, let text) = $0.content { text } else { nil } }
        #expect(concepts == ["- Compare two brokers\n- Read about dead-letter queues"])
    }

    @Test func aBoldLineLabelsTheListBelowItAndAnAlertMarkerIsNoText() throws {
        let text = """
            # 12 — PostgreSQL

            ## MVCC

            **Key facts**

            - VACUUM reclaims dead tuples
            - Long transactions hold back the horizon

            > [!TIP]
            > Turn off synchronous commit only where losing the last transactions is acceptable.

            **Q: What is MVCC?**

            Readers see a snapshot and never block writers.

            """
        let guide = try GuideReader().read(text: text, fileName: "12-postgres.md")
        let concepts = guide.items(of: .concept).map(\.content)
        #expect(concepts == [
            .concept(title: "Key facts", text: "- VACUUM reclaims dead tuples\n- Long transactions hold back the horizon"),
            .concept(title: "MVCC", text: "Turn off synchronous commit only where losing the last transactions is acceptable."),
        ])
        #expect(guide.questions == ["What is MVCC?"])
    }

    @Test func theUrlShortenerGuideKeepsItsHeadingsAfterClaimsAndItsAdviceAsConcepts() throws {
        let guide = try TestFiles.fixture("url-shortener.txt")
        // `Collision handling` after a claim and a blank line heads the paragraph under it.
        #expect(guide.sections.map(\.title).contains("Collision handling"))
        let collisions = try #require(guide.items.first { $0.section == ["Collision handling"] })
        #expect(collisions.content == .concept(title: "Collision handling", text: """
            If two app servers take the same counter value, codes collide. Give each server a range of counters from ZooKeeper, so no two servers ever share a value.
            """))
        #expect(guide.items.contains { $0.content == .claim(expr: "62 ** 7", expected: "3521614606208", setup: nil) })
        // `Build a service like bit.ly: …` says what to do: no term is defined.
        #expect(guide.items(of: .definition).isEmpty)
        #expect(guide.items.contains { $0.content == .concept(title: "Build a service like bit.ly", text: "long URL in, short code out, redirect on visit.") })
        #expect(ItemExtractor.isConceptLabel("Pick the shard key") && !ItemExtractor.isConceptLabel("Consistent hashing"))
    }
}
