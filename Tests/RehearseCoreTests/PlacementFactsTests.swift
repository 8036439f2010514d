import Testing

@testable import RehearseCore

/// Facts the indentation model is asked about, read on small readings.
struct PlacementFactsTests {
    /// The facts of placing the block's last statement at each allowed depth, after the others at `depths`.
    static func facts(_ lines: [Substring], _ depths: [Int]) -> [PlacementFacts] {
        let block = FlatPythonBlock(lines: lines)
        var reading = IndentationReading(nameCount: block.nameCount)
        for (statement, placed) in zip(block.statements, depths) { reading.place(statement, at: placed) }
        let last = block.statements[depths.count]
        let context = reading.context(for: last, next: nil, selfName: block.selfName)
        return reading.allowedDepths.map { reading.facts(placing: last, comment: 0, at: $0, context: context) }
    }

    @Test func aNameTheOpenLoopRebindsSinceBeforeItIsAnAccumulator() {
        let summed: [Substring] = ["total = 0", "for x in xs:", "if x % 2:", "total += x", "print(total)"]
        // Leaving the loop (depth 0) or staying in it (1, 2).
        #expect(Self.facts(summed, [0, 0, 1, 2]).map(\.accumulator) == [2, 1, 1])
        // A name first bound inside the loop is the loop's own.
        let local: [Substring] = ["for x in xs:", "y = x * 2", "print(y)"]
        #expect(Self.facts(local, [0, 1]).map(\.accumulator) == [0, 0])
        // Bound before the loop and only read in it: nothing accumulates.
        let read: [Substring] = ["total = 0", "for x in xs:", "print(x + total)", "print(total)"]
        #expect(Self.facts(read, [0, 0, 1]).map(\.accumulator) == [0, 0])
        // The loop of an enclosing function does not count inside a nested one.
        let nested: [Substring] = ["total = 0", "for x in xs:", "total += x", "def show():", "print(total)"]
        #expect(Self.facts(nested, [0, 0, 1, 1]).map(\.accumulator) == [0])
    }
}
