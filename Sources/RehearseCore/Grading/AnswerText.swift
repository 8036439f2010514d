/// An answer read once for grading: its smallest clauses ("leaves") with their terms and
/// words, grouped into sentences. Coverage is looked for in a leaf, a sentence or the whole
/// answer without reading the text again.
struct AnswerText {
    struct Leaf {
        var terms: [TermNormalizer.Term]
        var keys: Set<String>
        /// The leaf's words, lower-cased, for negation checks.
        var words: [String]
        var sentence: Int
        var negations: [Int]
        /// The clause as written, for evidence.
        var text: Substring
    }

    let leaves: [Leaf]
    /// Leaf index ranges to look for a key point in: each leaf, each sentence, the whole answer.
    let spans: [ClosedRange<Int>]

    /// - Parameter keywords: word operators read as terms (``TermNormalizer/operatorKeywords(in:)``).
    init(_ answer: String, keywords: Set<String> = []) {
        var leaves: [Leaf] = []
        var spans: [ClosedRange<Int>] = []
        let sentences = Self.sentences(answer)
        for (number, sentence) in sentences.enumerated() {
            let first = leaves.count
            for part in Self.split(String(sentence)) {
                let terms = TermNormalizer.terms(part, keywords: keywords)
                guard !terms.isEmpty else { continue }
                // An empty word where a parenthesis closes: a negation inside one stops there.
                let words = !part.utf8.contains(UInt8(ascii: ")"))
                    ? TermNormalizer.rawTokens(part).map { $0.lowercased() }
                    : part.split(separator: ")", omittingEmptySubsequences: false)
                        .map { TermNormalizer.rawTokens(String($0)).map { $0.lowercased() } }
                        .joined(separator: [""]).map { $0 }
                let negations = words.indices.filter { AnswerGrader.isNegation(at: $0, in: words) }
                leaves.append(Leaf(
                    terms: terms, keys: Set(terms.map(\.key)), words: words, sentence: number, negations: negations,
                    text: Substring(part).trimmingWhitespace()))
            }
            guard leaves.count > first else { continue }
            for index in first..<leaves.count { spans.append(index...index) }
            if leaves.count - first > 1 { spans.append(first...(leaves.count - 1)) }
        }
        if leaves.count > 1, leaves.last?.sentence != leaves.first?.sentence { spans.append(0...(leaves.count - 1)) }
        self.leaves = leaves
        self.spans = spans
    }

    var isEmpty: Bool { leaves.isEmpty }

    /// The answer's sentences: split at "!", "?", ";", line breaks, and at a "." that ends a
    /// word (not the dots of `concurrent.futures` or 3.13).
    static func sentences(_ answer: String) -> [Substring] {
        var sentences: [Substring] = []
        let bytes = answer.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            let ends = switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "\n"): true
            case UInt8(ascii: "."): next == bytes.endIndex || bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\n")
            default: false
            }
            if ends {
                if start != index { sentences.append(answer[start..<index]) }
                start = next
            }
            index = next
        }
        if start != bytes.endIndex { sentences.append(answer[start..<bytes.endIndex]) }
        return sentences
    }

    /// Whether any of some clauses has a term of this key.
    func says(key: String, inLeaves indices: some Sequence<Int>) -> Bool {
        indices.contains { leaves[$0].keys.contains(key) }
    }

    /// A span's clauses as written, joined: the evidence for a verdict.
    func excerpt(_ span: ClosedRange<Int>) -> String {
        leaves[span].map(\.text).joined(separator: " … ")
    }
    var termCount: Int { leaves.reduce(0) { $0 + $1.terms.count } }
    var allKeys: Set<String> { leaves.reduce(into: []) { $0.formUnion($1.keys) } }

    /// A sentence's clauses: split at commas, conjunctions and dashes.
    static func split(_ sentence: String) -> [String] {
        var parts: [String] = []
        var current = Substring(sentence)
        while let range = separators.lazy.compactMap({ current.range(ofBytes: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            parts.append(String(current[..<range.lowerBound]))
            current = current[range.upperBound...]
        }
        parts.append(String(current))
        return parts
    }

    static let separators: [StaticString] = [", ", " while ", " whereas ", " but ", " and ", " - ", " so "]

    /// The leaves that state a key point term, with the answer's term that matched: the
    /// exact key, else the forgiving comparison of ``AnswerGrader/matches(_:_:)``.
    func occurrences(of term: TermNormalizer.Term) -> [(leaf: Int, term: TermNormalizer.Term)] {
        var found: [(leaf: Int, term: TermNormalizer.Term)] = []
        let fuzzy = term.isTechnical || term.key.utf8.count >= 5
        for (index, leaf) in leaves.enumerated() {
            if leaf.keys.contains(term.key), let hit = leaf.terms.first(where: { $0.key == term.key }) {
                found.append((index, hit))
            } else if fuzzy, let hit = leaf.terms.first(where: { AnswerGrader.matches(term, $0) }) {
                found.append((index, hit))
            }
        }
        return found
    }

    /// Whether a negation stands within three words before one of the matched words (adverbs
    /// such as "actually" not counted: "doesn't actually get rid of"), for words whose key
    /// the key point does not negate itself.
    /// - Parameter subjectDenials: whether a clause that denies its subject denies the point
    ///   (not for a point that is itself a denial: "a def endpoint does not block").
    func negates(_ hits: [(leaf: Int, term: TermNormalizer.Term)], except negatedKeys: Set<String>, subjectDenials: Bool) -> Bool {
        for (index, term) in hits where !leaves[index].negations.isEmpty && !negatedKeys.contains(term.key) {
            let leaf = leaves[index]
            let word = term.original.lowercased()
            for negation in leaf.negations where Self.scope(after: negation, in: leaf.words).contains(word) {
                return true
            }
            if subjectDenials, deniesItsSubject(leaf, word) { return true }
        }
        return false
    }

    /// Whether the clause opens with the word as its subject and denies it straight after
    /// ("caches aren't a concern", "select_related doesn't help", "single-threaded code isn't
    /// affected"): a negation among the clause's first four words, after the word, and not in
    /// an aside ("dicts (not sets) keep …").
    func deniesItsSubject(_ leaf: Leaf, _ word: String) -> Bool {
        guard let negation = leaf.negations.first, negation <= 3, !Self.prepositions.contains(leaf.words[negation]),
            let position = leaf.words.firstIndex(of: word), position < negation
        else { return false }
        return !leaf.words[negation...].contains("")
    }

    /// Negations that attach a thing rather than deny a clause: "without the GIL", "unlike WSGI".
    static let prepositions: Set<String> = ["without", "unlike", "instead", "than"]

    /// The three words a negation at `index` applies to, adverbs skipped, up to the end of a
    /// parenthesis ("Redis (not PostgreSQL) keeps …").
    static func scope(after index: Int, in words: [String]) -> ArraySlice<String> {
        // A negation joined to its word ("no-GIL build") denies that word only.
        if words[index].hasSuffix("-") { return words[(index + 1)..<min(index + 2, words.count)] }
        var end = index + 1
        var counted = 0
        while end < words.count, counted < 3, !words[end].isEmpty {
            if !scopeAdverbs.contains(words[end]) { counted += 1 }
            end += 1
        }
        return words[(index + 1)..<end]
    }

    static let scopeAdverbs: Set<String> = ["actually", "really", "even", "just", "necessarily", "quite", "exactly", "always", "truly", "anything", "simply", "merely"]
}

/// What a key point negates itself: the keys of the terms it denies ("runs without the GIL",
/// "does not block", "unclosed files" read as "close") — its own negations say nothing against
/// an answer that has them too ("files that are never closed") — and whether it denies a
/// clause (a "not" or "never", not just "without" or "unlike").
struct KeypointNegation {
    var keys: Set<String> = []
    var deniesAClause = false
    /// The words a "not", "no" or "never" of the point denies: its first after the negation
    /// ("not the default build", "file handles not closed") and its last when that is a plain
    /// word rather than a name ("not a fixed parent"), unless the point also affirms them
    /// elsewhere: an answer that affirms one of them says what the point rules out.
    var deniedKeys: Set<String> = []

    init(_ keypoint: String) {
        let tokens = TermNormalizer.rawTokens(keypoint)
        let lower = tokens.map { $0.lowercased() }
        var scoped: Set<Int> = []
        for (index, word) in lower.enumerated() {
            if AnswerGrader.isNegation(at: index, in: lower) {
                let denies = !AnswerText.prepositions.contains(word)
                if denies { deniesAClause = true }
                let scope = AnswerText.scope(after: index, in: lower)
                scoped.formUnion(scope.indices)
                let scopedTerms = scope.indices.flatMap { TermNormalizer.terms(tokens[$0]) }
                keys.formUnion(scopedTerms.map(\.key))
                if denies, let denied = scopedTerms.first { deniedKeys.insert(denied.key) }
                // The thing denied too, when it is a plain word rather than a name: "not a fixed parent".
                if denies, let last = scopedTerms.last, !last.isTechnical, last.original.first?.isLowercase == true { deniedKeys.insert(last.key) }
            } else if word.hasPrefix("un"), word.count > 5, let term = TermNormalizer.terms(word).first,
                term.key == TermNormalizer.terms(String(word.dropFirst(2))).first?.key {
                keys.insert(term.key)
            }
        }
        guard !deniedKeys.isEmpty else { return }
        for (index, word) in lower.enumerated() where !scoped.contains(index) {
            for term in TermNormalizer.terms(word) { deniedKeys.remove(term.key) }
        }
    }
}
