/// Words that say the opposite of each other in technical answers: "single-threaded code runs
/// slower" is contradicted by "… gets faster", "QuerySets are lazy" by "… are eager".
/// Curated for interview topics; compared as terms (``TermNormalizer``: stemmed, synonyms
/// folded), so "processes" and "sequentially" count as "process" and "sequential".
enum Opposites {
    /// Pairs of lower-cased words, each one term (so not "non-blocking", which reads as two); a
    /// word may have several opposites. The ends of a relation are in ``conversePairs``.
    static let pairs: [(String, String)] = [
        ("sync", "async"), ("synchronous", "asynchronous"),
        ("mutable", "immutable"), ("lazy", "eager"), ("lazily", "eagerly"),
        ("shared", "separate"), ("share", "separate"), ("own", "shared"), ("own", "share"), ("more", "fewer"), ("more", "less"),
        ("increase", "decrease"), ("read", "write"),
        ("inclusive", "exclusive"), ("faster", "slower"), ("fast", "slow"), ("higher", "lower"),
        ("larger", "smaller"), ("bigger", "smaller"), ("cheap", "expensive"), ("cheaper", "costlier"),
        ("compiled", "interpreted"), ("static", "dynamic"),
        ("strong", "weak"), ("deep", "shallow"), ("global", "local"),
        ("explicit", "implicit"), ("public", "private"),
        ("ordered", "unordered"), ("hashable", "unhashable"), ("parallel", "sequential"),
        ("parallel", "serial"), ("concurrent", "sequential"), ("thread", "process"),
        ("required", "optional"), ("mandatory", "optional"),
        ("safe", "unsafe"), ("valid", "invalid"),
        ("always", "never"), ("same", "different"), ("older", "newer"),
        ("enable", "disable"), ("add", "remove"),
        ("true", "false"), ("stack", "heap"), ("cpu", "io"),
        ("keep", "discard"), ("keep", "delete"), ("keep", "destroy"), ("outlive", "discard"), ("outlive", "delete"), ("prevent", "force"), ("prevent", "cause"),
        ("assign", "compare"), ("average", "worst"), ("sorted", "insertion"), ("thread", "coroutine"),
    ]

    /// Pairs that name the two ends of one relation rather than two exclusive properties: a
    /// correct answer often says both in one clause ("the inner function keeps the outer
    /// one's variables"), so only a clause that states a point without its word and with the
    /// other end, in a span that does not say that word either, contradicts it.
    static let conversePairs: [(String, String)] = [
        ("inner", "outer"), ("before", "after"), ("first", "last"), ("input", "output"), ("earlier", "later"), ("encode", "decode"),
        ("serialize", "deserialize"), ("acquire", "release"), ("minimum", "maximum"),
    ]

    /// ``conversePairs`` by key, both ways round.
    static let converses: Set<[String]> = Set(conversePairs.flatMap { pair -> [[String]] in
        let (a, b) = (key(pair.0), key(pair.1))
        return [[a, b], [b, a]]
    })

    /// A word's key as the grader compares it.
    static func key(_ word: String) -> String { TermNormalizer.terms(word).first?.key ?? word }

    /// A watch list without the converse ends of relations (see ``converses``).
    static func withoutConverses(_ watchList: [(said: String, opposites: Set<String>)]) -> [(said: String, opposites: Set<String>)] {
        watchList.compactMap { said, opposites in
            let exclusive = opposites.filter { !converses.contains([said, $0]) }
            return exclusive.isEmpty ? nil : (said, exclusive)
        }
    }

    /// Each term key's opposites, by key.
    static let opposites: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for (a, b) in pairs + conversePairs {
            let (x, y) = (key(a), key(b))
            table[x, default: []].insert(y)
            table[y, default: []].insert(x)
        }
        return table
    }()

    /// The opposites of a key point's terms that the answer says somewhere: each term's key
    /// with those of its opposites among `answerKeys`, less those the key point says itself. A
    /// word and its "non-" form are opposites too (blocking / non-blocking).
    static func watchList(_ keyTerms: [TermNormalizer.Term], answerKeys: Set<String>) -> [(said: String, opposites: Set<String>)] {
        let wanted = Set(keyTerms.map(\.key))
        let answerNegates = answerKeys.contains { $0.hasPrefix("non-") }
        return wanted.compactMap { key in
            var others = opposites[key]?.intersection(answerKeys) ?? []
            if key.hasPrefix("non-"), answerKeys.contains(String(key.dropFirst(4))) {
                others.insert(String(key.dropFirst(4)))
            } else if answerNegates, answerKeys.contains("non-" + key) {
                others.insert("non-" + key)
            }
            others.subtract(wanted)
            return others.isEmpty ? nil : (key, others)
        }
    }

    /// The key point's term whose opposite some clauses say, when they do not also say the
    /// term itself; nil otherwise.
    /// - Parameters:
    ///   - claims: the clauses that state some of the point's terms (the opposite must be there).
    ///   - span: all the clauses looked at (the term itself must not be there).
    static func contradiction(
        _ watchList: [(said: String, opposites: Set<String>)], in text: AnswerText, claims: Set<Int>, span: some Sequence<Int>
    ) -> String? {
        for (said, others) in watchList where !text.says(key: said, inLeaves: span) {
            if others.contains(where: { text.says(key: $0, inLeaves: claims) }) { return said }
        }
        return nil
    }
}
