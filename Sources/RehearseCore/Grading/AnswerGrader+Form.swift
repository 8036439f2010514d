import Foundation

/// Answers whose form says they state nothing: "I don't know", the question pasted back, a
/// list of terms.
extension AnswerGrader {
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
        guard answer.utf8.count(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\n") }) >= 4 else { return false }
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
        // Most answers are sentences: five fragments need four commas.
        guard answer.utf8.count(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\n") }) >= 4 else { return false }
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        // The marks of a sentence first: most answers have one, and each search reads the whole text.
        for mark in [". ", "? ", "! ", ": ", ";", "->", "=>", "→", " + "] where text.firstRange(of: mark) != nil { return false }
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
