/// What a learner taught the grader about one key point of one card: a phrase of theirs that
/// does state the point (the grader missed it), or one that does not (the grader credited it
/// wrongly). Used from then on for that card, in every door.
public struct GradingCorrection: Sendable, Equatable, Codable {
    public var cardID: String
    public var keypoint: String
    /// The learner's words, as they typed them.
    public var phrase: String
    /// True when the phrase states the point; false when it must not count.
    public var accepted: Bool

    public init(cardID: String, keypoint: String, phrase: String, accepted: Bool) {
        self.cardID = cardID
        self.keypoint = keypoint
        self.phrase = phrase
        self.accepted = accepted
    }

    /// Whether an answer says the phrase: every term of the phrase is among the answer's
    /// terms (stems, synonyms and abbreviations folded, as key points are matched).
    func isSaid(inAnswerKeys keys: Set<String>) -> Bool {
        let wanted = Set(TermNormalizer.terms(phrase).map(\.key))
        return !wanted.isEmpty && wanted.isSubset(of: keys)
    }

    /// The part of a typed answer to keep as the phrase for a key point: the sentence that
    /// shares the most terms with it (the whole answer when no sentence shares any).
    public static func phrase(in answer: String, for keypoint: String) -> String {
        let wanted = Set(TermNormalizer.terms(keypoint).map(\.key))
        let sentences = answer.split(whereSeparator: { ".!?;\n".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        let best = sentences.max { first, second in
            Set(TermNormalizer.terms(first).map(\.key)).intersection(wanted).count < Set(TermNormalizer.terms(second).map(\.key)).intersection(wanted).count
        }
        guard let best, !Set(TermNormalizer.terms(best).map(\.key)).isDisjoint(with: wanted) else { return answer.trimmingWhitespace() }
        return best
    }
}
