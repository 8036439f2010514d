import Foundation
import Testing

@testable import RehearseCore

/// Flattened Python restored by the reader, one shape of code per fixture pair:
/// `Fixtures/reindent/NAME.flat` (every line stripped) must come back as `NAME.py`.
struct ReindentFixtureTests {
    static let names = [
        "define-then-use", "body-after-if", "for-else", "try-clauses", "closure-nonlocal", "decorator-factory",
        "class-with-methods", "lazy-init-return", "comment-in-body", "guide-examples", "continuations",
        "bare-expressions", "loop-one-liners", "annotations", "return-after-nested-blocks", "return-after-if-body",
        "use-after-class", "exits-in-every-branch", "instances-after-classes", "return-inside-with",
        "match-statement", "numbered-steps-in-body", "sibling-classes", "trailing-marker", "nested-brackets", "main-guard",
    ]

    /// The fixture's flat lines inside a flat guide, as a reader meets them.
    static func restored(_ name: String) throws -> (expected: String, guide: Guide) {
        let expected = String(decoding: try TestFiles.fixtureData("reindent/\(name).py"), as: UTF8.self)
        let flat = String(decoding: try TestFiles.fixtureData("reindent/\(name).flat"), as: UTF8.self)
        let text = "01 — Restoration\nTable of Contents\n- Example\nExample\nThe code below shows the idea.\n" + flat
        return (expected, try GuideReader().read(text: text, fileName: "\(name).txt"))
    }

    @Test(arguments: names)
    func restoresTheOriginal(_ name: String) throws {
        let (expected, guide) = try Self.restored(name)
        let code = guide.codeBlocks.map(\.code)
        #expect(code == [expected.trimmingCharacters(in: .newlines)])
        #expect(try PythonParser.error(in: expected) == nil)
    }

    @Test(arguments: names)
    func theFlatFileIsTheOriginalStripped(_ name: String) throws {
        let expected = String(decoding: try TestFiles.fixtureData("reindent/\(name).py"), as: UTF8.self)
        let flat = String(decoding: try TestFiles.fixtureData("reindent/\(name).flat"), as: UTF8.self)
        let stripped = expected.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " } }
        #expect(flat.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init) == stripped)
    }

    @Test func codeAfterAReturnInTheSameBlockIsAvoidedAndReportedWhenNoReadingAvoidsIt() throws {
        let header = "01 — Restoration\nTable of Contents\n- Example\nExample\nThe code below shows the idea.\n"
        // After `return True` the only depth left for `return False` is the same block: the
        // search keeps `return True` in the `if` instead.
        let avoided = try GuideReader().read(text: header + "def check(x):\nif x > 0:\nx -= 1\nreturn True\nreturn False\n", fileName: "a.txt")
        #expect(avoided.codeBlocks.map(\.code) == ["def check(x):\n    if x > 0:\n        x -= 1\n        return True\n    return False"])
        #expect(avoided.warnings.isEmpty)
        // Two returns in a row: every reading leaves the second unreachable or outside the function.
        let unavoidable = try GuideReader().read(text: header + "def check(x):\nreturn 1\nreturn 2\n", fileName: "b.txt")
        #expect(unavoidable.warnings.map(\.line) == [8])
    }

    /// The violation of placing the block's last statement at `depth` after the others at theirs.
    static func violation(_ lines: [Substring], _ depths: [Int], lastAt depth: Int) -> IndentationReading.Violation? {
        let block = FlatPythonBlock(lines: lines)
        var reading = IndentationReading(nameCount: block.nameCount, mainGuardEndsScript: true)
        for (statement, placed) in zip(block.statements, depths) { reading.place(statement, at: placed) }
        return reading.violation(placing: block.statements[depths.count], at: depth)
    }

    /// The sibling-class cue for placing the block's last statement at `depth` after the others at theirs.
    static func siblingClassCue(_ lines: [Substring], _ depths: [Int], lastAt depth: Int) -> Float {
        let block = FlatPythonBlock(lines: lines)
        var reading = IndentationReading(nameCount: block.nameCount)
        for (statement, placed) in zip(block.statements, depths) { reading.place(statement, at: placed) }
        let last = block.statements[depths.count]
        return IndentationCues.siblingClass(last, at: depth, context: reading.context(for: last, nextKind: nil, selfName: block.selfName))
    }

    @Test func aClassThatLooksLikeAnOpenOneIsNotPlacedInItsBody() {
        let structures: [Substring] = ["class Corner(ctypes.Structure):", "_fields_ = [('x', LONG), ('y', LONG)]", "class Box(ctypes.Structure):"]
        #expect(Self.siblingClassCue(structures, [0, 1], lastAt: 1) == -IndentationCues.strength)
        #expect(Self.siblingClassCue(structures, [0, 1], lastAt: 0) == 0)
        // A class of another look (`class Meta:` in a model), or one in a method, is left to the model.
        let meta: [Substring] = ["class Book(models.Model):", "title = models.CharField()", "class Meta:"]
        #expect(Self.siblingClassCue(meta, [0, 1], lastAt: 1) == 0)
        let inMethod: [Substring] = ["class Factory:", "def make(self):", "class Factory:"]
        #expect(Self.siblingClassCue(inMethod, [0, 1], lastAt: 2) == 0)
        #expect(Self.siblingClassCue(inMethod, [0, 1], lastAt: 1) == -IndentationCues.strength)
    }

    @Test func codeAfterAnIfElseEveryBranchOfWhichLeavesIsUnreachable() {
        func unreachable(_ lines: [Substring], _ depths: [Int], lastAt depth: Int) -> Bool {
            Self.violation(lines, depths, lastAt: depth) == .unreachable
        }
        let both: [Substring] = ["def f(x):", "if x:", "return 1", "else:", "return 2", "y = 3"]
        #expect(unreachable(both, [0, 1, 2, 1, 2], lastAt: 1))
        #expect(!unreachable(both, [0, 1, 2, 1, 2], lastAt: 0))
        // One branch goes on, or there is no `else`: the code after the chain runs.
        #expect(!unreachable(["def f(x):", "if x:", "return 1", "else:", "x += 1", "y = 3"], [0, 1, 2, 1, 2], lastAt: 1))
        #expect(!unreachable(["def f(x):", "if x:", "return 1", "elif x is None:", "return 2", "y = 3"], [0, 1, 2, 1, 2], lastAt: 1))
        // A loop's `else` is no branch of an `if`.
        #expect(!unreachable(["def f(xs):", "for x in xs:", "return x", "else:", "return 0", "y = 3"], [0, 1, 2, 1, 2], lastAt: 1))
        // Nested: the `else` body ends in a chain that leaves in every branch.
        let nested: [Substring] = ["def f(x):", "if x:", "return 1", "else:", "if x is None:", "raise ValueError", "else:", "return 2", "y = 3"]
        #expect(unreachable(nested, [0, 1, 2, 1, 2, 3, 2, 3], lastAt: 1))
    }

    @Test func aClassBodyNamingItsOwnClassIsRuledOutAtAnyDepthOutsideItsMethods() {
        let instance: [Substring] = ["class Registry:", "def add(self, name):", "self.names.append(name)", "registry: Registry = Registry()"]
        #expect(Self.violation(instance, [0, 1, 2], lastAt: 1) == .namesClassInItsBody)
        #expect(Self.violation(instance, [0, 1, 2], lastAt: 0) == nil)
        // A method may name its class: it runs once the class exists.
        #expect(Self.violation(instance, [0, 1, 2], lastAt: 2) == nil)
        // Inside a loop of the class body the name is still unbound.
        let loop: [Substring] = ["class Moves:", "pass", "for move in MOVES:", "setattr(Moves, move.name, move)"]
        #expect(Self.violation(loop, [0, 1, 1], lastAt: 2) == .namesClassInItsBody)
        // Setting an attribute or an item of the class evaluates its name.
        let attribute: [Substring] = ["class io:", "IO = IO", "io.__name__ = __name__ + '.io'"]
        #expect(Self.violation(attribute, [0, 1], lastAt: 1) == .namesClassInItsBody)
        #expect(Self.violation(attribute, [0, 1], lastAt: 0) == nil)
        // An annotation may name the class (`from __future__ import annotations`).
        let annotated: [Substring] = ["class Node:", "value = 0", "parent: Node | None = None"]
        #expect(Self.violation(annotated, [0, 1], lastAt: 1) == nil)
    }

    @Test func theMainGuardStandsAtTheTopLevel() {
        let lines: [Substring] = ["def main():", "run()", "if __name__ == '__main__':"]
        #expect(Self.violation(lines, [0, 1], lastAt: 1) == .nestedMainGuard)
        #expect(Self.violation(lines, [0, 1], lastAt: 0) == nil)
        // Another module's name compared inside a function is no guard.
        let other: [Substring] = ["def kind(module):", "if module.__name__ == '__main__':"]
        #expect(Self.violation(other, [0], lastAt: 1) == nil)
        #expect(PythonLine("if \"__main__\" == __name__:").isMainGuard)
    }

    @Test func nothingFollowsTheMainGuardButItsClausesOrAnotherExample() {
        let lines: [Substring] = ["if __name__ == '__main__':", "main()", "cleanup()"]
        #expect(Self.violation(lines, [0, 1], lastAt: 0) == .afterMainGuard)
        #expect(Self.violation(lines, [0, 1], lastAt: 1) == nil)
        let otherwise: [Substring] = ["if __name__ == '__main__':", "main()", "else:"]
        #expect(Self.violation(otherwise, [0, 1], lastAt: 0) == nil)
        // A comment that numbers or names an example starts another one at the margin.
        for comment: Substring in ["# 2. Threads", "# Using threads"] {
            #expect(Self.violation(["if __name__ == '__main__':", "main()", comment, "import threading"], [0, 1], lastAt: 0) == nil)
        }
        #expect(Self.violation(["if __name__ == '__main__':", "main()", "# then tidy up after the run", "cleanup()"], [0, 1], lastAt: 0) == .afterMainGuard)
    }

    @Test func aStatementAfterPassInTheSameBlockIsRuledOut() {
        let lines: [Substring] = ["class SearchError(Exception):", "pass", "RenameError = SearchError"]
        #expect(Self.violation(lines, [0, 1], lastAt: 1) == .afterPlaceholder)
        #expect(Self.violation(lines, [0, 1], lastAt: 0) == nil)
        // A clause may follow it: `except KeyError: pass` then `else:`.
        let clause: [Substring] = ["try:", "load()", "except KeyError:", "pass", "else:"]
        #expect(Self.violation(clause, [0, 1, 0, 1], lastAt: 0) == nil)
    }

    @Test func codeAfterAnEndlessLoopWithoutBreakIsUnreachable() {
        let serve: [Substring] = ["def serve(server):", "while True:", "request = server.accept()", "if request.closed:",
                                  "return", "handle(request)", "server.close()"]
        #expect(Self.violation(serve, [0, 1, 2, 2, 3, 2], lastAt: 1) == .unreachable)
        #expect(Self.violation(serve, [0, 1, 2, 2, 3, 2], lastAt: 2) == nil)
        // A `break` of its own ends the loop, inside an `if` or on the `if`'s line; one of a
        // nested loop does not.
        let broken: [Substring] = ["def serve(server):", "while 1:", "request = server.accept()", "if request.closed:",
                                   "break", "handle(request)", "server.close()"]
        #expect(Self.violation(broken, [0, 1, 2, 2, 3, 2], lastAt: 1) == nil)
        let inline: [Substring] = ["def serve(server):", "while True:", "request = server.accept()", "if request.closed: break",
                                   "handle(request)", "server.close()"]
        #expect(Self.violation(inline, [0, 1, 2, 2, 2], lastAt: 1) == nil)
        let nested: [Substring] = ["def serve(server):", "while True:", "for request in server.pending():", "break",
                                   "server.close()"]
        #expect(Self.violation(nested, [0, 1, 2, 3], lastAt: 1) == .unreachable)
    }

    @Test func codeAfterAWithWhoseBodyReturnsIsUnreachable() {
        let locked: [Substring] = ["def take(self):", "with self.lock:", "self.taken += 1", "return self.make()",
                                   "return self.idle.get()"]
        #expect(Self.violation(locked, [0, 1, 2, 2], lastAt: 1) == .unreachable)
        #expect(Self.violation(locked, [0, 1, 2, 2], lastAt: 2) == .unreachable)
        // A `raise` may be swallowed by the context manager (`with pytest.raises(…)`), and
        // `with suppress(…)` swallows what the returned expression raises: what follows runs.
        let raising: [Substring] = ["def check(self):", "with expected(KeyError):", "raise KeyError", "return True"]
        #expect(Self.violation(raising, [0, 1, 2], lastAt: 1) == nil)
        let suppressed: [Substring] = ["def children(self):", "with suppress(OSError):", "return os.listdir(self.root)", "return []"]
        #expect(Self.violation(suppressed, [0, 1, 2], lastAt: 1) == nil)
        // The body goes on after an `if` that returns: the `with` ends normally.
        let guarded: [Substring] = ["def take(self):", "with self.lock:", "if self.idle:", "return self.idle.pop()",
                                    "return self.make()"]
        #expect(Self.violation(guarded, [0, 1, 2, 3], lastAt: 1) == nil)
    }

    /// A block whose narrow search keeps only readings that break a rule: the search runs
    /// again wider and finds the reading that compiles.
    @Test func aSearchWhoseEveryReadingBreaksARuleIsWidened() throws {
        let flat: [Substring] = [
            "import sys", "class _Tagged(type): pass", "if sys.platform == \"win32\":", "SEPARATOR = \"\\\\\"",
            "NativePath = str", "class WindowsPath(str, metaclass=_Tagged):", "\"\"\"A path with Windows rules.\"\"\"",
            "__slots__ = ()", "flavour = None", "ForeignPath = str", "class PosixPath(str, metaclass=_Tagged):",
            "\"\"\"A path with POSIX rules.\"\"\"", "__slots__ = ()", "flavour = None", "elif sys.platform == \"darwin\":",
            "SEPARATOR = \"/\"", "ForeignPath = str", "class WindowsPath(str, metaclass=_Tagged):",
            "\"\"\"A path with Windows rules.\"\"\"", "__slots__ = ()", "flavour = None", "NativePath = str",
            "class PosixPath(str, metaclass=_Tagged):", "\"\"\"A path with POSIX rules.\"\"\"", "__slots__ = ()",
            "flavour = None", "else:", "raise RuntimeError(\"unknown platform\")",
        ]
        let block = FlatPythonBlock(lines: flat)
        let outcome = IndentationSearch(block: block).run()
        #expect(outcome.violations.isEmpty)
        // The `elif` and the `else` continue the `if` at the margin.
        let clauses = block.statements.indices.filter { block.statements[$0].clause != nil }
        #expect(clauses.map { outcome.depths[$0] } == [0, 0])
    }

    @Test func aDefWhoseSelfStandsOnTheNextLineIsAMethod() {
        let block = FlatPythonBlock(lines: ["class Layout:", "def divide(", "self, children, region", ") -> list:", "return []",
                                            "def helper(", "children,", "):", "return children"])
        #expect(block.statements.map(\.isMethod) == [false, true, false, false, false])
    }

    @Test func aBlockWithoutRivalsIsCertainAndAnAmbiguousOneNamesItsLine() throws {
        let sure = try Self.restored("closure-nonlocal").guide
        let sureGuess = try #require(sure.indentationGuesses.first)
        #expect(sureGuess.confidence > 0.9)
        // `a = a * 2` may close the `if` or stay in it: both readings are Python.
        let text = "01 — Restoration\nTable of Contents\n- Example\nExample\nThe code below shows the idea.\n"
            + "def pick(a, b, flag):\nif flag:\na, b = b, a\na = a * 2\nreturn a\n"
        let guide = try GuideReader().read(text: text, fileName: "ambiguous.txt")
        let guess = try #require(guide.indentationGuesses.first)
        #expect(guess.confidence < 0.99)
        #expect(guess.doubtfulLine == 9)
    }
}

/// The shipped indentation model.
struct IndentationModelFileTests {
    @Test func theShippedModelLoadsWithEveryTemplate() throws {
        let model = try IndentationModel.load()
        #expect(model.weights.count == IndentationModel.weightCount)
        #expect(model.weights.contains { $0 != 0 })
    }

    @Test func aModelFileOfAnotherShapeIsRefused() throws {
        let file = IndentationModelFile(format: IndentationModelFile.formatName, trainedOn: "test",
                                        templates: [.init(name: "closed×kind", dimensions: [4, 1], weights: StoredWeights([0, 0, 0, 0]))],
                                        reading: .init(names: IndentationModel.readingWeightNames,
                                                       weights: StoredWeights(IndentationModel.searchScoreOnly)))
        #expect(throws: IndentationModelError.self) { try IndentationModel(json: try JSONEncoder().encode(file)) }
    }

    @Test func aBlockRestoredWithoutTheModelSaysWhy() {
        let lines: [(text: Substring, line: Int)] = [("def f(x):", 7), ("return x", 8)]
        #expect(IndentationModel.shipped.problem == nil)
        #expect(PythonReindenter.reindent(lines).warnings.isEmpty)
        let standIn = IndentationModel(weights: [Float](repeating: 0, count: IndentationModel.weightCount))
        let restored = PythonReindenter.reindent(lines, model: (standIn, .mismatch("expected the reading weights …")))
        #expect(restored.code == "def f(x):\n    return x")
        #expect(restored.warnings.map(\.line) == [7])
        #expect(restored.warnings.first?.message.contains("refit it with Benchmarks/reindent/fit.sh") == true)
    }
}
