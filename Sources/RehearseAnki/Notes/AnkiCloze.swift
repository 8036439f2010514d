import Foundation

/// Cloze deletions, `{{c1::answer::hint}}`: on the question side the deletions of the card's
/// number become `[...]` (or `[hint]`), the others show their text; on the answer side every
/// deletion shows its text.
enum AnkiCloze {
    static func render(_ text: String, number: Int, side: AnkiTemplate.Side) -> String {
        var output = ""
        for piece in pieces(of: text) {
            switch piece {
            case .text(let text): output += text
            case .deletion(let n, let answer, let hint):
                output += n == number && side == .question ? "[\(hint ?? "...")]" : render(answer, number: number, side: side)
            }
        }
        return output
    }

    /// The texts deleted by cloze `number`, in order.
    static func deletions(in text: String, number: Int) -> [String] {
        pieces(of: text).flatMap { piece -> [String] in
            guard case .deletion(let n, let answer, _) = piece else { return [] }
            let inner = render(answer, number: number, side: .answer)
            return n == number ? [inner] : deletions(in: answer, number: number)
        }
    }

    /// The cloze numbers used in `text`, ascending: one card each.
    static func numbers(in text: String) -> [Int] {
        Set(pieces(of: text).flatMap { piece -> [Int] in
            guard case .deletion(let n, let answer, _) = piece else { return [] }
            return [n] + numbers(in: answer)
        }).sorted()
    }

    private enum Piece {
        case text(Substring)
        case deletion(number: Int, answer: String, hint: String?)
    }

    /// Splits text into plain runs and top-level deletions (nested ones stay in `answer`).
    private static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{c") {
            let digits = rest[open.upperBound...].prefix { $0.isNumber }
            guard let number = Int(digits), rest[digits.endIndex...].hasPrefix("::") else {
                pieces.append(.text(rest[..<open.upperBound]))
                rest = rest[open.upperBound...]
                continue
            }
            // Find the matching "}}", counting nested "{{".
            var depth = 1
            var index = rest.index(digits.endIndex, offsetBy: 2)
            let bodyStart = index
            while index < rest.endIndex, depth > 0 {
                if rest[index...].hasPrefix("{{") {
                    depth += 1
                    index = rest.index(index, offsetBy: 2)
                } else if rest[index...].hasPrefix("}}") {
                    depth -= 1
                    if depth == 0 { break }
                    index = rest.index(index, offsetBy: 2)
                } else {
                    index = rest.index(after: index)
                }
            }
            guard depth == 0 else { break }
            pieces.append(.text(rest[..<open.lowerBound]))
            let body = rest[bodyStart..<index]
            let (answer, hint) = splitHint(body)
            pieces.append(.deletion(number: number, answer: answer, hint: hint))
            rest = rest[rest.index(index, offsetBy: 2)...]
        }
        pieces.append(.text(rest))
        return pieces
    }

    /// `answer::hint` at the top level of a deletion's body.
    private static func splitHint(_ body: Substring) -> (String, String?) {
        var depth = 0
        var index = body.startIndex
        while index < body.endIndex {
            if body[index...].hasPrefix("{{") { depth += 1; index = body.index(index, offsetBy: 2); continue }
            if body[index...].hasPrefix("}}") { depth -= 1; index = body.index(index, offsetBy: 2); continue }
            if depth == 0, body[index...].hasPrefix("::") {
                return (String(body[..<index]), String(body[body.index(index, offsetBy: 2)...]))
            }
            index = body.index(after: index)
        }
        return (String(body), nil)
    }
}
