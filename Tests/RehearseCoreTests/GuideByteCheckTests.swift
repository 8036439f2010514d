import Testing

@testable import RehearseCore

/// The checks that run over every byte of a guide file before it is read, eight bytes at a
/// time, agree with the plain readings they stand in for.
@Suite struct GuideByteCheckTests {
    /// Bytes that make well-formed and ill-formed UTF-8 in about equal measure: ASCII runs, the
    /// first and last characters of each length, surrogates, overlong forms, stray
    /// continuation bytes, bytes past U+10FFFF, and characters cut short.
    static func mixedBytes(_ generator: inout SplitMix64) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("plain ascii text, eight and more".utf8), [0x41], [0x0A], [0x00],
            [0xC2, 0x80], [0xDF, 0xBF], [0xC3, 0xA9], [0xE0, 0xA0, 0x80], [0xE2, 0x86, 0x92], [0xED, 0x9F, 0xBF],
            [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x94, 0xA5], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0xAF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF], [0xE2, 0x86], [0xF0, 0x9F, 0x94],
        ]
        var bytes: [UInt8] = []
        for _ in 0..<Int(generator.next() % 6) {
            let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
            bytes += generator.next() % 4 == 0 ? Array(piece.prefix(Int(generator.next() % UInt64(piece.count + 1)))) : piece
        }
        return bytes
    }

    @Test func wellFormedUTF8IsWhatTheStandardLibraryAccepts() {
        var generator = SplitMix64(seed: 12)
        var accepted = 0
        for _ in 0..<20_000 {
            let bytes = Self.mixedBytes(&generator)
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(UTF8Validity.isWellFormed) == expected, "\(bytes)")
            if expected { accepted += 1 }
        }
        // Both outcomes are exercised.
        #expect(accepted > 2_000 && accepted < 18_000)
    }

    @Test func lineStartsRecordedInBlocksAreWhereEachLineBreakEnds() {
        var generator = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [Array("a line of some length".utf8), Array("2.1 numbered".utf8), [0x0A], [0x0D, 0x0A], [0x0D], [0x20]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let blockSize = 1 + Int(generator.next() % 20)
            var starts = LineStarts()
            bytes.withUnsafeBufferPointer { buffer in
                for blockStart in stride(from: 0, to: buffer.count, by: blockSize) {
                    starts.record(UnsafeBufferPointer(rebasing: buffer[blockStart..<min(blockStart + blockSize, buffer.count)]), at: blockStart)
                }
            }
            // After each `\n`; after each `\r` only in a text without `\n`.
            let separator: UInt8 = bytes.contains(0x0A) ? 0x0A : 0x0D
            let expected = [0] + bytes.indices.filter { bytes[$0] == separator }.map { UInt32($0 + 1) }
            #expect(starts.result.starts == expected, "\(bytes), blocks of \(blockSize)")
        }
    }
}
