import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseCore
import RehearseLab
import RehearseStore
import Testing

@testable import RehearseServer

/// Uploading a guide in the browser: the same reader and messages as `rehearse import`.
@Suite struct GuidesAPITests {
    static func upload(_ name: String, _ content: String) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["name": name, "content": content]))
    }

    @Test func uploadsAGuideAndShowsItsOutlineAndNotes() async throws {
        let store = try Store()
        let app = try buildApplication(ServerConfiguration(), store: store)
        try await app.test(.router) { client in
            let text = "# 06 — Queues\n\n**Priority:** HIGH\n\n## Basics\n\n**Q:** What is a queue?\n**A:** First in, first out.\n"
            let created = try await client.execute(
                uri: "/api/guides", method: .post, headers: StudyAPITests.jsonHeaders, body: try Self.upload("06-queues.md", text))
            #expect(created.status == .created)
            let body = try StudyAPITests.json(created.body)
            #expect(body["id"] as? String == "06-queues")
            #expect(body["added"] as? Int == 1)
            let ids = try await client.execute(uri: "/api/guides", method: .get)
            #expect(try JSONSerialization.jsonObject(with: Data(buffer: ids.body)) as? [[String: String]] == [["id": "06-queues"]])
            let list = try await client.execute(uri: "/guides", method: .get)
            #expect(String(buffer: list.body).contains("<a href=\"/guides/06-queues\">06-queues</a>"))
            let page = try await client.execute(uri: "/guides/06-queues", method: .get)
            let html = String(buffer: page.body)
            #expect(html.contains("<h1>Queues</h1>"))
            #expect(html.contains("Basics"))
            #expect(html.contains("## My Notes"))
            let missing = try await client.execute(uri: "/guides/nope", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func theGuidePageMarksABlockWhoseIndentationWasGuessed() async throws {
        let store = try Store()
        let app = try buildApplication(ServerConfiguration(), store: store)
        try await app.test(.router) { client in
            // `total = a` may close the `if` or stay in it: both readings are Python.
            let text = "07 — Swaps\nTable of Contents\n- Basics\nBasics\nThe code below swaps.\n"
                + "def pick(a, b, flag):\nif flag:\na, b = b, a\ntotal = a\nreturn total\n"
            let created = try await client.execute(
                uri: "/api/guides", method: .post, headers: StudyAPITests.jsonHeaders, body: try Self.upload("07-swaps.txt", text))
            #expect(created.status == .created)
            let html = String(buffer: try await client.execute(uri: "/guides/07-swaps", method: .get).body)
            #expect(html.contains("07-swaps.txt:6: indentation guessed (line 9 in doubt)"))
        }
    }

    @Test func badUploadsGetTheImportersMessages() async throws {
        let app = try buildApplication(ServerConfiguration(), store: try Store())
        try await app.test(.router) { client in
            let empty = try await client.execute(
                uri: "/api/guides", method: .post, headers: StudyAPITests.jsonHeaders, body: try Self.upload("01-empty.md", "  \n"))
            #expect(empty.status == .badRequest)
            #expect(try StudyAPITests.json(empty.body)["detail"] as? String == "01-empty.md: the file is empty; a guide needs headings, questions or notes")
            let wrongName = try await client.execute(
                uri: "/api/guides", method: .post, headers: StudyAPITests.jsonHeaders, body: try Self.upload("../../etc/passwd", "x"))
            #expect(wrongName.status == .badRequest)
            let huge = try await client.execute(
                uri: "/api/guides", method: .post, headers: StudyAPITests.jsonHeaders,
                body: try Self.upload("big.md", String(repeating: "# x\n", count: 1_200_000)))
            #expect(huge.status == .contentTooLarge)
        }
    }

    @Test func anUploadedGuidesSnippetsRunInTheSandbox() async throws {
        guard let isolation = Isolation.detect() else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must install bubblewrap for the code lab")
            return
        }
        let store = try Store()
        let app = try buildApplication(ServerConfiguration(), store: store, lab: CodeLab(runner: try ForkServerPool(isolation: isolation, size: 1)))
        try await app.test(.router) { client in
            let text = "# 09 — Lab\n\n## Sums\n\n```python\nprint(sum([1, 2, 3]))\n```\n\n```python\nimport numpy\n```\n"
            let created = try await client.execute(
                uri: "/api/guides", method: .post, headers: StudyAPITests.jsonHeaders, body: try Self.upload("09-lab.md", text))
            #expect(created.status == .created)
            let lab = try #require(try StudyAPITests.json(created.body)["lab"] as? [String: Any])
            #expect(lab["snippets"] as? [String: Int] == ["runs": 1, "needs-package": 1])
            let html = String(buffer: try await client.execute(uri: "/guides/09-lab", method: .get).body)
            // The line is the guide's own: the page reads the guide as it was imported.
            #expect(html.contains("<tr class=\"runs\"><td>5</td><td>runs</td><td><code>print(sum([1, 2, 3]))</code>"))
            #expect(html.contains("id 09-lab · markdown"))
            #expect(html.contains("needs numpy"))
            let details = try StudyAPITests.json(try await client.execute(uri: "/api/guides/09-lab", method: .get).body)
            #expect((details["guide"] as? [String: Any])?["id"] as? String == "09-lab")
            let snippets = try #require((details["lab"] as? [String: Any])?["snippets"] as? [[String: Any]])
            #expect(snippets.map { $0["status"] as? String } == ["runs", "needs-package"])
            #expect((details["notes"] as? String)?.hasPrefix("## My Notes") == true)
            #expect(try await client.execute(uri: "/api/guides/nope", method: .get).status == .notFound)
        }
        // The steady output became a predict-the-output card.
        #expect(try store.newCards(limit: 10, now: Date()).contains { $0.card.kind == .predictOutput && $0.card.answer.trimmingCharacters(in: .whitespacesAndNewlines) == "6" })
    }
}
