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
    /// How much of a file is read at once, and about how much of its text is held at once.
    var chunkSize = 1 << 16

    public init(maximumSize: Int = 256 * 1024 * 1024) {
        self.maximumSize = maximumSize
    }

    /// Starts loading, on a thread of its own, what restoring flattened Python needs (the
    /// indentation model: some 5 ms, the first time a process reads a flat guide), and returns
    /// at once: for a command that has other work to do before it reads guides (parse its
    /// arguments, open the database). Reading waits for the load if it is not done.
    public static func prepare() {
        DispatchQueue.global(qos: .userInitiated).async { _ = IndentationModel.shared }
    }

    /// Reads a guide; `fileName` gives the guide id and, with the content, the format.
    public func read(_ bytes: some Collection<UInt8>, fileName: String) throws(GuideError) -> Guide {
        guard bytes.count <= maximumSize else {
            throw .tooLarge(file: fileName, bytes: bytes.count, limit: maximumSize)
        }
        // The check that decodes the bytes also finds the line starts: they are not counted again.
        let (text, scanner) = try Self.check(bytes, fileName: fileName)
        return read(GuideLines(text: GuideText(text), lineStarts: scanner.lineStarts, byteCount: scanner.byteCount), fileName: fileName)
    }

    /// Reads a guide already decoded with ``decode(_:fileName:)``, so that the caller can let
    /// go of the bytes before the guide is built.
    public func read(text: String, fileName: String) throws(GuideError) -> Guide {
        guard text.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw .empty(file: fileName)
        }
        return read(GuideLines(text), fileName: fileName)
    }

    /// Reads the guide file at `path`. The file is checked in one pass, then decoded again a
    /// chunk at a time as the guide is built, so that its whole text is never in memory.
    /// Errors about the file name `path`; errors about its content name the file.
    public func read(contentsOfFile path: String) throws(GuideError) -> Guide {
        let (file, isRegular) = try open(path)
        defer { try? file.close() }
        let fileName = (path as NSString).lastPathComponent
        // A guide not named as Markdown is likely flat text, whose Python is restored with the
        // indentation model: it is read on another core while this one checks the file.
        if !Self.namesMarkdown(fileName) { IndentationModel.prefetch() }
        var scanner = GuideTextScanner(fileName: fileName)
        // A file that fits in one block is decoded once, by the check.
        var wholeText: String?
        do {
            // A pipe or a device cannot be read twice: it is read whole.
            guard isRegular else { return try read(readWhole(file, path: path), fileName: fileName) }
            let size = try file.seekToEnd()
            if size > UInt64(maximumSize) { throw GuideError.tooLarge(file: path, bytes: Int(size), limit: maximumSize) }
            if size == 0 { throw GuideError.empty(file: fileName) }
            try file.seek(toOffset: 0)
            var blocks = 0
            while let block = try file.read(upToCount: chunkSize), !block.isEmpty {
                // The first block's text is kept in case it is the only one; the others are only checked.
                let keepsText = blocks == 0
                let text = try block.withUnsafeBytes { (raw) throws(GuideError) in
                    try scanner.consume(raw.assumingMemoryBound(to: UInt8.self), keepsText: keepsText)
                }
                blocks += 1
                wholeText = blocks == 1 ? text : nil
            }
            let rest = try scanner.finish()
            wholeText? += rest
        } catch {
            throw Self.guideError(error, path: path)
        }
        let text = wholeText.map(GuideText.init) ?? GuideText(
            file: file, markLength: scanner.markLength, byteCount: scanner.byteCount, lineStarts: scanner.lineStarts.result.starts,
            chunkSize: chunkSize)
        let lines = GuideLines(text: text, lineStarts: scanner.lineStarts, byteCount: scanner.byteCount)
        let guide = read(lines, fileName: fileName)
        if lines.changedWhileRead { throw .unreadable(file: path, reason: "the file changed while it was read; read it again") }
        return guide
    }

    /// The whole text of the guide file at `path`, checked as ``decode(_:fileName:)`` checks
    /// it; for keeping a guide's text, which ``read(text:fileName:)`` then reads.
    public func text(ofFile path: String) throws(GuideError) -> String {
        let (file, _) = try open(path)
        defer { try? file.close() }
        do {
            return try Self.decode(readWhole(file, path: path), fileName: (path as NSString).lastPathComponent)
        } catch {
            throw Self.guideError(error, path: path)
        }
    }

    /// Opens a guide file; says whether it is a regular file, which can be read more than once.
    private func open(_ path: String) throws(GuideError) -> (FileHandle, isRegular: Bool) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isFolder.boolValue { throw .unreadable(file: path, reason: "it is a folder; name a guide file") }
        guard let file = FileHandle(forReadingAtPath: path) else {
            let reason =
                FileManager.default.isReadableFile(atPath: path)
                ? "the system would not open it; check that it is a plain file" : "permission denied; make the file readable"
            throw .unreadable(file: path, reason: reason)
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        return (file, type == .typeRegular)
    }

    /// All of a file, up to ``maximumSize``.
    private func readWhole(_ file: FileHandle, path: String) throws -> Data {
        var data = Data()
        while let block = try file.read(upToCount: chunkSize), !block.isEmpty {
            data.append(block)
            if data.count > maximumSize { throw GuideError.tooLarge(file: path, bytes: data.count, limit: maximumSize) }
        }
        return data
    }

    /// A failure to read a file, as the error that names it.
    private static func guideError(_ error: any Error, path: String) -> GuideError {
        error as? GuideError ?? .unreadable(file: path, reason: (error as NSError).localizedDescription)
    }

    private func read(_ lines: GuideLines, fileName: String) -> Guide {
        let format = Self.format(of: lines, fileName: fileName)
        if format == .flatText { IndentationModel.prefetch() }
        var items = BackgroundSink(DialogueSink(ItemExtractor(guideID: Self.slug(fileName), lineCount: lines.count)))
        let segmented =
            switch format {
            case .markdown: MarkdownSegmenter(lines: lines).segment(into: &items)
            case .flatText: FlatTextSegmenter(lines: lines).segment(into: &items)
            }
        var dialogue = items.finish()
        var extractor = dialogue.finish()
        var guide = extractor.finish(segmented, format: format)
        if guide.number == nil { guide.number = Self.number(fromFileName: fileName) }
        return guide
    }

    /// Checks that the bytes are UTF-8 text (a byte-order mark is dropped) and returns it.
    public static func decode(_ bytes: some Collection<UInt8>, fileName: String) throws(GuideError) -> String {
        try check(bytes, fileName: fileName).text
    }

    /// Decodes and checks bytes held in memory, with the scanner that noted their line starts.
    private static func check(_ bytes: some Collection<UInt8>, fileName: String) throws(GuideError) -> (text: String, scanner: GuideTextScanner) {
        if bytes.isEmpty { throw .empty(file: fileName) }
        var scanner = GuideTextScanner(fileName: fileName)
        func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<String, GuideError> {
            Result { () throws(GuideError) in try scanner.consume(buffer) + scanner.finish() }
        }
        let text = try (bytes.withContiguousStorageIfAvailable(scan) ?? Array(bytes).withUnsafeBufferPointer(scan)).get()
        return (text, scanner)
    }

    /// Whether the file name says Markdown (`.md`, `.markdown`).
    private static func namesMarkdown(_ fileName: String) -> Bool {
        let lower = fileName.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// Markdown when the name says so or the text has `#` headings or code fences. A `.txt`
    /// file is flat text unless it plainly holds Markdown: code fences, or a `# Title` first
    /// line over `##` headings (flattened code's `# comments` are neither).
    static func format(of lines: GuideLines, fileName: String) -> GuideFormat {
        if namesMarkdown(fileName) { return .markdown }
        let lower = fileName.lowercased()
        let head = lines.prefix(2000)
        guard lower.hasSuffix(".txt") else {
            let markers = head.count { line in
                MarkdownSegmenter.fence(line.trimmingWhitespace()) != nil || MarkdownSegmenter.heading(line) != nil
            }
            return markers >= 2 ? .markdown : .flatText
        }
        var fences = 0
        var subheadings = 0
        var titled: Bool?
        for line in head {
            if MarkdownSegmenter.fence(line) != nil { fences += 1 }
            guard let level = MarkdownSegmenter.heading(line)?.0 else {
                if titled == nil, !line.trimmingWhitespace().isEmpty { titled = false }
                continue
            }
            if titled == nil { titled = level == 1 } else if level >= 2 { subheadings += 1 }
        }
        return fences >= 2 || titled == true && subheadings >= 2 ? .markdown : .flatText
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
