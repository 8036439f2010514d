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
        // Counted first so that the list is allocated once, at its final size.
        var starts: [UInt32] = []
        starts.reserveCapacity(bytes.count(where: { $0 == separator }) + 1)
        starts.append(0)
        for (offset, byte) in bytes.enumerated() where byte == separator { starts.append(UInt32(truncatingIfNeeded: offset + 1)) }
        return (starts, separator)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    subscript(position: Int) -> Substring {
        let (start, end) = bounds(of: position, trimmed: false)
        return slice(start, end)
    }

    /// The line without leading and trailing spaces and tabs; the same as
    /// `lines[position].trimmingWhitespace()`, worked out on the bytes in one pass.
    func trimmed(_ position: Int) -> Substring {
        let (start, end) = bounds(of: position, trimmed: true)
        return slice(start, end)
    }

    /// The line's byte offsets, without its line break (and, if asked, its outer white space).
    private func bounds(of position: Int, trimmed: Bool) -> (Int, Int) {
        let start = Int(starts[position])
        let end = position + 1 < starts.count ? Int(starts[position + 1]) - 1 : text.utf8.count
        let separator = separator
        func narrow(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
            var start = start
            var end = end
            if separator == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
            guard trimmed else { return (start, end) }
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return (start, end)
        }
        // The text was made contiguous in `init`, so the copy never happens in practice.
        return text.utf8.withContiguousStorageIfAvailable(narrow) ?? Array(text.utf8).withUnsafeBufferPointer(narrow)
    }

    private func slice(_ start: Int, _ end: Int) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }
}

/// Receives the blocks a format reader finds, in document order.
protocol GuideBlockSink {
    mutating func consume(_ block: GuideBlock)
}
