/// Checks a guide's bytes as they arrive (an upload read from the network, say) and keeps
/// only their text: the same checks and messages as ``GuideReader`` (NUL bytes, invalid
/// UTF-8 with line and column, empty, too large), so that no door lets in what another
/// refuses. Too large is caught as soon as the bytes pass the limit, before they are held.
///
/// ```swift
/// var decoder = GuideTextDecoder(fileName: "04-sql.md", maximumSize: 16 << 20)
/// for try await chunk in body { try decoder.consume(chunk) }
/// let text = try decoder.finish()
/// ```
public struct GuideTextDecoder: Sendable {
    public let fileName: String
    public let maximumSize: Int
    private var scanner: GuideTextScanner
    private var text = ""
    /// Bytes received so far.
    public private(set) var byteCount = 0

    public init(fileName: String, maximumSize: Int) {
        self.fileName = fileName
        self.maximumSize = maximumSize
        scanner = GuideTextScanner(fileName: fileName)
    }

    /// Refuses a declared size over the limit before any byte is read.
    public func checkDeclaredSize(_ bytes: Int) throws(GuideError) {
        if bytes > maximumSize { throw .tooLarge(file: fileName, bytes: bytes, limit: maximumSize) }
    }

    /// Checks the next bytes and keeps their text.
    public mutating func consume(_ bytes: some Collection<UInt8>) throws(GuideError) {
        byteCount += bytes.count
        try checkDeclaredSize(byteCount)
        func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<String, GuideError> {
            Result { () throws(GuideError) in try scanner.consume(buffer) }
        }
        text += try (bytes.withContiguousStorageIfAvailable(scan) ?? Array(bytes).withUnsafeBufferPointer(scan)).get()
    }

    /// The whole text, once every byte is in.
    public mutating func finish() throws(GuideError) -> String {
        if byteCount == 0 { throw .empty(file: fileName) }
        text += try scanner.finish()
        return text
    }
}
