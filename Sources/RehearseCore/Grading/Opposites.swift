/// Words that say the opposite of each other in technical answers: "single-threaded code runs
/// slower" is contradicted by "… gets faster", "QuerySets are lazy" by "… are eager".
/// Curated for interview topics; compared by stem, so "processes" and "sequentially" count
/// as "process" and "sequential".
enum Opposites {
    /// Pairs of lower-cased words; a word may have several opposites.
    static let pairs: [(String, String)] = [
        ("sync", "async"), ("synchronous", "asynchronous"),
        ("mutable", "immutable"), ("before", "after"), ("lazy", "eager"), ("lazily", "eagerly"),
        ("shared", "separate"), ("share", "separate"), ("own", "shared"), ("own", "share"), ("more", "fewer"), ("more", "less"),
        ("increase", "decrease"), ("read", "write"),
        ("inclusive", "exclusive"), ("faster", "slower"), ("fast", "slow"), ("higher", "lower"),
        ("larger", "smaller"), ("bigger", "smaller"), ("cheap", "expensive"), ("cheaper", "costlier"),
        ("blocking", "non-blocking"), ("compiled", "interpreted"), ("static", "dynamic"),
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

    /// Each stem's opposites, by stem.
    static let opposites: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for (a, b) in pairs {
            let (x, y) = (TermNormalizer.stem(a), TermNormalizer.stem(b))
            table[x, default: []].insert(y)
            table[y, default: []].insert(x)
        }
        return table
    }()

    /// The key point's word and the answer's opposite of it, when the answer's clause says the
    /// opposite of something the key point says (and not the thing itself); nil otherwise.
    /// - Parameter answerWords: the lower-cased words of the answer's clause that states the point.
    /// - Returns: stems.
    static func contradiction(keypoint: String, words answerWords: Set<String>) -> (said: String, opposite: String)? {
        let wanted = Set(TermNormalizer.rawTokens(keypoint).map { TermNormalizer.stem($0.lowercased()) })
        let words = Set(answerWords.map(TermNormalizer.stem))
        for word in wanted {
            guard let others = opposites[word], !words.contains(word) else { continue }
            for other in others where words.contains(other) && !wanted.contains(other) {
                return (word, other)
            }
        }
        return nil
    }
}
