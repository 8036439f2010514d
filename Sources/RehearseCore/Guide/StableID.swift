/// Stable, platform-independent identifiers: FNV-1a (64-bit) over normalised UTF-8 text.
///
/// Swift's `hashValue` is seeded per process, so it cannot name things that must keep
/// their name between runs and machines.
enum StableID {
    /// The hash rendered as 16 hex digits, with `-N` for the Nth repeat of the same content.
    static func render(_ hash: UInt64, occurrence: Int) -> String {
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return occurrence <= 1 ? padded : "\(padded)-\(occurrence)"
    }

    static func hash(_ parts: [String]) -> UInt64 {
        var hasher = Hasher()
        for part in parts { hasher.startPart(part) }
        return hasher.value
    }

    /// Hashes parts one after another without joining them into one string first.
    ///
    /// Each part is mixed ASCII-lower-cased with runs of white space folded to one space and
    /// none at either end, so that re-wrapping or re-casing a line keeps the id; parts are
    /// separated by U+001E.
    struct Hasher {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
        private var parts = 0
        private var pendingSpace = false
        private var started = false

        /// Begins the next part with `text`.
        mutating func startPart(_ text: some StringProtocol) {
            if parts > 0 { mix(0x1E) }
            parts += 1
            pendingSpace = false
            started = false
            append(text)
        }

        /// Continues the current part: the same as if `text` had been joined to it.
        mutating func append(_ text: some StringProtocol) {
            if text.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) != nil { return }
            append(bytes: text.utf8)
        }

        private mutating func append(bytes: some Sequence<UInt8>) {
            for byte in bytes {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    pendingSpace = started
                default:
                    if pendingSpace { mix(0x20) }
                    pendingSpace = false
                    started = true
                    mix(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                }
            }
        }

        private mutating func mix(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}
