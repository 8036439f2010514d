/// A small set of interned names, as 128 bits (a name's id modulo 128), so that the blocks
/// of a reading hold no arrays and copying a reading costs no reference counting. Two names
/// may share a bit in a block of more than 128 names; the model's facts then err the same
/// way when fitting and when reading.
struct NameSet: Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    init(_ names: some Sequence<Int32>) {
        for name in names { insert(name) }
    }

    mutating func insert(_ name: Int32) {
        let bit = Int(name) & 127
        if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
    }

    var isEmpty: Bool { low == 0 && high == 0 }

    /// How many names (bits) it holds.
    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    func contains(_ name: Int32) -> Bool {
        let bit = Int(name) & 127
        return bit < 64 ? low & (1 << UInt64(bit)) != 0 : high & (1 << UInt64(bit - 64)) != 0
    }

    func intersects(_ other: NameSet) -> Bool { low & other.low != 0 || high & other.high != 0 }

    func subtracting(_ other: NameSet) -> NameSet {
        var result = NameSet()
        result.low = low & ~other.low
        result.high = high & ~other.high
        return result
    }

    func intersection(_ other: NameSet) -> NameSet {
        var result = NameSet()
        result.low = low & other.low
        result.high = high & other.high
        return result
    }

    func union(_ other: NameSet) -> NameSet {
        var result = self
        result.formUnion(other)
        return result
    }

    mutating func formUnion(_ other: NameSet) {
        low |= other.low
        high |= other.high
    }
}
