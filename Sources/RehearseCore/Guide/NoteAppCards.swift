/// Flashcards written in a note, as Obsidian's spaced-repetition plugins mark them: a question
/// and its answer on one line around `::` (`:::` for a card that is also asked backwards), or
/// a question over a line of `?` (`??`) over the answer. A one-line card whose front asks
/// nothing (`Leader :: the node that accepts writes`) defines a term: ``Substring/labelled``
/// reads it.
enum NoteAppCards {
    /// The question and answer of a one-line card whose front asks (`What does fsync do? ::
    /// It flushes the file to disk.`), or nil. A table row is no card.
    static func inlineCard(_ text: Substring) -> (question: Substring, answer: Substring)? {
        guard let separator = doubleColon(in: text), text.utf8.first != 0x7C else { return nil }
        var answerStart = separator.upperBound
        if answerStart < text.endIndex, text[answerStart] == ":" { answerStart = text.index(after: answerStart) }
        let question = text[..<separator.lowerBound].trimmingWhitespace()
        let answer = text[answerStart...].trimmingWhitespace()
        guard question.last == "?", !answer.isEmpty, !answer.contains("::") else { return nil }
        return (question, answer)
    }

    /// The first `::` in `text`, found on its bytes: most lines have none.
    private static func doubleColon(in text: Substring) -> Range<String.Index>? {
        let offset: Int? = text.withBytes { bytes in
            guard bytes.count >= 2 else { return nil }
            for index in 0..<(bytes.count - 1) where bytes[index] == 0x3A && bytes[index + 1] == 0x3A { return index }
            return nil
        }
        guard let offset else { return nil }
        let start = text.utf8.index(text.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: 2)
    }

    /// Whether a line separates a card's question from its answer: `?`, or `??` for a card
    /// asked both ways.
    static func isSeparator(_ text: Substring) -> Bool {
        text == "?" || text == "??"
    }
}
