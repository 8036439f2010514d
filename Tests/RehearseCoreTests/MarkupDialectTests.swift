import Foundation
import Testing

@testable import RehearseCore

/// Notes written in the markup of the tools they came from: a note app's call-outs, wiki links,
/// highlights, tags and flashcards (`Fixtures/note-app.md`); a Sphinx page's underlines and
/// directives in flat text (`Fixtures/restructured.txt`); IPython's numbered prompts, flat
/// (`Fixtures/ipython-session.txt`) and fenced; a word processor's lists exported flat
/// (`Fixtures/exported-lists.txt`); HTML tables, definition lists and line breaks in Markdown; and follow-up
/// questions and dashes typed as two hyphens in flat text.
struct MarkupDialectTests {
    @Test func aNoteAppsCalloutsAskAndLabelWhatTheyHold() throws {
        let guide = try TestFiles.fixture("note-app.md")
        #expect(guide.title == "Message Queues")
        #expect(guide.questions.first == "Why is exactly-once delivery hard?")
        let qa = try #require(guide.items(of: .qa).first)
        guard case .qa(_, let answer) = qa.content else { Issue.record("not a question"); return }
        #expect(answer == "A consumer can crash after acting on a message and before acknowledging it, so the broker sends it again.")
        // A titled box labels its first line; its type (`[!tip]`) is no text.
        #expect(guide.items(of: .definition).filter { $0.section != ["Review"] }.map(\.content) == [
            .definition(term: "Delivery", definition: "A broker keeps a message until a consumer acknowledges it.", context: nil),
            .definition(term: "Idempotent consumers", definition: "Make handling a message twice harmless: record the message id with the change it made.", context: nil),
        ])
        #expect(!guide.items.contains { item in item.said.contains("[!") })
    }

    @Test func aSessionPastedIntoMarkdownWithoutAFenceIsASessionNotAQuote() throws {
        let guide = try GuideReader().read(text: """
            # Practice

            ## Anagrams

            ```python
            def key(word):
                return "".join(sorted(word))
            ```

            >>> key("tea")
            'aet'

            > A quote stays a quote, whatever stands above it.
            """, fileName: "practice.md")
        #expect(guide.codeBlocks.map(\.language) == ["python", PythonSession.language])
        #expect(guide.items.contains { $0.content == .claim(expr: "key(\"tea\")", expected: "'aet'", setup: "def key(word):\n    return \"\".join(sorted(word))") })
        #expect(guide.items.last?.content == .concept(title: "Anagrams", text: "A quote stays a quote, whatever stands above it."))
    }

    /// A heading level skipped (`##` then `####`, as notes written for a size of type do)
    /// nests the headings under it once: the `####` headings are siblings.
    @Test func headingsBelowASkippedLevelAreSiblings() throws {
        let guide = try GuideReader().read(text: """
            # Postgres

            ## Indexes

            #### B-tree
            The default index, for equality and ranges.

            #### GIN
            Inverted, for arrays and jsonb.

            ### Choosing
            Match the index to the operator.

            ## Pooling
            One process per connection.
            """, fileName: "postgres.md")
        #expect(guide.sections.map(\.title) == ["Indexes", "Pooling"])
        #expect(guide.sections.first?.children.map(\.title) == ["B-tree", "GIN", "Choosing"])
        #expect(guide.items.map(\.section) == [["Indexes", "B-tree"], ["Indexes", "GIN"], ["Indexes", "Choosing"], ["Pooling"]])
    }

    @Test func aThematicBreakEndsAnAnswerAndIsNoContent() throws {
        let guide = try GuideReader().read(text: """
            # Caching

            ## Basics

            **Q: What is caching?**

            Storing copies of data in a faster layer.

            * * *

            Eviction drops the least useful key.

            ---

            ## Eviction
            """, fileName: "caching.md")
        #expect(guide.items.map(\.content) == [
            .qa(question: "What is caching?", answer: "Storing copies of data in a faster layer."),
            .concept(title: "Basics", text: "Eviction drops the least useful key."),
        ])
        #expect(MarkdownSegmenter.isThematicBreak("___"))
        #expect(!MarkdownSegmenter.isThematicBreak("- - item"))
    }

    @Test func wikiLinksHighlightsTagsAndEmbedsLeaveTheirText() throws {
        let guide = try TestFiles.fixture("note-app.md")
        let concepts = guide.items(of: .concept).map(\.content)
        #expect(concepts == [.concept(title: "Guarantees", text: "A dead-letter queue holds messages that failed too often; see Retries.")])
        // The rows of links and tags, and the embedded diagram, are no items.
        #expect(!guide.items.contains { $0.said.contains("Kafka") || $0.said.contains("#interview") || $0.said.contains("png") })
        #expect(MarkdownSegmenter.plainInline("[[Back pressure|pressure]] and [[#Retries]]") == "pressure and Retries")
        #expect(MarkdownSegmenter.plainInline("`a == b` and x == y, ==marked== too") == "`a == b` and x == y, marked too")
        #expect(MarkdownSegmenter.isLinkRow("See also: [B-trees](btree.md)", underNavigationHeading: false))
        #expect(MarkdownSegmenter.isLinkRow("#interview #caching", underNavigationHeading: false))
        #expect(!MarkdownSegmenter.isLinkRow("Paper: [Dynamo](https://example.com/dynamo.pdf)", underNavigationHeading: false))
        #expect(!MarkdownSegmenter.isLinkRow("#1 priority is latency", underNavigationHeading: false))
    }

    /// Under a heading that links the note to others (`## Related`), a list item of links is no
    /// text; elsewhere a list item that holds a link is kept (here a resource). A question in a
    /// paragraph of its own may be answered by a line that opens as a label does.
    @Test func aRelatedSectionsLinksAreNoCards() throws {
        let guide = try GuideReader().read(text: """
            # Rate Limiting

            ## Algorithms

            Which one would you choose for a public API?
            Token bucket: it is cheap, and clients expect short bursts to pass.

            ## Reading

            - [Token bucket](https://example.com/bucket) in depth

            ## Related
            - [[Caching]]
            - [[Consistent Hashing]] · [[Queues]]
            """, fileName: "limits.md")
        #expect(guide.items.map(\.content) == [
            .qa(question: "Which one would you choose for a public API?", answer: "Token bucket: it is cheap, and clients expect short bursts to pass."),
            .resource(title: "Token bucket", url: "https://example.com/bucket", description: "in depth"),
        ])
        #expect(MarkdownSegmenter.isLinkRow("- [[Caching]]", underNavigationHeading: true))
        #expect(!MarkdownSegmenter.isLinkRow("- [[Caching]]", underNavigationHeading: false))
        #expect(!MarkdownSegmenter.isLinkRow("- [[Caching]] keeps hot rows close", underNavigationHeading: true))
    }

    @Test func aNoteAppsFlashcardsAskWhatTheyAsk() throws {
        let guide = try TestFiles.fixture("note-app.md")
        let review = guide.items.filter { $0.section == ["Review"] }.map(\.content)
        #expect(review == [
            .qa(question: "What does a dead-letter queue hold?", answer: "Messages that failed too often."),
            .definition(term: "Visibility timeout", definition: "how long a received message stays hidden from other consumers.", context: nil),
            .qa(question: "What is back pressure?", answer: "A consumer telling producers to slow down,\nso that queues stop growing."),
        ])
        #expect(NoteAppCards.inlineCard("| a::b | scope |") == nil)
        #expect(NoteAppCards.inlineCard("Use std::vector for arrays") == nil)
    }

    @Test func anHTMLTableIsATable() throws {
        let text = """
            # Chat

            ## Choices

            <table>
            <tr><th>Store</th><th>Why</th></tr>
            <tr><td><b>Cassandra</b></td><td>write-heavy, one partition per conversation</td></tr>
            <tr>
              <td>Redis</td>
              <td>presence: who is online | TTL keys</td>
            </tr>
            </table>

            *Related:* [Notifications](notifications.md)
            """
        let guide = try GuideReader().read(text: text, fileName: "chat.md")
        #expect(guide.items.map(\.content) == [
            .table(header: ["Store", "Why"], rows: [["Cassandra", "write-heavy, one partition per conversation"], ["Redis", "presence: who is online | TTL keys"]]),
        ])
        // A table left open is text.
        let open = try GuideReader().read(text: "# Chat\n\n<table>\n<tr><td>Redis</td></tr>\n", fileName: "open.md")
        #expect(open.items(of: .table).isEmpty)
    }

    @Test func anHTMLDefinitionListDefinesItsTerms() throws {
        let text = """
            # Indexes

            ## Kinds

            <dl>
              <dt>Covering index</dt>
              <dd>Holds every column a query reads, so the table itself is not visited.</dd>
              <dt><code>BRIN</code></dt>
              <dd>Keeps the range of values of each block of pages.</dd>
              <dd>Small, and good for columns that grow with time.</dd>
            </dl>
            """
        let guide = try GuideReader().read(text: text, fileName: "indexes.md")
        #expect(guide.items.map(\.content) == [
            .definition(term: "Covering index", definition: "Holds every column a query reads, so the table itself is not visited.", context: nil),
            .definition(term: "BRIN", definition: "Keeps the range of values of each block of pages. Small, and good for columns that grow with time.", context: nil),
        ])
        // A list left open is text.
        let open = try GuideReader().read(text: "# Indexes\n\n<dl>\n<dt>BRIN</dt>\n", fileName: "open.md")
        #expect(open.items(of: .definition).isEmpty)
    }

    @Test func aQuestionOverABreakOnOneLineIsACardAndAListedQuestionLosesItsMarkers() throws {
        let text = """
            # Streams

            1. What is an offset?<br>**Answer:** A consumer's position in a partition.
            2. Why commit offsets after processing? <br/> A crash before the commit replays the message instead of losing it.

            - **Q: What is a rebalance?**
              **A:** The group hands partitions out again when a member joins or leaves.
            """
        let guide = try GuideReader().read(text: text, fileName: "streams.md")
        #expect(guide.items.map(\.content) == [
            .qa(question: "What is an offset?", answer: "A consumer's position in a partition."),
            .qa(question: "Why commit offsets after processing?", answer: "A crash before the commit replays the message instead of losing it."),
            .qa(question: "What is a rebalance?", answer: "The group hands partitions out again when a member joins or leaves."),
        ])
        // A break that does not follow a question is only a break.
        #expect(MarkdownSegmenter.questionOverBreak("Fast reads<br>slow writes") == nil)
    }

    @Test func aBoldQuestionWithItsAnswerOnTheLineIsACardOutsideARevealedAnswer() throws {
        let text = """
            # Replication

            **Why does a follower lag?** It applies the leader's log after the leader commits,
            so a read from it may miss the newest writes.

            - **What is an in-sync replica?** A follower close enough to the leader to take over.
            1. **Q: When is a write durable?** A: Once a quorum of replicas has it on disk.
            2. **Where does a change come from?** (the write-ahead log)

            **Scenario:** Failover loses acknowledged writes. Why?

            <details>
            <summary>Solution</summary>

            1. **Was replication asynchronous?** Then the old leader acknowledged before any follower had the write.
            </details>
            """
        let guide = try GuideReader().read(text: text, fileName: "replication.md")
        let cards = guide.items.compactMap { item -> String? in
            if case .qa(let question, let answer) = item.content { return question + " | " + answer }
            return nil
        }
        #expect(cards.prefix(3) == [
            "Why does a follower lag? | It applies the leader's log after the leader commits,\nso a read from it may miss the newest writes.",
            "What is an in-sync replica? | A follower close enough to the leader to take over.",
            "When is a write durable? | Once a quorum of replicas has it on disk.",
        ])
        // A gloss in brackets is no answer, and a bold question inside what a <details>
        // reveals belongs to the answer to the scenario above it.
        #expect(!cards.contains { $0.hasPrefix("Where does a change come from?") })
        #expect(!cards.contains { $0.hasPrefix("Was replication asynchronous?") })
        #expect(cards.contains { $0.hasPrefix("Failover loses acknowledged writes.") && $0.contains("Was replication asynchronous?") })
    }

    @Test func anAnswerThatIsOneNestedBulletIsThatBulletsText() throws {
        let text = """
            # Caching

            ## Eviction

            - Why does a scan hurt LRU?
                - Every key it reads becomes the most recent one, so the hot keys go.
            - What does LFU keep?
                - The keys read most often.
                - Counted over a window, so old popularity fades.
            """
        let guide = try GuideReader().read(text: text, fileName: "caching.md")
        #expect(guide.items.map(\.content) == [
            .qa(question: "Why does a scan hurt LRU?", answer: "Every key it reads becomes the most recent one, so the hot keys go."),
            .qa(question: "What does LFU keep?", answer: "- The keys read most often.\n- Counted over a window, so old popularity fades."),
        ])
    }

    @Test func aChainOfArrowsOverAConnectorIsADiagramAndHyphenedLettersAskAndAnswer() throws {
        let text = """
            Chat service notes

            Requirements
            - 1:1 and group chats
            - read:write is 100:1

            Flow
            Phone -> Gateway -> Chat service -> Log
                                     |
                                     v
                                Presence store

            Q - Why keep a connection open?
            A - The server can push each message the moment it arrives.
            """
        let guide = try GuideReader().read(text: text, fileName: "chat.txt")
        // A ratio is no label: the requirements stay a list.
        #expect(guide.items(of: .definition).isEmpty)
        let diagram = try #require(guide.items.first { if case .code = $0.content { true } else { false } })
        #expect(diagram.content == .code(language: "text", code: """
            Phone -> Gateway -> Chat service -> Log
            \(String(repeating: " ", count: 25))|
            \(String(repeating: " ", count: 25))v
            \(String(repeating: " ", count: 20))Presence store
            """, caption: nil))
        #expect(guide.items.last?.content == .qa(question: "Why keep a connection open?", answer: "The server can push each message the moment it arrives."))
    }

    @Test func lectureNotesAbbreviationsLabelNoTerms() throws {
        let text = """
            Week 5 - Locking

            Def: Two-phase locking takes every lock before it releases any.
            Ex: T1 locks A and B, then unlocks A.

            Deadlocks
            Def: Each transaction waits for a lock another one holds.
            E.g.: T1 holds A and wants B while T2 holds B and wants A.
            """
        let guide = try GuideReader().read(text: text, fileName: "week5.txt")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Week 5 - Locking", text: "Two-phase locking takes every lock before it releases any."),
            .concept(title: "Ex", text: "T1 locks A and B, then unlocks A."),
            .definition(term: "Deadlocks", definition: "Each transaction waits for a lock another one holds.", context: nil),
            .concept(title: "E.g.", text: "T1 holds A and wants B while T2 holds B and wants A."),
        ])
    }

    @Test func theInlineAnswersFixtureAsksEachBoldQuestionOutsideTheRevealedSolution() throws {
        let guide = try TestFiles.fixture("inline-answers.md")
        let questions = guide.items.compactMap { item -> String? in
            if case .qa(let question, _) = item.content { return question }
            return nil
        }
        #expect(questions == [
            "What does at-least-once delivery promise?", "Why commit an offset only after processing?", "What is a poison message?",
            "When does a dead-letter queue help?", "Why is ordering per partition only?",
            "A consumer group rebalances every few minutes. What do you check?",
        ])
        #expect(guide.warnings.isEmpty)
    }

    @Test func theLectureNotesFixtureKeepsItsDiagramAndItsQuestions() throws {
        let guide = try TestFiles.fixture("lecture-notes.txt")
        #expect(guide.title == "Week 7 - Replication and chat design")
        #expect(guide.items(of: .definition).map(\.content) == [
            .definition(term: "Leader election", definition: "Choosing the one node that accepts writes for a term.", context: nil),
        ])
        let diagram = try #require(guide.items.first { if case .code = $0.content { true } else { false } })
        #expect(diagram.lines == 20...23)
        #expect(guide.items.filter { if case .qa = $0.content { true } else { false } }.count == 2)
    }

    @Test func aTableWhoseHeaderNamesItsQuestionAndAnswerColumnsIsADeck() throws {
        let text = """
            # Views

            | # | Question | Answer | Level |
            |---|---|---|---|
            | 1 | What is a view? | A stored query read like a table. | easy |
            | 2 | When is a view materialized? | When its rows are stored and refreshed on demand. | medium |

            | Engine | A | B |
            |---|---|---|
            | Postgres | yes | no |
            """
        let guide = try GuideReader().read(text: text, fileName: "views.md")
        #expect(guide.items.map(\.content).prefix(2) == [
            .qa(question: "What is a view?", answer: "A stored query read like a table."),
            .qa(question: "When is a view materialized?", answer: "When its rows are stored and refreshed on demand."),
        ])
        // A header with an answer-like column but no question column stays a table.
        #expect(guide.items.count == 3)
        #expect(guide.items.last.map { if case .table = $0.content { true } else { false } } == true)
    }

    @Test func aTableWhoseHeaderNamesATermAndItsMeaningIsAGlossary() throws {
        let text = """
            # Databases

            ## Query planning

            | Concept | Explanation |
            |---|---|
            | Selectivity | The share of rows a predicate keeps. |
            | Cardinality | How many rows the planner expects at a step. |

            | Name | Type |
            |---|---|
            | id | bigint |
            """
        let guide = try GuideReader().read(text: text, fileName: "planning.md")
        #expect(guide.items.map(\.content).prefix(2) == [
            .definition(term: "Selectivity", definition: "The share of rows a predicate keeps.", context: "Query planning"),
            .definition(term: "Cardinality", definition: "How many rows the planner expects at a step.", context: "Query planning"),
        ])
        // A header that names no meaning column stays a table.
        #expect(guide.items.count == 3)
        #expect(guide.items.last.map { if case .table = $0.content { true } else { false } } == true)
    }

    @Test func aCheatSheetsArrowsDefineItsTerms() throws {
        let text = """
            Postgres cheat sheet

            Storage
            heap => the table's pages of row versions, in no order
            toast => where values over about two kilobytes are kept
            """
        let guide = try GuideReader().read(text: text, fileName: "cheat.txt")
        #expect(guide.items.map(\.content) == [
            .definition(term: "heap", definition: "the table's pages of row versions, in no order", context: "Storage"),
            .definition(term: "toast", definition: "where values over about two kilobytes are kept", context: "Storage"),
        ])
    }

    @Test func onlyArrowsCountAsArrowsOfADiagram() {
        func end(_ lines: [Substring]) -> Int? { DiagramText.end(from: 0, count: lines.count, text: { lines[$0] }) }
        // `→` (E2 86 92) and `←` (E2 86 90) are arrows; `Đ` (C4 90) and `Ò` (C3 92) share a last byte with them and are not.
        #expect(end(["Phone → Gateway ← Log", "|", "v", "Store"]) == 4)
        #expect(end(["Đuro Đaković", "|", "v", "Store"]) == nil)
        #expect(end(["Òscar Òdena", "|", "v", "Store"]) == nil)
    }

    @Test func aGuideWithATitleButNoSectionsIsWarnedOfTheSectionsItLacks() throws {
        let titled = try GuideReader().read(text: "# Vacuum\n\nQ: What does VACUUM reclaim?\nA: Space held by dead tuples.\n", fileName: "vacuum.md")
        #expect(titled.warnings.map(\.message) == ["no section headings under the title; every item is filed under the guide itself"])
        let untitled = try GuideReader().read(text: "Q: What does VACUUM reclaim?\nA: Space held by dead tuples.\n", fileName: "vacuum.md")
        #expect(untitled.warnings.map(\.message) == ["no headings found; every item is filed under the guide itself"])
    }

    @Test func aLabelThatNamesAQuestionAsksAndProsAndConsAreNoTerms() throws {
        let text = """
            Short links

            Key question: how are codes made unique without coordination?
            Each server takes a block of counter values and encodes them in base 62.

            Trade-offs
            Pro: codes never collide.
            Con: codes can be guessed in order.
            """
        let guide = try GuideReader().read(text: text, fileName: "links.txt")
        #expect(guide.items.first?.content == .qa(question: "how are codes made unique without coordination?",
                                                  answer: "Each server takes a block of counter values and encodes them in base 62."))
        #expect(guide.items(of: .definition).isEmpty)
    }

    @Test func aFollowUpIsAQuestionOfItsOwnAndTwoHyphensAreADash() throws {
        let text = """
            Transactions

            Q1) What does MVCC give readers?
            Ans: A snapshot of their own, so that they never wait for writers.

            Follow-up: what removes the row versions nobody can see?
            Vacuum, which runs in the background.

            Isolation levels
            * Read committed -- each statement sees what was committed before it began.
            * Serializable -- the outcome matches some order of the transactions run one at a time.
            """
        let guide = try GuideReader().read(text: text, fileName: "transactions.txt")
        #expect(guide.items(of: .qa).map(\.content) == [
            .qa(question: "What does MVCC give readers?", answer: "A snapshot of their own, so that they never wait for writers."),
            .qa(question: "what removes the row versions nobody can see?", answer: "Vacuum, which runs in the background."),
        ])
        #expect(guide.items(of: .definition).map(\.content) == [
            .definition(term: "Read committed", definition: "each statement sees what was committed before it began.", context: "Isolation levels"),
            .definition(term: "Serializable", definition: "the outcome matches some order of the transactions run one at a time.", context: "Isolation levels"),
        ])
        let interviewer = Substring("Interviewer follow-up: What if the cache is down?")
        #expect(interviewer.startsQuestion && interviewer.questionText == "What if the cache is down?")
        // The label is dropped by its characters: a curly apostrophe takes three bytes.
        #expect(Substring("Interviewer’s follow-up: What if the cache is down?").questionText == "What if the cache is down?")
        // A follow-up that asks nothing is a note, and so is a line that only starts like one.
        #expect(!Substring("Follow-up: send the notes to the recruiter").startsQuestion)
        #expect(!Substring("Followers: who replicates what?").startsQuestion)
    }

    @Test func emojiMarkQuestionsAndAnswersInEitherFormat() throws {
        let body = """
            ❓ Which anomaly does snapshot isolation still allow?
            ✅ Write skew: two transactions each write a row the other read.

            🤔 Why run vacuum?
            👉 To remove row versions no transaction can see.
            """
        let expected: [GuideItem.Content] = [
            .qa(question: "Which anomaly does snapshot isolation still allow?", answer: "Write skew: two transactions each write a row the other read."),
            .qa(question: "Why run vacuum?", answer: "To remove row versions no transaction can see."),
        ]
        let markdown = try GuideReader().read(text: "# Isolation\n\n## Anomalies\n\n" + body, fileName: "isolation.md")
        let flat = try GuideReader().read(text: "Isolation notes\n\nAnomalies\n" + body, fileName: "isolation.txt")
        #expect(markdown.items(of: .qa).map(\.content) == expected)
        #expect(flat.items(of: .qa).map(\.content) == expected)
        // An emoji marks only at the line's start, before text, and a question only what asks.
        #expect(!Substring("Why❓ vacuum?").startsQuestion && !Substring("✅").startsAnswer)
        #expect(!Substring("❓ A note that asks nothing.").startsQuestion)
    }

    @Test func anAnswersOpeningArrowOrLabelIsNotItsText() throws {
        let text = """
            SQL practice: window functions

            Q. What sets RANK apart from DENSE_RANK?
            -> RANK leaves gaps after ties; DENSE_RANK does not.

            Exercise: Rank each employee's salary within their department.
            Solution:
            SELECT name, RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS r
            FROM employees;
            """
        let guide = try GuideReader().read(text: text, fileName: "windows.txt")
        #expect(guide.title == "SQL practice: window functions")
        #expect(guide.items(of: .qa).map(\.content) == [
            .qa(question: "What sets RANK apart from DENSE_RANK?", answer: "RANK leaves gaps after ties; DENSE_RANK does not."),
            .qa(question: "Rank each employee's salary within their department.",
                answer: "SELECT name, RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS r\nFROM employees;"),
        ])
        // A problem right over its solution asks; a problem alone is a note.
        let posed = try GuideReader().read(
            text: "Outbox notes\n\nProblem: a database write and a publish share no transaction.\nSolution: write the event to an outbox table first.\n",
            fileName: "outbox.txt")
        #expect(posed.items(of: .qa).map(\.content) == [
            .qa(question: "a database write and a publish share no transaction.", answer: "write the event to an outbox table first."),
        ])
        let alone = try GuideReader().read(text: "Outbox notes\n\nProblem: a database write and a publish share no transaction.\n", fileName: "outbox.txt")
        #expect(alone.items(of: .qa).isEmpty)
        #expect(ItemExtractor.answerOpening("Explanation: ties share a rank") == "ties share a rank")
        #expect(ItemExtractor.answerOpening("Note: ties share a rank") == "Note: ties share a rank")
    }

    @Test func checkBoxesAreListItemsAndATitleMayCarryASubtitle() throws {
        let text = """
            Notification service: design notes

            Q1) How is a push never sent twice?
            A1) Each one carries an idempotency key that the send log records.

            Checklist
            [x] Idempotency keys
            [ ] Quiet hours per time zone
            """
        let guide = try GuideReader().read(text: text, fileName: "notifications.txt")
        #expect(guide.title == "Notification service: design notes")
        #expect(guide.sections.map(\.title) == ["Checklist"])
        #expect(guide.items(of: .qa).map(\.content) == [
            .qa(question: "How is a push never sent twice?", answer: "Each one carries an idempotency key that the send log records."),
        ])
        #expect(guide.items(of: .concept).map(\.content) == [
            .concept(title: "Checklist", text: "[x] Idempotency keys\n[ ] Quiet hours per time zone"),
        ])
        #expect(Substring("[ ] Quiet hours").bulletText == "Quiet hours" && Substring("[x] Done").isListItem)
        #expect(Substring("[1] A reference").bulletText == nil && Substring("[x]").bulletText == nil)
        // A first line that runs on into the text is no title.
        let running = try GuideReader().read(text: "Caching: keep hot keys close.\nA second line.\n", fileName: "caching.txt")
        #expect(running.title == nil)
    }

    @Test func aWordProcessorsNestedBulletsAndLetteredQuestions() throws {
        let guide = try TestFiles.fixture("exported-lists.txt")
        #expect(guide.sections.map(\.title) == ["Algorithms", "Practice questions"])
        // `○` items under a `●` definition go on it; the next `●` is a definition of its own.
        #expect(guide.items(of: .definition).map(\.content) == [
            .definition(term: "Round robin", definition: "each server takes the next request in turn. Weighted round robin sends more to bigger servers. It ignores how busy a server is right now.", context: nil),
            .definition(term: "Least connections", definition: "the server with the fewest open connections takes the request.", context: nil),
            .definition(term: "Consistent hashing", definition: "a key maps to the next server on a ring.", context: nil),
        ])
        #expect(guide.questions == ["Why does consistent hashing move few keys when a server leaves?", "When is round robin a poor choice?"])
        #expect(Substring("○ nested").isNestedBullet && !Substring("● top").isNestedBullet && !Substring("- top").isNestedBullet)
    }

    @Test func aFootnoteIsProseOfItsSectionAndItsReferenceNoText() throws {
        let guide = try GuideReader().read(text: "# Storage\n\n## Durability\n\nFsync forces the page cache to disk.[^1]\n\n[^1]: On Linux it also flushes the file's metadata.\n", fileName: "storage.md")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Durability", text: "Fsync forces the page cache to disk."),
            .concept(title: "Durability", text: "On Linux it also flushes the file's metadata."),
        ])
        #expect(MarkdownSegmenter.plainInline("a[^note] b [^] c") == "a b [^] c")
    }

    @Test func aGitHubAlertWithoutATitleIsNoText() throws {
        let guide = try GuideReader().read(text: "# Caches\n\n## Misses\n\n> [!WARNING]\n> A cold cache sends every read to the database.\n", fileName: "caches.md")
        #expect(guide.items.map(\.content) == [.concept(title: "Misses", text: "A cold cache sends every read to the database.")])
    }

    @Test func aSphinxPagesUnderlinesAndDirectivesInFlatText() throws {
        let guide = try TestFiles.fixture("restructured.txt")
        #expect(guide.title == "Storage Engines")
        // `~` and `^` underline headings too.
        #expect(guide.sections.flatMap { [$0.title] + $0.children.map(\.title) } == ["Logs", "Segments", "Counting records"])
        // A call-out is a note of its own, which ends the answer before it.
        #expect(guide.items(of: .concept).map(\.content).contains(.concept(title: "Note", text: "Compaction keeps only the latest value of each key.")))
        #expect(guide.items(of: .concept).map(\.content).contains(.concept(title: "Warning", text: "A crash in the middle of a write leaves a partial record at the end of the log.")))
        let qa = try #require(guide.items(of: .qa).first)
        guard case .qa(_, let answer) = qa.content else { Issue.record("not a question"); return }
        #expect(answer == "So that compaction can work on closed files while writes go to the open one.")
        // `.. code-block:: python`, a link target and a see-also are no text.
        #expect(guide.codeBlocks.map(\.language) == ["python"])
        #expect(guide.codeBlocks.first?.code.hasPrefix("def count_records(path):\n    total = 0\n") == true)
        #expect(!guide.items.contains { $0.said.contains("..") || $0.said.contains("write-ahead") })
        #expect(ReStructuredText.explicitMarkup("... and so on") == nil)
        #expect(ReStructuredText.explicitMarkup(".. admonition:: Rule of thumb") == "Rule of thumb:")
    }

    @Test func anIPythonSessionInFlatTextReadsAsAConsoleSession() throws {
        let guide = try TestFiles.fixture("ipython-session.txt")
        let session = try #require(guide.codeBlocks.first)
        #expect(guide.codeBlocks.count == 1)
        #expect(session.language == PythonSession.language)
        #expect(session.code == """
            >>> d = {"a": 1}
            >>> keys = d.keys()
            >>> d["b"] = 2
            >>> len(keys)
            2
            >>> for v in sorted(d.values()):
            ...     print(v * 10)
            ...
            10
            20
            >>> "b" in keys
            True
            """)
        #expect(guide.items(of: .claim).map(\.content) == [
            .claim(expr: "len(keys)", expected: "2", setup: "d = {\"a\": 1}\nkeys = d.keys()\nd[\"b\"] = 2"),
            .claim(expr: "\"b\" in keys", expected: "True", setup: "d = {\"a\": 1}\nkeys = d.keys()\nd[\"b\"] = 2\nlen(keys)\nfor v in sorted(d.values()):\n    print(v * 10)"),
        ])
    }

    @Test func aFencedIPythonSessionKeepsItsPromptsAndShowsItsValues() throws {
        let guide = try TestFiles.fixture("note-app.md")
        let session = try #require(guide.codeBlocks.first)
        #expect(session.language == PythonSession.language)
        #expect(session.code.hasPrefix("In [1]: from collections import deque\n"))
        #expect(guide.items(of: .claim).map(\.content) == [
            .claim(expr: "q.popleft()", expected: "1", setup: "from collections import deque\nq = deque([1, 2])"),
            .claim(expr: "list(q)", expected: "[2]", setup: "from collections import deque\nq = deque([1, 2])\nq.popleft()"),
        ])
        // A value printed over several lines after a bare `Out[n]:` is no one-line claim.
        let shown = PythonSession.shown(in: "In [1]: sorted({3: 'c', 1: 'a'}.items())\nOut[1]:\n[(1, 'a'),\n (3, 'c')]")
        #expect(shown.isEmpty)
        #expect(PythonSession.isPrompt("In [12]: x = 1") && PythonSession.isPrompt("In [3]:"))
        #expect(!PythonSession.isPrompt("In [the] docs") && !PythonSession.isPrompt("Index [1]: x"))
    }
}

extension GuideItem {
    /// Everything the item says, for tests that look for text that should not be there.
    fileprivate var said: String { String(describing: content) }
}
