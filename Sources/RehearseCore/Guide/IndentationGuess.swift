/// How sure the reader is of the indentation it gave a block of flattened Python.
///
/// The reader chooses the most probable reading of each run of the block and keeps the close
/// readings it weighed against it (``Run/rivals``), with the lines each would indent
/// differently. A block of separate examples is read in runs that each start fresh at the
/// margin, and their doubts are independent: one example in doubt does not make a definition
/// in another doubtful (``narrowed(to:)``). Within a run the doubt is the run's: the readings
/// the search keeps to the end share most of their lines, so they cannot tell which lines of
/// a run are sure.
public struct IndentationGuess: Sendable, Equatable, Codable {
    /// A run of the block read on its own, and the readings weighed against the chosen one.
    public struct Run: Sendable, Equatable, Codable {
        /// Its lines in the file.
        public var lines: ClosedRange<Int>
        /// The readings of the run that were not chosen, most probable first.
        public var rivals: [Rival]

        public init(lines: ClosedRange<Int>, rivals: [Rival]) {
            self.lines = lines
            self.rivals = rivals.sorted { $0.probability > $1.probability }
        }

        /// The probability of the chosen reading among the run's readings, 0–1.
        public var confidence: Double {
            max(0, 1 - rivals.reduce(0) { $0 + $1.probability })
        }
    }

    /// A reading of a run that was not chosen.
    public struct Rival: Sendable, Equatable, Codable {
        /// Its probability among the readings of its run, 0–1.
        public var probability: Double
        /// The lines of the file it indents differently from the chosen reading, ascending.
        public var lines: [Int]
        /// How deep it indents each of ``lines``, in levels of four spaces (empty: not known).
        public var depths: [Int]

        public init(probability: Double, lines: [Int], depths: [Int] = []) {
            self.probability = probability
            self.lines = lines
            self.depths = depths
        }

        /// The code of this reading, given the chosen reading's `code`, whose first line is
        /// line `firstLine` of the file; nil when its depths are not known.
        public func code(replacing code: String, firstLine: Int) -> String? {
            guard depths.count == self.lines.count, !depths.isEmpty else { return nil }
            var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, depth) in zip(self.lines, depths) {
                let position = line - firstLine
                guard lines.indices.contains(position) else { return nil }
                let text = lines[position].drop { $0 == " " }
                lines[position] = Substring(String(repeating: PythonReindenter.unit, count: depth) + text)
            }
            return lines.joinedLines()
        }
    }

    /// The lines of the code item, 1-based, as in ``GuideItem/lines``.
    public var lines: ClosedRange<Int>
    /// The runs the block was read in, in order.
    public var runs: [Run]

    public init(lines: ClosedRange<Int>, runs: [Run]) {
        self.lines = lines
        self.runs = runs
    }

    /// Below this, a block is shown as "indentation guessed".
    public static let guessedBelow = 0.9
    /// Below this, its output is not trusted for a "What does this print?" card, nor a
    /// definition's code for a card about it.
    public static let doubtfulBelow = 0.6

    /// The probability that every line is indented as shown, 0–1: its runs' together.
    public var confidence: Double {
        runs.reduce(1) { $0 * $1.confidence }
    }

    /// The first of ``lines`` that the most probable rival indenting one of them differently
    /// indents differently.
    public var doubtfulLine: Int? {
        let rivals = runs.flatMap(\.rivals).filter { $0.lines.contains(where: lines.contains) }
        return rivals.max { $0.probability < $1.probability }?.lines.first(where: lines.contains)
    }

    public var isGuessed: Bool { confidence < Self.guessedBelow }
    public var isDoubtful: Bool { confidence < Self.doubtfulBelow }

    /// The guess for some of the block's lines: the runs that hold one of them.
    public func narrowed(to range: ClosedRange<Int>) -> IndentationGuess {
        IndentationGuess(lines: lines.clamped(to: range), runs: runs.filter { $0.lines.overlaps(range) })
    }

    /// "indentation guessed (line 12 in doubt)", for outlines and cards.
    public var note: String {
        "indentation guessed" + (doubtfulLine.map { " (line \($0) in doubt)" } ?? "")
    }

    /// " (indentation guessed (line 12 in doubt))" after a card's question when the
    /// indentation is guessed, else nothing.
    public var cardRemark: String {
        isGuessed ? " (\(note))" : ""
    }
}

extension Guide {
    /// The indentation guess for a code item, when its Python was restored from flat text.
    public func indentationGuess(for item: GuideItem) -> IndentationGuess? {
        guard item.kind == .code else { return nil }
        return indentationGuesses.first { $0.lines == item.lines }
    }
}
