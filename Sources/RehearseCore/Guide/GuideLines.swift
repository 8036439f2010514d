/// The lines of a guide's text, as byte offsets into the one string rather than a copy
/// each: a 50 MB guide has over a million lines, and a `Substring` (or two indices) per line
/// would cost more memory than the text itself. Four bytes a line.
struct GuideLines: RandomAccessCollection {
    let text: String
    /// Where each line starts, in UTF-8 bytes from the start of the text.
    private let starts: [UInt32]
    /// `\n`, or `\r` when the text has no `\n` (old Mac line endings).
    private let separator: UInt8

    /// Splits on `\n` (dropping a `\r` before it), or on lone `\r` when the text has no `\n`.
    /// Texts are at most ``GuideReader/maximumSize`` bytes, well within 32-bit offsets.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        let (starts, separator) = text.utf8.withContiguousStorageIfAvailable(Self.lineStarts) ?? ([0], 0x0A)
        self.starts = starts
        self.separator = separator
    }

    private static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt32], UInt8) {
        let separator: UInt8 = bytes.contains(0x0A) ? 0x0A : 0x0D
        var starts: [UInt32] = [0]
        for (offset, byte) in bytes.enumerated() where byte == separator { starts.append(UInt32(truncatingIfNeeded: offset + 1)) }
        return (starts, separator)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    subscript(position: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(starts[position]))
        guard position + 1 < starts.count else { return text[start...] }
        var end = utf8.index(utf8.startIndex, offsetBy: Int(starts[position + 1]) - 1)
        if separator == 0x0A, end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
        return text[start..<end]
    }
}

/// Receives the blocks a format reader finds, in document order.
protocol GuideBlockSink {
    mutating func consume(_ block: GuideBlock)
}
