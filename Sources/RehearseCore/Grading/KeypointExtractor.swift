import Foundation

/// Splits a reference answer into its key points: the short, separately checkable things a
/// good answer states, in the answer's own words.
///
/// Bullets and numbered items are points; so are the sentences of a paragraph, the items of
/// a list of short terms ("Check for: circular references, unclosed files, …"), and the
/// clauses of a single sentence. A line that ends in a comma goes on on the next. Lines of
/// code (`a = [1, 2]`, `while (line := f.readline()): …`, a fenced block, the lines that go on
/// such code and the claims of what it computes) illustrate rather than state, and
/// short lead-in labels ("Fixes:") name what follows: both are left out, unless the answer
/// has nothing else. A comment line over code (`-- rows with no match`) is part of the code.
/// The result has at most ``maximumCount`` points; adjacent short points
/// are merged to fit.
public enum KeypointExtractor {
    public static let maximumCount = 8

    public static func keypoints(from answer: String) -> [String] {
        var points: [String] = []
        var code: [String] = []
        // The last line of code, and whether the code it ends is SQL.
        var previousCode: (line: Substring, isSQL: Bool)?
        var inFence = false
        // Comment lines wait for the next other line: over code (a fenced block or setup
        // included) they are its caption, over anything else points.
        var comments: [Substring] = []
        func addProse(_ body: Substring) {
            points += sentences(in: body).flatMap { listItems(of: withoutAsides($0)) }
        }
        for line in joinedLines(of: answer) {
            // A fenced block (```python … ```) is code whatever its lines look like.
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                comments.removeAll()
                continue
            }
            if inFence {
                if !line.isEmpty { code.append(String(line)) }
                continue
            }
            let body = line.bulletText ?? line.numberedText ?? line
            guard !body.isEmpty else { continue }
            if let comment = commentText(body) {
                comments.append(comment)
                continue
            }
            let isSetup = ClaimParser.isSetup(body)
            let startsCode = isSetup || isCode(body)
            let isCodeLine = startsCode || previousCode.map({ continuesCode(body, after: $0) }) == true
            if !isCodeLine { comments.forEach(addProse) }
            comments.removeAll()
            if isSetup { continue }
            if isCodeLine {
                code.append(String(body))
                previousCode = (body, startsCode ? CodeLineClassifier.startsSQL(body) : previousCode?.isSQL == true)
                continue
            }
            previousCode = nil
            addProse(body)
        }
        comments.forEach(addProse)
        points.removeAll(where: isLeadIn)
        if points.isEmpty { points = code }
        if points.count == 1 { points = clauses(of: points[0]) }
        while points.count > maximumCount { mergeShortestPair(&points) }
        return points
    }

    /// A line of code: Python that opens a block or states code, a compound statement with its
    /// body on the same line (`while (line := f.readline()): process(line)`), or the start of
    /// an SQL statement (`SELECT …`, `EXPLAIN ANALYZE`); the lines that continue SQL go with it.
    static func isCode(_ line: Substring) -> Bool {
        if CodeLineClassifier.startsPython(PythonLine(line), raw: line) || CodeLineClassifier.startsSQL(line) { return true }
        guard let colon = line.range(of: ": ") else { return false }
        let header = line[..<colon.upperBound].trimmingWhitespace()
        return CodeLineClassifier.startsPython(PythonLine(header), raw: header)
            && CodeLineClassifier.continuesPython(PythonLine(line[colon.upperBound...]), raw: line[colon.upperBound...])
    }

    /// Whether `line` goes on the code that `previous` ends: SQL that continues its statement, a
    /// line that continues an open Python block (`return ALPHABET[0]` under `if n == 0:`, which
    /// alone could be prose), or a claim that states what the code computes (`encode(61) → 'Z'`).
    private static func continuesCode(_ line: Substring, after previous: (line: Substring, isSQL: Bool)) -> Bool {
        if CodeLineClassifier.continuesSQL(line, previous: previous.line) { return true }
        guard !previous.isSQL else { return false }
        return CodeLineClassifier.continuesPython(PythonLine(line), raw: line) || !ClaimParser.claims(in: line).claims.isEmpty
    }

    /// The text of a comment line of SQL (`-- …`) or Python (`# …`).
    static func commentText(_ line: Substring) -> Substring? {
        guard line.hasPrefix("-- ") || line.hasPrefix("# ") else { return nil }
        return line.drop { $0 == "-" || $0 == "#" }.trimmingWhitespace()
    }

    /// The answer's lines, a line that ends in a comma joined with the next ("Use when: large
    /// files," / "infinite sequences"), and so is a line of prose that a page wrapped
    /// (``continuesWrappedLine(_:after:)``); a word broken at the wrap with a hyphen is whole again
    /// (`… split far more than se-` / `quential ones.`).
    static func joinedLines(of answer: String) -> [Substring] {
        var lines: [Substring] = []
        for rawLine in answer.split(separator: "\n") {
            let line = rawLine.trimmingWhitespace()
            guard let last = lines.last, !line.isEmpty, line.bulletText == nil, line.numberedText == nil else {
                lines.append(line)
                continue
            }
            if last.hasSuffix(",") {
                lines[lines.count - 1] = Substring(last + " " + line)
            } else if continuesWrappedLine(line, after: last) {
                let broken = last.utf8.last == 0x2D && last.dropLast().last?.isLowercase == true
                lines[lines.count - 1] = Substring(broken ? last.dropLast() + line : last + " " + line)
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// Whether `line` goes on the prose of `previous` (or of the list item it ends) that a page
    /// wrapped: `previous` is as long as wrapped lines are (``ItemExtractor/wrappedLineLength``)
    /// and ends mid-sentence, `line` opens with a lower-case word (``ItemExtractor/isWrapped(_:after:)``),
    /// and neither is code.
    static func continuesWrappedLine(_ line: Substring, after previous: Substring) -> Bool {
        previous.utf8.count >= ItemExtractor.wrappedLineLength && ItemExtractor.isWrapped(line, after: previous)
            && !isCode(line) && !isCode(previous.bulletText ?? previous.numberedText ?? previous)
    }

    /// The items of a labelled list of short phrases, each a point: after a label of at most
    /// three words and a colon, three or more items of at most five words outside parentheses
    /// and two on average, split at commas outside parentheses ("Check for: circular
    /// references, global caches growing unbounded, file handles not closed"). A list of
    /// single words names examples of one thing ("Uses: logging, caching, auth") and stays one
    /// point, as does a sentence with commas.
    static func listItems(of point: String) -> [String] {
        guard let colon = point.firstIndex(of: ":"), point[..<colon].split(separator: " ").count <= 3,
            point[point.index(after: colon)...].first == " "
        else { return [point] }
        let body = point[point.index(after: colon)...]
        var items: [String] = []
        // Each item's words outside parentheses.
        var wordCounts: [Int] = []
        var depth = 0
        var start = body.startIndex
        var outside = ""
        for index in body.indices {
            let character = body[index]
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "," where depth == 0:
                items.append(cleaned(body[start..<index]))
                wordCounts.append(outside.split(separator: " ").count)
                start = body.index(after: index)
                outside = ""
                continue
            default: break
            }
            if depth == 0, character != ")", character != "]" { outside.append(character) }
        }
        items.append(cleaned(body[start...]))
        wordCounts.append(outside.split(separator: " ").count)
        let isList = items.count >= 3 && !items.contains(where: \.isEmpty) && wordCounts.allSatisfy { $0 <= 5 }
            && wordCounts.reduce(0, +) >= 2 * items.count
        return isList ? items : [point]
    }

    /// A short label that leads into what follows ("Fixes:", "Why it matters:"): it names the
    /// points after it and states nothing to check.
    static func isLeadIn(_ point: String) -> Bool {
        point.last == ":" && point.split(separator: " ").count <= 6
    }

    /// Sentences end at `.`, `!` or `?` followed by a space and a capital or a code span,
    /// outside brackets; an ellipsis after a space elides code (`SELECT ... FOR UPDATE`).
    static func sentences(in text: Substring) -> [String] {
        var result: [String] = []
        var start = text.startIndex
        var index = text.startIndex
        var brackets = 0
        while index < text.endIndex {
            let char = text[index]
            let next = text.index(after: index)
            if char == "(" { brackets += 1 }
            if char == ")" { brackets = max(brackets - 1, 0) }
            if ".!?".contains(char), brackets == 0, next < text.endIndex, text[next] == " " {
                let after = text.index(after: next)
                let word = text[start..<index].split(separator: " ").last ?? ""
                let isAbbreviation = ["e.g", "i.e", "etc", "vs", "approx"].contains(word.lowercased()) || word.count == 1
                    // The last dot of an ellipsis after a space (`SELECT ... FOR UPDATE`).
                    || word == ".."
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
    /// when each part says something (three words or more). A phrase that opens the sentence
    /// and sets the scene (`With n replicas, …`, `If the key is missing, …`) stays with the
    /// clause after it.
    static func clauses(of sentence: String) -> [String] {
        for separator in ["; ", ", ", " that ", " which ", " because ", " — ", ": "] {
            let parts = sentence.components(separatedBy: separator).map { cleaned(Substring($0)) }
            // "so that", "such that", "now that" join one clause, they do not start another.
            if separator == " that ", parts.dropLast().contains(where: { ["so", "such", "now"].contains($0.split(separator: " ").last ?? "") }) {
                continue
            }
            guard parts.count >= 2, parts.allSatisfy({ $0.split(separator: " ").count >= 3 }) else { continue }
            // "With n replicas, a read …": a phrase that sets the scene before the comma belongs
            // to the clause after it; alone it states nothing.
            if separator == ", ", let first = parts[0].split(separator: " ").first, introductoryWords.contains(first.lowercased()) {
                return [parts[0] + separator + parts[1]] + parts.dropFirst(2)
            }
            return parts
        }
        return [sentence]
    }

    /// Words that open a phrase setting the scene for the clause after its comma.
    private static let introductoryWords: Set<String> = [
        "with", "without", "in", "for", "on", "at", "by", "under", "after", "before", "during", "since", "if",
        "when", "whenever", "while", "although", "though", "unless", "once", "as", "until", "to", "given",
    ]

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
