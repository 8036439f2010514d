/// The ASCII classes of a byte, for the readers that look at a guide's lines byte by byte.
extension UInt8 {
    var isASCIILowercase: Bool { self >= 0x61 && self <= 0x7A }
    var isASCIIUppercase: Bool { self >= 0x41 && self <= 0x5A }
    var isASCIILetter: Bool { isASCIILowercase || isASCIIUppercase }
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
}

extension UInt8 {
    /// Whether the byte is one of the ASCII characters of `characters` (`last.isOne(of: ".?!")`):
    /// a scan of the literal's bytes, without the generic walk of a `String`'s UTF-8 view.
    @inline(__always)
    func isOne(of characters: StaticString) -> Bool {
        characters.withUTF8Buffer { $0.contains(self) }
    }
}

extension String {
    /// The parts of the text between `separator` bytes (an ASCII byte: `\n`, a space), empty
    /// ones left out: `split(separator:)` without its walk over characters, for code and labels
    /// read on every item. Unlike a split on the character, `\r\n` is split too.
    func split(byte separator: UInt8) -> [Substring] {
        // The parts' bounds are found on the bytes in place; the view's own walk is slower.
        let bounds: [Range<Int>]? = utf8.withContiguousStorageIfAvailable { bytes in
            var parts: [Range<Int>] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == separator {
                if offset > start { parts.append(start..<offset) }
                start = offset + 1
            }
            if bytes.count > start { parts.append(start..<bytes.count) }
            return parts
        }
        let view = utf8
        guard let bounds else { return view.split(separator: separator).map { Substring($0) } }
        return bounds.map { Substring(view[view.index(view.startIndex, offsetBy: $0.lowerBound)..<view.index(view.startIndex, offsetBy: $0.upperBound)]) }
    }
}

extension Sequence where Element: StringProtocol {
    /// The elements joined by `\n`, each appended in turn: how the readers join a block's
    /// lines, for every block of every guide. It takes under half the instructions of
    /// `joined(separator: "\n")`, whose generic walk dominates for lines this short.
    func joinedLines() -> String {
        var text = ""
        var isFirst = true
        for line in self {
            if !isFirst { text.append("\n") }
            isFirst = false
            text.append(contentsOf: line)
        }
        return text
    }
}
