/// Gives each distinct name of a block a small number, looking names up by their bytes so
/// that a name read from a line costs no `String`.
struct NameInterner {
    private(set) var names: [String] = []
    /// Open addressing: each slot holds a name's number plus one, or 0 when empty.
    private var slots = [Int32](repeating: 0, count: 64)

    var count: Int { names.count }

    /// The number of the name spelled by `bytes`, given a new one if it is new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int32 {
        var slot = Int(Self.hash(bytes)) & (slots.count - 1)
        while slots[slot] != 0 {
            let id = slots[slot] - 1
            let name = names[Int(id)].utf8
            // Compared in place: the view's own walk costs several times more a byte.
            if name.count == bytes.count, name.withContiguousStorageIfAvailable({ $0.elementsEqual(bytes) }) ?? name.elementsEqual(bytes) {
                return id
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(names.count)
        names.append(String(decoding: bytes, as: UTF8.self))
        slots[slot] = id + 1
        if names.count * 2 > slots.count { grow() }
        return id
    }

    mutating func intern(_ name: some StringProtocol) -> Int32 {
        var name = String(name)
        return name.withUTF8 { intern($0[...]) }
    }

    /// The number of `name` if it has one, without giving it one.
    func number(of name: String) -> Int32? {
        var slot = Int(Self.hash(name.utf8)) & (slots.count - 1)
        while slots[slot] != 0 {
            let id = slots[slot] - 1
            if names[Int(id)] == name { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (id, name) in names.enumerated() {
            var slot = Int(Self.hash(name.utf8)) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id) + 1
        }
    }

    /// The FNV-1a hash of a name's bytes.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
