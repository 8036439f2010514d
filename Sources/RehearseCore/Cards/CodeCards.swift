import Foundation

/// Cards drilled from a guide's Python code: for each top-level function or class of a
/// snippet that says what it is for, "Write the code for …" (the typed answer is compared
/// with the code token by token, see ``CodeAnswerGrader``) and, when it has a docstring,
/// "What does this do?" (answered by the docstring and the comment above it).
///
/// A guide's code would otherwise flood the queue, so a definition makes cards only when a
/// comment above it, the snippet's caption or its docstring says what it does, when it is 3
/// to 30 lines long with at least two statements in its body (a stub is not worth writing),
/// and when its indentation was not in doubt; the cards come after the guide's other cards
/// among new cards.
public enum CodeCards {
    /// One top-level `def` or `class` of a snippet, with its decorators.
    public struct Definition: Sendable, Equatable {
        /// The definition's lines, decorators first.
        public var code: String
        /// The `def`/`class` line without its colon: `def fib(n)`.
        public var signature: String
        /// The comment lines just above it (without `#`), or the snippet's caption.
        public var description: String?
        /// The docstring's text, when the body starts with one.
        public var docstring: String?
        /// The lines of the snippet (0-based) whose indentation makes this definition what it
        /// is: its own, and the next line of code after it, which another reading of flattened
        /// code could put inside it.
        public var lines: ClosedRange<Int>
    }

    /// The definitions of a Python snippet that are worth drilling.
    public static func definitions(in code: String, caption: String?) -> [Definition] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var definitions: [Definition] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard Self.isTopLevel(line), Self.opensDefinition(line) || line.hasPrefix("@") else {
                index += 1
                continue
            }
            // Decorators, then the def/class line.
            var header = index
            while header < lines.count, lines[header].hasPrefix("@") { header += 1 }
            guard header < lines.count, Self.opensDefinition(lines[header]) else {
                index = header + 1
                continue
            }
            var end = header + 1
            while end < lines.count, lines[end].trimmingWhitespace().isEmpty || !Self.isTopLevel(lines[end]) { end += 1 }
            while end > header + 1, lines[end - 1].trimmingWhitespace().isEmpty { end -= 1 }
            let body = Array(lines[index..<end])
            let comment = Self.comment(above: index, in: lines)
            let signature = String(lines[header].trimmingWhitespace().dropLast(lines[header].trimmingWhitespace().hasSuffix(":") ? 1 : 0))
            let nextCode = lines[end...].firstIndex { !$0.trimmingWhitespace().isEmpty } ?? end - 1
            let definition = Definition(
                code: body.joined(separator: "\n"), signature: signature, description: comment ?? caption,
                docstring: Self.docstring(in: Array(lines[..<end]), after: header), lines: index...nextCode)
            let statements = lines[(header + 1)..<end].map { $0.trimmingWhitespace() }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") && $0 != "..." && $0 != "pass" && !$0.hasPrefix("\"\"\"") && !$0.hasPrefix("'''") }
            if (3...30).contains(body.count), statements.count >= 2, definition.description != nil || definition.docstring != nil {
                definitions.append(definition)
            }
            index = end
        }
        return definitions
    }

    /// The prompt that asks for a definition's code, and `remark`: what it says of guessed
    /// indentation (``IndentationGuess/cardRemark``).
    public static func writePrompt(_ definition: Definition, remark: String = "") -> String {
        "Write the code for `\(definition.signature)`" + (definition.description.map { ": \($0)" } ?? "") + remark
    }

    /// The prompt that shows a definition and asks what it does: the question (and `remark`,
    /// what it says of guessed indentation), a blank line, the code without its docstring.
    public static func explainPrompt(_ definition: Definition, remark: String = "") -> String {
        "What does this do?" + remark + "\n\n" + Self.removingDocstring(from: definition.code)
    }

    /// What a definition does, in the guide's words: its comment, then its docstring.
    public static func explanation(_ definition: Definition) -> String? {
        guard let docstring = definition.docstring else { return nil }
        return [definition.description, docstring].compactMap { $0 }.joined(separator: ". ")
    }

    private static func isTopLevel(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first != " " && first != "\t"
    }

    private static func opensDefinition(_ line: String) -> Bool {
        ["def ", "class ", "async def "].contains { line.hasPrefix($0) } && line.trimmingWhitespace().hasSuffix(":")
    }

    /// The `#` comment lines right above line `index` (decorators included in the block), joined.
    private static func comment(above index: Int, in lines: [String]) -> String? {
        var texts: [String] = []
        var line = index - 1
        while line >= 0, lines[line].hasPrefix("#") {
            let text = lines[line].drop { $0 == "#" || $0 == " " || $0 == "-" }.trimmingWhitespace()
            let cleaned = String(text.reversed().drop { $0 == "-" || $0 == " " }.reversed())
            if !cleaned.isEmpty { texts.insert(cleaned, at: 0) }
            line -= 1
        }
        return texts.isEmpty ? nil : texts.joined(separator: "; ")
    }

    /// The lines of the docstring that opens the body after line `header`, when it has one.
    private static func docstringLines(_ lines: [String], after header: Int) -> ClosedRange<Int>? {
        let start = header + 1
        guard start < lines.count else { return nil }
        let first = lines[start].trimmingWhitespace()
        guard let quote = ["\"\"\"", "'''"].first(where: { first.hasPrefix($0) }) else { return nil }
        if first.dropFirst(3).contains(quote) { return start...start }
        return lines[(start + 1)...].firstIndex { $0.contains(quote) }.map { start...$0 }
    }

    /// The text of the docstring that opens the body after line `header`, on one line.
    private static func docstring(in lines: [String], after header: Int) -> String? {
        guard let range = docstringLines(lines, after: header) else { return nil }
        var text = lines[range].map { $0.trimmingWhitespace() }.joined(separator: " ").dropFirst(3)
        if let close = text.range(of: "\"\"\"") ?? text.range(of: "'''") { text = text[..<close.lowerBound] }
        let words = text.split(whereSeparator: { $0 == " " })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The code without the docstring that opens its body (a body that was only a docstring
    /// keeps a `...`).
    static func removingDocstring(from code: String) -> String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: opensDefinition), let range = docstringLines(lines, after: header) else { return code }
        lines.removeSubrange(range)
        if header + 1 >= lines.count || Self.isTopLevel(lines[header + 1]) {
            lines.insert(String(lines[header].prefix { $0 == " " }) + "    ...", at: header + 1)
        }
        return lines.joined(separator: "\n")
    }
}
