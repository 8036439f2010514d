extension AnswerGrader {
    /// A clause that gives one of two things the value a key point gives the other. The point
    /// sets two parts apart by a pair of opposites ("== gives True, is gives False"; "threads
    /// for I/O-bound work, processes for CPU-bound work"); a clause that names what tells one
    /// part from the other with the other part's value, in the order the part names them, and
    /// without the part's own value, says it of the wrong thing ("both is and == give True").
    /// A clause with a negation is left alone: "is does not give True" agrees.
    /// `terms` are the point's terms: only a point with both ends of a pair is read further.
    static func crossedValueClauses(of keypoint: String, terms: [TermNormalizer.Term], keywords: Set<String>,
                                    in text: AnswerText) -> ClosedRange<Int>? {
        let keys = Set(terms.map(\.key))
        guard keys.contains(where: { !Opposites.opposites[$0, default: []].isDisjoint(with: keys) }) else { return nil }
        let parts = AnswerText.split(statement(of: keypoint))
            .map { uniqueKeys(TermNormalizer.terms($0, keywords: keywords)) }
            .filter { !$0.isEmpty }
        guard parts.count >= 2 else { return nil }
        for own in parts.indices {
            let ownKeys = Set(parts[own].map(\.key))
            for other in parts.indices where other != own {
                let otherKeys = Set(parts[other].map(\.key))
                for value in parts[own] where !otherKeys.contains(value.key) {
                    let rivals = Opposites.opposites[value.key, default: []].filter {
                        otherKeys.contains($0) && !ownKeys.contains($0) && !Opposites.converses.contains([value.key, $0])
                    }
                    guard !rivals.isEmpty else { continue }
                    // What tells this part from the other: its names, and its own side of
                    // another pair of opposites ("CPU" against "I/O").
                    let distinctive = parts[own].filter { term in
                        term.key != value.key && !otherKeys.contains(term.key)
                            && (isName(term) || !Opposites.opposites[term.key, default: []].isDisjoint(with: otherKeys))
                    }
                    for subject in distinctive {
                        if let clauses = clauses(naming: subject, with: rivals, without: value.key,
                                                 subjectFirst: subject.position < value.position, in: text) {
                            return clauses
                        }
                    }
                }
            }
        }
        return nil
    }

    /// The first clause without a negation that says one of `rivals` and not `value`, and
    /// `subject` before the rival (or after it), with the clauses before it that name the
    /// subject with it ("both is and == give True": a clause of its own that ends in the
    /// subject, and those between, say neither value).
    private static func clauses(naming subject: TermNormalizer.Term, with rivals: Set<String>, without value: String,
                                subjectFirst: Bool, in text: AnswerText) -> ClosedRange<Int>? {
        let leaves = text.leaves
        for index in leaves.indices {
            let leaf = leaves[index]
            guard leaf.negations.isEmpty, !leaf.keys.contains(value),
                let rival = leaf.terms.first(where: { rivals.contains($0.key) })
            else { continue }
            if let named = leaf.terms.first(where: { matches(subject, $0) }) {
                if (named.position < rival.position) == subjectFirst { return index...index }
                continue
            }
            guard subjectFirst else { continue }
            var start = index - 1
            while start >= 0, leaves[start].sentence == leaf.sentence, leaves[start].negations.isEmpty,
                leaves[start].keys.isDisjoint(with: rivals), !leaves[start].keys.contains(value) {
                if let named = leaves[start].terms.last, matches(subject, named), leaves[start].words.last == named.original.lowercased() {
                    return start...index
                }
                start -= 1
            }
        }
        return nil
    }
}
