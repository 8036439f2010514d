import Testing

@testable import RehearseCore

/// Snippets and claims run after the imports of the blocks above them, as a notebook's cells do.
@Suite struct EarlierImportsTests {
    static let heaps = """
        07 — Heaps
        Top K
        import heapq
        from collections import Counter
        def top_k(nums, k):
        return [x for x, _ in heapq.nlargest(k, Counter(nums).items(), key=lambda p: p[1])]
        top_k([1, 1, 2], 1) → [1]
        Merging
        def merge(a, b):
        return list(heapq.merge(a, b))
        merge([1, 3], [2]) → [1, 2, 3]
        Counting again
        Counter = dict
        Counter(a=1) → {'a': 1}
        Its own import
        import heapq
        heapq.nsmallest(1, [3, 2]) → [2]

        """

    @Test func aClaimThatReadsANameAnEarlierBlockImportedRunsAfterThatImport() throws {
        let guide = try GuideReader().read(text: Self.heaps, fileName: "07-heaps.txt")
        let claims = guide.items.filter { $0.kind == .claim }
        #expect(claims.count == 4)
        let preludes = EarlierImports.preludes(in: guide)
        // The first claim's setup imports for itself; the third binds Counter; the last imports
        // heapq. Of the snippets, the merge function relies on the first block's import.
        let merge = try #require(guide.items.first { item in
            if case .code(_, let code, _) = item.content { code.hasPrefix("def merge") } else { false }
        })
        #expect(preludes.count == 2)
        #expect(preludes[claims[1].id] == "import heapq")
        #expect(preludes[merge.id] == "import heapq")
        #expect(EarlierImports.withPrelude("import heapq", "x = 1") == "import heapq\nx = 1")
        #expect(EarlierImports.withPrelude("import heapq", nil) == "import heapq")
        #expect(EarlierImports.withPrelude(nil, "x = 1") == "x = 1")
    }
}
