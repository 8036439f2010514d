import Testing

@testable import RehearseCore

/// Claims under a flat code block (`len(calls) → 3`) read names the block defines: the
/// restoration binds those at the block's top level, where the claims can see them.
@Suite struct ClaimsReadCodeTests {
    /// A retry helper, then a function that fails twice, then claims that run both: the model
    /// alone keeps `calls = []` and `def flaky` inside the helper's loop.
    static let retryExample = """
        04 — Retries
        Retrying serialization failures
        import random
        import time
        class SerializationFailure(Exception):
        pass
        def with_retries(fn, attempts=5, base=0.05):
        for attempt in range(attempts):
        try:
        return fn()
        except SerializationFailure:
        if attempt == attempts - 1:
        raise
        time.sleep(base * 2 ** attempt * random.random())
        calls = []
        def flaky():
        calls.append(1)
        if len(calls) < 3:
        raise SerializationFailure()
        return "ok"
        with_retries(flaky, base=0) → 'ok'
        len(calls) → 3

        """

    @Test func namesTheClaimsReadAreBoundAtTheTopLevel() throws {
        let guide = try GuideReader().read(text: Self.retryExample, fileName: "04-retries.txt")
        let code = try #require(guide.code(containing: "def with_retries"))
        #expect(code.hasSuffix("""
                    time.sleep(base * 2 ** attempt * random.random())
            calls = []
            def flaky():
                calls.append(1)
                if len(calls) < 3:
                    raise SerializationFailure()
                return "ok"
            """))
        let setups = guide.items.compactMap { item -> String? in
            if case .claim(_, _, let setup) = item.content { setup } else { nil }
        }
        // The second claim looks at what the first one's call changed.
        #expect(setups == [code, code + "\nwith_retries(flaky, base=0)"])
    }

    /// `data` is bound at the top level first; that the function binds it again, last, is its
    /// own business: the function keeps its body.
    @Test func aNameBoundAtTheTopLevelBeforeMayBeBoundAgainInsideAFunction() throws {
        let text = """
            Sorting
            data = [3, 1, 2]
            def sort_it(data):
            data = sorted(data)
            return data
            sort_it(data) → [1, 2, 3]

            """
        let guide = try GuideReader().read(text: text, fileName: "sorting.txt")
        #expect(guide.code(containing: "def sort_it") == """
            data = [3, 1, 2]
            def sort_it(data):
                data = sorted(data)
                return data
            """)
    }

    @Test(arguments: [
        ("with_retries(flaky, base=0) → 'ok'", ["with_retries", "flaky"]),
        ("[x * 2 for x in data] → [2, 4]", ["data"]),
        ("x = f(3); x → 9", ["f"]),
        ("import math; math.floor(ring.size) → 3", ["ring"]),
        ("cache.get('a') → None", ["cache"]),
        ("total → NameError", []),
    ])
    func theNamesAClaimLineReads(line: String, names: [String]) {
        #expect(ClaimParser.claims(in: line[...]).namesRead == names)
    }
}
