import Testing

@testable import RehearseCore

/// Work spread over the cores comes back whole and in order.
struct ConcurrentMapTests {
    @Test func everyElementIsTransformedInOrder() {
        let words = (0..<5_000).map { "word \($0)" }
        #expect(words.concurrentMap { $0.uppercased() + "!" } == words.map { $0.uppercased() + "!" })
        #expect([String]().concurrentMap(\.count).isEmpty)
    }

    /// Card making works out key points and code definitions on all cores first: each card
    /// must still get its own item's.
    @Test(arguments: ["user guide", "system-design.md", "databases.txt"])
    func everyCardHasTheKeyPointsOfItsOwnAnswer(_ name: String) throws {
        let guide = try name == "user guide" ? TestFiles.userGuide() : TestFiles.fixture(name)
        let cards = CardFactory.cards(from: guide)
        let checked = cards.filter { [.qa, .prompt, .story, .explainCode].contains($0.kind) }
        #expect(checked.count >= 3)
        for card in checked {
            #expect(card.keypoints == KeypointExtractor.keypoints(from: card.answer), "\(card.prompt)")
        }
        #expect(cards.map(\.position) == Array(0..<cards.count))
    }
}
