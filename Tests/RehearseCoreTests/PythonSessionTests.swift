import Foundation
import Testing

@testable import RehearseCore

/// Interactive sessions (`>>> a is b` / `True`) in flat and Markdown guides: one code item
/// each, continuation lines re-indented, and each value shown a claim set up by the
/// statements before it. `Fixtures/python-sessions.txt` is a flat guide of sessions.
struct PythonSessionTests {
    static func claims(_ guide: Guide) -> [GuideItem.Content] {
        guide.items.filter { $0.kind == .claim }.map(\.content)
    }

    @Test func aFlatSessionIsOneCodeItemWithItsBodiesReindentedAndEndsAtProse() throws {
        let guide = try TestFiles.fixture("python-sessions.txt")
        let sessions = guide.items.filter { $0.kind == .code }
        #expect(sessions.map(\.lines) == [7...16, 18...25, 27...27])
        #expect(guide.codeBlocks.map(\.language) == ["pycon", "pycon", "pycon"])
        #expect(guide.codeBlocks[1].code == """
            >>> def append_to(item, target=[]):
            ...     target.append(item)
            ...     return target
            ...
            >>> append_to(1)
            [1]
            >>> print("twice")
            twice
            """)
        #expect(sessions.first.map { $0.content } == .code(language: "pycon", code: """
            >>> a = [1, 2, 3]
            >>> b = a
            >>> a is b
            True
            >>> int("abc")
            Traceback (most recent call last):
            File "<stdin>", line 1, in <module>
            ValueError: invalid literal for int() with base 10: 'abc'
            >>> a == list(a)
            True
            """, caption: "is compares identity, == compares value"))
        // The sentence after the second session is prose; a title after a silent statement is a heading.
        #expect(guide.items.contains { $0.content == .concept(title: "Defaults", text: "The default list is created once, when the def runs.") })
    }

    @Test func eachValueShownIsAClaimSetUpByTheStatementsThatRanBeforeIt() throws {
        let guide = try TestFiles.fixture("python-sessions.txt")
        #expect(Self.claims(guide) == [
            .claim(expr: "a is b", expected: "True", setup: "a = [1, 2, 3]\nb = a"),
            // The statement that raised is neither a claim nor part of the next one's setup.
            .claim(expr: "a == list(a)", expected: "True", setup: "a = [1, 2, 3]\nb = a\na is b"),
            // A print shows text, not a value: no claim.
            .claim(expr: "append_to(1)", expected: "[1]", setup: "def append_to(item, target=[]):\n    target.append(item)\n    return target"),
        ])
        #expect(guide.items.filter { $0.kind == .claim }.map(\.lines) == [9...9, 15...15, 22...22])
    }

    @Test(arguments: ["", "python", "pycon"])
    func aFencedSessionIsASessionWhateverItsTag(_ tag: String) throws {
        let text = "# 09 — Lab\n\n## Copies\n\n```\(tag)\n>>> import copy\n>>> xs = [[1], [2]]\n>>> copy.copy(xs)[0] is xs[0]\nTrue\n```\n"
        let guide = try GuideReader().read(text: text, fileName: "09-lab.md")
        #expect(guide.codeBlocks.map(\.language) == ["pycon"])
        #expect(Self.claims(guide) == [.claim(expr: "copy.copy(xs)[0] is xs[0]", expected: "True", setup: "import copy\nxs = [[1], [2]]")])
        // The claim's line is its prompt's line in the file, inside the fences (lines 5 to 10).
        #expect(guide.items.first { $0.kind == .claim }?.lines == 8...8)
    }

    @Test func aBlankLineEndsASessionUnlessAnotherStatementFollows() throws {
        let guide = try GuideReader().read(text: "T\nSets\n>>> s = {3, 1}\n\n>>> sorted(s)\n[1, 3]\n\nSets are unordered.\n", fileName: "t.txt")
        #expect(guide.codeBlocks.map(\.code) == [">>> s = {3, 1}\n\n>>> sorted(s)\n[1, 3]"])
        #expect(Self.claims(guide) == [.claim(expr: "sorted(s)", expected: "[1, 3]", setup: "s = {3, 1}")])
    }
}
