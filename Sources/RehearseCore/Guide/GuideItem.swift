/// One drillable thing of a guide: a question, a definition, a snippet, a claim…
///
/// A guide can hold hundreds of thousands of items, so the id and the line range are kept
/// as small numbers (80 bytes an item, besides the text).
public struct GuideItem: Sendable, Equatable {
    /// What the item says.
    public var content: Content
    /// For repeated content at the same place, its 1-based occurrence.
    private(set) var occurrence: UInt32
    private var firstLine: UInt32
    private var lastLine: UInt32
    /// The id's hash.
    private(set) var hash: UInt64
    /// The heading path the item sits under, outermost first.
    public var section: [String]

    /// Stable identifier: the same content at the same place gives the same id on every run.
    public var id: String { StableID.render(hash, occurrence: Int(occurrence)) }

    /// First and last 1-based line of the item in the guide file.
    public var lines: ClosedRange<Int> {
        get { Int(firstLine)...Int(lastLine) }
        set {
            firstLine = UInt32(clamping: newValue.lowerBound)
            lastLine = UInt32(clamping: newValue.upperBound)
        }
    }

    init(hash: UInt64, occurrence: Int, section: [String], lines: ClosedRange<Int>, content: Content) {
        self.content = content
        self.occurrence = UInt32(clamping: occurrence)
        self.firstLine = UInt32(clamping: lines.lowerBound)
        self.lastLine = UInt32(clamping: lines.upperBound)
        self.hash = hash
        self.section = section
    }

    /// The kind of item, as named in the JSON contract.
    public var kind: ItemKind { content.kind }

    /// What an item says, by kind.
    public enum Content: Sendable, Equatable {
        /// An explicit question with its answer (`Q:`/`A:` lines, question headings).
        case qa(question: String, answer: String)
        /// A prompt such as `When asked "…":` followed by its answer.
        case prompt(question: String, answer: String)
        /// A headed explanation (`What:`, `Why it exists:` …).
        case concept(title: String, text: String)
        /// A `term: explanation` line or bullet; `context` is the label it was listed under.
        case definition(term: String, definition: String, context: String?)
        /// A comparison table.
        case table(header: [String], rows: [[String]])
        /// A code snippet; Python is re-indented when the file lost its indentation.
        case code(language: String, code: String, caption: String?)
        /// An executable claim such as ``type(42) → <class 'int'>``.
        case claim(expr: String, expected: String, setup: String?)
        /// A reference to read.
        case resource(title: String, url: String?, description: String?)
        /// A personal talking point ("Your answer: …").
        case story(text: String)
        /// A self-assessment heading of a "My Notes" section.
        case notesPrompt(text: String)

        public var kind: ItemKind {
            switch self {
            case .qa: .qa
            case .prompt: .prompt
            case .concept: .concept
            case .definition: .definition
            case .table: .table
            case .code: .code
            case .claim: .claim
            case .resource: .resource
            case .story: .story
            case .notesPrompt: .notesPrompt
            }
        }

        /// Hashes, as the last part of a stable id, the text that identifies the item within
        /// its section; several fields are joined by U+001F.
        func hashIdentity(into hasher: inout StableID.Hasher) {
            func joined(_ fields: [String]) {
                hasher.startPart(fields.first ?? "")
                for field in fields.dropFirst() {
                    hasher.append("\u{1F}")
                    hasher.append(field)
                }
            }
            switch self {
            case .qa(let question, _), .prompt(let question, _): hasher.startPart(question)
            case .concept(let title, _): hasher.startPart(title)
            case .definition(let term, _, let context): joined([context ?? "", term])
            case .table(let header, _): joined(header)
            case .code(let language, let code, _): joined([language, code])
            case .claim(let expr, _, let setup): joined([setup ?? "", expr])
            case .resource(let title, let url, _): hasher.startPart(url ?? title)
            case .story(let text), .notesPrompt(let text): hasher.startPart(text)
            }
        }
    }
}

/// The kinds of guide item, with the names the JSON contract uses.
public enum ItemKind: String, Sendable, Codable, CaseIterable {
    case qa, prompt, concept, definition, table, code, claim, resource, story
    case notesPrompt = "notes-prompt"
}
