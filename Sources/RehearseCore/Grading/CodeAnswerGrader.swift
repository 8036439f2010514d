/// Grades code typed for a "Write the code for …" card by its structure, not its spacing:
/// both programs become Python tokens (comments and docstrings dropped, layout ignored, each
/// string literal one token), local names are numbered in order of first use so that `n`
/// for `x` costs nothing, and the score is how much of the two token sequences line up
/// (twice their longest common subsequence over their total length). Each line of the
/// reference is a key point: stated when its tokens appear together in the answer.
///
/// ```swift
/// let grade = CodeAnswerGrader.grade(answer: typed, expected: card.answer)
/// grade.rating   // .easy when the code is the guide's up to names and layout
/// ```
public enum CodeAnswerGrader {
    /// The score from which each rating is suggested: Easy, Good, Hard (below: Again).
    public static let thresholds = (easy: 0.95, good: 0.8, hard: 0.55)
    /// Longer answers are graded on their first this many tokens.
    static let maximumTokens = 3_000

    public static func grade(answer: String, expected: String) -> AnswerGrader.Grade {
        let reference = Self.tokens(of: expected)
        let typed = Array(Self.tokens(of: answer).prefix(maximumTokens))
        guard !typed.isEmpty, !reference.isEmpty else {
            return AnswerGrader.Grade(
                score: 0, rating: .again, points: Self.lines(of: expected).map { AnswerGrader.Point(keypoint: $0.text, verdict: .absent) },
                note: typed.isEmpty ? "no code" : nil)
        }
        let numbers = Self.nameNumbers(reference)
        let names = Self.renamed(reference, using: numbers)
        let typedNames = Self.renamed(typed, using: Self.nameNumbers(typed))
        let score = 2 * Double(Self.commonSubsequence(names, typedNames)) / Double(names.count + typedNames.count)
        let points = Self.lines(of: expected).map { line -> AnswerGrader.Point in
            let found = Self.contains(typedNames, run: Self.renamed(line.tokens, using: numbers))
            return AnswerGrader.Point(keypoint: line.text, verdict: found ? .stated : .absent, matched: found ? [line.text] : [])
        }
        let rating: Rating = score >= thresholds.easy ? .easy : score >= thresholds.good ? .good : score >= thresholds.hard ? .hard : .again
        return AnswerGrader.Grade(score: score, rating: rating, points: points, note: nil)
    }

    /// Whether `run` occurs in `tokens` as consecutive tokens.
    static func contains(_ tokens: [String], run: [String]) -> Bool {
        guard !run.isEmpty, run.count <= tokens.count else { return false }
        return (0...(tokens.count - run.count)).contains { start in tokens[start..<start + run.count].elementsEqual(run) }
    }

    /// The reference's lines that carry code, trimmed, with their tokens: comments, docstrings
    /// and blank lines left out.
    static func lines(of code: String) -> [(text: String, tokens: [String])] {
        code.split(separator: "\n").compactMap { line in
            let text = String(line.trimmingWhitespace())
            let tokens = Self.tokens(of: text)
            return text.hasPrefix("#") || tokens.isEmpty ? nil : (text, tokens)
        }
    }

    /// Python tokens: names and keywords, numbers, operators, brackets; each string literal
    /// is one token (its text kept), comments and docstrings (a string alone on its line) dropped.
    static func tokens(of code: String) -> [String] {
        var tokens: [String] = []
        let characters = Array(code)
        var index = 0
        var lineStart = true
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                lineStart = true
                index += 1
                continue
            }
            if character == " " || character == "\t" || character == "\\" {
                index += 1
                continue
            }
            if character == "#" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if character == "\"" || character == "'" {
                let triple = index + 2 < characters.count && characters[index + 1] == character && characters[index + 2] == character
                let quote = triple ? String(repeating: String(character), count: 3) : String(character)
                var end = index + quote.count
                while end < characters.count, !String(characters[end..<min(characters.count, end + quote.count)]).elementsEqual(quote) {
                    end += characters[end] == "\\" ? 2 : 1
                }
                end = min(characters.count, end + quote.count)
                let literal = String(characters[index..<end])
                // A string alone at the start of a line is a docstring.
                let alone = lineStart && (end >= characters.count || characters[end...].prefix { $0 != "\n" }.allSatisfy { $0 == " " })
                if !alone { tokens.append(literal) }
                index = end
                lineStart = false
                continue
            }
            lineStart = false
            if character.isLetter || character == "_" || character.isNumber {
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" || (character.isNumber && characters[end] == ".") {
                    end += 1
                }
                tokens.append(String(characters[index..<end]))
                index = end
                continue
            }
            let three = index + 2 < characters.count ? String(characters[index...index + 2]) : ""
            let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
            if ["**=", "//=", ">>=", "<<=", "..."].contains(three) {
                tokens.append(three)
                index += 3
            } else if ["==", "!=", "<=", ">=", "**", "//", "->", "+=", "-=", "*=", "/=", ":=", "<<", ">>", "%=", "&=", "|="].contains(two) {
                tokens.append(two)
                index += 2
            } else {
                tokens.append(String(character))
                index += 1
            }
        }
        return tokens
    }

    /// Python's keywords and the builtins an answer must name as the reference does.
    static let fixedNames: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield", "self", "cls", "print", "len", "range", "list", "dict", "set", "tuple", "str", "int",
        "float", "bool", "open", "super", "isinstance", "enumerate", "zip", "map", "filter", "sorted", "sum", "min", "max", "object",
        "Exception", "property", "staticmethod", "classmethod", "iter", "next", "type",
    ]

    /// The number of each local name, in order of first use.
    static func nameNumbers(_ tokens: [String]) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for (position, token) in tokens.enumerated() where Self.isLocalName(token, after: position > 0 ? tokens[position - 1] : nil) {
            if numbers[token] == nil { numbers[token] = numbers.count }
        }
        return numbers
    }

    /// The tokens with local names replaced by their numbers from ``nameNumbers(_:)`` (`n` and
    /// `x` in the same place become the same token); names after a dot (attributes, methods)
    /// and names without a number are kept.
    static func renamed(_ tokens: [String], using numbers: [String: Int]) -> [String] {
        tokens.enumerated().map { position, token in
            guard Self.isLocalName(token, after: position > 0 ? tokens[position - 1] : nil), let number = numbers[token] else { return token }
            return "$\(number)"
        }
    }

    private static func isLocalName(_ token: String, after previous: String?) -> Bool {
        guard let first = token.first, first.isLetter || first == "_", !fixedNames.contains(token) else { return false }
        return previous != "."
    }

    /// The length of the longest common subsequence of two token sequences.
    static func commonSubsequence(_ a: [String], _ b: [String]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
