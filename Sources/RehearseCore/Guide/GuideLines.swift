/// The lines of a guide's text, as positions into the one string rather than a copy each:
/// a 50 MB guide has over a million lines, and a `Substring` per line would cost more
/// memory than the text itself.
struct GuideLines: RandomAccessCollection {
    let text: String
    private let bounds: [(start: String.Index, end: String.Index)]

    /// Splits on `\n` (dropping a `\r` before it), or on lone `\r` when the text has no `\n`.
    init(_ text: String) {
        self.text = text
        let bytes = text.utf8
        let separator: UInt8 = bytes.contains(0x0A) ? 0x0A : 0x0D
        var bounds: [(start: String.Index, end: String.Index)] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == separator {
                var end = index
                if separator == 0x0A, end > start, bytes[bytes.index(before: end)] == 0x0D { end = bytes.index(before: end) }
                bounds.append((start, end))
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        bounds.append((start, bytes.endIndex))
        self.bounds = bounds
    }

    var startIndex: Int { 0 }
    var endIndex: Int { bounds.count }

    subscript(position: Int) -> Substring {
        let (start, end) = bounds[position]
        return text[start..<end]
    }
}

/// Receives the blocks a format reader finds, in document order.
protocol GuideBlockSink {
    mutating func consume(_ block: GuideBlock)
}
