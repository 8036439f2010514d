/// Chooses the questions of a mock interview as an interviewer would: more from
/// high-priority guides, from weak sections (low predicted recall, recent lapses) and from
/// cards never seen, and a follow-up from the same section after a weak answer.
///
/// Pure: the caller passes the candidates with their evidence and a seeded generator.
public struct MockPlanner: Sendable {
    /// A card that could be asked, with what is known of the candidate's memory of it.
    public struct Candidate: Sendable, Equatable {
        public var card: Card
        /// Predicted recall now; nil for a card never reviewed.
        public var recall: Double?
        public var lapses: Int

        public init(card: Card, recall: Double?, lapses: Int) {
            self.card = card
            self.recall = recall
            self.lapses = lapses
        }

        /// A card as the store's evidence describes it.
        public init(_ evidence: CardEvidence) {
            self.init(card: evidence.card, recall: evidence.recall, lapses: evidence.lapses)
        }
    }

    /// Card kinds an interviewer asks: open questions and explanations.
    public static let askedKinds: Set<Card.Kind> = [.qa, .prompt, .concept, .story]

    public private(set) var remaining: [Candidate]

    public init(candidates: [Candidate]) {
        remaining = candidates.filter { Self.askedKinds.contains($0.card.kind) }
    }

    /// How much an interviewer would want to ask this card.
    public static func weight(_ candidate: Candidate) -> Double {
        let priority: Double =
            switch candidate.card.priority {
            case .high: 3
            case .medium: 2
            case .low: 1
            }
        let weakness = 1 + (1 - (candidate.recall ?? 0.5))
        let lapses = 1 + 0.5 * Double(min(candidate.lapses, 3))
        let unseen = candidate.recall == nil ? 1.2 : 1
        return priority * weakness * lapses * unseen
    }

    /// The next question: after a weak answer, one from the same section if any is left.
    public mutating func next(after previous: (section: [String], weak: Bool)?, using generator: inout some RandomNumberGenerator) -> Candidate? {
        guard !remaining.isEmpty else { return nil }
        var pool = Array(remaining.indices)
        if let previous, previous.weak {
            let followUps = pool.filter { remaining[$0].card.section == previous.section }
            if !followUps.isEmpty { pool = followUps }
        } else if let previous {
            let elsewhere = pool.filter { remaining[$0].card.section != previous.section }
            if !elsewhere.isEmpty { pool = elsewhere }
        }
        let weights = pool.map { Self.weight(remaining[$0]) }
        var target = Double.random(in: 0..<weights.reduce(0, +), using: &generator)
        var chosen = pool[pool.count - 1]
        for (index, weight) in zip(pool, weights) {
            if target < weight {
                chosen = index
                break
            }
            target -= weight
        }
        return remaining.remove(at: chosen)
    }
}
