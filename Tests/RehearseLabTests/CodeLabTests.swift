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

        `len("abc")` → `3`
        """

    @Test func checkingTwiceRunsEverySnippetTwiceAndEveryClaimOnce() throws {
        let isolation = try #require(LabMachine.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        let guide = try GuideReader().read(Array(Self.guideText.utf8), fileName: "09-lab.md")
        let runner = CountingRunner(try ForkServerPool(isolation: isolation, size: 2))
        let (report, again) = CodeLab(runner: runner).checkTwice(guide)

        #expect(report.snippets.map(\.output) == ["6\n", report.snippets[1].output])
        #expect(again.map(\.id) == report.snippets.map(\.id))
        #expect(again.first?.output == "6\n")
        #expect(again[1].output != report.snippets[1].output, "two draws of random.random() printed the same")
        #expect(report.claims.map(\.status) == [.holds])
        #expect(report.python.hasPrefix("3."))
        // Two snippets twice; the claim and the version question once each.
        #expect(runner.modes == ["snippet": 4, "claim": 2])
        let cards = PredictOutputCards.cards(guide: guide, first: report.snippets, again: again)
        #expect(cards.map(\.answer) == ["6\n"])
    }
}
