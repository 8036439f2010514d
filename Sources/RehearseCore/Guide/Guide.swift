/// A study guide as Rehearse understands it: its heading tree and every drillable item.
///
/// A `Guide` is produced by ``GuideReader`` from flattened plain text or GitHub Markdown;
/// both formats give the same model.
///
/// ```swift
/// let guide = try GuideReader().read(data, fileName: "03-python-deep-dive.txt")
/// for item in guide.items where item.kind == .qa { print(item.section, item.content) }
/// ```
public struct Guide: Sendable, Equatable {
    /// A slug derived from the file name, stable across runs (`03-python-deep-dive`).
    public var id: String
    /// The guide's number in its series (`"03"`), if the title or file name gives one.
    public var number: String?
    /// The title without its number (`Python Deep Dive for Interviews`).
    public var title: String?
    /// The guide's priority, from a `Priority:` line.
    public var priority: Priority?
    /// Which reader produced the guide.
    public var format: GuideFormat
    /// The next guide of the series, from a closing `Next: …` line.
    public var next: String?
    /// The heading tree in document order.
    public var sections: [Section]
    /// Every drillable item in document order.
    public var items: [GuideItem]
    /// Things the reader could not understand fully, with the line they concern.
    public var warnings: [GuideWarning]
    /// For each block of Python restored from flat text, how sure the reader is of it.
    public var indentationGuesses: [IndentationGuess]

    public init(
        id: String, number: String? = nil, title: String? = nil, priority: Priority? = nil,
        format: GuideFormat, next: String? = nil, sections: [Section] = [], items: [GuideItem] = [],
        warnings: [GuideWarning] = [], indentationGuesses: [IndentationGuess] = []
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.priority = priority
        self.format = format
        self.next = next
        self.sections = sections
        self.items = items
        self.warnings = warnings
        self.indentationGuesses = indentationGuesses
    }
}

/// How urgent a guide is; new cards of higher-priority guides are introduced first.
public enum Priority: String, Sendable, Codable, CaseIterable, Comparable {
    case high, medium, low

    /// Reads `HIGH`, `High — …`, `medium`, `Low priority` and the like.
    public init?(text: some StringProtocol) {
        let word = String(text.prefix { $0.isLetter }).lowercased()
        switch word {
        case "high", "critical", "top": self = .high
        case "medium", "normal", "mid": self = .medium
        case "low": self = .low
        default: return nil
        }
    }

    private var rank: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .low: 2
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}

/// The file format a guide was read from.
public enum GuideFormat: String, Sendable, Codable {
    case flatText = "flat-text"
    case markdown
}

/// A heading and the headings nested under it.
public struct Section: Sendable, Equatable, Codable {
    public var title: String
    public var children: [Section]

    public init(title: String, children: [Section] = []) {
        self.title = title
        self.children = children
    }
}

/// Something the reader noticed and could not resolve, tied to a line of the file.
public struct GuideWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    /// 1-based line in the guide file.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
