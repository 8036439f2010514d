import Foundation
import Testing

/// `rehearse check` (spec/cli-contracts.md §4) on the user's guide and on a guide with a wrong claim.
@Suite struct CheckCommandTests {
    @Test func reportsEverySnippetAndClaimOfTheUsersGuide() throws {
        let run = try CLI.run("check", CLI.userGuide, "--json")
        #expect(run.status == 0, "\(run.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect((report["python"] as? String)?.hasPrefix("3.") == true)
        #expect(report["isolation"] as? String != nil)
        let snippets = try #require(report["snippets"] as? [[String: Any]])
        #expect(snippets.count == 12)
        let statuses = snippets.compactMap { $0["status"] as? String }
        #expect(statuses.filter { $0 == "runs" }.count == 3)
        #expect(statuses.last == "unparsable")
        #expect(Set(snippets.compactMap { $0["package"] as? String }) == ["aiohttp", "pydantic", "fastapi", "pytest"])
        for snippet in snippets {
            for key in ["id", "first_line", "language", "status", "output", "error", "package"] { #expect(snippet.keys.contains(key), "\(key)") }
        }
        let claims = try #require(report["claims"] as? [[String: Any]])
        #expect(claims.count == 5)
        #expect(claims.allSatisfy { $0["status"] as? String == "holds" })
        let text = try CLI.run("check", CLI.userGuide)
        #expect(text.output.contains("unparsable"))
        #expect(text.output.contains("expected an indented block after 'if' statement on line 20 (\(CLI.userGuide):460)"))
    }

    @Test func aDifferingClaimExitsOneAndBadInputTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let guide = folder.appendingPathComponent("09-claims.md")
        try """
            # 09 — Claims

            ## Numbers

            - `len([1, 2, 3])` → `3`
            - `0.1 + 0.2 == 0.3` → `True`

            ```python
            print(sum(range(10)))
            ```
            """.write(to: guide, atomically: true, encoding: .utf8)
        let run = try CLI.run("check", guide.path)
        #expect(run.status == 1)
        #expect(run.output.contains("len([1, 2, 3]) → 3: holds"))
        #expect(run.output.contains("0.1 + 0.2 == 0.3 → True: DIFFERS (got False)"))
        #expect(run.output.contains("runs "))
        let missing = try CLI.run("check", folder.appendingPathComponent("nope.md").path)
        #expect(missing.status == 2)
        #expect(missing.error.contains("nope.md: cannot read the file: no such file"))
    }
}
