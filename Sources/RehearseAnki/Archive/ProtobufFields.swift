import Foundation

/// The fields of one Protocol Buffers message, decoded without its schema: Anki keeps the
/// package version, note type and template settings in protobuf blobs, of which Rehearse
/// reads a few numbered fields.
///
/// ```swift
/// let config = try ProtobufFields(templateConfig)
/// let front = config.string(1)   // CardTemplate.Config.q_format
/// ```
struct ProtobufFields {
    private var varints: [Int: UInt64] = [:]
    private var bytes: [Int: [Data]] = [:]

    init(_ data: Data) throws(ArchiveProblem) {
        var reader = Reader(data: data)
        while !reader.isAtEnd {
            let key = try reader.varint()
            let number = Int(truncatingIfNeeded: key >> 3)
            switch key & 7 {
            case 0: varints[number] = try reader.varint()
            case 1: try reader.skip(8)
            case 2:
                guard let length = Int(exactly: try reader.varint()) else { throw ArchiveProblem("damaged protobuf data (bad length)") }
                bytes[number, default: []].append(try reader.take(length))
            case 5: try reader.skip(4)
            default: throw ArchiveProblem("damaged protobuf data (wire type \(key & 7))")
            }
        }
    }

    /// The varint field `number` (0 when absent, as protobuf defaults).
    func integer(_ number: Int) -> UInt64 { varints[number] ?? 0 }

    /// The last string field `number` ("" when absent).
    func string(_ number: Int) -> String {
        bytes[number]?.last.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Every length-delimited value of the repeated field `number`.
    func messages(_ number: Int) -> [Data] { bytes[number] ?? [] }

    private struct Reader {
        let data: Data
        var offset = 0

        var isAtEnd: Bool { offset >= data.count }

        mutating func varint() throws(ArchiveProblem) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < data.count, shift < 64 else { throw ArchiveProblem("damaged protobuf data (bad varint)") }
                let byte = data[data.startIndex + offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
        }

        mutating func skip(_ count: Int) throws(ArchiveProblem) {
            guard count >= 0, offset + count <= data.count else { throw ArchiveProblem("damaged protobuf data (cut short)") }
            offset += count
        }

        mutating func take(_ count: Int) throws(ArchiveProblem) -> Data {
            let start = offset
            try skip(count)
            return data[data.startIndex + start..<data.startIndex + offset]
        }
    }
}
