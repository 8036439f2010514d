import Foundation

/// What fitting the indentation model saw, written as JSON Lines for studying the model
/// outside Swift (a new feature or another model class tried in a script before it is built
/// in). Off unless a file is given; the fitted model is the same either way.
public struct FitRecords: Sendable {
    /// One line per decision of the fit on all examples: the example's part, the index of the
    /// true candidate, and per candidate depth its ``PlacementFacts`` (in the order of
    /// `PlacementFacts.names`) and its cue offset. The first line names the facts and the
    /// model's templates (`closed×previous×kind`: which facts each one combines).
    public var decisions: URL?
    /// One line per search of a part with weights fitted to the other parts, where several
    /// finalists were considered: the part, the index of the true reading among them (-1 when
    /// it is absent), and per finalist its restored text, search score (less the best one's)
    /// and ``ReadingFlaws`` counts (named on the first line).
    public var finalists: URL?

    public init(decisions: URL? = nil, finalists: URL? = nil) {
        self.decisions = decisions
        self.finalists = finalists
    }

    /// Opens the files; the first line of each names its fields.
    func writers() throws -> (decisions: RecordWriter?, finalists: RecordWriter?) {
        (try decisions.map { try RecordWriter($0, header: ["facts": PlacementFacts.names,
                                                           "templates": IndentationModel.templates.map(\.name)]) },
         try finalists.map { try RecordWriter($0, header: ["flaws": ReadingFlaws.names]) })
    }
}

/// Writes one JSON object per line to a file it creates.
final class RecordWriter {
    private let handle: FileHandle

    init(_ url: URL, header: [String: Any]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path)
        else { throw IndentationModelError.unwritable(url.path) }
        self.handle = handle
        try write(header)
    }

    func write(_ object: [String: Any]) throws {
        try handle.write(contentsOf: JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) + Data("\n".utf8))
    }

    deinit { try? handle.close() }
}
