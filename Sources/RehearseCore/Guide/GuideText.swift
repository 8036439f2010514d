import Foundation

/// The text behind ``GuideLines``, a chunk of whole lines at a time. A text given in memory
/// is one chunk. A file is decoded a chunk (64 KB or so) at a time as its lines are asked
/// for, and only the last two chunks are kept, so that a 50 MB guide is not held in memory
/// while its items are built; a line still in use keeps its chunk alive.
final class GuideText {
    private struct Chunk {
        let index: Int
        /// Byte offsets of the chunk in the text.
        let start: Int
        let end: Int
        let text: String
        /// Whether the chunk holds a typographic ligature (``Ligature``), which its lines then lose.
        let hasLigatures: Bool

        init(index: Int, start: Int, end: Int, text: String) {
            self.index = index
            self.start = start
            self.end = end
            self.text = text
            hasLigatures = Ligature.occurs(in: text)
        }
    }

    /// The file the text is read from, and the length of its byte-order mark.
    private let file: FileHandle?
    private let markLength: Int
    /// Where each chunk starts in the text, in bytes; each is the start of a line.
    private let chunkStarts: [Int]
    private let byteCount: Int
    // Read for every line: one reader uses a text, on one thread, and never while changing it.
    @exclusivity(unchecked) private var current: Chunk
    @exclusivity(unchecked) private var previous: Chunk?
    /// The lines made last, by where they start: the readers ask for the lines around the one
    /// they read again and again. Cleared when the current chunk changes, so that it keeps no
    /// older chunk alive.
    @exclusivity(unchecked) private var recentLines = [RecentLine](repeating: RecentLine(), count: GuideText.recentLineSlots)
    private static let recentLineSlots = 32

    private struct RecentLine {
        var start = -1
        var end = -1
        var trimmed = false
        var line: Substring = ""
    }
    /// Set when a chunk read from the file was not what the first reading found.
    private(set) var changedWhileRead = false
    /// Whether some line starts with a number such as `2.1`, as the lines were first found
    /// (``LineStarts/hasSubsectionNumbers``); set by ``GuideLines``. Kept here, with the text,
    /// so that the lines themselves stay as small as they were.
    var hasSubsectionNumbers = false

    /// A text held in memory, one chunk.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        file = nil
        markLength = 0
        chunkStarts = [0]
        byteCount = text.utf8.count
        current = Chunk(index: 0, start: 0, end: byteCount, text: text)
    }

    /// A text read from `file` a chunk at a time, after a check of the whole file found its
    /// `byteCount` bytes of text (after a `markLength`-byte byte-order mark) and `lineStarts`.
    /// A chunk is the first whole lines that reach `chunkSize` bytes, or the rest of the text.
    init(file: FileHandle, markLength: Int, byteCount: Int, lineStarts: [UInt32], chunkSize: Int) {
        var chunkStarts = [0]
        var chunkStart = 0
        for start in lineStarts where Int(start) - chunkStart >= chunkSize && Int(start) < byteCount {
            chunkStart = Int(start)
            chunkStarts.append(chunkStart)
        }
        self.file = file
        self.markLength = markLength
        self.chunkStarts = chunkStarts
        self.byteCount = byteCount
        current = Chunk(index: -1, start: 0, end: 0, text: "")
    }

    /// The bytes `start..<end` of the text, one line, less a `\r` at its end when
    /// `dropsReturn`, and less its outer spaces and tabs when `trimmed`.
    func line(_ start: Int, _ end: Int, dropsReturn: Bool, trimmed: Bool) -> Substring {
        if start < current.start || end > current.end { moveToChunk(holding: start) }
        let slot = start & (Self.recentLineSlots - 1)
        let recent = recentLines[slot]
        if recent.start == start, recent.end == end, recent.trimmed == trimmed { return recent.line }
        let line = makeLine(start, end, dropsReturn: dropsReturn, trimmed: trimmed)
        recentLines[slot] = RecentLine(start: start, end: end, trimmed: trimmed, line: line)
        return line
    }

    private func makeLine(_ start: Int, _ end: Int, dropsReturn: Bool, trimmed: Bool) -> Substring {
        let offset = current.start
        func narrow(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
            var start = start - offset
            var end = end - offset
            if dropsReturn, end > start, bytes[end - 1] == 0x0D { end -= 1 }
            guard trimmed else { return (start, end) }
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return (start, end)
        }
        // Chunks are made contiguous, so the copy never happens in practice.
        let utf8 = current.text.utf8
        let (lower, upper) = utf8.withContiguousStorageIfAvailable(narrow) ?? Array(utf8).withUnsafeBufferPointer(narrow)
        // Made from the UTF-8 view: the bounds are line breaks and blanks, so they fall between
        // characters already, which the string's own subscript would work out again.
        let line = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
        return current.hasLigatures ? Ligature.spelledOut(line) : line
    }

    /// The first byte of `start..<end` other than a space or a tab, without making a string
    /// of the line; nil for a blank line.
    func firstVisibleByte(_ start: Int, _ end: Int) -> UInt8? {
        if start < current.start || end > current.end { moveToChunk(holding: start) }
        let offset = current.start
        func first(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
            bytes[(start - offset)..<(end - offset)].first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        }
        // Chunks are made contiguous, as for ``line(_:_:dropsReturn:trimmed:)``.
        let utf8 = current.text.utf8
        return utf8.withContiguousStorageIfAvailable(first) ?? Array(utf8).withUnsafeBufferPointer(first)
    }

    private func moveToChunk(holding start: Int) {
        var low = 0
        var high = chunkStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if chunkStarts[middle] <= start { low = middle } else { high = middle }
        }
        let wanted = previous?.index == low ? previous : nil
        previous = current
        current = wanted ?? load(low)
        for slot in recentLines.indices { recentLines[slot].start = -1 }
    }

    private func load(_ index: Int) -> Chunk {
        let start = chunkStarts[index]
        let end = index + 1 < chunkStarts.count ? chunkStarts[index + 1] : byteCount
        var text = ""
        if let file {
            do {
                try file.seek(toOffset: UInt64(markLength + start))
                text = String(decoding: try file.read(upToCount: end - start) ?? Data(), as: UTF8.self)
            } catch {
                text = ""
            }
        }
        if text.utf8.count != end - start {
            // The file changed since it was checked: keep the offsets valid; the reader reports it.
            changedWhileRead = true
            text = String(repeating: " ", count: end - start)
        }
        text.makeContiguousUTF8()
        return Chunk(index: index, start: start, end: end, text: text)
    }
}
