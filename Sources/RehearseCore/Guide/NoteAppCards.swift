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
        let bytes = text.utf8
        var index = bytes.startIndex
        while let colon = bytes[index...].firstIndex(of: 0x3A) {
            let next = bytes.index(after: colon)
            guard next < bytes.endIndex else { return nil }
            if bytes[next] == 0x3A { return colon..<bytes.index(after: next) }
            index = next
        }
        return nil
    }

    /// Whether a line separates a card's question from its answer: `?`, or `??` for a card
    /// asked both ways.
    static func isSeparator(_ text: Substring) -> Bool {
        text == "?" || text == "??"
    }
}
