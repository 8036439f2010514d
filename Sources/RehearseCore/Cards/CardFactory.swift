/// Turns a guide's items into cards: one per question, prompt, concept, definition, claim
/// and story, one per cell of a comparison table ("asyncio — Best for?"), and the code cards
/// of ``CodeCards`` after all of those. Resources and notes prompts are not drilled.
public enum CardFactory {
    public static func cards(from guide: Guide) -> [Card] {
        made(from: guide).cards
    }

    /// Each item of the guide with the cards it makes, in the guide's order (`rehearse
    /// inspect --cards`); a paragraph that continues an earlier card of the same name makes none.
    public static func cardsByItem(from guide: Guide) -> [(item: GuideItem, cards: [Card])] {
        let made = made(from: guide)
        var byItem = [[Card]](repeating: [], count: guide.items.count)
        for (card, origin) in zip(made.cards, made.origins) { byItem[origin].append(card) }
        return zip(guide.items, byItem).map { ($0, $1) }
    }

    /// The costly part of an item's cards, worked out for every item at once: the key points
    /// of its text, the definitions in its Python with their explanations and key points, and
    /// what a definition's card says of its guessed indentation ("" when it was not guessed).
    private struct Groundwork: Sendable {
        var keypoints: [String] = []
        var definitions: [(definition: CodeCards.Definition, explanation: (text: String, keypoints: [String])?, remark: String)] = []

        init(_ item: GuideItem, in guide: Guide) {
            switch item.content {
            case .qa(_, let text), .prompt(_, let text), .concept(_, let text), .story(let text):
                keypoints = KeypointExtractor.keypoints(from: text)
            case .code(let language, let code, let caption):
                guard ["python", "py", "python3"].contains(language.lowercased()) else { return }
                let guess = guide.indentationGuess(for: item)
                // A definition whose own lines are in doubt makes no card; a doubt elsewhere in
                // the block does not count against it. Only restored flat code has a guess, and
                // its line k is line `first + k` of the file.
                definitions = CodeCards.definitions(in: code, caption: caption).compactMap { definition in
                    let first = item.lines.lowerBound
                    let own = guess?.narrowed(to: (first + definition.lines.lowerBound)...(first + definition.lines.upperBound))
                    guard own?.isDoubtful != true else { return nil }
                    return (definition, CodeCards.explanation(definition).map { ($0, KeypointExtractor.keypoints(from: $0)) }, own?.cardRemark ?? "")
                }
            case .definition, .table, .claim, .resource, .notesPrompt:
                return
            }
        }
    }

    /// The cards, and the index of the item each comes from.
    private static func made(from guide: Guide) -> (cards: [Card], origins: [Int]) {
        let groundwork = guide.items.concurrentMap { Groundwork($0, in: guide) }
        var cards: [Card] = []
        var origins: [Int] = []
        var indexByID: [String: Int] = [:]
        var codeCards: [(card: Card, origin: Int)] = []
        let priority = guide.priority ?? .medium
        var storiesInSection: [[String]: Int] = [:]
        for (itemIndex, (item, work)) in zip(guide.items, groundwork).enumerated() {
            func add(_ kind: Card.Kind, identity: String, prompt: String, answer: String, keypoints: [String] = []) {
                let id = CardID.make(guideID: guide.id, section: item.section, kind: kind, identity: identity)
                guard indexByID[id] == nil else { return }
                indexByID[id] = cards.count
                origins.append(itemIndex)
                cards.append(Card(
                    id: id, guideID: guide.id, kind: kind, section: item.section, prompt: prompt, answer: answer,
                    keypoints: keypoints, priority: priority, position: cards.count))
            }
            switch item.content {
            case .qa(let question, let answer):
                guard !answer.isEmpty else { continue }
                add(.qa, identity: question, prompt: question, answer: answer, keypoints: work.keypoints)
            case .prompt(let question, let answer):
                add(.prompt, identity: question, prompt: question, answer: answer, keypoints: work.keypoints)
            case .concept(let title, let text):
                // The nearest heading that is not the concept's own name gives it context. Section
                // numbers (`1.2 Write-through`) order a document; a question needs none.
                let context = item.section.reversed().first { !Self.sameName($0, title) }
                let named = title[...].withoutSectionNumber
                let prompt = (context.map { "\($0[...].withoutSectionNumber) — \(named)" } ?? String(named)) + "?"
                let id = CardID.make(guideID: guide.id, section: item.section, kind: .concept, identity: title)
                // A second paragraph under the same name continues the first card.
                if let index = indexByID[id] {
                    cards[index].answer += "\n" + text
                    cards[index].keypoints += work.keypoints
                    continue
                }
                add(.concept, identity: title, prompt: prompt, answer: text, keypoints: work.keypoints)
            case .definition(let term, let definition, let context):
                let prompt = context.map { "\(term) (\($0))" } ?? term
                add(.definition, identity: (context ?? "") + "\u{1F}" + term, prompt: prompt, answer: definition, keypoints: [definition])
            case .table(let header, let rows):
                for row in rows {
                    guard let label = row.first else { continue }
                    for (column, cell) in row.enumerated().dropFirst() where column < header.count && !cell.isEmpty {
                        add(.tableCell, identity: header[column] + "\u{1F}" + label, prompt: "\(header[column]) — \(label)?", answer: cell, keypoints: [cell])
                    }
                }
            case .claim(let expr, let expected, let setup):
                let prompt = setup.map { "\($0)\n\(expr) → ?" } ?? "\(expr) → ?"
                add(.claim, identity: (setup ?? "") + "\u{1F}" + expr, prompt: prompt, answer: expected, keypoints: [expected])
            case .story(let text):
                // Stories are told in the candidate's own words and reworded often: their
                // place (the Nth story of the section) names them, not their text.
                let topic = item.section.last ?? guide.title ?? guide.id
                let number = storiesInSection[item.section, default: 0] + 1
                storiesInSection[item.section] = number
                add(.story, identity: "story \(number)", prompt: "Tell your story — \(topic)", answer: text, keypoints: work.keypoints)
            case .code:
                for (definition, explanation, remark) in work.definitions {
                    func addCode(_ kind: Card.Kind, prompt: String, answer: String, keypoints: [String]) {
                        let id = CardID.make(guideID: guide.id, section: item.section, kind: kind, identity: definition.code)
                        guard indexByID[id] == nil, !codeCards.contains(where: { $0.card.id == id }) else { return }
                        codeCards.append((Card(
                            id: id, guideID: guide.id, kind: kind, section: item.section, prompt: prompt, answer: answer,
                            keypoints: keypoints, priority: priority, position: 0), itemIndex))
                    }
                    addCode(.writeCode, prompt: CodeCards.writePrompt(definition, remark: remark), answer: definition.code, keypoints: [])
                    if let explanation {
                        addCode(.explainCode, prompt: CodeCards.explainPrompt(definition, remark: remark), answer: explanation.text, keypoints: explanation.keypoints)
                    }
                }
            case .resource, .notesPrompt:
                continue
            }
        }
        // Code cards come after the guide's other cards among new cards.
        for (var card, origin) in codeCards {
            card.position = cards.count
            cards.append(card)
            origins.append(origin)
        }
        return (cards, origins)
    }

    /// Whether two headings name the same thing, case and punctuation aside.
    static func sameName(_ a: String, _ b: String) -> Bool {
        func folded(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        return folded(a) == folded(b)
    }
}
