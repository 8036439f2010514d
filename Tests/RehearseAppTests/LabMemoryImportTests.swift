import Foundation
import RehearseApp
import RehearseCore
import RehearseLab
import RehearseStore
import Testing

/// Importing a guide again runs in the sandbox only what changed since the last import.
@Suite(.enabled(if: Isolation.detect() != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                "no sandbox here: install bubblewrap and Debian's python3"))
struct LabMemoryImportTests {
    /// A sandbox that stops every run: whatever it is asked shows as `killed`.
    struct StoppedRunner: SnippetRunner {
        let isolation: Isolation
        func run(_ request: LabRequest) -> LabAnswer { LabAnswer(status: "killed", error: "stopped") }
    }

    static let text = """
        # 09 — Lab

        ## Output

        ```python
        print(sum(range(4)))
        ```

        `len("abc")` → `3`
        """

    @Test func importingAnUnchangedGuideAgainRunsNothingAndKeepsItsCards() async throws {
        let isolation = try #require(Isolation.detect(), "no sandbox here: install bubblewrap and Debian's python3")
        let store = try Store()
        let first = try await Trainer(store: store, lab: CodeLab(runner: ForkServerPool(isolation: isolation, size: 1)))
            .importGuide(text: Self.text, fileName: "09-lab.md", source: "test")
        #expect(first.predictOutputCards == 1)
        #expect(first.lab?.claims.map(\.status) == [.holds])

        // New prose, the same code: nothing runs (a run would be `killed`), the report and the card stay.
        let stopped = Trainer(store: store, lab: CodeLab(runner: StoppedRunner(isolation: isolation)))
        let again = try await stopped.importGuide(text: Self.text + "\n\nA closing remark.\n", fileName: "09-lab.md", source: "test")
        #expect(again.lab == first.lab)
        #expect(again.predictOutputCards == 1)
        #expect(again.report.retired == 0)

        // Without the lab, the last report is kept.
        _ = try await Trainer(store: store, lab: nil).importGuide(text: Self.text, fileName: "09-lab.md", source: "test")
        #expect(try store.labReport(guide: "09-lab") == first.lab)

        // An edited snippet runs; the claim is still remembered.
        let edited = try await stopped.importGuide(text: Self.text.replacingOccurrences(of: "range(4)", with: "range(5)"), fileName: "09-lab.md", source: "test")
        #expect(edited.lab?.snippets.map(\.status) == [.killed])
        #expect(edited.lab?.claims.map(\.status) == [.holds])
        #expect(try store.labReport(guide: "09-lab") == edited.lab)
    }
}
