import Foundation

/// Reads a guide file's bytes into a ``Guide``, detecting its format.
///
/// ```swift
/// let guide = try GuideReader().read(bytes, fileName: "03-python-deep-dive.txt")
/// ```
///
/// Bad input (an empty or binary file, bytes that are not UTF-8, a file over
/// ``maximumSize``) throws a ``GuideError`` that names the file and, where it helps, the line.
public struct GuideReader: Sendable {
    /// The largest guide accepted, in bytes.
    public var maximumSize: Int

    public init(maximumSize: Int = 256 * 1024 * 1024) {
        self.maximumSize = maximumSize
    }

    /// Reads a guide; `fileName` gives the guide id and, with the content, the format.
    public func read(_ bytes: some Collection<UInt8>, fileName: String) throws(GuideError) -> Guide {
        guard bytes.count <= maximumSize else {
            throw .tooLarge(file: fileName, bytes: bytes.count, limit: maximumSize)
        }
        return try read(text: Self.decode(bytes, fileName: fileName), fileName: fileName)
    }

    /// Reads a guide already decoded with ``decode(_:fileName:)``, so that the caller can let
    /// go of the bytes before the guide is built.
    public func read(text: String, fileName: String) throws(GuideError) -> Guide {
        guard text.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw .empty(file: fileName)
        }
        let lines = GuideLines(text)
        let format = Self.format(of: lines, fileName: fileName)
        var extractor = ItemExtractor(guideID: Self.slug(fileName), lineCount: lines.count)
        let segmented =
            switch format {
            case .markdown: MarkdownSegmenter(lines: lines).segment(into: &extractor)
            case .flatText: FlatTextSegmenter(lines: lines).segment(into: &extractor)
            }
        var guide = extractor.finish(segmented, format: format)
        if guide.number == nil { guide.number = Self.number(fromFileName: fileName) }
        return guide
    }

    /// Checks that the bytes are UTF-8 text (a byte-order mark is dropped) and returns it.
    public static func decode(_ bytes: some Collection<UInt8>, fileName: String) throws(GuideError) -> String {
        if bytes.isEmpty { throw .empty(file: fileName) }
        let hasMark = bytes.count >= 3 && bytes.prefix(3).elementsEqual([0xEF, 0xBB, 0xBF])
        let hasZero = bytes.withContiguousStorageIfAvailable { $0.contains(0) } ?? bytes.contains(0)
        if !hasZero, let text = String(validating: bytes.dropFirst(hasMark ? 3 : 0), as: UTF8.self) {
            return text
        }
        // The error path: copy once to find and name the offending byte.
        let body = Array(bytes.dropFirst(hasMark ? 3 : 0))[...]
        if let zero = body.firstIndex(of: 0) {
            throw .binary(file: fileName, line: body[..<zero].count(where: { $0 == 0x0A }) + 1)
        }
        let badOffset = firstInvalidUTF8Offset(body)
        let prefix = body[body.startIndex..<(body.startIndex + badOffset)]
        let line = prefix.count(where: { $0 == 0x0A }) + 1
        let column = badOffset - (prefix.lastIndex(of: 0x0A).map { $0 - body.startIndex + 1 } ?? 0) + 1
        throw .invalidUTF8(file: fileName, line: line, column: column, byte: body[body.startIndex + badOffset])
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Markdown when the name says so or the text has `#` headings or code fences.
    static func format(of lines: GuideLines, fileName: String) -> GuideFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        if lower.hasSuffix(".txt") { return .flatText }
        let markers = lines.prefix(2000).count { line in
            MarkdownSegmenter.fence(line.trimmingWhitespace()) != nil || MarkdownSegmenter.heading(line) != nil
        }
        return markers >= 2 ? .markdown : .flatText
    }

    /// `03-python-deep-dive.txt` → `03-python-deep-dive`.
    public static func slug(_ fileName: String) -> String {
        var base = Substring(fileName.split(separator: "/").last ?? "")
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        var slug = ""
        for char in base.lowercased() {
            if char.isLetter || char.isNumber {
                slug.append(char)
            } else if slug.last != "-" && !slug.isEmpty {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "guide" : slug
    }

    static func number(fromFileName fileName: String) -> String? {
        let base = fileName.split(separator: "/").last ?? ""
        let digits = base.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty || digits.count > 3 ? nil : String(digits)
    }
}

/// Why a guide could not be read; each case names the file and, where it helps, the line.
public enum GuideError: Error, Equatable, CustomStringConvertible {
    case empty(file: String)
    case binary(file: String, line: Int)
    case invalidUTF8(file: String, line: Int, column: Int, byte: UInt8)
    case tooLarge(file: String, bytes: Int, limit: Int)
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let file):
            "\(file): the file is empty; a guide needs headings, questions or notes"
        case .binary(let file, let line):
            "\(file):\(line): the file holds a NUL byte: it looks binary, not a text guide"
        case .invalidUTF8(let file, let line, let column, let byte):
            "\(file):\(line):\(column): byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8; save the guide as UTF-8"
        case .tooLarge(let file, let bytes, let limit):
            "\(file): \(bytes) bytes is larger than the \(limit)-byte limit for one guide; split it into several guides"
        case .unreadable(let file, let reason):
            "\(file): cannot read the file: \(reason)"
        }
    }
}
