import Testing

@testable import RehearseCore

/// Rival readings of restored Python that the claims under it can choose between.
@Suite struct ClaimedReadingTests {
    /// The model alone reads `out.append(total)` out of the loop above it; the claim says
    /// otherwise: read so, the function keeps only the last total and returns `[4]`.
    static let runningTotal = """
        05 — Windows
        Running total with a reset
        def running(values, limit):
        total = 0
        out = []
        for v in values:
        if total + v > limit:
        total = 0
        total += v
        out.append(total)
        return out
        running([4, 4, 4], 8) → [4, 8, 4]

        """

    static let rightReading = """
        def running(values, limit):
            total = 0
            out = []
            for v in values:
                if total + v > limit:
                    total = 0
                total += v
                out.append(total)
            return out
        """

    @Test func aBlockWhoseClaimsDoNotHoldOffersItsRivalsAsCode() throws {
        let guide = try GuideReader().read(text: Self.runningTotal, fileName: "05-windows.txt")
        let code = try #require(guide.codeBlocks.first)
        #expect(code.code != Self.rightReading, "the model now reads the block right: the test needs another example")
        #expect(ClaimedReading.candidates(in: guide) { _ in true }.isEmpty)
        let block = try #require(ClaimedReading.candidates(in: guide) { _ in false }.first)
        #expect(block.item.id == code.item.id)
        #expect(block.claims.map(\.expr) == ["running([4, 4, 4], 8)"])
        #expect(block.rivals.count <= ClaimedReading.rivalLimit)
        let right = try #require(block.rivals.firstIndex { $0.code == Self.rightReading })
        #expect(block.setup(block.claims[0].setup, rival: right) == Self.rightReading)

        let chosen = block.choosing(right, in: guide)
        #expect(chosen.codeBlocks.map(\.code) == [Self.rightReading])
        #expect(chosen.items.map(\.id) == guide.items.map(\.id))
        let setups = chosen.items.compactMap { item -> String? in
            if case .claim(_, _, let setup) = item.content { setup } else { nil }
        }
        #expect(setups == [Self.rightReading])
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
