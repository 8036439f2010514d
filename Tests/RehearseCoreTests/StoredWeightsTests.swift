import Foundation
import Testing

@testable import RehearseCore

/// The model file's weights, one string of numbers: read back bit for bit as written.
struct StoredWeightsTests {
    @Test func everyWrittenFloatReadsBackBitForBit() throws {
        var generator = SplitMix64(seed: 12)
        var values: [Float] = [0, -0.0, 1, -1, 0.3976, -2.8338, 1e-5, 3.4e38, -1.2e-38, 16_777_215, 16_777_218, 0.1234567]
        for _ in 0..<20_000 {
            let magnitude = Float(bitPattern: UInt32.random(in: 0..<0x7F80_0000, using: &generator))
            let rounded = (Float.random(in: -3...3, using: &generator) * 10_000).rounded() / 10_000
            values += [Bool.random(using: &generator) ? magnitude : -magnitude, rounded]
        }
        let data = try JSONEncoder().encode(StoredWeights(values))
        let read = try JSONDecoder().decode(StoredWeights.self, from: data).values
        #expect(read.count == values.count)
        let differing = zip(values, read).filter { $0.bitPattern != $1.bitPattern }
        #expect(differing.isEmpty, "first: \(differing.prefix(3))")
    }

    @Test func repeatedSpacesSeparateAndOtherWordsAreRefused() {
        #expect(StoredWeights.parse("1  -0.5 2.25") == [1, -0.5, 2.25])
        #expect(StoredWeights.parse("  7 -8  ") == [7, -8])
        #expect(StoredWeights.parse("") == [])
        #expect(StoredWeights.parse("   ") == [])
        #expect(StoredWeights.parse("0.1 x 2") == nil)
        #expect(StoredWeights.parse("1.2.3") == nil)
        #expect(StoredWeights.parse("-") == nil)
        #expect(StoredWeights.parse("1,5") == nil)
    }

    @Test func aDamagedListIsRefused() {
        let data = Data(#"{"names": [], "weights": "0.5 five"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(IndentationModelFile.StoredReadingWeights.self, from: data) }
    }
}
