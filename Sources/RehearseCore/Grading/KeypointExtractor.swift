import Foundation

/// Splits a reference answer into its key points: the short, separately checkable things a
/// good answer states, in the answer's own words.
///
/// Bullets and numbered items are points; so are the sentences of a paragraph, and the
/// clauses of a single sentence. Lines that only set up code (`a = [1, 2]`) and short
/// lead-in labels ("Fixes:") are left out.
/// The result has at most ``maximumCount`` points; adjacent short points are merged to fit.
public enum KeypointExtractor {
    public static let maximumCount = 8

    public static func keypoints(from answer: String) -> [String] {
        var points: [String] = []
        for rawLine in answer.split(separator: "\n") {
            let line = rawLine.trimmingWhitespace()
            let body = line.bulletText ?? line.numberedText ?? line
            guard !body.isEmpty, !ClaimParser.isSetup(body) else { continue }
            points += sentences(in: body).map { withoutAsides($0) }
        }
        points.removeAll(where: isLeadIn)
        if points.count == 1 { points = clauses(of: points[0]) }
        while points.count > maximumCount { mergeShortestPair(&points) }
        return points
    }

    /// A short label that leads into what follows ("Fixes:", "Why it matters:"): it names the
    /// points after it and states nothing to check.
    static func isLeadIn(_ point: String) -> Bool {
        point.last == ":" && point.split(separator: " ").count <= 3
    }

    /// Sentences end at `.`, `!` or `?` followed by a space and a capital or a code span.
    static func sentences(in text: Substring) -> [String] {
        var result: [String] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            let next = text.index(after: index)
            if ".!?".contains(char), next < text.endIndex, text[next] == " " {
                let after = text.index(after: next)
                let word = text[start..<index].split(separator: " ").last ?? ""
                let isAbbreviation = ["e.g", "i.e", "etc", "vs", "approx"].contains(word.lowercased()) || word.count == 1
                if after < text.endIndex, text[after].isUppercase || text[after] == "`", !isAbbreviation {
                    result.append(cleaned(text[start..<index]))
                    start = after
                }
            }
            index = next
        }
        result.append(cleaned(text[start...]))
        return result.filter { !$0.isEmpty }
    }

    /// Clauses of one sentence: parts joined by `;`, `, `, a relative or causal word or a dash,
    /// when each part says something (three words or more).
    static func clauses(of sentence: String) -> [String] {
        for separator in ["; ", ", ", " that ", " which ", " because ", " — ", ": "] {
            let parts = sentence.components(separatedBy: separator).map { cleaned(Substring($0)) }
            if parts.count >= 2, parts.allSatisfy({ $0.split(separator: " ").count >= 3 }) { return parts }
        }
        return [sentence]
    }

    /// A point without the author's asides to the reader: parentheses that exclaim or speak
    /// to "you" ("Dask for distributed computation (you used this!)").
    static func withoutAsides(_ point: String) -> String {
        var result = point
        var searchStart = result.startIndex
        while let open = result[searchStart...].firstIndex(of: "("), let close = result[open...].firstIndex(of: ")") {
            let inside = result[result.index(after: open)..<close]
            let words = Set(inside.lowercased().split(whereSeparator: { !$0.isLetter }))
            guard inside.contains("!") || !words.isDisjoint(with: ["you", "your", "you're", "yours"]) else {
                searchStart = result.index(after: close)
                continue
            }
            var start = open
            while start > result.startIndex, result[result.index(before: start)] == " " { start = result.index(before: start) }
            result.removeSubrange(start...close)
            searchStart = start
        }
        return cleaned(Substring(result))
    }

    private static func cleaned(_ text: Substring) -> String {
        var result = text.trimmingWhitespace()
        while let last = result.last, last == "." || last == ";" || last == "," { result = result.dropLast() }
        return String(result.trimmingWhitespace())
    }

    private static func mergeShortestPair(_ points: inout [String]) {
        var best = 0
        for index in 0..<(points.count - 1) where points[index].count + points[index + 1].count < points[best].count + points[best + 1].count {
            best = index
        }
        points[best] = points[best] + "; " + points[best + 1]
        points.remove(at: best + 1)
    }
}
