/// Weights as a model file stores them: one JSON string of decimal numbers separated by
/// spaces (`"0.3976 -2.8338 0"`), each the shortest text that reads back as the same `Float`.
///
/// A JSON array of numbers would say the same, but `JSONDecoder` takes about 450 ns per
/// element, and the indentation model has some 34,000: 15 to 30 ms on the first flat guide
/// a command reads. One string decodes at once, and ``parse(_:)`` reads its numbers in well
/// under a millisecond, bit for bit as `Float(_:)` would.
struct StoredWeights: Codable, Equatable, Sendable {
    var values: [Float]

    init(_ values: [Float]) {
        self.values = values
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let values = Self.parse(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a list of decimal numbers separated by spaces")
        }
        self.values = values
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values.map(\.description).joined(separator: " "))
    }

    /// The numbers of `text`, separated by single or repeated spaces; nil when a word is not
    /// a decimal number. Reads the bytes in place into one array of the right size: splitting
    /// the text first made an array of 34,000 substrings, whose growth cost more than the numbers.
    static func parse(_ text: String) -> [Float]? {
        var text = text
        return text.withUTF8 { bytes -> [Float]? in
            let space = UInt8(ascii: " ")
            let powersOfTen = Self.powersOfTen
            var values: [Float] = []
            values.reserveCapacity(bytes.reduce(1) { $1 == space ? $0 + 1 : $0 })
            var start = 0
            while start < bytes.count {
                guard bytes[start] != space else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, bytes[end] != space { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard let value = fastValue(word, powersOfTen) ?? Float(String(decoding: word, as: UTF8.self)) else { return nil }
                values.append(value)
                start = end
            }
            return values
        }
    }

    /// `[-]digits[.digits]` with at most 7 significant digits and 10 decimals, read exactly:
    /// both the digits and the power of ten are exact `Float`s, so one division rounds
    /// correctly. Anything else (an exponent, more digits) is left to `Float(_:)`.
    private static func fastValue(_ word: UnsafeBufferPointer<UInt8>, _ powersOfTen: [Float]) -> Float? {
        var digits = 0
        var decimals = 0
        var count = 0
        var seenPoint = false
        var negative = false
        for (offset, byte) in word.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = digits * 10 + Int(byte - UInt8(ascii: "0"))
                count += 1
                if seenPoint { decimals += 1 }
                guard digits < 1 << 24, decimals < powersOfTen.count else { return nil }
            default:
                return nil
            }
        }
        guard count > 0 else { return nil }
        let magnitude = Float(digits) / powersOfTen[decimals]
        return negative ? -magnitude : magnitude
    }

    private static let powersOfTen: [Float] = (0...10).map { power in (0..<power).reduce(Float(1)) { value, _ in value * 10 } }
}
