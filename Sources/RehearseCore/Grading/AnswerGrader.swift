import Foundation

/// Grades a typed answer against the key points of the reference answer.
///
/// Each key point is looked for clause by clause: it is covered when one clause of the
/// answer states most of its terms (technical tokens count double, typos of long words are
/// forgiven), without a negation next to them that the key point does not have. An answer
/// that only lists keywords, says it does not know, or repeats the question scores low.
///
/// ```swift
/// let grade = AnswerGrader().grade(answer: typed, keypoints: card.keypoints)
/// grade.rating   // suggested rating, 1 Again … 4 Easy
/// ```
public struct AnswerGrader: Sendable {
    /// Share of a key point's weighted terms that a clause must state.
    public var coverageThreshold = 0.4
    /// Longer answers are graded on their first this many characters.
    public static let maximumLength = 20_000

    public init() {}

    public struct Point: Sendable, Equatable {
        public var keypoint: String
        public var covered: Bool
        /// The answer's words that matched the key point.
        public var matched: [String]
    }

    public struct Grade: Sendable, Equatable {
        /// Share of key points covered, in [0, 1].
        public var score: Double
        /// The suggested review rating.
        public var rating: Rating
        public var points: [Point]
        /// Why the score was capped, when it was (`keyword list`, `no answer` …).
        public var note: String?

        public var covered: [String] { points.filter(\.covered).map(\.keypoint) }
        public var missed: [String] { points.filter { !$0.covered }.map(\.keypoint) }
    }

    public func grade(answer fullAnswer: String, keypoints: [String], question: String? = nil) -> Grade {
        let answer = fullAnswer.count > Self.maximumLength ? String(fullAnswer.prefix(Self.maximumLength)) : fullAnswer
        let uncovered = keypoints.map { Point(keypoint: $0, covered: false, matched: []) }
        let text = AnswerText(answer)
        if text.isEmpty { return Grade(score: 0, rating: .again, points: uncovered, note: "no answer") }
        if Self.saysItDoesNotKnow(answer, termCount: text.termCount) {
            return Grade(score: 0, rating: .again, points: uncovered, note: "no answer")
        }
        if let question, Self.repeats(question: question, answerKeys: text.allKeys) {
            return Grade(score: 0, rating: .again, points: uncovered, note: "the answer repeats the question")
        }
        let keyTerms = keypoints.map { Self.uniqueKeys(TermNormalizer.terms(Self.statement(of: $0))) }
        // Terms shared by many key points (the topic itself) identify none of them.
        var frequency: [String: Int] = [:]
        for terms in keyTerms { for term in terms { frequency[term.key, default: 0] += 1 } }
        var points: [Point] = []
        for (index, keypoint) in keypoints.enumerated() {
            let terms = keyTerms[index]
            let weights = terms.map { ($0.isTechnical ? 2.0 : 1.0) / Double(frequency[$0.key, default: 1]) }
            let total = weights.reduce(0, +)
            let keypointNegated = Self.hasNegation(keypoint)
            var best: (coverage: Double, matched: [String]) = (0, [])
            // Where each term occurs, found once and then looked up for every span.
            let occurrences = terms.map { text.occurrences(of: $0) }
            for span in text.spans {
                var found = 0.0
                var hits: [(leaf: Int, term: TermNormalizer.Term)] = []
                for (occurrence, weight) in zip(occurrences, weights) {
                    guard let hit = occurrence.first(where: { span.contains($0.leaf) }) else { continue }
                    found += weight
                    hits.append(hit)
                }
                let coverage = total == 0 ? 0 : found / total
                guard coverage > best.coverage else { continue }
                if !keypointNegated, text.negates(hits) { continue }
                best = (coverage, hits.map(\.term.original))
            }
            points.append(Point(keypoint: keypoint, covered: best.coverage >= coverageThreshold, matched: best.matched))
        }
        var note: String?
        for index in Self.swappedKeypoints(text, keyTerms: keyTerms, frequency: frequency) where points[index].covered {
            points[index].covered = false
            note = "terms are attached to the wrong things"
        }
        if Self.isBareTermList(answer) {
            return Grade(score: 0, rating: .again, points: uncovered, note: "a list of terms states no fact: say what each one does")
        }
        var score = keypoints.isEmpty ? 0 : Double(points.filter(\.covered).count) / Double(keypoints.count)
        if Self.isKeywordList(answer), score > 0.4 {
            score = 0.4
            note = "a list of terms without explanation"
        }
        return Grade(score: score, rating: Self.rating(for: score), points: points, note: note)
    }

    /// Grades an answer to a card: outputs and claim values exactly, everything else by its
    /// key points.
    public static func grade(_ answer: String, for card: Card) -> Grade {
        if card.kind == .predictOutput || card.kind == .claim {
            return gradeExactly(answer: answer, expected: card.answer)
        }
        return AnswerGrader().grade(answer: answer, keypoints: card.keypoints, question: card.prompt)
    }

    /// An answer that must match exactly, white space folded: a program's output, a value.
    public static func gradeExactly(answer: String, expected: String) -> Grade {
        let exact = ClaimResult.agrees(expected: expected, actual: answer)
        let wanted = expected.trimmingWhitespace()
        return Grade(
            score: exact ? 1 : 0, rating: exact ? .easy : .again,
            points: [Point(keypoint: wanted, covered: exact, matched: exact ? [answer] : [])],
            note: exact ? nil : "expected exactly: \(wanted)")
    }

    /// Score bands: nothing covered Again, under half Hard, under four fifths Good, else Easy.
    public static func rating(for score: Double) -> Rating {
        switch score {
        case ..<0.01: .again
        case ..<0.5: .hard
        case ..<0.8: .good
        default: .easy
        }
    }



    /// The fact a key point states, without the code that illustrates it: in
    /// "Q objects for complex queries: Q(name="a") | Q(name="b")" the example after the colon
    /// is not something an answer must repeat. A key point that is only code stays whole.
    static func statement(of keypoint: String) -> String {
        guard let colon = keypoint.range(of: ": ") else { return keypoint }
        let fact = keypoint[..<colon.lowerBound]
        let example = keypoint[colon.upperBound...]
        // Code, not prose: assignments, quotes, operators, and calls (a name right before "(").
        var codeMarks = example.filter { "=\"'*|{}[]<>+".contains($0) }.count
        for (previous, next) in zip(example, example.dropFirst()) where next == "(" && (previous.isLetter || previous.isNumber || previous == "_") {
            codeMarks += 1
        }
        // Two plain words in a row are prose ("== gives True"): a claim, kept.
        let words = example.split(separator: " ").map { $0.allSatisfy(\.isLetter) && $0.count > 1 }
        let hasProse = zip(words, words.dropFirst()).contains { $0 && $1 }
        guard codeMarks >= 2, !hasProse, !TermNormalizer.terms(String(fact)).isEmpty else { return keypoint }
        return String(fact)
    }

    static func uniqueKeys(_ terms: [TermNormalizer.Term]) -> [TermNormalizer.Term] {
        var seen: Set<String> = []
        return terms.filter { seen.insert($0.key).inserted }
    }


    /// Exact keys, a dotted name's last part (`concurrent.futures.ProcessPoolExecutor` ~
    /// `ProcessPoolExecutor`), or one typo in a word of six letters or more.
    static func matches(_ wanted: TermNormalizer.Term, _ candidate: TermNormalizer.Term) -> Bool {
        if wanted.key == candidate.key { return true }
        if wanted.isTechnical || candidate.isTechnical {
            let wantedParts = wanted.key.split(separator: ".")
            let candidateParts = candidate.key.split(separator: ".")
            if let last = wantedParts.last, candidateParts.contains(last) { return true }
            if let last = candidateParts.last, wantedParts.contains(last), last.count >= 4 { return true }
            return false
        }
        return wanted.key.utf8.count >= 5 && candidate.key.utf8.count >= 4 && editDistanceAtMostOne(wanted.key, candidate.key)
    }

    static func editDistanceAtMostOne(_ a: String, _ b: String) -> Bool {
        guard abs(a.utf8.count - b.utf8.count) <= 1 else { return false }
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0, edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }

    static let negations: Set<String> = [
        "not", "no", "never", "cannot", "can't", "don't", "doesn't", "isn't", "aren't", "won't", "without", "nothing", "neither",
        "nor", "unlike", "instead",
    ]

    static func hasNegation(_ text: String) -> Bool {
        TermNormalizer.rawTokens(text).contains { negations.contains($0.lowercased()) || $0.lowercased().hasSuffix("n't") }
    }


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

    static func saysItDoesNotKnow(_ answer: String, termCount: Int) -> Bool {
        let lower = answer.lowercased()
        let phrases = ["don't know", "dont know", "do not know", "no idea", "not sure", "idk", "can't remember", "don't remember", "pass"]
        return termCount <= 6 && phrases.contains { lower.contains($0) }
    }

    /// Most of the answer's terms come from the question and it adds almost nothing.
    static func repeats(question: String, answerKeys: Set<String>) -> Bool {
        let questionKeys = Set(TermNormalizer.terms(question).map(\.key))
        let extra = answerKeys.subtracting(questionKeys)
        return !questionKeys.isEmpty && extra.count <= 1
    }

    /// Many short comma-separated fragments and no sentence: a list of terms with no claim.
    static func isKeywordList(_ answer: String) -> Bool {
        let fragments = answer.split(whereSeparator: { ",;\n".contains($0) }).map { $0.split(separator: " ").count }
        guard fragments.count >= 5 else { return false }
        let short = fragments.filter { $0 <= 2 }.count
        return Double(short) / Double(fragments.count) >= 0.8
    }

    /// Terms in a row and nothing said of them: five or more comma-separated fragments of at
    /// most three words, with no verb, negation or connective, and no sign of a relation
    /// between them (an arrow, a colon, a `+` between words, a sentence break, an aside in
    /// parentheses). "GIL, PEP 703, biased reference counting, per-object locks, C extensions"
    /// names the topic's vocabulary without stating a fact; a terse answer
    /// ("async framework, several workers, Redis cache, LB + more servers") relates its terms.
    static func isBareTermList(_ answer: String) -> Bool {
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        for mark in ["->", "=>", "→", ";", ": ", " + ", ". ", "? ", "! "] where text.contains(mark) { return false }
        if text.contains(where: { $0 == "(" }) {
            // An aside with words in it relates terms; a call's empty parentheses do not.
            var depth = 0
            for character in text {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 } else if depth > 0, character == " " || character == "," { return false }
            }
        }
        let fragments = text.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.split(separator: " ") }.filter { !$0.isEmpty }
        guard fragments.count >= 5, fragments.allSatisfy({ $0.count <= 3 }) else { return false }
        return !fragments.joined().contains { word in
            let lower = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            return clauseWords.contains(lower) || negations.contains(lower) || lower.hasSuffix("n't")
        }
    }

    /// Verbs and connectives that make a fragment a statement rather than a name.
    static let clauseWords: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "does", "do", "did", "can", "could", "must", "should",
        "would", "will", "may", "might", "because", "so", "since", "when", "while", "if", "then", "than", "which", "that", "lets",
        "let", "makes", "make", "means", "mean", "runs", "run", "uses", "use", "gives", "give", "takes", "take", "returns", "return",
    ]
}

/// A grade as the review log and the JSON API write it: rating, score, covered, missed.
public struct GradeSummary: Codable, Sendable, Equatable {
    public var rating: Int
    public var score: Double
    public var covered: [String]
    public var missed: [String]
}

extension AnswerGrader.Grade {
    public var summary: GradeSummary {
        GradeSummary(rating: rating.rawValue, score: score, covered: covered, missed: missed)
    }

    /// ``summary`` as compact JSON text, keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(summary)) ?? Data(), as: UTF8.self)
    }
}
