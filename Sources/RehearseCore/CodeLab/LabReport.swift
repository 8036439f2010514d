/// What the code lab found in a guide: the verdict on every snippet and claim
/// (the JSON of `rehearse check --json`, spec/cli-contracts.md §4).
public struct LabReport: Sendable, Codable, Equatable {
    /// The Python version that ran the snippets.
    public var python: String
    /// What confined them: `bubblewrap`, `unshare`, `rlimits-only`.
    public var isolation: String
    public var snippets: [SnippetResult]
    public var claims: [ClaimResult]

    public init(python: String, isolation: String, snippets: [SnippetResult], claims: [ClaimResult]) {
        self.python = python
        self.isolation = isolation
        self.snippets = snippets
        self.claims = claims
    }

    /// Whether a claim differs from what Python printed (the check then exits 1).
    public var hasDifferingClaim: Bool { claims.contains { $0.status == .differs } }
}

/// The verdict on one code item.
public struct SnippetResult: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case runs, fails, fragment, unparsable, timeout, killed
        case needsPackage = "needs-package"
        case notPython = "not-python"
    }

    public var id: String
    public var firstLine: String
    public var language: String
    public var status: Status
    /// Standard output, cut to ``SnippetResult/outputLimit`` bytes.
    public var output: String
    /// The last line of the exception, or the reason for the status.
    public var error: String?
    /// The missing top-level module, for `needs-package`.
    public var package: String?

    /// Output kept from a snippet, in bytes; the rest is dropped.
    public static let outputLimit = 64 * 1024

    public init(id: String, firstLine: String, language: String, status: Status, output: String, error: String?, package: String?) {
        self.id = id
        self.firstLine = firstLine
        self.language = language
        self.status = status
        self.output = output
        self.error = error
        self.package = package
    }

    enum CodingKeys: String, CodingKey {
        case id, language, status, output, error, package
        case firstLine = "first_line"
    }

    /// Every key is written, `null` when empty, as the contract shows.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(firstLine, forKey: .firstLine)
        try container.encode(language, forKey: .language)
        try container.encode(status, forKey: .status)
        try container.encode(output, forKey: .output)
        try container.encode(error, forKey: .error)
        try container.encode(package, forKey: .package)
    }
}

/// The verdict on one `expr → value` claim.
public struct ClaimResult: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case holds, differs, error
    }

    public var id: String
    public var expr: String
    public var expected: String
    /// The `repr` Python printed, or the error.
    public var actual: String
    public var status: Status

    public init(id: String, expr: String, expected: String, actual: String, status: Status) {
        self.id = id
        self.expr = expr
        self.expected = expected
        self.actual = actual
        self.status = status
    }

    /// Equal once runs of white space are folded (`<class 'int'>` written with two spaces still holds).
    public static func agrees(expected: String, actual: String) -> Bool {
        func folded(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return folded(expected) == folded(actual)
    }
}
