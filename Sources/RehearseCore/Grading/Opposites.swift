/// Words that say the opposite of each other in technical answers: "single-threaded code runs
/// slower" is contradicted by "… gets faster", "QuerySets are lazy" by "… are eager".
/// Curated for interview topics; compared as terms (``TermNormalizer``: stemmed, synonyms
/// folded), so "processes" and "sequentially" count as "process" and "sequential".
enum Opposites {
    /// Pairs of lower-cased words, each one term (so not "non-blocking", which reads as two); a
    /// word may have several opposites.
    static let pairs: [(String, String)] = [
        ("sync", "async"), ("synchronous", "asynchronous"),
        ("mutable", "immutable"), ("before", "after"), ("lazy", "eager"), ("lazily", "eagerly"),
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
        ("acquire", "release"), ("safe", "unsafe"), ("valid", "invalid"),
        ("always", "never"), ("same", "different"), ("minimum", "maximum"), ("inner", "outer"),
        ("encode", "decode"), ("serialize", "deserialize"), ("earlier", "later"), ("older", "newer"),
        ("enable", "disable"), ("add", "remove"),
        ("true", "false"), ("input", "output"), ("stack", "heap"), ("first", "last"),
    ]

    /// Each term key's opposites, by key.
    static let opposites: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        func key(_ word: String) -> String { TermNormalizer.terms(word).first?.key ?? word }
        for (a, b) in pairs {
            let (x, y) = (key(a), key(b))
            table[x, default: []].insert(y)
            table[y, default: []].insert(x)
        }
        return table
    }()

    /// The opposites a key point's terms could meet: each term's key with its opposites, less
    /// those the key point says itself. Worked out once per key point.
    static func watchList(_ keyTerms: [TermNormalizer.Term]) -> [(said: String, opposites: Set<String>)] {
        let wanted = Set(keyTerms.map(\.key))
        return wanted.compactMap { key in
            guard let others = opposites[key]?.subtracting(wanted), !others.isEmpty else { return nil }
            return (key, others)
        }
    }

    /// The key point's term whose opposite some clauses say, when they do not also say the
    /// term itself; nil otherwise.
    /// - Parameters:
    ///   - claims: the clauses that state some of the point's terms (the opposite must be there).
    ///   - span: all the clauses looked at (the term itself must not be there).
    static func contradiction(
        _ watchList: [(said: String, opposites: Set<String>)], in text: AnswerText, claims: Set<Int>, span: ClosedRange<Int>
    ) -> String? {
        for (said, others) in watchList where !text.says(key: said, inLeaves: span) {
            if others.contains(where: { text.says(key: $0, inLeaves: claims) }) { return said }
        }
        return nil
    }
}
