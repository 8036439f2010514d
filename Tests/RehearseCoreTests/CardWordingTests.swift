import Testing

@testable import RehearseCore

/// Card prompts and answers made from the guide's structure: no prompt repeats its heading, a
/// list stays with the sentence that introduces it, and one name makes one card.
@Suite struct CardWordingTests {
    static let guide = """
        # 08 — Systems

        ## Load Balancing

        ### Load Balancing

        Spreads requests across servers so that no single server is overwhelmed.

        ## Replication

        Keeping copies of data on several machines:
        - The leader takes every write
        - Followers copy the leader's log

        ## Caching

        Cache invalidation
        The hard part of caching is knowing when an entry is stale:
        - TTLs expire entries after a time
        - Write-through updates the cache on every write

        ## Indexes

        ### B-trees

        Keep keys sorted so that range scans are cheap.

        """

    static func cards() throws -> [Card] {
        CardFactory.cards(from: try GuideReader().read(text: guide, fileName: "08-systems.md"))
    }

    @Test func noPromptRepeatsItsHeading() throws {
        let prompts = try Self.cards().map(\.prompt)
        #expect(prompts.contains("Load Balancing?"))
        #expect(prompts.contains("Indexes — B-trees?"))
        #expect(!prompts.contains { prompt in
            let parts = prompt.dropLast().components(separatedBy: " — ")
            return parts.count == 2 && parts[0].lowercased() == parts[1].lowercased()
        })
    }

    @Test func aListStaysWithTheSentenceThatLeadsIntoIt() throws {
        let cards = try Self.cards()
        let replication = try #require(cards.first { $0.prompt == "Replication?" })
        #expect(replication.answer == "Keeping copies of data on several machines:\n- The leader takes every write\n- Followers copy the leader's log")
        let caching = try #require(cards.first { $0.prompt == "Caching?" })
        #expect(caching.answer.hasSuffix("stale:\n- TTLs expire entries after a time\n- Write-through updates the cache on every write"))
        #expect(cards.allSatisfy { !$0.answer.hasSuffix(":") })
    }

    @Test func twoParagraphsUnderOneNameMakeOneCard() throws {
        let text = "# 09 — Queues\n\n## Backpressure\n\nA slow consumer must be able to slow the producer down.\n\n| a | b |\n|---|---|\n| x | y |\n\nOtherwise the queue grows until memory runs out.\n"
        let cards = CardFactory.cards(from: try GuideReader().read(text: text, fileName: "09-queues.md")).filter { $0.kind == .concept }
        #expect(cards.count == 1)
        #expect(cards.first?.answer == "A slow consumer must be able to slow the producer down.\nOtherwise the queue grows until memory runs out.")
    }
}
