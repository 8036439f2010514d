/// Stable, platform-independent identifiers: FNV-1a (64-bit) over normalised UTF-8 text.
///
/// Swift's `hashValue` is seeded per process, so it cannot name things that must keep
/// their name between runs and machines.
enum StableID {
    static func hash(_ parts: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { mix(0x1E, into: &value) }
            for byte in normalized(part).utf8 { mix(byte, into: &value) }
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Lower-cased, with runs of white space folded, so that re-wrapping a line keeps the id.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func mix(_ byte: UInt8, into value: inout UInt64) {
        value ^= UInt64(byte)
        value = value &* 0x100_0000_01b3
    }
}
