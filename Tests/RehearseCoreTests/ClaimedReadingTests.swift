import Testing

@testable import RehearseCore

/// Rival readings of restored Python that the claims under it can choose between.
@Suite struct ClaimedReadingTests {
    /// The model alone reads `last[c] = i` into the `if` above it; the claims say otherwise:
    /// read so, the function never records a character and returns 8.
    static let slidingWindow = """
        05 — Windows
        Longest substring without repeats
        def longest_unique(s):
        last = {}
        start = best = 0
        for i, c in enumerate(s):
        if c in last and last[c] >= start:
        start = last[c] + 1
        last[c] = i
        best = max(best, i - start + 1)
        return best
        longest_unique("abcabcbb") → 3
        longest_unique("bbbb") → 1

        """

    static let rightReading = """
        def longest_unique(s):
            last = {}
            start = best = 0
            for i, c in enumerate(s):
                if c in last and last[c] >= start:
                    start = last[c] + 1
                last[c] = i
                best = max(best, i - start + 1)
            return best
        """

    @Test func aBlockWhoseClaimsDoNotHoldOffersItsRivalsAsCode() throws {
        let guide = try GuideReader().read(text: Self.slidingWindow, fileName: "05-windows.txt")
        let code = try #require(guide.codeBlocks.first)
        #expect(code.code != Self.rightReading, "the model now reads the block right: the test needs another example")
        #expect(ClaimedReading.candidates(in: guide) { _ in true }.isEmpty)
        let block = try #require(ClaimedReading.candidates(in: guide) { _ in false }.first)
        #expect(block.item.id == code.item.id)
        #expect(block.claims.map(\.expr) == [#"longest_unique("abcabcbb")"#, #"longest_unique("bbbb")"#])
        #expect(block.rivals.count <= ClaimedReading.rivalLimit)
        let right = try #require(block.rivals.firstIndex { $0.code == Self.rightReading })
        #expect(block.setup(block.claims[0].setup, rival: right) == Self.rightReading)

        let chosen = block.choosing(right, in: guide)
        #expect(chosen.codeBlocks.map(\.code) == [Self.rightReading])
        #expect(chosen.items.map(\.id) == guide.items.map(\.id))
        let setups = chosen.items.compactMap { item -> String? in
            if case .claim(_, _, let setup) = item.content { setup } else { nil }
        }
        #expect(setups == [Self.rightReading, Self.rightReading])
        let guess = try #require(chosen.indentationGuess(for: code.item))
        #expect(guess.confidence == 1)
    }

    @Test func aRivalIndentsTheLinesItReadsDifferently() {
        let rival = IndentationGuess.Rival(probability: 0.3, lines: [12, 13], depths: [0, 1])
        #expect(rival.code(replacing: "if x:\n    a = 1\n    b = 2\n    c = 3", firstLine: 10) == "if x:\n    a = 1\nb = 2\n    c = 3")
        #expect(IndentationGuess.Rival(probability: 0.3, lines: [12]).code(replacing: "a\nb\nc", firstLine: 10) == nil)
        #expect(IndentationGuess.Rival(probability: 0.3, lines: [20], depths: [1]).code(replacing: "a\nb\nc", firstLine: 10) == nil)
    }
}
