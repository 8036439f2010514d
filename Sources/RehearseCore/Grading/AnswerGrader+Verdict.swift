extension AnswerGrader {
    /// What the verdict on each key point reads: the answer, and the key points' terms.
    struct KeypointContext {
        let text: AnswerText
        let answerKeys: Set<String>
        let keyTerms: [[TermNormalizer.Term]]
        /// How many key points have each term: terms shared by many (the topic itself)
        /// identify none of them.
        let frequency: [String: Int]
        /// Every key point answers the question: a clause that states one beside the opposite
        /// of the question's word ("ProcessPoolExecutor for I/O-bound work", asked about
        /// CPU-bound work) says it of the wrong thing. The question's words with their
        /// opposites that the answer says, found once for all the points.
        let questionWatchList: [(said: String, opposites: Set<String>)]
    }

    /// The verdict on one key point: the span of the answer that states most of its terms,
    /// unless a negation the point lacks or the opposite of one of its words is there, and the
    /// clause that states it on its own (nil when none does or the point is not stated).
    func verdict(on keypoint: String, index: Int, in context: KeypointContext) -> (point: Point, claim: Int?) {
        let text = context.text
        let terms = context.keyTerms[index]
        let weights = terms.map { TermNormalizer.weight(of: $0) / Double(context.frequency[$0.key, default: 1]) }
        let total = weights.reduce(0, +)
        let negation = KeypointNegation(keypoint)
        // The opposite of a word the point only glosses in parentheses ("blocking (synchronous)
        // libraries") counts only in a clause that states the point on its own: elsewhere
        // ("async def only if every awaited call is truly async") it is about something else.
        let fullWatchList = Opposites.watchList(terms, answerKeys: context.answerKeys)
        let glosses = fullWatchList.isEmpty ? [] : Self.glossKeys(of: keypoint)
        let watchList = fullWatchList.filter { !glosses.contains($0.said) }
        let clauseWatchList = Opposites.withoutConverses(watchList)
        let claimWatchList = Opposites.withoutConverses(fullWatchList)
        // What the point denies or contrasts its fact with ("unlike WSGI (used by Flask)").
        let unaffirmed = negation.keys.union(Self.contrastedKeys(of: keypoint))
        let questionWatchList = context.questionWatchList.filter { said, _ in
            !terms.contains { $0.key == said }
        }
        // The span that states the most of the point, and its clause that states the most.
        var best: (coverage: Double, matched: [String], span: ClosedRange<Int>?, claim: Int?) = (0, [], nil, nil)
        // The best span that states the point's terms but says the opposite of one of its
        // words, and the best under a negation the point lacks: evidence against it, used
        // when no span states it.
        var opposed: (coverage: Double, span: ClosedRange<Int>?) = (0, nil)
        var negated: (coverage: Double, span: ClosedRange<Int>?) = (0, nil)
        // Where each term occurs, found once and then looked up for every span.
        let occurrences = terms.map { text.occurrences(of: $0) }
        // Whether each term is one the point affirms, not one it denies or contrasts its fact with.
        let affirmed = terms.map { !unaffirmed.contains($0.key) }
        for span in text.spans {
            var found = 0.0
            var hits: [(leaf: Int, term: TermNormalizer.Term)] = []
            var hitTerms: [Int] = []
            for (term, occurrence) in occurrences.enumerated() {
                guard let hit = occurrence.first(where: { span.contains($0.leaf) }) else { continue }
                found += weights[term]
                hits.append(hit)
                hitTerms.append(term)
            }
            let coverage = total == 0 ? 0 : found / total
            guard coverage > best.coverage else { continue }
            // What each clause states of the point, and of what the point affirms.
            var foundPerClause: [Int: Double] = [:]
            var affirmedPerClause: [Int: Double] = [:]
            for (hit, term) in zip(hits, hitTerms) {
                foundPerClause[hit.leaf, default: 0] += weights[term]
                if affirmed[term] { affirmedPerClause[hit.leaf, default: 0] += weights[term] }
            }
            if text.negates(hits, except: negation.keys, subjectDenials: !negation.deniesAClause) {
                // Only a clause that denies the point is evidence against it: a negation in a
                // sentence or the whole answer may deny something else.
                if span.count == 1, coverage > negated.coverage { negated = (coverage, span) }
                continue
            }
            // An opposite counts in a clause that states some of the point's terms, when the
            // span does not also say the point's own word, or in a clause that says some of
            // what the point affirms without that word, whatever the next clause says
            // ("lookups are O(1) in the worst case … O(n) on average"; not "instead of the
            // synchronous WSGI" for "ASGI is async-native, unlike WSGI").
            let claims = Set(hits.map(\.leaf))
            if !fullWatchList.isEmpty && (Opposites.contradiction(watchList, in: text, claims: claims, span: span) != nil
                    || affirmedPerClause.keys.contains { clause in
                        let list = foundPerClause[clause, default: 0] / total >= coverageThreshold ? claimWatchList : clauseWatchList
                        return Opposites.contradiction(list, in: text, claims: [clause], span: [clause]) != nil
                    })
                || !questionWatchList.isEmpty && Opposites.contradiction(questionWatchList, in: text, claims: claims, span: claims) != nil {
                if coverage > opposed.coverage { opposed = (coverage, span) }
                continue
            }
            // The clause that states the most of the point on its own.
            let claim = foundPerClause.filter { $0.value / total >= coverageThreshold }
                .max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            best = (coverage, hits.map(\.term.original), span, claim)
        }
        var point = Point(keypoint: keypoint, verdict: .absent)
        if best.coverage >= coverageThreshold, let span = best.span {
            // A word another key point affirms ("blocking libraries") is not ruled out.
            let denied = negation.deniedKeys.filter { context.frequency[$0, default: 0] <= 1 }
            if let clause = Self.affirmingClause(denied, claim: best.claim, span: span, subject: terms.first, in: text) {
                // "PEP 703 made it the default" for "an optional build, not the default".
                point = Point(keypoint: keypoint, verdict: .contradicted, evidence: text.excerpt(clause...clause))
            } else if let denial = Self.denialBeside(span, of: terms, occurrences: occurrences, in: text, except: negation.keys) {
                // "it keeps the module's global scope, not the enclosing one": the sentence
                // that states the point denies another of its words.
                point = Point(keypoint: keypoint, verdict: .contradicted, evidence: text.excerpt(denial...denial))
            } else {
                point = Point(keypoint: keypoint, verdict: .stated, matched: best.matched, evidence: text.excerpt(span))
            }
        } else if let span = [opposed, negated].filter({ $0.coverage >= coverageThreshold }).max(by: { $0.coverage < $1.coverage })?.span {
            point = Point(keypoint: keypoint, verdict: .contradicted, evidence: text.excerpt(span))
        }
        return (point, point.verdict == .stated ? best.claim : nil)
    }

    /// A clause in the sentences of `span` that negates a term of the point which the span
    /// itself does not say.
    static func denialBeside(
        _ span: ClosedRange<Int>, of terms: [TermNormalizer.Term], occurrences: [[(leaf: Int, term: TermNormalizer.Term)]],
        in text: AnswerText, except negatedKeys: Set<String>
    ) -> Int? {
        let sentences = Set(span.map { text.leaves[$0].sentence })
        for (term, found) in zip(terms, occurrences) where !negatedKeys.contains(term.key) {
            guard !found.contains(where: { span.contains($0.leaf) }) else { continue }
            for hit in found where sentences.contains(text.leaves[hit.leaf].sentence) && text.negates([hit], except: [], subjectDenials: false) {
                return hit.leaf
            }
        }
        return nil
    }

    /// The clause that says what the point denies: the clause that states the point on its
    /// own, or, when none does, a clause of the span that names the point's subject and has no
    /// negation ("super() always means the first parent listed" for "super() follows the MRO,
    /// not a fixed parent"; not "super(): it doesn't jump to 'the parent'").
    static func affirmingClause(_ denied: Set<String>, claim: Int?, span: ClosedRange<Int>, subject: TermNormalizer.Term?,
                                in text: AnswerText) -> Int? {
        if let claim { return affirms(denied, in: claim, of: text) ? claim : nil }
        guard let subject, isName(subject) else { return nil }
        return span.first { leaf in
            text.leaves[leaf].negations.isEmpty && text.leaves[leaf].terms.contains { matches(subject, $0) }
                && affirms(denied, in: leaf, of: text)
        }
    }

    /// Whether the clause says, outside any negation, one of the words a key point denies, and
    /// denies none of them itself ("the next class rather than simply the parent" agrees with
    /// "not just the parent class").
    static func affirms(_ denied: Set<String>, in leaf: Int, of text: AnswerText) -> Bool {
        guard !denied.isEmpty else { return false }
        let said = text.leaves[leaf].terms.filter { denied.contains($0.key) }
        let negated = said.map { text.negates([(leaf, $0)], except: [], subjectDenials: false) }
        return negated.contains(false) && !negated.contains(true)
    }
}
