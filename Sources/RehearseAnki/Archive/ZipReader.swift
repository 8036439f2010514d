import Foundation

/// Reads the entries of a zip archive held in memory: stored and deflated entries, as Anki
/// writes them. Sizes come from the central directory, so entries written with a data
/// descriptor read too; ZIP64 archives (over 4 GiB) are refused.
///
/// Every entry is inflated under a ceiling (``maximumEntrySize``) and must come out at the
/// size the directory declares, so a zip bomb stops at the ceiling instead of filling memory.
///
/// ```swift
/// let zip = try ZipReader(data: try Data(contentsOf: url))
/// let meta = try zip.contents(of: "meta")
/// ```
struct ZipReader {
    struct Entry {
        var name: String
        var method: UInt16
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    /// The largest entry inflated: 4 GiB, the most a zip without ZIP64 can declare.
    static let maximumEntrySize = Int(UInt32.max)

    let data: Data
    /// The entries, in the directory's order.
    private(set) var entries: [Entry] = []
    private var names: Set<String> = []

    /// Whether `data` starts as a zip archive does (a local file header, or an empty archive).
    static func looksLikeZip(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    init(data: Data) throws(ArchiveProblem) {
        self.data = data
        guard let end = Self.endOfCentralDirectory(in: data) else {
            throw ArchiveProblem("not a zip archive (no central directory)")
        }
        let count = Int(data.uint16(at: end + 10))
        let directorySize = Int(data.uint32(at: end + 12))
        var offset = Int(data.uint32(at: end + 16))
        guard count != 0xFFFF, offset != 0xFFFF_FFFF, offset + directorySize <= end else {
            throw ArchiveProblem("a ZIP64 or damaged zip archive (the central directory is out of place)")
        }
        for _ in 0..<count {
            guard offset + 46 <= data.count, data.uint32(at: offset) == 0x0201_4B50 else {
                throw ArchiveProblem("a damaged zip archive (bad central directory entry at byte \(offset))")
            }
            let nameLength = Int(data.uint16(at: offset + 28))
            let extraLength = Int(data.uint16(at: offset + 30))
            let commentLength = Int(data.uint16(at: offset + 32))
            guard offset + 46 + nameLength <= data.count else { throw ArchiveProblem("a damaged zip archive (truncated directory)") }
            let name = String(decoding: data[data.startIndex + offset + 46..<data.startIndex + offset + 46 + nameLength], as: UTF8.self)
            let entry = Entry(
                name: name, method: data.uint16(at: offset + 10), compressedSize: Int(data.uint32(at: offset + 20)),
                size: Int(data.uint32(at: offset + 24)), localHeaderOffset: Int(data.uint32(at: offset + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.size == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
                throw ArchiveProblem("\(name) is stored as ZIP64, which is not supported")
            }
            entries.append(entry)
            names.insert(name)
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// Whether the archive holds an entry called `name`.
    func contains(_ name: String) -> Bool {
        names.contains(name)
    }

    /// The inflated bytes of the entry called `name`; nil when there is none.
    func contents(of name: String, maximumSize: Int = maximumEntrySize) throws(ArchiveProblem) -> Data? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        guard entry.size <= maximumSize else {
            throw ArchiveProblem("\(name) would unpack to \(entry.size) bytes, over the limit of \(maximumSize)")
        }
        // Deflate shrinks by at most 1032:1; a larger claim is a bomb, refused before any memory is set aside.
        guard entry.method != 8 || entry.size <= entry.compressedSize * 1032 + 1024 else {
            throw ArchiveProblem("\(name) claims to unpack \(entry.compressedSize) bytes into \(entry.size), more than deflate can (a zip bomb?)")
        }
        let header = entry.localHeaderOffset
        guard header + 30 <= data.count, data.uint32(at: header) == 0x0403_4B50 else {
            throw ArchiveProblem("a damaged zip archive (no local header for \(name))")
        }
        let start = header + 30 + Int(data.uint16(at: header + 26)) + Int(data.uint16(at: header + 28))
        guard start + entry.compressedSize <= data.count else {
            throw ArchiveProblem("a damaged zip archive (\(name) is cut short)")
        }
        let compressed = data[data.startIndex + start..<data.startIndex + start + entry.compressedSize]
        switch entry.method {
        case 0:
            return Data(compressed)
        case 8:
            let inflated = try Deflate.inflate(compressed, expectedSize: entry.size)
            return inflated
        default:
            throw ArchiveProblem("\(name) uses zip compression method \(entry.method); only stored and deflated entries are read")
        }
    }

    /// Finds the end-of-central-directory record, searching back over a trailing comment.
    private static func endOfCentralDirectory(in data: Data) -> Int? {
        guard data.count >= 22 else { return nil }
        let lowest = max(0, data.count - 22 - 0xFFFF)
        var offset = data.count - 22
        while offset >= lowest {
            if data.uint32(at: offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        return nil
    }
}

extension Data {
    /// The little-endian integer at byte `offset` from the start.
    func uint16(at offset: Int) -> UInt16 {
        UInt16(self[startIndex + offset]) | UInt16(self[startIndex + offset + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }
}
