import Foundation
import Testing

@testable import RehearseCore

/// Plain design notes (`Fixtures/numbered-headings.txt`): sections numbered `1)`, `2)` … over
/// their own lines, a question on a line of its own over its answer, and lines of working
/// (an API call with `->`, a table's columns) that title nothing.
struct NumberedHeadingTests {
    let guide: Guide

    init() throws {
        guide = try TestFiles.fixture("numbered-headings.txt")
    }

    @Test func numberedLinesOverTheirOwnLinesAreSections() {
        #expect(guide.sections.map(\.title) == ["Requirements", "Algorithm", "API", "Storage"])
        // A numbered list stays a list, also after numbered sections.
        let steps = guide.items.last?.content
        #expect(steps == .concept(title: "Storage", text: "Steps to roll it out:\n1. Shadow mode that only logs\n2. Enforce for one tenant\n3. Enforce everywhere"))
    }

    @Test func anUnnumberedHeadingUnderANumberedSectionHeadsASubsectionOfIt() throws {
        let text = """
            Storage Engines
            Read the sections in order.

            1. Logs

            A log-structured store appends each write to the end of a segment file.

            Compaction
            A background merge keeps the newest value of each key and drops the rest.

            2. Pages

            A B-tree updates fixed-size pages in place.

            Write-ahead log
            Each change reaches the log before it reaches a page.
            """
        let guide = try GuideReader().read(text: text, fileName: "storage.txt")
        #expect(guide.items.map(\.section) == [[], ["Logs"], ["Logs", "Compaction"], ["Pages"], ["Pages", "Write-ahead log"]])
    }

    @Test func aQuestionOnItsOwnLineOverItsAnswerIsACard() throws {
        #expect(guide.questions == ["Why not a fixed window?"])
        let qa = try #require(guide.items(of: .qa).first)
        #expect(qa.content == .qa(question: "Why not a fixed window?", answer: "A burst at the edge of two windows lets through twice the limit."))
        #expect(qa.section == ["Algorithm"])
        // Inside a paragraph a question is prose; over a list, the list answers it.
        let prose = try GuideReader().read(text: "Notes\nIntro\nIt was fast. Why?\nBecause of the cache.\n\nWhat can go wrong?\n- the cache goes cold\n", fileName: "notes.txt")
        #expect(prose.items(of: .qa).map(\.content) == [.qa(question: "What can go wrong?", answer: "the cache goes cold")])
    }

    @Test func linesOfWorkingTitleNothing() {
        let api = guide.items.first { $0.section == ["API"] }?.content
        #expect(api == .concept(title: "API", text: "GET /v1/limits/{client} -> 200 {remaining, reset_at}\nlimits(client_id PK, tokens, refilled_at)"))
        #expect(!Substring("limits(client_id PK, tokens)").isHeadingCandidate)
        #expect(!Substring("Client -> Gateway").isHeadingCandidate)
        #expect(Substring("Caching (read-through)").isHeadingCandidate)
    }
}
