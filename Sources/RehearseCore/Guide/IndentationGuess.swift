/// How sure the reader is of the indentation it gave a block of flattened Python.
///
/// The reader chooses the most probable reading; where a close rival exists, the block's
/// confidence is low and ``doubtfulLine`` names the first line the rival places differently.
public struct IndentationGuess: Sendable, Equatable, Codable {
    /// The lines of the code item, 1-based, as in ``GuideItem/lines``.
    public var lines: ClosedRange<Int>
    /// The probability of the chosen reading among the close readings, 0–1.
    public var confidence: Double
    /// The first line where the best rival reading differs.
    public var doubtfulLine: Int?

    /// Below this, a block is shown as "indentation guessed".
    public static let guessedBelow = 0.9
    /// Below this, its output is not trusted for a "What does this print?" card.
    public static let doubtfulBelow = 0.6

    public var isGuessed: Bool { confidence < Self.guessedBelow }
    public var isDoubtful: Bool { confidence < Self.doubtfulBelow }

    /// "indentation guessed (line 12 in doubt)", for outlines and cards.
    public var note: String {
        "indentation guessed" + (doubtfulLine.map { " (line \($0) in doubt)" } ?? "")
    }
}

extension Guide {
    /// The indentation guess for a code item, when its Python was restored from flat text.
    public func indentationGuess(for item: GuideItem) -> IndentationGuess? {
        guard item.kind == .code else { return nil }
        return indentationGuesses.first { $0.lines == item.lines }
    }
}
