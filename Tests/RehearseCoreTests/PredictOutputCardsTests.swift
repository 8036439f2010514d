import Testing

@testable import RehearseCore

@Suite struct PredictOutputCardsTests {
    @Test func onlySnippetsThatPrintTheSameTwiceBecomeCards() throws {
        let text = """
            # 08 — Output

            ## Printing

            ```python
            print(sum(range(4)))
            ```

            ```python
            import random
            print(random.random())
            ```

            ```python
            x = 1
            ```
            """
        let guide = try GuideReader().read(Array(text.utf8), fileName: "08-output.md")
        let ids = guide.codeBlocks.map(\.item.id)
        func results(_ outputs: [String]) -> [SnippetResult] {
            zip(ids, outputs).map { SnippetResult(id: $0.0, firstLine: "", language: "python", status: .runs, output: $0.1, error: nil, package: nil) }
        }
        let cards = PredictOutputCards.cards(guide: guide, first: results(["6\n", "0.12\n", ""]), again: results(["6\n", "0.87\n", ""]))
        #expect(cards.count == 1)
        #expect(cards.first?.kind == .predictOutput)
        #expect(cards.first?.prompt == "What does this print?\n\nprint(sum(range(4)))")
        #expect(cards.first?.answer == "6\n")
        #expect(AnswerGrader.gradeExactly(answer: " 6 ", expected: "6\n").rating == .easy)
        #expect(AnswerGrader.gradeExactly(answer: "7", expected: "6\n").rating == .again)
    }
}
