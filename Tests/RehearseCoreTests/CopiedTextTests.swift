import Foundation
import Testing

@testable import RehearseCore

/// Notes copied from a PDF or a printed page (`Fixtures/copied-pages.txt`) and Markdown notes
/// as static-site generators and note apps write them (`Fixtures/front-matter.md`): page
/// numbers and running headers are not content, wrapped lines go on the line they continue,
/// front matter gives the title, one-line `Term :: meaning` cards are definitions, and the
/// text before the first heading is kept.
struct CopiedTextTests {
    static func definitions(_ guide: Guide) -> [String: String] {
        Dictionary(uniqueKeysWithValues: guide.items.compactMap { item in
            if case .definition(let term, let definition, _) = item.content { (term, definition) } else { nil }
        })
    }

    @Test func pageNumbersAndRunningHeadersAreNotContent() throws {
        let guide = try TestFiles.fixture("copied-pages.txt")
        #expect(guide.title == "Storage Engines — Chapter 2: Logs and Trees")
        #expect(guide.sections.map(\.title) == ["Compaction"])
        let texts = guide.items.map { "\($0.content)" }
        #expect(!texts.contains { $0.contains("Page 1") || $0.contains("- 2 -") || $0.contains("Trees   ") })
        #expect(PageFurniture.contains("Page 3 of 12", title: nil))
        #expect(PageFurniture.contains("page 3/12", title: nil))
        #expect(PageFurniture.contains("— 14 —", title: nil))
        #expect(PageFurniture.contains("7    Caching notes", title: "Caching notes"))
        #expect(PageFurniture.contains("Caching notes Page 3 of 12", title: "Caching notes"))
        #expect(PageFurniture.contains("Page 3 of 12\tCaching notes", title: "Caching notes"))
        // A sentence about pages, the title alone, or the title and a number in prose stay.
        #expect(!PageFurniture.contains("Page splits happen when a B-tree node is full.", title: nil))
        #expect(!PageFurniture.contains("Caching notes", title: "Caching notes"))
        #expect(!PageFurniture.contains("Caching notes 2", title: "Caching notes"))
        #expect(!PageFurniture.contains("Caching notes Page splits", title: "Caching notes"))
    }

    /// A typeset PDF's ligatures (`ﬁ`, `ﬂ`, `ﬀ`, `ﬃ`) are their letters in the guide, so that an
    /// answer typed with the letters matches; lines without one are read as they are.
    @Test func ligaturesCopiedFromAPDFAreTheirLetters() throws {
        let guide = try GuideReader().read(text: """
            Indexing Notes
            Composite indexes
            Q: Which column goes ﬁrst in a composite index?
            A: The one tested for equality; the range column goes last, as the leftmost-preﬁx rule needs.
            Q: What does an index cost?
            A: Every write updates it: a table with many indexes is slower to write, and its eﬀects are felt on ﬂushes.
            """, fileName: "indexing.txt")
        #expect(UnmarkedQuestionTests.pairs(guide).map(\.question) == [
            "Which column goes first in a composite index?", "What does an index cost?",
        ])
        #expect(UnmarkedQuestionTests.pairs(guide).map(\.answer) == [
            "The one tested for equality; the range column goes last, as the leftmost-prefix rule needs.",
            "Every write updates it: a table with many indexes is slower to write, and its effects are felt on flushes.",
        ])
        #expect(Ligature.spelledOut("oﬃce ﬄuﬀ") == "office ffluff")
    }

    @Test func aDefinitionWrappedOverLinesKeepsItsWholeMeaning() throws {
        let guide = try TestFiles.fixture("copied-pages.txt")
        let definitions = Self.definitions(guide)
        #expect(definitions["LSM tree"] == "writes go to an in-memory table that is flushed to sorted files on disk, and the files are merged in the background, so writes stay sequential even under heavy load.")
        #expect(definitions["B-tree"] == "pages of a fixed size hold sorted keys; an update rewrites the page that holds the key.")
        #expect(guide.items.first { $0.content == .definition(term: "LSM tree", definition: definitions["LSM tree"] ?? "", context: nil) }?.lines == 8...10)
        // A line that starts a sentence of its own, or follows a finished one, is not a wrap.
        #expect(!ItemExtractor.isWrapped("Writes stay sequential.", after: "an in-memory table that is flushed"))
        #expect(!ItemExtractor.isWrapped("writes stay sequential.", after: "an in-memory table is flushed."))
        #expect(!ItemExtractor.isWrapped("print(x) then", after: "an in-memory table that is flushed"))
    }

    @Test func numberedAnswersLoseTheirMarker() throws {
        let guide = try TestFiles.fixture("copied-pages.txt")
        let answers = guide.items.compactMap { item -> String? in
            if case .qa(_, let answer) = item.content { answer } else { nil }
        }
        #expect(answers == ["Every write is sequential: an append to the log and, later, a flush of a sorted file.",
                            "Reads of files that cannot hold the key."])
        #expect(Substring("A12: yes").answerText == "yes")
        #expect(Substring("Answer 3: no").answerText == "no")
        #expect(!Substring("A4 paper is 210 mm wide.").startsAnswer)
        // Outside a question a numbered marker starts no answer: the code after it is still code.
        let paper = try GuideReader().read(text: "Paper\nSizes\nA4: 210 × 297 mm\nimport math\nratio = math.sqrt(2)\n", fileName: "paper.txt")
        #expect(paper.codeBlocks.map(\.code) == ["import math\nratio = math.sqrt(2)"])
    }

    @Test func frontMatterGivesTheTitleAndIsNoContent() throws {
        let guide = try TestFiles.fixture("front-matter.md")
        #expect(guide.title == "Replication in Practice")
        #expect(!guide.items.contains { "\($0.content)".contains("tags") || "\($0.content)".contains("draft") })
        // A rule that opens a file over prose is not front matter.
        let rule = try GuideReader().read(text: "---\nJust a rule over a sentence of prose.\n---\n# Title\n", fileName: "rule.md")
        #expect(rule.title == nil)
    }

    @Test func theHeaderAWebPageDrawsOverCodeIsNoContent() throws {
        let guide = try GuideReader().read(text: """
            11 — Async Patterns
            Table of Contents
            - Patterns
            Patterns
            Bounded concurrency
            python
            Copy
            sem = asyncio.Semaphore(10)
            Timeouts
            Copy code
            async with asyncio.timeout(2):
            await slow_call()
            Copy
            The copy of a list is shallow.
            """, fileName: "11-async.txt")
        #expect(guide.codeBlocks.map(\.code) == ["sem = asyncio.Semaphore(10)", "async with asyncio.timeout(2):\n    await slow_call()"])
        #expect(guide.items.filter { $0.kind != .code }.map(\.content) == [.concept(title: "Copy", text: "The copy of a list is shallow.")])
        // `Copy` not under a language's name is the guide's own word: here it heads a section.
        #expect(guide.sections.first?.children.map(\.title) == ["Bounded concurrency", "Timeouts", "Copy"])
    }

    @Test func frontMatterGivesThePriorityUnlessTheTextStatesOne() throws {
        let noted = try GuideReader().read(text: "---\ntitle: MVCC\npriority: \"Medium\"\n---\n\n## Snapshots\n\nReaders never block writers.\n",
                                           fileName: "mvcc.md")
        #expect(noted.priority == .medium)
        #expect(noted.items.count == 1)
        let stated = try GuideReader().read(text: "---\npriority: low\n---\n\n# MVCC\n\n**Priority:** HIGH\n\n## Snapshots\n\nReaders never block writers.\n",
                                            fileName: "mvcc.md")
        #expect(stated.priority == .high)
        // A value that names no priority is metadata all the same: no card.
        let unknown = try GuideReader().read(text: "---\npriority: P1\n---\n\n# MVCC\n\nReaders never block writers.\n", fileName: "mvcc.md")
        #expect(unknown.priority == nil)
        #expect(unknown.items.count == 1)
    }

    @Test func oneLineCardsWithDoubleColonsAreDefinitions() throws {
        let definitions = Self.definitions(try TestFiles.fixture("front-matter.md"))
        #expect(definitions == [
            "Leader": "the one node that accepts writes for a partition.",
            "Follower": "a node that applies the leader's log in the same order.",
            "Replication lag": "how far a follower's applied log trails the leader's.",
        ])
        #expect(Substring("std::vector<int> v;").labelled == nil)
        #expect(Substring("`items[1:3]` takes the second and third items").labelled == nil)
    }

    @Test func theTextBeforeTheFirstHeadingIsKeptUnderTheGuidesTitle() throws {
        let guide = try TestFiles.fixture("front-matter.md")
        let intro = try #require(guide.items.first)
        #expect(intro.content == .concept(title: "Replication in Practice", text: "Replicas trade freshness for read capacity; say which one a design needs."))
        #expect(intro.section.isEmpty)
        // Without a title, the file's name titles it.
        let untitled = try TestFiles.fixture("no-headings.txt")
        #expect(untitled.items.first?.content == .concept(title: "no headings", text: "Reference counting frees an object when its count drops to zero."))
    }

    @Test func aBylineUnderTheTitleIsNoSectionAndNoContent() throws {
        let flat = try GuideReader().read(
            text: "Kafka Interview Questions\nBy a practitioner · 8 min read\n\n1) What is a consumer group?\nConsumers that share a topic's partitions.\n",
            fileName: "kafka.txt")
        #expect(flat.sections.isEmpty)
        #expect(flat.items.map(\.content) == [.qa(question: "What is a consumer group?", answer: "Consumers that share a topic's partitions.")])
        let markdown = try GuideReader().read(
            text: "# Kafka notes\n\n*Last updated: 3 March 2025*\n\nA broker stores the partitions it leads and follows.\n", fileName: "kafka.md")
        #expect(markdown.items.map(\.content) == [.concept(title: "Kafka notes", text: "A broker stores the partitions it leads and follows.")])
        #expect(Byline.contains("By Ana Ruiz"))
        #expect(Byline.contains("_5 minute read_"))
        #expect(Byline.contains("Author: the platform team"))
        // Sentences that start like a byline are content.
        #expect(!Byline.contains("By default, the cache keeps every key."))
        #expect(!Byline.contains("By sharding on the user id we spread the load."))
        #expect(!Byline.contains("Updates go to the leader first."))
    }

    /// A table of contents copied from a page without its bullets still names the main
    /// sections, so that each section's text stays under its own heading.
    @Test func aContentsListWithoutBulletsNamesTheSections() throws {
        let text = """
            12 — Networking Essentials
            Table of Contents
            The TCP Handshake
            HTTP Versions
            DNS Resolution
            The TCP Handshake
            A connection opens with SYN, SYN-ACK and ACK, so a round trip passes before any data.
            Q: Why three steps and not two?
            A: Each side must learn that the other received its initial sequence number.
            HTTP Versions
            HTTP/2 multiplexes streams over one connection; HTTP/3 runs over QUIC to avoid head-of-line blocking.
            DNS Resolution
            A resolver walks from the root to the top-level domain to the authoritative server.
            """
        let guide = try GuideReader().read(text: text, fileName: "12-networking.txt")
        #expect(guide.sections.map(\.title) == ["The TCP Handshake", "HTTP Versions", "DNS Resolution"])
        #expect(guide.items.map(\.section) == [["The TCP Handshake"], ["The TCP Handshake"], ["HTTP Versions"], ["DNS Resolution"]])
        // Lines under `Contents` that name no section further on are the guide's text, not its contents.
        let unlisted = """
            12 — Networking Essentials
            Contents
            Sockets And Ports
            Timeouts And Retries
            The TCP Handshake
            A connection opens with SYN, SYN-ACK and ACK.
            """
        let unlistedGuide = try GuideReader().read(text: unlisted, fileName: "12-networking.txt")
        #expect(unlistedGuide.items.count == 1)
        #expect(unlistedGuide.items.first?.section.last == "The TCP Handshake")
    }

    /// Under a label, short lines that each start as a sentence are the items of a list whose
    /// bullets were lost; a line cut where a page wraps still goes on the line above it.
    @Test func itemsThatLostTheirBulletsStayApartUnderALabel() throws {
        let text = """
            15 — News Feed
            Requirements
            Functional requirements:
            Users publish posts with text and images
            Users see a feed of posts from people they follow, newest first
            Wrapped note:
            The feed service merges the posts of every followed account and
            keeps only the newest few hundred per user.
            """
        let guide = try GuideReader().read(text: text, fileName: "15-news-feed.txt")
        let texts = guide.items(of: .concept).compactMap { item -> String? in
            if case .concept(_, let text) = item.content { text } else { nil }
        }
        #expect(texts == [
            "Users publish posts with text and images\nUsers see a feed of posts from people they follow, newest first",
            "The feed service merges the posts of every followed account and keeps only the newest few hundred per user.",
        ])
        #expect(ItemExtractor.isLostBulletItem("Users see a feed", after: "Users publish posts"))
        #expect(!ItemExtractor.isLostBulletItem("SHA256, for processors", after: "New ARM64 code for AES, SHA1 and"))
        #expect(!ItemExtractor.isLostBulletItem("Public License can be found", after: "The text of the GNU General"))
    }

    @Test func bulletsOfSlidesAndPDFsMarkListItems() throws {
        let guide = try TestFiles.fixture("slide-bullets.txt")
        // A dash before the colon defines the term: `Pod – the smallest unit: …`.
        #expect(Self.definitions(guide) == [
            "Pod": "the smallest unit: one or more containers that share a network namespace.",
            "Deployment": "keeps a number of identical pods running and rolls out new versions.",
            "Service": "a stable address in front of a changing set of pods.",
        ])
        for bullet in ["•", "◦", "▪", "●", "○", "■", "➢", "✓", "✅", "❌", "✘", "–", "·", "\u{F0B7}"] {
            #expect(Substring(bullet + " Taints keep pods off a node").bulletText == "Taints keep pods off a node")
        }
        #expect(Substring("—Martin Fowler").bulletText == nil)
    }

    @Test func aWordProcessorsBulletsAreItemsAndItsNestedOnesStayWithTheirLabel() throws {
        // As a document editor exports a nested list as plain text: `●` over `○`, no indentation.
        let text = """
            Design Notes: Short Links
            1. Requirements
            1.1 Functional
            ● Turn a long link into a seven-character code
            ● Send a visitor from the code to the long link
            2. Generating codes
            Option A: hash and truncate
            ○ Take the first bits of a digest of the link
            ○ Collisions: retry with a salt added
            Option B: a counter in base 62
            ○ Each server takes a block of ids at a time
            """
        let guide = try GuideReader().read(text: text, fileName: "short-links.txt")
        #expect(guide.sections.map(\.title) == ["1. Requirements", "2. Generating codes"])
        #expect(guide.items.map(\.content) == [
            .concept(title: "1.1 Functional", text: "● Turn a long link into a seven-character code\n● Send a visitor from the code to the long link"),
            .concept(title: "Option A", text: "hash and truncate\n- Take the first bits of a digest of the link\n- Collisions: retry with a salt added"),
            .concept(title: "Option B", text: "a counter in base 62\n- Each server takes a block of ids at a time"),
        ])
        #expect(!Substring("● Turn a long link into a code").isHeadingCandidate)
        #expect(!Substring("· Shuffle the bits first").isHeadingCandidate)
        #expect(Substring("“Quoted” Headings Stay Out").isHeadingCandidate == false)
        #expect(Substring("Ümlaut Topics").isHeadingCandidate)
    }

    @Test func aLineInCapitalsEndsAnAnswerInAGuideWhoseHeadingsAreInCapitals() throws {
        let text = """
            URL SHORTENER

            BASICS
            Q1. 301 or 302?
            Answer: 302, so that every click reaches the service.

            More on redirects follows later.

            CACHING
            Keep hot links.
            Evict by recency.

            DEEP DIVE: EVICTION
            Least recently used links leave the cache first.
            """
        let guide = try GuideReader().read(text: text, fileName: "shortener.txt")
        #expect(guide.sections.map(\.title) == ["BASICS", "CACHING", "DEEP DIVE: EVICTION"])
        #expect(guide.items.first?.content == .qa(question: "301 or 302?", answer: "302, so that every click reaches the service.\nMore on redirects follows later."))
        // A title in capitals may hold a colon; a fingerprint or a setting in capitals heads nothing.
        #expect(Substring("PART 2: STORAGE").isHeadingCandidate)
        #expect(!Substring("EA:8D:99:DD:36:AA").isHeadingCandidate)
        #expect(!Substring("CA:TRUE").isHeadingCandidate)
        #expect(!Substring("NOTE: read this first").isHeadingCandidate)
    }

    @Test func headingsInCapitalsAndDecoratedByEmojiHeadSectionsAsWritten() throws {
        let text = """
            Caching Notes
            🔥 WRITE STRATEGIES
            Write-through
            Every write goes to the cache and the database together.
            ✅ Reads never see stale data
            ❌ Writes wait for both
            Write-behind (write-back)
            Writes land in the cache first and reach the database in batches.
            🌍 CDNs
            Cache-Control: public, max-age=31536000, immutable
            Pull CDN: the edge fetches from the origin on the first request.
            """
        let guide = try GuideReader().read(text: text, fileName: "caching.txt")
        // Headings in capitals are the main sections, the others their subsections.
        #expect(guide.sections.map(\.title) == ["🔥 WRITE STRATEGIES", "🌍 CDNs"])
        #expect(guide.sections.first?.children.map(\.title) == ["Write-through", "Write-behind (write-back)"])
        // `✅` and `❌` are bullets where no question stands above them, not an answer's marker.
        #expect(guide.items.contains {
            $0.content == .concept(title: "Write-through", text: "✅ Reads never see stale data\n❌ Writes wait for both")
        })
        // A header with a hyphenated name is no Python, though it holds an `=`.
        #expect(guide.codeBlocks.isEmpty)
        #expect(Self.definitions(guide)["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(FlatTextSegmenter.undecoratedHeading("🔥 WRITE STRATEGIES") == "WRITE STRATEGIES")
        #expect(FlatTextSegmenter.undecoratedHeading("✅ Reads never see stale data") == "✅ Reads never see stale data")
    }

    @Test func aDesignPagesFactsRevealedAnswerAndDecoratedTipReadAsWritten() throws {
        let guide = try TestFiles.fixture("design-page.md")
        // `**Difficulty:** Medium · **Time:** 45 min` under the title is about the page.
        #expect(!guide.items.contains { "\($0.content)".contains("Difficulty") })
        // `</details>` ends the answer it revealed; the tip after it is a card of its own.
        let answer = guide.items.compactMap { item -> String? in
            if case .qa("Why not hash the URL?", let answer) = item.content { answer } else { nil }
        }
        #expect(answer == ["Collisions: two URLs can hash to the same prefix, so you need a check and a retry."])
        #expect(guide.items.contains { $0.content == .concept(title: "Tip", text: "say the numbers out loud before you draw boxes.") })
        #expect(Substring("⚠️ Warning: stale reads").labelled?.label == "Warning")
        #expect(Byline.contains("Level: Senior | Time: 30 min"))
        #expect(!Byline.contains("Latency: 5 ms at the median"))
    }

    @Test func aNotionExportsCalloutAndNamedSpeakersReadAsWritten() throws {
        let guide = try TestFiles.fixture("notion-export.md")
        // `<aside>` frames a call-out: its text is prose, and `</aside>` ends it.
        #expect(guide.items.first?.content == .concept(title: "Load balancing", text: "💡 Sticky sessions pin a user to one server; they make scaling in harder."))
        // `Interviewer (Sam):` / `Me:` take turns: the earlier answer ends where the transcript starts.
        let pairs = guide.items.compactMap { item -> String? in
            if case .qa(let question, let answer) = item.content { question + " → " + answer } else { nil }
        }
        #expect(pairs.suffix(3) == [
            "Round robin or least connections? → Least connections when requests vary a lot in cost.",
            "How would you balance WebSockets? → By connection count, since each connection is long-lived.",
            "And when a server drains? → Stop new connections to it and let clients reconnect elsewhere.",
        ])
    }
}
