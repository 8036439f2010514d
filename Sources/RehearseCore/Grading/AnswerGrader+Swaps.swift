extension AnswerGrader {
    /// Key points whose distinctive terms the answer attaches crosswise: one clause says
    /// "A … (term of B)" and another "B … (other term of A)", as in "async def runs in a thread
    /// pool, plain def on the event loop". The two clauses must pair *different* terms of each
    /// key point: a clause that mentions the same two terms again in another order ("hooks
    /// around each request" then "the request goes through each hook") restates, not swaps.
    static func swappedKeypoints(_ text: AnswerText, keyTerms: [[TermNormalizer.Term]], frequency: [String: Int]) -> Set<Int> {
        // A term identifies the one key point that contains it.
        let limit = 1
        var known: [String: Set<Int>] = [:]
        func owners(of term: TermNormalizer.Term) -> Set<Int> {
            if let cached = known[term.key] { return cached }
            let found = Set(keyTerms.indices.filter { index in
                keyTerms[index].contains { frequency[$0.key, default: 0] <= limit && matches($0, term) }
            })
            known[term.key] = found
            return found
        }
        // A name shared by two or three key points ("async def", "==") still says which ones a clause is about.
        var knownSubjects: [String: Set<Int>] = [:]
        func subjects(of term: TermNormalizer.Term) -> Set<Int> {
            guard term.isTechnical else { return owners(of: term) }
            if let cached = knownSubjects[term.key] { return cached }
            let found = Set(keyTerms.indices.filter { index in
                keyTerms[index].contains { $0.isTechnical && frequency[$0.key, default: 0] <= 3 && matches($0, term) }
            })
            knownSubjects[term.key] = found
            return found
        }
        struct Pairing {
            var leaf: Int
            var subjectTerms: Set<String>
            var otherTerms: Set<String>
        }
        // For each (subject point, other point): the clauses that attach the other's terms to
        // the subject, with the terms used on each side.
        var pairings: [[Int]: [Pairing]] = [:]
        for (index, leaf) in text.leaves.enumerated() {
            var subject: Set<Int>?
            var terms: [Int: Set<String>] = [:]
            for term in leaf.terms {
                if subject == nil {
                    let named = subjects(of: term)
                    if !named.isEmpty {
                        subject = named
                        for point in named { terms[point, default: []].insert(term.key) }
                        continue
                    }
                }
                let owned = owners(of: term)
                guard !owned.isEmpty else { continue }
                if subject == nil { subject = owned }
                for point in owned { terms[point, default: []].insert(term.key) }
            }
            guard let subject else { continue }
            for from in subject {
                for to in terms.keys where !subject.contains(to) {
                    pairings[[from, to], default: []].append(Pairing(leaf: index, subjectTerms: terms[from] ?? [], otherTerms: terms[to] ?? []))
                }
            }
        }
        var swapped: Set<Int> = []
        for (pair, forward) in pairings where pair[0] < pair[1] {
            guard let backward = pairings[[pair[1], pair[0]]] else { continue }
            let crosswise = forward.contains { there in
                backward.contains { back in
                    back.leaf != there.leaf && there.subjectTerms.isDisjoint(with: back.otherTerms) && there.otherTerms.isDisjoint(with: back.subjectTerms)
                }
            }
            if crosswise { swapped.formUnion(pair) }
        }
        return swapped
    }

    /// Whether the clause that states key point `point` is about another point's thing: its
    /// subject, the first name it says (a technical token, or a word in capitals past the start
    /// of the sentence), belongs to one other key point only, and the clause does not say the
    /// first word of its own point. "Uvicorn does the request validation in compiled Rust"
    /// states "Pydantic V2 validation with a Rust-compiled core" of Uvicorn.
    static func namesAnotherPointsSubject(
        _ claim: Int, not point: Int, keyTerms: [[TermNormalizer.Term]], frequency: [String: Int], in text: AnswerText
    ) -> Bool {
        let leaf = text.leaves[claim]
        guard let own = keyTerms[point].first, isName(own), !leaf.terms.contains(where: { matches(own, $0) }) else { return false }
        let startsSentence = claim == 0 || text.leaves[claim - 1].sentence != leaf.sentence
        guard let subject = leaf.terms.enumerated().first(where: { offset, term in
            term.isTechnical || (term.original.first?.isUppercase == true && !(startsSentence && offset == 0))
        })?.element else { return false }
        let owners = keyTerms.indices.filter { index in
            keyTerms[index].contains { frequency[$0.key, default: 0] == 1 && matches($0, subject) }
        }
        return owners.count == 1 && owners[0] != point
    }
}
