import Foundation

/// Renders an Anki card template to HTML, as Anki does for the parts that carry text:
/// `{{Field}}`, filters (`{{text:Field}}`, `{{hint:Field}}`, `{{furigana:Field}}`, …: the
/// field's text), conditionals `{{#Field}}…{{/Field}}` and `{{^Field}}…{{/Field}}`,
/// `{{FrontSide}}`, `{{cloze:Field}}` for one cloze number, and `{{type:Field}}` (the typing
/// box: nothing on the question side, the expected answer on the answer side, where Anki
/// shows it under what was typed). Unknown fields render empty.
///
/// ```swift
/// let front = AnkiTemplate.render("{{Front}}", fields: ["Front": "2 + 2?"])
/// ```
enum AnkiTemplate {
    /// Which side a cloze is rendered for.
    enum Side {
        case question, answer
    }

    static func render(
        _ template: String, fields: [String: String], side: Side = .question, frontSide: String = "", cloze: Int? = nil
    ) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if let first = tag.first, first == "#" || first == "^" {
                let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                let end = "{{/\(name)}}"
                let inner: Substring
                if let endRange = rest.range(of: end) {
                    inner = rest[..<endRange.lowerBound]
                    rest = rest[endRange.upperBound...]
                } else {
                    inner = rest
                    rest = ""
                }
                let isEmpty = fieldText(name, fields: fields).allSatisfy { $0.isWhitespace }
                if isEmpty == (first == "^") {
                    output += render(String(inner), fields: fields, side: side, frontSide: frontSide, cloze: cloze)
                }
                continue
            }
            if tag == "FrontSide" {
                output += frontSide
                continue
            }
            let parts = tag.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts.last ?? ""
            let filters = parts.dropLast()
            let value = fields[name] ?? ""
            if filters.contains("type") {
                if side == .answer, !filters.contains("cloze") { output += value }
            } else if filters.contains("cloze"), let cloze {
                output += AnkiCloze.render(value, number: cloze, side: side)
            } else {
                output += value
            }
        }
        output += rest
        return output
    }

    /// The field names a template shows, in order (conditionals and `FrontSide` left out).
    static func fieldNames(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            guard let first = tag.first, !"#^/!".contains(first), tag != "FrontSide" else { continue }
            if let name = tag.split(separator: ":").last.map({ $0.trimmingCharacters(in: .whitespaces) }), !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    private static func fieldText(_ name: String, fields: [String: String]) -> String {
        fields[name] ?? ""
    }
}
