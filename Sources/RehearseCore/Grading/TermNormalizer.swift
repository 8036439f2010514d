/// Turns text into comparable terms: technical tokens kept exact (`asyncio.gather`,
/// `__slots__`, `select_related`, `-5`), words lower-cased and stemmed (plurals, tenses),
/// common abbreviations expanded (GIL → global interpreter lock), stop words dropped.
public enum TermNormalizer {
    /// A term of an answer or a key point.
    public struct Term: Hashable, Sendable {
        /// The normalised form compared between texts.
        public var key: String
        /// Whether it is a technical token (identifier, API, number) rather than a word.
        public var isTechnical: Bool
        /// The words of the original text it came from, for feedback.
        public var original: String
        /// Position among the text's terms, for judging proximity.
        public var position: Int
    }

    /// The terms of `text`, in order.
    public static func terms(_ text: String) -> [Term] {
        terms(text, readingPhrases: true)
    }

    /// ``terms(_:)``; without `readingPhrases`, phrases are read word by word (what the
    /// phrases themselves are made of). A word of `keywords` (see ``operatorKeywords(in:)``)
    /// that ``readsAsKeyword(at:in:)`` is a technical term rather than a stop word.
    static func terms(_ text: String, readingPhrases: Bool = true, keywords: Set<String> = []) -> [Term] {
        var terms: [Term] = []
        let tokens = rawTokens(text)
        var skip = 0
        for (index, raw) in tokens.enumerated() {
            if skip > 0 {
                skip -= 1
                continue
            }
            let lower = raw.lowercased()
            // A phrase that says a term in other words is read as that term.
            if readingPhrases, phraseStarts.contains(lower), let phrase = phrase(startingAt: index, in: tokens) {
                // Its first word stands for it in the answer ("aren't constant time" negates it).
                for term in phrase.terms { terms.append(Term(key: term.key, isTechnical: term.isTechnical, original: raw, position: terms.count)) }
                skip = phrase.length - 1
                continue
            }
            // `async def`, `async with`, `async for` are Python constructs: one term, not the word "async".
            if lower == "async", index + 1 < tokens.count, ["def", "with", "for"].contains(tokens[index + 1].lowercased()) {
                terms.append(Term(key: "async " + tokens[index + 1].lowercased(), isTechnical: true, original: raw + " " + tokens[index + 1], position: terms.count))
                skip = 1
                continue
            }
            if let expansion = abbreviations[lower.trimmingSuffix("s")] ?? abbreviations[lower] {
                for word in expansion.split(separator: " ") {
                    terms.append(Term(key: stem(String(word)), isTechnical: false, original: raw, position: terms.count))
                }
                continue
            }
            if !keywords.isEmpty, keywords.contains(lower), readsAsKeyword(at: index, in: tokens) {
                terms.append(Term(key: lower, isTechnical: true, original: raw, position: terms.count))
                continue
            }
            // Before the technical check: "e.g." and "i.e." introduce an example, not a dotted name.
            if stopWords.contains(lower) || lower == "no-" { continue }
            if isTechnical(raw) {
                terms.append(Term(key: technicalKey(raw), isTechnical: true, original: raw, position: terms.count))
                continue
            }
            guard lower.count > 1 || lower.first?.isNumber == true else { continue }
            terms.append(Term(key: synonyms[stem(lower)] ?? stem(lower), isTechnical: false, original: raw, position: terms.count))
        }
        return terms
    }

    /// Python's operators that are English words too, read as operators when a question asks
    /// about them.
    static let wordOperators = ["is", "in"]
    static let operatorConnectives: Set<String> = ["and", "or", "vs", "versus"]

    /// The word operators a question asks about: written as code (`` `is` ``) or beside a
    /// symbol operator ("is and ==", "== vs is").
    static func operatorKeywords(in question: String) -> Set<String> {
        let tokens = rawTokens(question).map { $0.lowercased() }
        return Set(wordOperators.filter { word in
            question.contains("`\(word)`") || tokens.indices.contains { tokens[$0] == word && besideOperator($0, in: tokens) }
        })
    }

    /// Whether a word operator at `index` is the operator rather than the English word: first
    /// or last in its clause ("is compares identity", "equal lists are == but not is"), or
    /// beside a symbol operator ("both is and ==").
    static func readsAsKeyword(at index: Int, in tokens: [String]) -> Bool {
        index == 0 || index == tokens.count - 1 || besideOperator(index, in: tokens.map { $0.lowercased() })
    }

    static func besideOperator(_ index: Int, in tokens: [String]) -> Bool {
        func isSymbolOperator(_ at: Int) -> Bool {
            tokens.indices.contains(at) && !tokens[at].isEmpty && !tokens[at].contains { $0.isLetter || $0.isNumber }
        }
        let after = index + 1 < tokens.count && operatorConnectives.contains(tokens[index + 1]) && isSymbolOperator(index + 2)
        let before = index >= 2 && operatorConnectives.contains(tokens[index - 1]) && isSymbolOperator(index - 2)
        return after || before
    }

    /// Splits on white space and punctuation, keeping `a.b`, `a_b`, `__x__`, `x()`, `-5`, `*args`, `:=`, `==`.
    static func rawTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func flush() {
            var token = current
            while let last = token.unicodeScalars.last, ".,;:!?'\"".unicodeScalars.contains(last) { token.unicodeScalars.removeLast() }
            while let first = token.unicodeScalars.first, ".,;:'\"".unicodeScalars.contains(first) { token.unicodeScalars.removeFirst() }
            if !token.isEmpty { tokens.append(token) }
            current = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            if isLetter(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if scalar == "." || scalar == "'", !current.isEmpty, isLetter(next) || ("0"..."9").contains(next) || next == "_" {
                current.unicodeScalars.append(scalar)  // asyncio.gather, 3.8, don't
            } else if scalar == "-", current.isEmpty, ("0"..."9").contains(next) {
                current.unicodeScalars.append(scalar)  // -5
            } else if scalar == "(", !current.isEmpty, next == ")" {
                current += "()"  // len()
                index += 1
            } else if (scalar == ":" || scalar == "=" || scalar == "!"), next == "=" {
                flush()
                tokens.append(String(scalar) + "=")  // :=, ==, !=
                index += 1
            } else if scalar == "*", current.isEmpty || current == "*", next == "*" || isLetter(next) {
                current.unicodeScalars.append(scalar)  // *args, **kwargs
            } else if scalar == "/", current.unicodeScalars.count == 1, isLetter(next),
                index + 2 >= scalars.count || !isLetter(scalars[index + 2]) {
                current.unicodeScalars.append(scalar)  // I/O, R/W: one term
            } else if scalar == "-", current.lowercased() == "no", isLetter(next) {
                current.unicodeScalars.append(scalar)  // no-GIL: "no-" denies the next word only
                flush()
            } else if scalar == "-", current.lowercased() == "non", isLetter(next) {
                current.unicodeScalars.append(scalar)  // non-blocking: one word, the opposite of blocking
            } else if scalar == "/" || scalar == "-", !current.isEmpty, isLetter(next) {
                flush()  // I/O-bound, CPU-bound: split into parts
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return tokens
    }

    /// A letter, looked up in the Unicode tables only beyond ASCII.
    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A : scalar.properties.isAlphabetic
    }

    /// Identifiers with `_`, `.` or `()`, CamelCase names, and numbers.
    static func isTechnical(_ token: String) -> Bool {
        let bytes = token.utf8
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "*") || bytes.contains(UInt8(ascii: "_")) || bytes.contains(UInt8(ascii: "=")) { return true }
        if bytes.last == UInt8(ascii: ")") { return true }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        if bytes.contains(UInt8(ascii: ".")), isLetter(first) { return true }
        if first == UInt8(ascii: "-") || bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) { return true }
        // CamelCase: TestClient, ProcessPoolExecutor.
        let uppers = bytes.count { $0 >= 0x41 && $0 <= 0x5A }
        let lowers = bytes.count { $0 >= 0x61 && $0 <= 0x7A }
        return uppers >= 2 && first >= 0x41 && first <= 0x5A && lowers > 0
    }

    static func technicalKey(_ token: String) -> String {
        var key = token.lowercased()
        if key.hasSuffix("()") { key.removeLast(2) }
        return key
    }

    /// A light English stemmer: enough to match plural, past and progressive forms.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        // Counting characters is counting bytes only in ASCII; other words take the general path.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return stemByCharacters(word) }
        func ends(_ suffix: [UInt8]) -> Bool { bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) }
        if ends(Self.notSuffix) { bytes.removeLast(3) }
        for (suffix, replacement) in Self.suffixBytes {
            if ends(suffix), bytes.count - suffix.count >= 3, !ends(Self.doubleS) || suffix == Self.sses {
                bytes.removeLast(suffix.count)
                bytes += replacement
                break
            }
        }
        // release / releases / released all end as "releas"; serialise and serialize meet too.
        if bytes.last == UInt8(ascii: "e"), bytes.count > 4 { bytes.removeLast() }
        if ends(Self.iz) { bytes[bytes.count - 1] = UInt8(ascii: "s") }
        // Words made from one another meet: compute / computation, linearized / linearization,
        // equal / equality, compare / comparison, allocate / allocation (a verb in "-ate" only:
        // "format" keeps its "at").
        for (suffix, minimum) in Self.derivationBytes where ends(suffix) && bytes.count - suffix.count >= minimum {
            bytes.removeLast(suffix.count)
            return String(decoding: bytes, as: UTF8.self)
        }
        if ends(Self.at), bytes.count >= 6, Self.ateEndings.contains(where: { word.utf8.count >= $0.count && word.utf8.suffix($0.count).elementsEqual($0) }) {
            bytes.removeLast(2)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Derivational endings, as they are left after the inflections are removed, with the
    /// letters that must remain: longest first.
    static let derivations: [(String, Int)] = [
        ("isation", 4), ("ization", 4), ("ation", 4), ("ition", 4), ("ison", 4), ("ement", 4), ("ment", 4),
        ("ness", 4), ("ity", 4), ("is", 5),
    ]
    static let ateEndings = ["ate", "ates", "ated", "ating"].map { Array($0.utf8) }
    static let at = Array("at".utf8)
    static let derivationBytes = derivations.map { (Array($0.0.utf8), $0.1) }

    static let suffixes = [("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")]
    static let suffixBytes = suffixes.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    static let notSuffix = Array("n't".utf8)
    static let doubleS = Array("ss".utf8)
    static let sses = Array("sses".utf8)
    static let iz = Array("iz".utf8)

    /// ``stem(_:)`` for words with letters beyond ASCII, counted in characters.
    static func stemByCharacters(_ word: String) -> String {
        var word = word
        if word.hasSuffix("n't") { word.removeLast(3) }
        for (suffix, replacement) in suffixes {
            if word.hasSuffix(suffix), word.count - suffix.count >= 3, !word.hasSuffix("ss") || suffix == "sses" {
                word.removeLast(suffix.count)
                word += replacement
                break
            }
        }
        if word.hasSuffix("e"), word.count > 4 { word.removeLast() }
        if word.hasSuffix("iz") { word = String(word.dropLast(2)) + "is" }
        return word
    }

    static let abbreviations: [String: String] = [
        "gil": "global interpreter lock", "di": "dependency injection", "orm": "object relational mapper",
        "gc": "garbage collection", "fk": "foreign key", "db": "database", "dbs": "database", "io": "io",
        "async": "asynchronous", "sync": "synchronous", "func": "function", "funcs": "function", "fn": "function",
        "vars": "variable", "var": "variable", "param": "parameter", "params": "parameter", "args": "argument",
        "repo": "repository", "auth": "authentication", "py": "python", "proc": "process", "procs": "process",
        "avg": "average", "refs": "reference", "ref": "reference", "impl": "implementation", "config": "configuration",
        "deps": "dependency", "dep": "dependency", "req": "request", "reqs": "request", "u": "you", "ur": "your",
        "i/o": "io", "refcount": "reference count", "refcounting": "reference counting", "ext": "extension",
        "alloc": "allocation", "conn": "connection", "lb": "load balancer", "fw": "framework",
    ]

    /// Words that mean the same here: each word on the left is read as the word on the right
    /// (both stemmed).
    static let synonymWords: [String: String] = [
        "threadpool": "thread", "fetch": "lookup", "retrieve": "lookup", "remember": "keep",
        "persist": "keep", "alive": "keep", "retain": "keep", "lazily": "lazy", "laziness": "lazy", "chaining": "chain",
        "probing": "probe", "bucket": "slot", "hashtable": "hash", "hashmap": "hash",
        "cycle": "circular", "cyclic": "circular", "unbounded": "grow", "growing": "grow",
        "unclosed": "close", "parallelism": "parallel", "concurrently": "concurrent",
        "endless": "infinite", "unending": "infinite", "bind": "assign", "assignment": "assign", "cluster": "distributed",
        "huge": "large", "big": "large", "massive": "large",
        "mutex": "lock", "opt": "optional", "handler": "endpoint",
        "select": "pick", "choose": "pick", "detect": "find", "spot": "find", "locate": "find", "diff": "compare",
        "multiple": "several", "enclosing": "outer", "ancestor": "base", "parent": "base", "quick": "fast", "nested": "inner",
    ]

    /// ``synonymWords`` by stem.
    static let synonyms: [String: String] = Dictionary(
        synonymWords.map { (stem($0.key), stem($0.value)) }, uniquingKeysWith: { first, _ in first })

    /// Phrases that say a term in other words, read as that term: complexity in words
    /// ("constant time" is O(1)), limits ("no size limit" is unbounded), simultaneity.
    static let phrases: [(phrase: String, term: String)] = [
        ("constant time", "O(1)"), ("constant-time", "O(1)"), ("linear time", "O(n)"), ("linear-time", "O(n)"),
        ("logarithmic time", "O(log n)"), ("quadratic time", "O(n^2)"),
        ("no size limit", "unbounded"), ("without a size limit", "unbounded"), ("without any limit", "unbounded"), ("no limit", "unbounded"),
        ("no size bound", "unbounded"), ("without a size bound", "unbounded"), ("without a bound", "unbounded"), ("without a limit", "unbounded"),
        ("no maximum size", "unbounded"), ("no max size", "unbounded"),
        ("at the same time", "concurrently"), ("in parallel", "parallel"),
        ("thrown away", "discard"), ("throw away", "discard"), ("throws away", "discard"), ("thrown out", "discard"),
    ]

    /// ``phrases`` as words (lower case), with the terms they are read as.
    static let phraseTerms: [(words: [String], terms: [Term])] = phrases.map {
        (rawTokens($0.phrase).map { $0.lowercased() }, terms($0.term, readingPhrases: false))
    }
    static let phraseStarts = Set(phraseTerms.map { $0.words[0] })

    /// The phrase whose words (any case) start at `index`, and the terms it is read as.
    static func phrase(startingAt index: Int, in tokens: [String]) -> (length: Int, terms: [Term])? {
        phraseTerms.first { words, _ in
            index + words.count <= tokens.count && zip(words, tokens[index...]).allSatisfy { $0 == $1.lowercased() }
        }.map { ($0.words.count, $0.terms) }
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "be", "it", "its", "it's",
        "that", "this", "as", "by", "at", "from", "so", "you", "your", "i", "i'd", "i'm", "we", "they", "them", "can",
        "will", "would", "just", "like", "then", "also", "which", "what", "when", "how", "do", "does", "did", "e.g",
        "eg", "etc", "use", "used", "using", "via", "there", "their", "has", "have", "one", "each", "all", "some",
        "into", "up", "out", "about", "if", "but", "very", "really", "basically", "usually", "thing", "things",
        "i.e", "everything", "anything", "something",
    ]

    /// Words that carry little of a statement's meaning: light verbs, quantifiers, hedges.
    /// An answer that says a point in its own words rarely repeats them, so they weigh half
    /// as much as the point's other words.
    static let lightKeys: Set<String> = Set([
        "take", "takes", "make", "makes", "done", "get", "gets", "give", "go", "goes", "let", "lets", "become", "becomes",
        "must", "need", "needs", "should", "may", "might", "many", "much", "several", "typical", "typically", "somewhat",
        "per", "over", "way", "lot", "other", "both", "only", "even", "still", "actually", "case", "kind", "allow", "allows",
    ].map { stem($0) })

    /// How much a key point's term counts toward stating it: technical tokens double, light
    /// words half.
    static func weight(of term: Term) -> Double {
        term.isTechnical ? 2 : lightKeys.contains(term.key) ? 0.5 : 1
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) && count > suffix.count + 1 ? String(dropLast(suffix.count)) : self
    }
}
