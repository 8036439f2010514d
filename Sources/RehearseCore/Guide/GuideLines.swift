/// The lines of a guide's text, as byte offsets into its text rather than a copy each: a
/// 50 MB guide has over a million lines, and a `Substring` (or two indices) per line would
/// cost more memory than the text itself. Four bytes a line. The text itself is held by
/// ``GuideText``, all at once or a chunk at a time.
struct GuideLines: RandomAccessCollection {
    private let text: GuideText
    /// Where each line starts, in UTF-8 bytes from the start of the text.
    private let starts: [UInt32]
    /// `\n`, or `\r` when the text has no `\n` (old Mac line endings).
    private let separator: UInt8
    private let byteCount: Int

    /// Splits on `\n` (dropping a `\r` before it), or on lone `\r` when the text has no `\n`.
    init(_ text: String) {
        var lineStarts = LineStarts()
        text.utf8.withContiguousStorageIfAvailable { lineStarts.record($0, at: 0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { lineStarts.record($0, at: 0) }
        self.init(text: GuideText(text), lineStarts: lineStarts, byteCount: text.utf8.count)
    }

    /// The lines of a text whose line starts were recorded as it was checked.
    init(text: GuideText, lineStarts: LineStarts, byteCount: Int) {
        self.text = text
        (starts, separator) = lineStarts.result
        self.byteCount = byteCount
        text.hasSubsectionNumbers = lineStarts.hasSubsectionNumbers
    }

    /// Whether a file read a chunk at a time changed while it was read.
    var changedWhileRead: Bool { text.changedWhileRead }

    /// Whether some line starts with a number such as `2.1` (``LineStarts/hasSubsectionNumbers``).
    var hasSubsectionNumbers: Bool { text.hasSubsectionNumbers }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    subscript(position: Int) -> Substring { line(position, trimmed: false) }

    /// The line without leading and trailing spaces and tabs; the same as
    /// `lines[position].trimmingWhitespace()`, worked out on the bytes in one pass.
    func trimmed(_ position: Int) -> Substring { line(position, trimmed: true) }

    /// Whether the line may underline the one above it (``Substring/underlineLevel(under:strict:)``):
    /// its first byte other than white space is `=`, `-`, `~` or `^`. Both readers ask it of
    /// the line after each line, so it looks at a byte and makes no string of the line.
    @inline(__always)
    func mayBeUnderline(_ position: Int) -> Bool {
        let first = firstVisibleByte(position)
        return first == 0x3D || first == 0x2D || first == 0x7E || first == 0x5E
    }

    /// The line's first byte other than white space, without making a string of the line; nil
    /// for a blank line.
    func firstVisibleByte(_ position: Int) -> UInt8? {
        let start = Int(starts[position])
        let end = position + 1 < starts.count ? Int(starts[position + 1]) - 1 : byteCount
        return text.firstVisibleByte(start, end)
    }

    /// The line without its line break (and, if asked, its outer white space).
    private func line(_ position: Int, trimmed: Bool) -> Substring {
        let start = Int(starts[position])
        let end = position + 1 < starts.count ? Int(starts[position + 1]) - 1 : byteCount
        return text.line(start, end, dropsReturn: separator == 0x0A, trimmed: trimmed)
    }
}

/// Receives the blocks a format reader finds, in document order.
protocol GuideBlockSink {
    mutating func consume(_ block: GuideBlock)
}
