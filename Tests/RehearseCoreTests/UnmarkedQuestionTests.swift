import Foundation
import Testing

@testable import RehearseCore

/// Questions asked without a marker: a line that asks over an `Answer:` line in flat text
/// (`Fixtures/unmarked-questions.txt`), and a Markdown list item that asks over its indented
/// answer (`Fixtures/list-questions.md`), which ends with the list item
/// (`Fixtures/list-question-ends.md`); problems posed for the reader to work through
/// (`Fixtures/posed-problems.md`); and multiple-choice questions, whose options ask with
/// the question (`Fixtures/multiple-choice.txt`); in flat text, quick-fire lines that ask and
/// answer on one line, and `True or false:` claims over their verdict; in Markdown, a listed
/// question over a nested list, and a task in bold over the code that does it.
struct UnmarkedQuestionTests {
    static func pairs(_ guide: Guide) -> [(question: String, answer: String)] {
        guide.items.compactMap { item in
            if case .qa(let question, let answer) = item.content { (question, answer) } else { nil }
        }
    }

    @Test func aQuestionOverAListIsAnsweredByTheListAlone() throws {
        let flat = """
            Redirects
            GET /{code} answers with a redirect to the long link
            Why 301 and not 302?
            - 301 is cached by browsers: fewer requests reach us
            - 302 reaches us every time: we can count clicks
            Expired links
            What should an expired code return?
            - 410 Gone, so that crawlers drop it
            Expired rows are deleted by a nightly job.
            """
        let flatGuide = try GuideReader().read(text: flat, fileName: "redirects.txt")
        #expect(Self.pairs(flatGuide).map(\.question) == ["Why 301 and not 302?", "What should an expired code return?"])
        #expect(Self.pairs(flatGuide).first?.answer == "- 301 is cached by browsers: fewer requests reach us\n- 302 reaches us every time: we can count clicks")
        // The answer ends with its list: the sentence after it is a card of its own.
        #expect(Self.pairs(flatGuide).last?.answer == "410 Gone, so that crawlers drop it")
        #expect(flatGuide.items.contains { $0.content == .concept(title: "Expired links", text: "Expired rows are deleted by a nightly job.") })
        let markdown = """
            # Short links

            ## Redirects

            Why 301 and not 302?

            - 301 is cached by browsers: fewer requests reach us
            - 302 reaches us every time: we can count clicks

            Links expire after a year.

            ## Code generation

            - Option B: a counter
              - Each server takes a block of ids at a time
              - Shuffle the bits so codes do not run in order

            Which questions should you ask first?

            - How many links a day?
            """
        let guide = try GuideReader().read(text: markdown, fileName: "short-links.md")
        #expect(Self.pairs(guide).map(\.question) == ["Why 301 and not 302?"])
        #expect(Self.pairs(guide).first?.answer == "- 301 is cached by browsers: fewer requests reach us\n- 302 reaches us every time: we can count clicks")
        #expect(guide.items.contains { $0.content == .concept(title: "Redirects", text: "Links expire after a year.") })
        // A labelled item over a nested list titles its items.
        #expect(guide.items.contains {
            $0.content == .concept(title: "Option B: a counter",
                                   text: "- Each server takes a block of ids at a time\n- Shuffle the bits so codes do not run in order")
        })
    }

    @Test func aListedQuestionOverANestedListAndABoldTaskOverCodeAreAnswered() throws {
        let text = """
            # Joins

            ## Practice

            1. **List every customer with the total of their orders.**

               ```sql
               SELECT c.name, SUM(o.amount) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name;
               ```

            2. **Customers without orders**

               ```sql
               SELECT c.name FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;
               ```

            **Use an index on every foreign key.**

            ```sql
            CREATE INDEX ON orders (customer_id);
            ```

            ## Questions

            - When does a `LEFT JOIN` return NULLs?
              - When a row on the left has no match on the right.
              - Its right-hand columns are then NULL.
            """
        let guide = try GuideReader().read(text: text, fileName: "joins.md")
        let pairs = Self.pairs(guide)
        #expect(pairs.map(\.question) == [
            "List every customer with the total of their orders.", "Customers without orders", "When does a `LEFT JOIN` return NULLs?",
        ])
        #expect(pairs[1].answer == "SELECT c.name FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL;")
        #expect(pairs[2].answer == "- When a row on the left has no match on the right.\n- Its right-hand columns are then NULL.")
        // Advice in bold over code sets no task: it is no question.
        #expect(!pairs.contains { $0.question.hasPrefix("Use an index") })
    }

    /// Questions copied without markers or blank lines between them: each question that
    /// starts with an asking word, after an answer's last sentence, asks the next one, and an
    /// answer may open as a label does.
    @Test func aRunOfUnmarkedQuestionsIsOneCardEach() throws {
        let text = """
            15 — News Feed
            Questions
            How do you handle an account with fifty million followers?
            Skip the fan-out for accounts above a threshold and merge their posts in when a feed is read.
            How do you paginate the feed?
            Use a cursor: the id of the last post seen, so new posts do not shift the pages.
            Why not an offset?
            New posts push old ones down, so a reader sees a post twice.
            Offsets are simpler for a fixed archive, though.
            """
        let guide = try GuideReader().read(text: text, fileName: "15-news-feed.txt")
        let pairs = Self.pairs(guide)
        #expect(pairs.map(\.question) == [
            "How do you handle an account with fifty million followers?", "How do you paginate the feed?", "Why not an offset?",
        ])
        #expect(pairs.first?.answer == "Skip the fan-out for accounts above a threshold and merge their posts in when a feed is read.")
        #expect(pairs.dropFirst().first?.answer == "Use a cursor: the id of the last post seen, so new posts do not shift the pages.")
        #expect(pairs.last?.answer == "New posts push old ones down, so a reader sees a post twice.\nOffsets are simpler for a fixed archive, though.")
    }

    /// The same run with a blank line after each answer, in flat text and in Markdown as note
    /// apps that keep line breaks write it: the blank line ends the answer, and the next question
    /// asks anew. A paragraph of the answer that asks nothing stays in it.
    @Test(arguments: ["async.txt", "async.md"])
    func aRunOfQuestionsSpacedByBlankLinesIsOneCardEach(fileName: String) throws {
        let heading = fileName.hasSuffix(".md") ? ["# ", "## "] : ["", ""]
        let text = """
            \(heading[0])Async Patterns

            \(heading[1])Coroutines

            Why not call time.sleep inside a coroutine?
            It blocks the whole event loop, so no other task runs until it returns.

            Use await asyncio.sleep instead.

            What does asyncio.gather return?
            The results in the order the awaitables were passed, whatever order they finished in.

            Why is a task cancelled at an await?
            Cancellation arrives as CancelledError at the next point where the task suspends.
            """
        let guide = try GuideReader().read(text: text, fileName: fileName)
        let pairs = Self.pairs(guide)
        #expect(pairs.map(\.question) == [
            "Why not call time.sleep inside a coroutine?", "What does asyncio.gather return?", "Why is a task cancelled at an await?",
        ])
        #expect(pairs.map(\.answer) == [
            "It blocks the whole event loop, so no other task runs until it returns.\nUse await asyncio.sleep instead.",
            "The results in the order the awaitables were passed, whatever order they finished in.",
            "Cancellation arrives as CancelledError at the next point where the task suspends.",
        ])
    }

    @Test func quickFireLinesThatAskAndAnswerAreOneCardEach() throws {
        let text = """
            Replication Notes

            Quick fire
            What does a follower apply? The leader's log, in the order it was written.
            Why is asynchronous replication lossy? A leader can fail before followers receive its last writes.

            Lag
            Why does lag matter? Reads from a follower may not see a write just made. Route such reads to the leader.

            True or false: adding followers raises write throughput.
            False. Every write still goes through the one leader.
            """
        let guide = try GuideReader().read(text: text, fileName: "replication.txt")
        #expect(guide.sections.map(\.title) == ["Quick fire", "Lag"])
        let pairs = Self.pairs(guide)
        #expect(pairs.map(\.question) == [
            "What does a follower apply?", "Why is asynchronous replication lossy?",
            "True or false: adding followers raises write throughput.",
        ])
        #expect(pairs.map(\.answer) == [
            "The leader's log, in the order it was written.", "A leader can fail before followers receive its last writes.",
            "False. Every write still goes through the one leader.",
        ])
        // A line alone that asks and answers itself is prose of its section.
        #expect(guide.items(of: .concept).map(\.content) == [
            .concept(title: "Lag", text: "Why does lag matter? Reads from a follower may not see a write just made. Route such reads to the leader."),
        ])
    }

    @Test func aLineThatAsksOverAnAnswerLabelIsTheQuestion() throws {
        let guide = try TestFiles.fixture("unmarked-questions.txt")
        let pairs = Self.pairs(guide)
        #expect(pairs.map(\.question) == ["What is the difference between RDB and AOF?", "Why use both?"])
        // The second question ends the first answer; it is not part of it.
        #expect(pairs.map(\.answer) == [
            "RDB takes point-in-time snapshots; AOF logs every write and replays it on restart.",
            "Snapshots restart fast, and the log loses at most a second of writes.",
        ])
        #expect(guide.items.first { "\($0.content)".contains("Why use both?") }?.lines == 7...9)
        // Prose that asks nothing before an answer label is left as it was.
        let plain = try GuideReader().read(text: "Notes\nRedis\nRedis keeps data in memory.\nAnswer: yes\n", fileName: "plain.txt")
        #expect(Self.pairs(plain).isEmpty)
    }

    @Test func aListItemThatAsksOverItsIndentedAnswerIsAQuestion() throws {
        let guide = try TestFiles.fixture("list-questions.md")
        let pairs = Self.pairs(guide).filter { $0.question.hasPrefix("What is") }
        #expect(pairs.map(\.question) == ["What is a cache stampede?", "What is write-through caching?"])
        #expect(pairs.first?.answer == "Many requests miss the same key at once and all hit the database.\nFix it with a lock per key or by refreshing early.")
        // A list of questions with nothing under them stays a list.
        let list = try GuideReader().read(text: "# Notes\n\n## Ask them\n\n- What is the team size?\n- How do you deploy?\n", fileName: "list.md")
        #expect(Self.pairs(list).isEmpty)
    }

    /// Coding-interview notes (`Fixtures/coding-patterns.txt`): `Approach:` and `Complexity:`
    /// lines speak of the section's problem, and a label after a claim starts a card of its own.
    @Test func aLabelAfterAClaimIsACardOfItsOwn() throws {
        let guide = try TestFiles.fixture("coding-patterns.txt")
        #expect(guide.items.contains { $0.content == .concept(title: "Complexity", text: "O(n) time, O(n) space.") })
        #expect(guide.items.contains { $0.content == .concept(title: "Approach", text: "One pass with a dict from value to index.") })
        #expect(ItemExtractor.definesAfterSentence("Complexity: O(n) time.", after: "two_sum([2, 7], 9) → [0, 1]"))
        #expect(!ItemExtractor.definesAfterSentence("Complexity: O(n) time.", after: "two_sum([2, 7], 9) returns"))
    }

    @Test func optionsAskWithTheQuestionAndTheMarkedAnswerAnswers() throws {
        let pairs = Self.pairs(try TestFiles.fixture("multiple-choice.txt"))
        #expect(pairs.count == 3)
        guard pairs.count == 3 else { return }
        #expect(pairs[0].question == "Which isolation level prevents phantom reads?\na) Read committed\nb) Repeatable read\nc) Serializable")
        #expect(pairs[0].answer.hasPrefix("c) Serializable. Only serializable execution"))
        #expect(pairs[1].question.hasSuffix("\nC. That indexes stay balanced"))
        #expect(pairs[1].answer.hasPrefix("B. The log reaches disk"))
        #expect(pairs[2].question.hasSuffix("\n(b) Range scans"))
        #expect(Substring("(b) Range scans").optionText == "Range scans")
        #expect(Substring("B. Durability").optionText == "Durability")
        #expect(Substring("(B. Durability").optionText == nil)
        #expect(Substring("z) not an option").optionText == nil)
        // Lines under a question with no answer marker after them are its answer, as before.
        let listed = Self.pairs(try GuideReader().read(
            text: "Notes\nIndexes\nQ: Which indexes does Postgres offer?\na) B-tree\nb) Hash\n", fileName: "listed.txt"))
        #expect(listed.map(\.answer) == ["a) B-tree\nb) Hash"])
    }

    @Test func aListItemsAnswerEndsWithTheItem() throws {
        let guide = try TestFiles.fixture("list-question-ends.md")
        let pairs = Self.pairs(guide)
        #expect(pairs.map(\.question) == [
            "What does the CAP theorem say?", "What is eventual consistency?", "How do vector clocks detect conflicts?",
        ])
        #expect(pairs.count == 3)
        guard pairs.count == 3 else { return }
        // The note and the bold terms after a blank line at the margin are not the answer's.
        #expect(pairs[1].answer == "Replicas converge once writes stop arriving; reads in between may be stale.")
        #expect(UnderlinedHeadingTests.terms(guide) == ["Sharding", "Replication factor"])
        // `Q.` over `A.`: the letter marks the answer.
        #expect(pairs[2].answer.hasPrefix("Each replica counts its own updates"))
    }

    @Test func aProblemPosedIsAQuestionThatWhatFollowsAnswers() throws {
        let guide = try TestFiles.fixture("posed-problems.md")
        let pairs = Self.pairs(guide)
        #expect(pairs.count == 3)
        guard pairs.count == 3 else { return }
        // The hint is skipped; the revealed solution, its code included, answers.
        #expect(pairs[0].question.hasPrefix("A product page shows an old price"))
        #expect(pairs[0].answer.hasPrefix("Delete the cache entry"))
        #expect(pairs[0].answer.contains("cache.delete"))
        #expect(!pairs[0].answer.contains("who knows"))
        // A scenario over a `Question:` sets the question up, its list included.
        #expect(pairs[1].question.hasPrefix("Two services update the same user profile:\n1. The billing service"))
        #expect(pairs[1].question.hasSuffix("and how to prevent it."))
        #expect(pairs[1].answer.hasPrefix("Each service reads the whole profile"))
        // A quoted prompt is asked without its quotes; the subsection that announces the
        // solution answers it, and the next subsection is a section of its own.
        #expect(pairs[2].question == "After a deploy the cache is empty and the database is overloaded. What do you do?")
        #expect(pairs[2].answer == "Load the most requested keys from the previous day's access log before the new servers take traffic.")
        let why = try #require(guide.items.first { "\($0.content)".contains("a few thousand entries absorb most reads") })
        #expect(why.section == ["Problem 3: Warming a Cold Cache", "Why it works"])
        // The next section is its own again, and the `<article>` tags are no text.
        #expect(UnderlinedHeadingTests.terms(guide) == ["Cache warming"])
        #expect(!guide.items.contains { "\($0.content)".contains("<article") })
        #expect(guide.sections.map(\.title).last == "Key terms")
        #expect(ItemExtractor.headsAnswer("✅ Solution: warm it first"))
        #expect(!ItemExtractor.headsAnswer("Solutions architecture"))
    }

    @Test func anAnswerLabelAnswersAProblemPosedAndItsSetupAsks() throws {
        let text = """
            # Isolation

            ## Anomalies

            **Interview question:** Which anomaly does repeatable read still allow?

            In the SQL standard, not in Postgres.

            **Answer:** Phantom reads: a range query run twice sees new rows.

            #### Q: What is write skew?
            Two transactions read the same rows, and each writes a different one.
            """
        let pairs = Self.pairs(try GuideReader().read(text: text, fileName: "isolation.md"))
        #expect(pairs.map(\.question) == ["Which anomaly does repeatable read still allow?\nIn the SQL standard, not in Postgres.", "What is write skew?"])
        #expect(pairs.first?.answer == "Phantom reads: a range query run twice sees new rows.")
    }

    /// The code items of `guide`, each with its caption.
    static func captionedCode(_ guide: Guide) -> [(code: String, caption: String?)] {
        guide.items.compactMap { item in
            if case .code(_, let code, let caption) = item.content { (code, caption) } else { nil }
        }
    }

    /// A question that is a paragraph of its own, blank lines around it, over its answer's
    /// paragraph: in both formats it asks and the paragraph answers. Over code it asks about the
    /// code, as a question right over it does, and ends the answer open before it.
    @Test func aQuestionParagraphIsAnsweredByTheParagraphOrCodeAfterIt() throws {
        let flat = """
            Futures

            Waiting

            How does wait work?

            It blocks until every future given to it is done.

            What is a future?

            A handle on a result that is not ready yet.

            How do you reverse a list in place?

            items.reverse()
            """
        let markdown = """
            # Futures

            ## Waiting

            How does wait work?

            It blocks until every future given to it is done.

            What is a future?

            A handle on a result that is not ready yet.

            How do you reverse a list in place?

            ```python
            items.reverse()
            ```
            """
        for guide in [try GuideReader().read(text: flat, fileName: "futures.txt"), try GuideReader().read(text: markdown, fileName: "futures.md")] {
            #expect(Self.pairs(guide).map(\.question) == ["How does wait work?", "What is a future?"])
            #expect(Self.pairs(guide).map(\.answer) == ["It blocks until every future given to it is done.", "A handle on a result that is not ready yet."])
            #expect(Self.captionedCode(guide).map(\.caption) == ["How do you reverse a list in place?"])
            #expect(!guide.items.contains { if case .concept = $0.content { true } else { false } })
        }
        // First in its section, a question over code after a blank line captions it too; a
        // longer sentence after a blank line is no question of the code.
        let first = try GuideReader().read(text: "# Floats\n\n## Equality\n\nWhat does this print?\n\n```python\nprint(0.1 + 0.2 == 0.3)\n```\n", fileName: "floats.md")
        #expect(Self.captionedCode(first).map(\.caption) == ["What does this print?"])
        let prose = try GuideReader().read(text: "# Floats\n\n## Equality\n\nFloats are rounded to the nearest binary fraction, so sums drift.\n\n```python\nprint(0.1 + 0.2)\n```\n", fileName: "floats.md")
        #expect(Self.captionedCode(prose).map(\.caption) == [nil])
        // In Markdown the answer may be set off as a quote.
        let quoted = try GuideReader().read(text: "# Kafka\n\n## Groups\n\nWhat is a consumer group?\n\n> Consumers that share a topic's partitions.\n", fileName: "kafka.md")
        #expect(Self.pairs(quoted).map(\.answer) == ["Consumers that share a topic's partitions."])
    }

    /// A task set on a line of its own without a question mark (`Explain how …`, `Describe …`,
    /// `Compare …`) asks as a question does, in both formats, and over code it names what the
    /// code does. `Explain plans show …` is a sentence about SQL's `EXPLAIN`, and a task's line
    /// that wraps onto a lower-case line is prose.
    @Test func aTaskOnALineOfItsOwnAsksAsAQuestionDoes() throws {
        let flat = """
            SQL Prep

            1. Indexes

            Explain how a B-tree index speeds up a range query.
            The tree is sorted, so the engine descends to the first key and scans the leaves.

            Compare clustered and non-clustered indexes.
            A clustered index orders the table itself; a non-clustered one points at its rows.

            2. Plans

            Explain plans show which index the planner chose.
            They list each step with its cost.

            Define a helper that checks the plan the same way
            the planner would.

            Define a unique constraint on email.
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
            """
        let markdown = """
            # SQL Prep

            ## Indexes

            Explain how a B-tree index speeds up a range query.

            The tree is sorted, so the engine descends to the first key and scans the leaves.

            Compare clustered and non-clustered indexes.

            A clustered index orders the table itself; a non-clustered one points at its rows.

            ## Plans

            Explain plans show which index the planner chose.
            They list each step with its cost.

            Define a helper that checks the plan the same way
            the planner would.
            """
        let expected = [
            ("Explain how a B-tree index speeds up a range query.", "The tree is sorted, so the engine descends to the first key and scans the leaves."),
            ("Compare clustered and non-clustered indexes.", "A clustered index orders the table itself; a non-clustered one points at its rows."),
        ]
        for guide in [try GuideReader().read(text: flat, fileName: "sql.txt"), try GuideReader().read(text: markdown, fileName: "sql.md")] {
            #expect(Self.pairs(guide).map(\.question) == expected.map(\.0))
            #expect(Self.pairs(guide).map(\.answer) == expected.map(\.1))
            let concepts = guide.items.compactMap { item -> String? in if case .concept(_, let text) = item.content { text } else { nil } }
            #expect(concepts.contains { $0.hasPrefix("Explain plans show") })
            #expect(concepts.contains { $0.hasPrefix("Define a helper that checks the plan") })
        }
        let code = Self.captionedCode(try GuideReader().read(text: flat, fileName: "sql.txt"))
        #expect(code.map(\.caption) == ["Define a unique constraint on email."])
        // A task over a list, past a blank line: the list does it.
        let listed = "Describe exactly-once delivery in Kafka.\n\n1. The producer is idempotent: retries do not duplicate.\n2. Transactions commit offsets and outputs together.\n"
        for guide in [try GuideReader().read(text: "Kafka\n\nDelivery\n\n" + listed, fileName: "kafka.txt"),
                      try GuideReader().read(text: "# Kafka\n\n## Delivery\n\n" + listed, fileName: "kafka.md")] {
            #expect(Self.pairs(guide).map(\.question) == ["Describe exactly-once delivery in Kafka."])
            #expect(Self.pairs(guide).first?.answer.hasPrefix("1. The producer is idempotent") == true)
            #expect(Self.pairs(guide).first?.answer.hasSuffix("outputs together.") == true)
        }
        let quotedWrap = try GuideReader().read(text: "# Plans\n\n## Checks\n\nDefine a helper that checks the plan the same way\n\n> the planner would.\n", fileName: "plans.md")
        #expect(Self.pairs(quotedWrap).isEmpty)
        #expect(FlatTextSegmenter.isPrompt("Describe a covering index"))
        #expect(!FlatTextSegmenter.isPrompt("Explain plans show the chosen path."))
        #expect(!FlatTextSegmenter.isPrompt("Define the pool size as follows:"))
        #expect(!FlatTextSegmenter.isPrompt("Defined once, reused everywhere."))
    }

    @Test func aHeadingThatSetsATaskAsksWhereItEndsAsASentenceOrBesideQuestions() throws {
        let text = """
            # Databases

            ## Transactions

            ### What does ACID stand for?

            Atomicity, consistency, isolation, durability.

            ### Explain MVCC

            Each write makes a new version of the row; a reader sees the versions committed before it began.

            ## Replication

            ### Describe how a follower catches up.

            It asks the leader for the log from its last offset.

            ## Setup

            ### 1. Create the table

            Run the migration.

            ### 2. Define the index

            Add it on the customer column.
            """
        let guide = try GuideReader().read(text: text, fileName: "databases.md")
        #expect(Self.pairs(guide).map(\.question) == ["What does ACID stand for?", "Explain MVCC", "Describe how a follower catches up."])
        #expect(Self.pairs(guide).map(\.answer)[1] == "Each write makes a new version of the row; a reader sees the versions committed before it began.")
        // Steps of a procedure set no task: they head sections.
        #expect(guide.sections.first { $0.title == "Setup" }?.children.map(\.title) == ["1. Create the table", "2. Define the index"])
    }

    /// A list item that asks, over its answer written on the next line without an indent (a lazy
    /// continuation of the item's paragraph): the line answers it, as an indented one does. An
    /// item that asks over another item, or over a line that asks, is no card of its own.
    @Test func aListedQuestionIsAnsweredByTheLineRightUnderIt() throws {
        let text = """
            # Networking

            ## Questions

            1. What is a CDN?
            A network of edge servers that caches content near users.

            2. What does TLS termination at the load balancer save?
            The servers skip the handshake and the encryption work.

            ## Practice

            - Which port does HTTPS use?
            - Which port does DNS use?
            """
        let guide = try GuideReader().read(text: text, fileName: "networking.md")
        #expect(Self.pairs(guide).map(\.question) == ["What is a CDN?", "What does TLS termination at the load balancer save?"])
        // A note app's toggle list (`▸`, `▶`): its items are list items, and in a loose list the
        // answer is the item's indented paragraph after a blank line.
        let toggles = """
            # Caching

            ## Toggles

            ▸ Why add jitter to TTLs?
                So that keys written together do not expire at once.

            ▶ What is a write-behind cache?

                Writes go to the cache first and reach the store later.
            """
        #expect(Self.pairs(try GuideReader().read(text: toggles, fileName: "toggles.md")).map(\.answer) == [
            "So that keys written together do not expire at once.", "Writes go to the cache first and reach the store later.",
        ])
        // In flat text a bulleted question that opens a paragraph is answered by the line right
        // under it; a list of questions stays a list.
        let flatToggles = "Caching\n\nToggles\n\n▸ Why add jitter to TTLs?\nSo that keys written together do not expire at once.\n\n"
            + "Practice\n- Which port does HTTPS use?\n- Which port does DNS use?\n"
        let flatGuide = try GuideReader().read(text: flatToggles, fileName: "toggles.txt")
        #expect(Self.pairs(flatGuide).map(\.question) == ["Why add jitter to TTLs?"])
        #expect(Self.pairs(flatGuide).map(\.answer) == ["So that keys written together do not expire at once."])
        #expect(Self.pairs(guide).map(\.answer) == [
            "A network of edge servers that caches content near users.", "The servers skip the handshake and the encryption work.",
        ])
    }
}
