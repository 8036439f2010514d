import Testing

@testable import RehearseCore

/// A lead-in that binds a name in a code span ("Start from `s = BoundedStack(1)`:") sets up
/// the claims below it that read the name, after the section's code the statement uses.
@Suite struct SpanSetupTests {
    static let guide = """
        # 14 — Stacks

        ## Bounded stack

        ```python
        class BoundedStack:
            def __init__(self, limit):
                self.items = []
                self.limit = limit

            def push(self, item):
                if len(self.items) == self.limit:
                    raise OverflowError("full")
                self.items.append(item)
        ```

        Start from `s = BoundedStack(1)` and call `s.push(7)` once:

        - `s.push(7)` → `None`
        - `len(s.items)` → `1`

        ## Arithmetic

        A running `total = 0` is kept by the caller.

        - `1 + 1` → `2`
        """

    static func claims(_ guide: Guide) -> [GuideItem.Content] {
        guide.items.filter { $0.kind == .claim }.map(\.content)
    }

    @Test func aNameBoundInASpanSetsUpTheClaimsThatReadIt() throws {
        let guide = try GuideReader().read(text: Self.guide, fileName: "14-stacks.md")
        let block = try #require(guide.codeBlocks.first?.code)
        #expect(Self.claims(guide) == [
            .claim(expr: "s.push(7)", expected: "None", setup: block + "\ns = BoundedStack(1)"),
            // The call above ran first: what it changed is what the claim looks at.
            .claim(expr: "len(s.items)", expected: "1", setup: block + "\ns = BoundedStack(1)\ns.push(7)"),
            // A span the claim does not read sets nothing up.
            .claim(expr: "1 + 1", expected: "2", setup: nil),
        ])
    }

    @Test func onlyAssignmentsAndImportsInSpansBind() {
        #expect(ClaimParser.bindingSpans(in: "Start from `s = BoundedStack(1)` and call `s.push(7)` once:") == ["s = BoundedStack(1)"])
        #expect(ClaimParser.bindingSpans(in: "With `import heapq` and `from math import inf` in scope") == ["import heapq", "from math import inf"])
        #expect(ClaimParser.bindingSpans(in: "`x = 1` → `1`").isEmpty)
        #expect(ClaimParser.bindingSpans(in: "Compare `a == b` with `a is b`").isEmpty)
    }
}
