/// Why an Anki file cannot be read or written; every message names the file.
public struct AnkiPackageError: Error, Equatable, CustomStringConvertible {
    /// The file the problem is in.
    public var path: String
    /// What is wrong, in words.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// A problem found inside an archive or a compressed stream, before the file's name is known
/// to the code that found it; ``AnkiPackageError`` adds the name.
struct ArchiveProblem: Error, Equatable {
    var reason: String
    /// What the user can do about it, when it is not the usual (see ``naming(_:advice:)``).
    var advice: String?

    init(_ reason: String, advice: String? = nil) {
        self.reason = reason
        self.advice = advice
    }

    /// The problem as an error naming `path`, with this problem's advice or else `advice`.
    func naming(_ path: String, advice usual: String? = nil) -> AnkiPackageError {
        AnkiPackageError(path: path, reason: [reason, advice ?? usual].compactMap { $0 }.joined(separator: "; "))
    }
}
