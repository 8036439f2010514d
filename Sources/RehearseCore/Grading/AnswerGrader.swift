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

    /// What the answer does with a key point.
    public enum Verdict: String, Sendable, Equatable {
        /// The answer states it.
        case stated
        /// The answer says something about it that is wrong: negated, turned into its
        /// opposite, or attached to the wrong thing.
        case contradicted
        /// The answer does not say it.
        case absent
    }

    public struct Point: Sendable, Equatable {
        public var keypoint: String
        public var verdict: Verdict
        /// The answer's words that matched the key point.
        public var matched: [String]
        /// The part of the answer the verdict rests on, when it is not absent.
        public var evidence: String?
        /// Whether the verdict comes from what the learner taught the grader for this card.
        public var taught = false

        public init(keypoint: String, verdict: Verdict, matched: [String] = [], evidence: String? = nil) {
            self.keypoint = keypoint
            self.verdict = verdict
            self.matched = matched
            self.evidence = evidence
        }

        public var covered: Bool { verdict == .stated }
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
        public var contradicted: [Point] { points.filter { $0.verdict == .contradicted } }
    }

    /// - Parameter corrections: what the learner taught for this card; a phrase they accepted
    ///   that the answer says makes its point stated, one they rejected makes it contradicted.
    public func grade(answer fullAnswer: String, keypoints: [String], question: String? = nil, corrections: [GradingCorrection] = []) -> Grade {
        let answer = fullAnswer.count > Self.maximumLength ? String(fullAnswer.prefix(Self.maximumLength)) : fullAnswer
        let grade = judge(answer: answer, keypoints: keypoints, question: question)
        return corrections.isEmpty ? grade : Self.applying(corrections, to: grade, answer: answer)
    }

    /// What the learner taught overrides the judgement of the points it is about, whatever
    /// else the grader made of the answer ("not sure, but …" included): an accepted phrase the
    /// answer says makes its point stated, a rejected one contradicted.
    static func applying(_ corrections: [GradingCorrection], to grade: Grade, answer: String) -> Grade {
        // All the answer's terms, connectives included, as the phrases' were read.
        let keys = Set(TermNormalizer.terms(answer).map(\.key))
        var taughtAny = false
        var points = grade.points
        for (index, point) in points.enumerated() {
            // A rejection outweighs an acceptance of the same point.
            let taught = corrections.filter { $0.keypoint == point.keypoint && $0.isSaid(inAnswerKeys: keys) }.sorted { !$0.accepted && $1.accepted }
            guard let correction = taught.first else { continue }
            points[index] = Point(
                keypoint: point.keypoint, verdict: correction.accepted ? .stated : .contradicted,
                matched: correction.accepted ? [correction.phrase] : [], evidence: correction.phrase)
            points[index].taught = true
            taughtAny = true
        }
        guard taughtAny else { return grade }
        let score = Self.score(points)
        return Grade(score: score, rating: Self.rating(for: score), points: points, note: nil)
    }

    /// The grader's own judgement of an answer, before what the learner taught.
    func judge(answer: String, keypoints: [String], question: String?) -> Grade {
        let uncovered = keypoints.map { Point(keypoint: $0, verdict: .absent) }
        // "is" and "in" are terms when the question asks about the operators.
        let keywords = question.map { TermNormalizer.operatorKeywords(in: $0) } ?? []
        let text = AnswerText(answer, keywords: keywords)
        if text.isEmpty { return Grade(score: 0, rating: .again, points: uncovered, note: "no answer") }
        if Self.saysItDoesNotKnow(answer, termCount: text.termCount) {
            return Grade(score: 0, rating: .again, points: uncovered, note: "no answer")
        }
        let answerKeys = text.allKeys
        if let question, Self.repeats(question: question, answerKeys: answerKeys) {
            return Grade(score: 0, rating: .again, points: uncovered, note: "the answer repeats the question")
        }
        let keyTerms = keypoints.map { keypoint in
            let statement = Self.statement(of: keypoint)
            // Read clause by clause, as the answer is, when a word operator may open or end one.
            let terms = keywords.isEmpty
                ? TermNormalizer.terms(statement) : AnswerText.split(statement).flatMap { TermNormalizer.terms($0, keywords: keywords) }
            return Self.uniqueKeys(terms)
        }
        var frequency: [String: Int] = [:]
        for terms in keyTerms { for term in terms { frequency[term.key, default: 0] += 1 } }
        let context = KeypointContext(
            text: text, answerKeys: answerKeys, keyTerms: keyTerms, frequency: frequency,
            questionWatchList: Opposites.watchList(question.map { TermNormalizer.terms($0) } ?? [], answerKeys: answerKeys))
        // Each point's verdict, with the clause that states it on its own when it is stated.
        let verdicts = keypoints.indices.map { verdict(on: keypoints[$0], index: $0, in: context) }
        var points = verdicts.map(\.point)
        let claims = verdicts.map(\.claim)
        var note: String?
        for index in Self.swappedKeypoints(text, keyTerms: keyTerms, frequency: frequency) where points[index].covered {
            points[index].verdict = .contradicted
            note = "terms are attached to the wrong things"
        }
        for (index, claim) in claims.enumerated() {
            guard let claim, Self.namesAnotherPointsSubject(claim, not: index, keyTerms: keyTerms, frequency: frequency, in: text) else { continue }
            points[index] = Point(keypoint: keypoints[index], verdict: .contradicted, evidence: text.excerpt(claim...claim))
            note = "terms are attached to the wrong things"
        }
        for (index, keypoint) in keypoints.enumerated() where points[index].verdict != .contradicted {
            guard let clause = Self.misattributedClause(of: keypoint, in: text) else { continue }
            points[index] = Point(keypoint: keypoint, verdict: .contradicted, evidence: text.excerpt(clause...clause))
            note = "terms are attached to the wrong things"
        }
        for (index, keypoint) in keypoints.enumerated() where points[index].verdict != .contradicted {
            guard let clauses = Self.crossedValueClauses(of: keypoint, terms: keyTerms[index], keywords: keywords, in: text) else { continue }
            points[index] = Point(keypoint: keypoint, verdict: .contradicted, evidence: text.excerpt(clauses))
            note = "terms are attached to the wrong things"
        }
        if Self.isBareTermList(answer) {
            return Grade(score: 0, rating: .again, points: uncovered, note: "a list of terms states no fact: say what each one does")
        }
        var score = Self.score(points)
        if Self.isKeywordList(answer), score > 0.4 {
            score = 0.4
            note = "a list of terms without explanation"
        }
        return Grade(score: score, rating: Self.rating(for: score), points: points, note: note)
    }

    /// Grades an answer to a card: outputs and claim values exactly, everything else by its
    /// key points.
    public static func grade(_ answer: String, for card: Card, corrections: [GradingCorrection] = []) -> Grade {
        if card.kind == .predictOutput || card.kind == .claim {
            return gradeExactly(answer: answer, expected: card.answer)
        }
        if card.kind == .writeCode {
            return CodeAnswerGrader.grade(answer: answer, expected: card.answer)
        }
        return AnswerGrader().grade(answer: answer, keypoints: card.keypoints, question: card.prompt, corrections: corrections)
    }

    /// An answer that must match exactly, white space folded: a program's output, a value.
    public static func gradeExactly(answer: String, expected: String) -> Grade {
        let exact = ClaimResult.agrees(expected: expected, actual: answer)
        let wanted = expected.trimmingWhitespace()
        return Grade(
            score: exact ? 1 : 0, rating: exact ? .easy : .again,
            points: [Point(keypoint: wanted, verdict: exact ? .stated : .absent, matched: exact ? [answer] : [])],
            note: exact ? nil : "expected exactly: \(wanted)")
    }

    /// What a wrong statement costs, in key points: saying something false about a point is
    /// worse than leaving it out.
    public static let contradictionPenalty = 0.5

    /// The share of key points stated, less ``contradictionPenalty`` for each contradicted one.
    static func score(_ points: [Point]) -> Double {
        guard !points.isEmpty else { return 0 }
        let stated = Double(points.count { $0.verdict == .stated })
        let contradicted = Double(points.count { $0.verdict == .contradicted })
        return max(0, stated - contradictionPenalty * contradicted) / Double(points.count)
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
        guard let colon = keypoint.firstRange(of: ": ") else { return keypoint }
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


    /// Exact keys, dotted names with the same last part (`concurrent.futures.ProcessPoolExecutor`
    /// ~ `ProcessPoolExecutor`, `Class.__mro__` ~ `__mro__`; not `concurrent.futures` nor the
    /// word "class"), or one typo (a letter added, dropped or changed, or two letters swapped) in
    /// a word of five letters or more, unless the two are opposites.
    static func matches(_ wanted: TermNormalizer.Term, _ candidate: TermNormalizer.Term) -> Bool {
        if wanted.key == candidate.key { return true }
        if wanted.isTechnical || candidate.isTechnical {
            guard wanted.isTechnical, candidate.isTechnical, let last = wanted.key.split(separator: ".").last else { return false }
            return candidate.key.split(separator: ".").last == last
        }
        // A word one letter from its opposite ("synchronous", "asynchronous") is no typo of it.
        return wanted.key.utf8.count >= 5 && candidate.key.utf8.count >= 4 && editDistanceAtMostOne(wanted.key, candidate.key)
            && Opposites.opposites[wanted.key]?.contains(candidate.key) != true
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
            if x.count > y.count {
                i += 1
            } else if y.count > x.count {
                j += 1
            } else if i + 1 < x.count, x[i] == y[j + 1], x[i + 1] == y[j] {
                i += 2  // two letters swapped ("yeild"): one typo
                j += 2
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }

    /// Whether the word at `index` (lower case) negates what follows: "not", "never", "n't"
    /// …, and the "than" of "rather than" ("the next class rather than the parent").
    static func isNegation(at index: Int, in words: [String]) -> Bool {
        let word = words[index]
        return negations.contains(word) || word.hasSuffix("n't") || (word == "than" && index > 0 && words[index - 1] == "rather")
    }

    static let negations: Set<String> = [
        "not", "no", "no-", "never", "cannot", "can't", "don't", "doesn't", "isn't", "aren't", "won't", "without", "nothing", "neither",
        "nor", "unlike", "instead",
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
