import Foundation

/// Writes a zip archive in memory: each entry stored or deflated, with the CRC-32 and sizes in
/// its local header (no data descriptors), then the central directory. Times are left at the
/// DOS epoch so that the same content always makes the same bytes.
///
/// ```swift
/// var zip = ZipWriter()
/// try zip.add("meta", Data([0x08, 0x02]))
/// try zip.add("collection.anki21", collection, deflated: true)
/// let bytes = zip.finish()
/// ```
struct ZipWriter {
    private var output = Data()
    private var directory = Data()
    private var count = 0

    /// Adds an entry called `name` holding `contents`.
    mutating func add(_ name: String, _ contents: Data, deflated: Bool = false) throws(ArchiveProblem) {
        let body = deflated ? try Deflate.deflate(contents) : contents
        guard output.count < Int(UInt32.max), contents.count < Int(UInt32.max), count < 0xFFFF else {
            throw ArchiveProblem("the package would need ZIP64 (over 4 GiB or 65,535 entries), which is not written")
        }
        let nameBytes = Data(name.utf8)
        let method: UInt16 = deflated ? 8 : 0
        let crc = Deflate.crc32(contents)
        let offset = UInt32(output.count)
        // The fields both headers share: version 2.0 needed, UTF-8 names (bit 11), the method, the
        // DOS epoch as time and date, the CRC, the sizes and the name's length.
        var shared = Data()
        shared.append(le16: 20)
        shared.append(le16: 0x0800)
        shared.append(le16: method)
        shared.append(le16: 0)
        shared.append(le16: 0x21)
        shared.append(le32: crc)
        shared.append(le32: UInt32(body.count))
        shared.append(le32: UInt32(contents.count))
        shared.append(le16: UInt16(nameBytes.count))
        // Local file header (no extra field, no data descriptor), then the data.
        output.append(le32: 0x0403_4B50)
        output.append(shared)
        output.append(le16: 0)
        output.append(nameBytes)
        output.append(body)
        // Central directory record: made by version 2.0, no extra field, comment, disk or attributes.
        directory.append(le32: 0x0201_4B50)
        directory.append(le16: 20)
        directory.append(shared)
        for _ in 0..<4 { directory.append(le16: 0) }
        directory.append(le32: 0)
        directory.append(le32: offset)
        directory.append(nameBytes)
        count += 1
    }

    /// The archive's bytes: the entries, the central directory and its end record.
    func finish() -> Data {
        var archive = output
        archive.append(directory)
        archive.append(le32: 0x0605_4B50)
        archive.append(le16: 0)
        archive.append(le16: 0)
        archive.append(le16: UInt16(count))
        archive.append(le16: UInt16(count))
        archive.append(le32: UInt32(directory.count))
        archive.append(le32: UInt32(output.count))
        archive.append(le16: 0)
        return archive
    }
}

extension Data {
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        append(le16: UInt16(value & 0xFFFF))
        append(le16: UInt16(value >> 16))
    }
}
