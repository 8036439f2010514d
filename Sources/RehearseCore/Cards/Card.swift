/// Something to rehearse: a prompt, the answer to check against, and where it comes from.
public struct Card: Sendable, Equatable, Codable {
    /// Derived from the guide id, the section path, the kind and the normalised question, so
    /// that editing an answer or inserting a section keeps the card's history.
    public var id: String
    public var guideID: String
    public var kind: Kind
    public var section: [String]
    public var prompt: String
    public var answer: String
    public var keypoints: [String]
    /// The guide's priority; new cards of higher-priority guides come first.
    public var priority: Priority
    /// Position in the guide, for introducing new cards in document order.
    public var position: Int

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case qa, prompt, concept, definition
        case tableCell = "table-cell"
        case claim, story
        case predictOutput = "predict-output"
        /// "Write the code for …": the answer is a definition from the guide's code.
        case writeCode = "write-code"
        /// "What does this do?" about a definition, answered by its docstring and comment.
        case explainCode = "explain-code"
    }

    public init(
        id: String, guideID: String, kind: Kind, section: [String], prompt: String, answer: String,
        keypoints: [String], priority: Priority, position: Int
    ) {
        self.id = id
        self.guideID = guideID
        self.kind = kind
        self.section = section
        self.prompt = prompt
        self.answer = answer
        self.keypoints = keypoints
        self.priority = priority
        self.position = position
    }
}
