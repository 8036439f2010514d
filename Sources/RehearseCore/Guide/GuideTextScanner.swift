import Foundation

/// Checks a guide's bytes a block at a time as they are read: UTF-8 text without NUL bytes,
/// after an optional byte-order mark. Notes where each line starts on the way, so that the
/// reader can come back for any line without holding the whole text.
///
/// A block may end inside a character: its last bytes wait for the next block.
struct GuideTextScanner {
    let fileName: String
    private(set) var lineStarts = LineStarts()
    /// The text's length in bytes so far, without the byte-order mark.
    private(set) var byteCount = 0
    /// 3 when the bytes start with a UTF-8 byte-order mark, which is not part of the text.
    private(set) var markLength = 0
    /// Whether any byte so far is something other than white space.
    private(set) var hasContent = false
    /// Bytes after the last ASCII byte of the previous block: perhaps the start of a character.
    private var pending: [UInt8] = []

    init(fileName: String) {
        self.fileName = fileName
    }

    /// Checks the next block and returns its text, less any bytes left waiting for the next
    /// block; or an empty string unless `keepsText`, for a file read again a chunk at a time
    /// later: the block is then checked without making a string of it.
    mutating func consume(_ block: UnsafeBufferPointer<UInt8>, keepsText: Bool = true) throws(GuideError) -> String {
        var body = block[...]
        if byteCount == 0, pending.isEmpty, body.starts(with: [0xEF, 0xBB, 0xBF]) {
            markLength = 3
            body = body.dropFirst(3)
        }
        let offset = byteCount
        let bodyBuffer = UnsafeBufferPointer(rebasing: body)
        lineStarts.record(bodyBuffer, at: offset)
        byteCount += bodyBuffer.count
        if let base = bodyBuffer.baseAddress, let zero = memchr(base, 0, bodyBuffer.count) {
            throw .binary(file: fileName, line: lineStarts.position(of: offset + (UnsafeRawPointer(zero) - UnsafeRawPointer(base))).line)
        }
        if !hasContent { hasContent = bodyBuffer.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } }
        // ASCII bytes never sit inside a character: the block is checked up to its last one.
        guard let lastASCII = bodyBuffer.lastIndex(where: { $0 < 0x80 }) else {
            pending += bodyBuffer
            return ""
        }
        let checked = bodyBuffer[...lastASCII]
        let checkedStart = offset - pending.count
        // The text of the bytes, or "" when it is not kept; nil when they are not UTF-8.
        func text(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
            keepsText ? String(validating: bytes, as: UTF8.self) : UTF8Validity.isWellFormed(bytes) ? "" : nil
        }
        if !pending.isEmpty { pending += checked }
        let text = pending.isEmpty ? text(of: UnsafeBufferPointer(rebasing: checked)) : pending.withUnsafeBufferPointer(text(of:))
        guard let text else { throw invalidByte(in: pending.isEmpty ? Array(checked) : pending, at: checkedStart) }
        pending = Array(bodyBuffer[(lastASCII + 1)...])
        return text
    }

    /// Checks the bytes still waiting once the last block is in, and returns their text.
    func finish() throws(GuideError) -> String {
        guard hasContent else { throw .empty(file: fileName) }
        if pending.isEmpty { return "" }
        guard let text = String(validating: pending, as: UTF8.self) else {
            throw invalidByte(in: pending, at: byteCount - pending.count)
        }
        return text
    }

    /// The error for the first byte of `piece`, which starts at `offset` in the text, that is
    /// not part of a UTF-8 character.
    private func invalidByte(in piece: [UInt8], at offset: Int) -> GuideError {
        var iterator = piece.makeIterator()
        var decoder = UTF8()
        var bad = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { bad += UTF8.width(scalar) }
        let (line, column) = lineStarts.position(of: offset + bad)
        return .invalidUTF8(file: fileName, line: line, column: column, byte: piece[min(bad, piece.count - 1)])
    }
}

/// Where the lines of a text start, recorded a block at a time: after each `\n` (a `\r`
/// before it belongs to the line break), or after each `\r` in a text with no `\n` at all
/// (old Mac line endings).
struct LineStarts {
    /// Byte offsets from the start of the text. Texts are at most
    /// ``GuideReader/maximumSize`` bytes, well within 32-bit offsets.
    private(set) var afterNewlines: [UInt32] = [0]
    /// Kept only until the first `\n` turns up.
    private var afterReturns: [UInt32]? = [0]
    /// Whether some line starts with a number of two or more parts (`2.1`, after any spaces):
    /// only then may the text number its sections in an outline (``SectionOutline``).
    private(set) var hasSubsectionNumbers = false
    /// How far the start of the current line matches `2.1`: it may span two blocks.
    private var head = LineHead.spaces

    private enum LineHead { case spaces, digits, period, decided }

    /// The starts to split on, and the byte that ends a line.
    var result: (starts: [UInt32], separator: UInt8) {
        if afterNewlines.count == 1, let afterReturns, afterReturns.count > 1 { return (afterReturns, 0x0D) }
        return (afterNewlines, 0x0A)
    }

    /// Records the line starts in `bytes`, which begin `offset` bytes into the text.
    mutating func record(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
        var index = readHead(bytes, from: 0)
        while index < bytes.count {
            index = Self.nextLineBreak(in: bytes, from: index)
            guard index < bytes.count else { return }
            let byte = bytes[index]
            index += 1
            let start = UInt32(truncatingIfNeeded: offset + index)
            if byte == 0x0A {
                afterNewlines.append(start)
                afterReturns = nil
            } else if afterReturns != nil {
                afterReturns?.append(start)
            }
            if !hasSubsectionNumbers {
                head = .spaces
                index = readHead(bytes, from: index)
            }
        }
    }

    /// The position of the first `\n` or `\r` from `start`, or the end of `bytes`; eight bytes
    /// are looked at together where none of them is one.
    private static func nextLineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A) || hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D) { break }
            index += 8
        }
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// Whether one of the eight bytes of `word` is zero.
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Reads the start of a line from `index` until it shows whether the line starts with a
    /// number such as `2.1`, or the block ends; returns where it stopped. A line break is
    /// left for the caller.
    private mutating func readHead(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while head != .decided, index < bytes.count {
            let byte = bytes[index]
            switch head {
            case .spaces where byte == 0x20 || byte == 0x09: break
            case .spaces where byte.isASCIIDigit, .digits where byte.isASCIIDigit: head = .digits
            case .digits where byte == 0x2E: head = .period
            case .period where byte.isASCIIDigit:
                hasSubsectionNumbers = true
                head = .decided
            default:
                head = .decided
                return index
            }
            index += 1
        }
        return index
    }

    /// The 1-based line and byte column of a byte offset recorded so far.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let starts = result.starts
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= offset { low = middle } else { high = middle }
        }
        return (low + 1, offset - Int(starts[low]) + 1)
    }
}

/// Whether bytes are well-formed UTF-8, without making a string of them.
enum UTF8Validity {
    /// Checks eight ASCII bytes at a time, and each other character against Unicode's table
    /// of well-formed byte sequences (no overlong forms, no surrogates, nothing past U+10FFFF).
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The character's length, and the range its second byte must fall in.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xE1...0xEF: length = 3
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            case 0xF1...0xF3: length = 4
            default: return false
            }
            guard index + length <= bytes.count, second.contains(base[index + 1]) else { return false }
            for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
