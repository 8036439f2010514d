/// The reader-independent layer between a file format and the item extractor: headings,
/// prose lines and code, each with its line in the file.
enum GuideBlock: Equatable {
    /// A heading; level 1 is a main section of the guide (a table-of-contents entry).
    /// `placement` is set when the text does not state the level (a flat guide without a table
    /// of contents or a numbered outline): the level is then worked out from the headings
    /// around it.
    case heading(level: Int, title: String, line: Int, placement: HeadingPlacement? = nil)
    /// One line of prose, inline markup already removed.
    case text(Substring, line: Int)
    /// A code snippet, already re-indented when it is Python.
    case code(language: String, code: String, lines: ClosedRange<Int>)
    case blank(line: Int)
    /// The end of a container the reader saw close (`</details>`, a call-out's closing
    /// `:::`), or the start of a call-out box: whatever was open ends here, an answer too.
    case boundary(line: Int)
}

/// How a flat guide's reader placed a heading whose level the text does not state.
enum HeadingPlacement: Equatable {
    /// Its level follows from the headings around it.
    case guessed
    /// One of a run of numbered sections (`2. Transactions`): its level follows from the
    /// headings around it, and the headings under it are one level deeper.
    case numbered
    /// A heading after numbered sections began: a subsection of the last of them.
    case underNumbered
}

/// What a format reader found before the items: the guide's title line and number, and the
/// priority its metadata gives.
struct GuideHeader {
    var number: String?
    var title: String?
    /// The priority the file's metadata gives (Markdown front matter), if any; a `Priority:`
    /// line in the text comes first.
    var priority: Priority?
}

/// What a format reader reports besides the blocks it streams to its sink.
struct SegmentedGuide {
    var header: GuideHeader
    var warnings: [GuideWarning]
    var indentationGuesses: [IndentationGuess] = []
}
