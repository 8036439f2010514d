/// "What does this print?" cards: snippets that ran, printed something, and printed the
/// same twice (so the answer is not left to chance or the clock). A block whose indentation
/// is in doubt (``IndentationGuess/isDoubtful``) makes no card; a guessed one says so in its prompt.
public enum PredictOutputCards {
    /// - Parameters:
    ///   - first: the lab's verdicts on the guide's snippets.
    ///   - again: a second run of the same snippets, to keep only stable outputs.
    public static func cards(guide: Guide, first: [SnippetResult], again: [SnippetResult]) -> [Card] {
        let first = Dictionary(first.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let again = Dictionary(again.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let priority = guide.priority ?? .medium
        var cards: [Card] = []
        for item in guide.items {
            let guess = guide.indentationGuess(for: item)
            guard case .code(_, let code, _) = item.content, guess?.isDoubtful != true,
                let result = first[item.id], canBeAnswer(result), again[item.id]?.output == result.output
            else { continue }
            cards.append(Card(
                id: CardID.make(guideID: guide.id, section: item.section, kind: .predictOutput, identity: code),
                guideID: guide.id, kind: .predictOutput, section: item.section, prompt: "What does this print?" + (guess?.cardRemark ?? "") + "\n\n" + code,
                answer: result.output, keypoints: [result.output.trimmingWhitespace()], priority: priority, position: 100_000 + cards.count))
        }
        return cards
    }

    /// Whether a run's output could be a card's answer: the snippet ran and printed
    /// something, and not more than a card shows. Only such snippets need a second run.
    public static func canBeAnswer(_ result: SnippetResult) -> Bool {
        result.status == .runs && !result.output.trimmingWhitespace().isEmpty && result.output.utf8.count <= 2000
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(Substring(self).trimmingWhitespace())
    }
}
