import Foundation
import RehearseCore
import Testing

@testable import RehearseLab

/// The code lab's passes over a guide, on the machine's sandbox.
@Suite(.enabled(if: LabMachine.runsSandboxTests, "no sandbox here: install bubblewrap and Debian's python3"))
struct CodeLabTests {
    /// A runner that counts what it is asked, passing every request to a real one.
    final class CountingRunner: SnippetRunner, @unchecked Sendable {
        let inner: any SnippetRunner
        private let lock = NSLock()
        private(set) var modes: [String: Int] = [:]
        var isolation: Isolation { inner.isolation }

        init(_ inner: any SnippetRunner) { self.inner = inner }

        func run(_ request: LabRequest) -> LabAnswer {
            lock.withLock { modes[request.mode, default: 0] += 1 }
            return inner.run(request)
        }
    }

    static let guideText = """
        # 09 — Lab

        ## Output

        ```python
        print(sum(range(4)))
        ```

        ```python
        import random
        print(random.random())
        ```

        ```python
        total = sum(range(4))
        ```

        `len("abc")` → `3`
        """

    @Test func checkingTwiceRunsEverySnippetTwiceAndEveryClaimOnce() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let guide = try GuideReader().read(Array(Self.guideText.utf8), fileName: "09-lab.md")
        let runner = CountingRunner(ForkServerPool(isolation: isolation, size: 2))
        let (_, report, again, _) = CodeLab(runner: runner).checkTwice(guide)

        #expect(report.snippets.map(\.output) == ["6\n", report.snippets[1].output, ""])
        #expect(report.snippets.map(\.status) == [.runs, .runs, .runs])
        // What printed nothing cannot make a card: it is not run again.
        #expect(again.map(\.id) == report.snippets.prefix(2).map(\.id))
        #expect(again.first?.output == "6\n")
        #expect(again[1].output != report.snippets[1].output, "two draws of random.random() printed the same")
        #expect(report.claims.map(\.status) == [.holds])
        #expect(report.python.hasPrefix("3."))
        // Two snippets twice and one once; the claim and the version question once each.
        #expect(runner.modes == ["snippet": 5, "claim": 2])
        let cards = PredictOutputCards.cards(guide: guide, first: report.snippets, again: again)
        #expect(cards.map(\.answer) == ["6\n"])
    }

    @Test func aSessionIsNotRunAsAProgramAndEachValueItShowsIsChecked() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let text = """
            10 — Sessions
            Copies
            >>> import copy
            >>> xs = [[1], [2]]
            >>> copy.copy(xs)[0] is xs[0]
            True
            >>> copy.deepcopy(xs)[0] is xs[0]
            True
            >>> def grow(item, into=[]):
            ... into.append(item)
            ... return into
            ...
            >>> grow(1)
            [1]
            >>> grow(2)
            [1, 2]
            A deep copy copies the inner lists too.
            """
        let guide = try GuideReader().read(text: text, fileName: "10-sessions.txt")
        let report = CodeLab(runner: ForkServerPool(isolation: isolation, size: 2)).check(guide).report
        #expect(report.snippets.map(\.status) == [.notPython])
        #expect(report.snippets.first?.error?.contains("session") == true)
        // The guide's second value is wrong: a deep copy's inner lists are new.
        #expect(report.claims.map(\.status) == [.holds, .differs, .holds, .holds])
        #expect(report.claims[1].actual == "False")
    }

    /// Results a block's comments state are checked as the prose's claims are, after the
    /// block's lines above them: the guide's second one is wrong (4 replicas need w + r > 4).
    @Test func resultsStatedInCommentsAreChecked() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let text = """
            # 12 — Storage

            ## Quorums

            ```python
            def quorum_ok(n, w, r):
                return w + r > n

            quorum_ok(3, 2, 2)  # → True
            quorum_ok(4, 2, 2)  # -> True
            ```
            """
        let guide = try GuideReader().read(text: text, fileName: "12-storage.md")
        let report = CodeLab(runner: ForkServerPool(isolation: isolation, size: 2)).check(guide).report
        #expect(report.snippets.map(\.status) == [.runs])
        #expect(report.claims.map(\.status) == [.holds, .differs])
        #expect(report.claims.map(\.actual) == ["True", "False"])
    }

    /// Claims that hold only under a rival reading of restored Python choose it; what the
    /// trials ran is remembered, so that checking again runs nothing. The model alone reads
    /// `result.append(best)` out of the loop.
    @Test func claimsChooseTheReadingTheyHoldUnder() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let text = """
            06 — Counting
            Running maximum
            def running_max(values):
            result = []
            best = None
            for v in values:
            if best is None or v > best:
            best = v
            result.append(best)
            return result
            running_max([3, 1, 4, 1, 5]) → [3, 3, 4, 4, 5]

            """
        let guide = try GuideReader().read(text: text, fileName: "06-counting.txt")
        let first = CodeLab(runner: ForkServerPool(isolation: isolation, size: 2)).checkTwice(guide)
        let code = first.guide.items.compactMap { item -> String? in
            if case .code(_, let code, _) = item.content { code } else { nil }
        }
        #expect(code == ["def running_max(values):\n    result = []\n    best = None\n    for v in values:\n"
            + "        if best is None or v > best:\n            best = v\n        result.append(best)\n    return result"])
        #expect(first.guide != guide, "the model now reads the block right: the test needs another example")
        #expect(first.report.claims.map(\.status) == [.holds])
        #expect(first.report.snippets.map(\.status) == [.runs])

        let counting = CountingRunner(ForkServerPool(isolation: isolation, size: 2))
        let again = CodeLab(runner: counting).checkTwice(guide, remembering: first.memory)
        #expect(again.guide == first.guide)
        #expect(counting.modes.isEmpty)
        // A claim that holds as read leaves the guide as read.
        let holding = try GuideReader().read(text: text.replacingOccurrences(of: "[3, 3, 4, 4, 5]", with: "[5]"), fileName: "06-counting.txt")
        #expect(CodeLab(runner: ForkServerPool(isolation: isolation, size: 2)).check(holding).guide == holding)
    }

    /// A claim that fails for a name the block binds (`NameError: name 'rows' is not defined`)
    /// has the block read again with that name required at its top level: the reading it
    /// needs was let go by the search, so no rival offered it.
    @Test func aNameTheClaimsMissAndTheBlockBindsIsReadAtTheTopLevel() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let text = """
            09 — Paging
            Keyset pagination
            def pages(rows, size):
            last = 0
            while True:
            chunk = [r for r in rows if r > last][:size]
            if not chunk:
            break
            yield chunk
            last = chunk[-1]
            rows = list(range(1, 8))
            sizes = [len(p) for p in pages(rows, 3)]
            sizes → [3, 3, 1]

            """
        let guide = try GuideReader().read(text: text, fileName: "09-paging.txt")
        let read = guide.items.compactMap { item -> String? in
            if case .code(_, let code, _) = item.content { code } else { nil }
        }
        #expect(read.first?.contains("\n        rows = list(range(1, 8))") == true, "the model now reads the block right: the test needs another example")
        let checked = CodeLab(runner: ForkServerPool(isolation: isolation, size: 2)).check(guide)
        let code = checked.guide.items.compactMap { item -> String? in
            if case .code(_, let code, _) = item.content { code } else { nil }
        }
        #expect(code.first?.hasSuffix("        last = chunk[-1]\nrows = list(range(1, 8))\nsizes = [len(p) for p in pages(rows, 3)]") == true)
        #expect(checked.report.claims.map(\.status) == [.holds])
        #expect(CodeLab.undefinedName(in: "NameError: name 'rows' is not defined") == "rows")
        #expect(CodeLab.undefinedName(in: "TypeError: 'int' object is not callable") == nil)
    }

    /// A snippet that relies on an earlier block's import runs after it, and its own lines
    /// keep their numbers in what the sandbox reports.
    @Test func aSnippetRunsAfterTheImportsOfEarlierBlocksItReliesOn() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let text = "# 11 — Timing\n\n```python\nimport time\n```\n\n```python\nstart = time.monotonic()\nprint(start >= 0)\n```\n\n"
            + "```python\nelapsed = time.monotonic()\nprint(undefined_name)\n```\n"
        let guide = try GuideReader().read(text: text, fileName: "11-timing.md")
        let report = CodeLab(runner: ForkServerPool(isolation: isolation, size: 2)).check(guide).report
        #expect(report.snippets.map(\.status) == [.runs, .runs, .fragment])
        #expect(report.snippets[1].output == "True\n")
        #expect(report.snippets[2].error?.contains("(line 2)") == true)
    }

    @Test func rememberedAnswersAreNotRunAgainUnderTheSameSandbox() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let guide = try GuideReader().read(Array(Self.guideText.utf8), fileName: "09-lab.md")
        let first = CodeLab(runner: ForkServerPool(isolation: isolation, size: 2)).checkTwice(guide)

        let again = CountingRunner(ForkServerPool(isolation: isolation, size: 2))
        let remembered = CodeLab(runner: again).checkTwice(guide, remembering: try #require(LabMemory(json: first.memory.json)))
        #expect(again.modes.isEmpty)
        #expect(remembered.report == first.report)
        #expect(remembered.again == first.again)

        // An edited snippet runs (twice: it prints); the others, the claim and the version are remembered.
        let edited = try GuideReader().read(Array(Self.guideText.replacingOccurrences(of: "print(sum(range(4)))", with: "print(sum(range(5)))").utf8), fileName: "09-lab.md")
        let changed = CountingRunner(ForkServerPool(isolation: isolation, size: 2))
        let rerun = CodeLab(runner: changed).checkTwice(edited, remembering: first.memory)
        #expect(changed.modes == ["snippet": 2])
        #expect(rerun.report.snippets.first?.output == "10\n")
        #expect(rerun.report.snippets[1].output == first.report.snippets[1].output)

        // Other limits are another sandbox: everything runs.
        let stricter = CountingRunner(ForkServerPool(isolation: isolation, size: 2))
        _ = CodeLab(runner: stricter, limits: LabLimits(seconds: 2)).checkTwice(guide, remembering: first.memory)
        #expect(stricter.modes == ["snippet": 5, "claim": 2])
    }

    @Test func answersOfTheMomentAreNotRemembered() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let guide = try GuideReader().read(Array(Self.guideText.utf8), fileName: "09-lab.md")
        let stopped = CodeLab(runner: StoppedRunner(isolation: isolation)).checkTwice(guide)
        #expect(stopped.report.snippets.map(\.status) == [.killed, .killed, .killed])
        #expect(stopped.again.isEmpty)
        let counting = CountingRunner(ForkServerPool(isolation: isolation, size: 2))
        let after = CodeLab(runner: counting).checkTwice(guide, remembering: stopped.memory)
        #expect(counting.modes == ["snippet": 5, "claim": 2])
        #expect(after.report.snippets.first?.status == .runs)
    }

    /// A sandbox that stops every run.
    struct StoppedRunner: SnippetRunner {
        let isolation: Isolation
        func run(_ request: LabRequest) -> LabAnswer { LabAnswer(status: "killed", error: "stopped") }
    }
}
