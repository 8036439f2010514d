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
        let context = reading.context(for: last, nextKind: nil, selfName: block.selfName)
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

    @Test func anElifIsToldWhetherTheChainItContinuesTestedItsSubject() {
        let chain: [Substring] = [
            "def describe(node):", "if node.kind == 'leaf':", "if node.value:", "return node.value",
            "elif node.kind in ('pair', 'list'):",
        ]
        // Depths 1 (the chain on `node.kind`), 2 (the chain on `node.value`); 3 follows a `return`
        // and has no chain to continue.
        #expect(Self.facts(chain, [0, 1, 2, 3]).map(\.conditionSubject) == [0, 1, 2, 0])
        let bare: [Substring] = ["if ready:", "go()", "else:"]
        #expect(Self.facts(bare, [0, 1]).map(\.conditionSubject) == [0, 0])
    }

    @Test func anIfInABranchThatFixedItsSubjectIsADecidedTest() {
        let fixed: [Substring] = ["if len(values) == 1:", "check(values)", "if len(values) >= 2:"]
        #expect(Self.facts(fixed, [0, 1]).map(\.conditionSubject) == [0, 3])
        // `is not None` leaves the value open.
        let open: [Substring] = ["if x is not None:", "check(x)", "if x > 10:"]
        #expect(Self.facts(open, [0, 1]).map(\.conditionSubject) == [0, 0])
    }

    @Test func aNameTheOpenBranchRebindsSinceBeforeItIsABranchUpdate() {
        let updated: [Substring] = ["def show(s, encoding):", "if encoding:", "s = s.encode(encoding)", "print(s)"]
        // Leaving the function (0), leaving the branch (1) or staying in it (2).
        #expect(Self.facts(updated, [0, 1, 2]).map(\.branchUpdate) == [2, 2, 1])
        // A name the branch binds first is its own; a loop body is no branch.
        let own: [Substring] = ["def show(flag):", "if flag:", "text = 'on'", "print(text)"]
        let loop: [Substring] = ["def show(s):", "for part in s:", "s = part", "print(s)"]
        #expect(Self.facts(own, [0, 1, 2]).map(\.branchUpdate) == [0, 0, 0])
        #expect(Self.facts(loop, [0, 1, 2]).map(\.branchUpdate) == [0, 0, 0])
    }

    @Test func aStatementThatRebindsWhatAnOpenLoopRunsOverIsToldSo() {
        let rebinding: [Substring] = ["def check(bases):", "for base in bases:", "if base is None:", "raise TypeError(base)", "bases = tuple(bases)"]
        // Leaving the function (0) or the loop (1), staying in it (2); 3 follows a `raise`.
        #expect(Self.facts(rebinding, [0, 1, 2, 3]).map(\.rebindsIterable) == [2, 2, 1, 1])
        // Binding the loop's target, or anything else, is not rebinding its iterable.
        let target: [Substring] = ["def strip(lines):", "for line in lines:", "print(line)", "line = line.strip()"]
        #expect(Self.facts(target, [0, 1, 2]).map(\.rebindsIterable) == [0, 0, 0])
    }
}
