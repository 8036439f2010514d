import Foundation

/// The typographic ligatures of Unicode's Alphabetic Presentation Forms (`ﬁ`, `ﬂ`, `ﬀ`, `ﬃ`,
/// `ﬄ`, `ﬅ`, `ﬆ`, U+FB00 to U+FB06), which text copied from a typeset PDF keeps in place of
/// their letters: `the leftmost-preﬁx rule`. A guide's lines have their letters instead, so
/// that a typed answer, a search or a key point matches `prefix` as written.
enum Ligature {
    /// Their letters, by the last byte of their UTF-8 form (`EF AC 80` to `EF AC 86`).
    private static let letters: [Substring] = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"]

    /// Whether `text` holds a ligature: asked once per chunk of a guide, so the scan jumps from
    /// one `EF` byte (the first of U+F000 to U+FFFF) to the next with `memchr`.
    static func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index + 2 < bytes.count, let found = memchr(base + index, 0xEF, bytes.count - index - 2) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == 0xAC, bytes[index + 2] <= 0x86 { return true }
                index += 1
            }
            return false
        }
    }

    /// `line` with each ligature spelled out in its letters; `line` itself when it has none.
    static func spelledOut(_ line: Substring) -> Substring {
        guard line.unicodeScalars.contains(where: { (0xFB00...0xFB06).contains($0.value) }) else { return line }
        var spelled = ""
        spelled.reserveCapacity(line.utf8.count + 8)
        for scalar in line.unicodeScalars {
            if (0xFB00...0xFB06).contains(scalar.value) {
                spelled += letters[Int(scalar.value - 0xFB00)]
            } else {
                spelled.unicodeScalars.append(scalar)
            }
        }
        return Substring(spelled)
    }
}
