import Foundation

/// The JSON document of `rehearse inspect --json` (spec/cli-contracts.md §1).
extension Guide: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, number, title, priority, format, next, sections, items, warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(number, forKey: .number)
        try container.encode(title, forKey: .title)
        try container.encode(priority, forKey: .priority)
        try container.encode(format, forKey: .format)
        try container.encode(next, forKey: .next)
        try container.encode(sections, forKey: .sections)
        try container.encode(items.map { EncodedItem(item: $0, guess: indentationGuess(for: $0)) }, forKey: .items)
        try container.encode(warnings, forKey: .warnings)
    }

    /// The guide as the JSON of `rehearse inspect --json`.
    public func jsonData(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// An item as `inspect --json` writes it: a code item also carries its `confidence`
/// (null where the indentation was given rather than restored).
private struct EncodedItem: Encodable {
    let item: GuideItem
    let guess: IndentationGuess?

    private enum CodingKeys: String, CodingKey { case confidence }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        guard item.kind == .code else { return }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(guess.map { ($0.confidence * 1000).rounded() / 1000 }, forKey: .confidence)
    }
}

extension GuideItem: Encodable {
    private enum CodingKeys: String, CodingKey {
        case kind, id, section, lines
        case question, answer, keypoints, title, text, term, definition, context, header, rows
        case language, code, caption, expr, expected, setup, url, description
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id, forKey: .id)
        try container.encode(section, forKey: .section)
        switch content {
        case .qa(let question, let answer), .prompt(let question, let answer):
            try container.encode(question, forKey: .question)
            try container.encode(answer, forKey: .answer)
            try container.encode(KeypointExtractor.keypoints(from: answer), forKey: .keypoints)
        case .concept(let title, let text):
            try container.encode(title, forKey: .title)
            try container.encode(text, forKey: .text)
            try container.encode(KeypointExtractor.keypoints(from: text), forKey: .keypoints)
        case .definition(let term, let definition, let context):
            try container.encode(term, forKey: .term)
            try container.encode(definition, forKey: .definition)
            try container.encode(context, forKey: .context)
        case .table(let header, let rows):
            try container.encode(header, forKey: .header)
            try container.encode(rows, forKey: .rows)
        case .code(let language, let code, let caption):
            try container.encode(language, forKey: .language)
            try container.encode(code, forKey: .code)
            try container.encode(caption, forKey: .caption)
        case .claim(let expr, let expected, let setup):
            try container.encode(expr, forKey: .expr)
            try container.encode(expected, forKey: .expected)
            try container.encode(setup, forKey: .setup)
        case .resource(let title, let url, let description):
            try container.encode(title, forKey: .title)
            try container.encode(url, forKey: .url)
            try container.encode(description, forKey: .description)
        case .story(let text), .notesPrompt(let text):
            try container.encode(text, forKey: .text)
        }
        try container.encode([lines.lowerBound, lines.upperBound], forKey: .lines)
    }
}
