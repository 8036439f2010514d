import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseCore
import RehearseLab
import RehearseStore
import Testing

import RehearseApp
@testable import RehearseServer

/// Uploading a guide in the browser: the same reader and messages as `rehearse import`.
@Suite struct GuidesAPITests {
    /// Posts a file's bytes as the web page does.
    static func upload(_ client: some TestClientProtocol, _ name: String, _ bytes: some Sequence<UInt8>, type: String = "application/octet-stream")
        async throws -> TestResponse
    {
        let body = ByteBuffer(bytes: Array(bytes))
        return try await client.execute(
            uri: "/api/guides?name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name)", method: .post,
            headers: [.contentType: type, .contentLength: "\(body.readableBytes)"], body: body)
    }

    static func upload(_ client: some TestClientProtocol, _ name: String, _ text: String) async throws -> TestResponse {
        try await upload(client, name, Array(text.utf8), type: "text/markdown")
    }

    @Test func uploadsAGuideAndShowsItsOutlineAndNotes() async throws {
        let store = try Store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let text = "# 06 — Queues\n\n**Priority:** HIGH\n\n## Basics\n\n**Q:** What is a queue?\n**A:** First in, first out.\n"
            let created = try await Self.upload(client, "06-queues.md", text)
            #expect(created.status == .created)
            let body = try StudyAPITests.json(created.body)
            #expect(body["id"] as? String == "06-queues")
            #expect(body["added"] as? Int == 1)
            let ids = try await client.execute(uri: "/api/guides", method: .get)
            #expect(try JSONSerialization.jsonObject(with: Data(buffer: ids.body)) as? [[String: String]] == [["id": "06-queues"]])
            let list = try await client.execute(uri: "/guides", method: .get)
            #expect(String(buffer: list.body).contains("<a href=\"/guides/06-queues\">Queues <span class=\"path\">06-queues</span></a>"))
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
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            // `a = a * 2` may close the `if` or stay in it: both readings are Python.
            let text = "07 — Swaps\nTable of Contents\n- Basics\nBasics\nThe code below swaps.\n"
                + "def pick(a, b, flag):\nif flag:\na, b = b, a\na = a * 2\nreturn a\n"
            let created = try await Self.upload(client, "07-swaps.txt", text)
            #expect(created.status == .created)
            let html = String(buffer: try await client.execute(uri: "/guides/07-swaps", method: .get).body)
            #expect(html.contains("07-swaps.txt:6: indentation guessed (line 9 in doubt)"))
        }
    }

    @Test func badUploadsGetTheImportersMessagesAndStoreNothing() async throws {
        let store = try Store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        var random = SystemRandomNumberGenerator()
        let binary = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let latin1 = Array("# Résumé\n\n**Q:** Café?\n**A:** Oui.\n".data(using: .isoLatin1) ?? Data())
        try await app.test(.router) { client in
            // Each refusal is word for word what the command line's checked reader says.
            for (name, bytes) in [("01-empty.md", Array("  \n".utf8)), ("02-noise.txt", binary), ("03-latin1.md", latin1), ("04-nul.md", Array("# A\n\0\n".utf8))] {
                let response = try await Self.upload(client, name, bytes)
                let expected: String
                do {
                    _ = try GuideReader().read(bytes, fileName: name)
                    expected = "the reader accepted it"
                } catch let error as GuideError {
                    expected = error.description
                }
                #expect(response.status == .badRequest, "\(name)")
                #expect(try StudyAPITests.json(response.body)["detail"] as? String == expected)
            }
            #expect(try StudyAPITests.json(try await Self.upload(client, "03-latin1.md", latin1).body)["detail"] as? String
                == "03-latin1.md:1:4: byte 0xE9 is not valid UTF-8; save the guide as UTF-8")
            let wrongName = try await Self.upload(client, "../../etc/passwd", Array("x".utf8))
            #expect(wrongName.status == .badRequest)
            let asJSON = try await client.execute(uri: "/api/guides?name=a.md", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(asJSON.status == .unsupportedMediaType)
            // 20 MB: refused from its declared length, with the limit in words.
            let huge = try await Self.upload(client, "big.md", Array(repeating: UInt8(ascii: "x"), count: 20 << 20))
            #expect(huge.status == .contentTooLarge)
            #expect(try StudyAPITests.json(huge.body)["detail"] as? String
                == "big.md: 20971520 bytes is larger than the \(Trainer.maximumGuideSize)-byte limit for one guide; split it into several guides")
        }
        #expect(try store.guideIDs().isEmpty)
    }

    @Test func anUploadWithoutADeclaredLengthIsStoppedOnceItPassesTheLimit() throws {
        var decoder = Trainer.uploadDecoder(fileName: "stream.md")
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        var refused: GuideError?
        var sent = 0
        while refused == nil, sent < 64 {
            do { try decoder.consume(chunk) } catch { refused = error }
            sent += 1
        }
        #expect(refused == .tooLarge(file: "stream.md", bytes: Trainer.maximumGuideSize + (1 << 20), limit: Trainer.maximumGuideSize))
        #expect(sent == Trainer.maximumGuideSize >> 20 + 1)
    }

    @Test func anUploadedGuidesSnippetsRunInTheSandbox() async throws {
        guard let isolation = Isolation.detect() else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must install bubblewrap for the code lab")
            return
        }
        let store = try Store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: CodeLab(runner: ForkServerPool(isolation: isolation, size: 1))))
        try await app.test(.router) { client in
            let text = "# 09 — Lab\n\n## Sums\n\n```python\nprint(sum([1, 2, 3]))\n```\n\n```python\nimport numpy\n```\n"
            let created = try await Self.upload(client, "09-lab.md", text)
            #expect(created.status == .created)
            let lab = try #require(try StudyAPITests.json(created.body)["lab"] as? [String: Any])
            #expect(lab["snippets"] as? [String: Int] == ["runs": 1, "needs-package": 1])
            let html = String(buffer: try await client.execute(uri: "/guides/09-lab", method: .get).body)
            // The line is the guide's own: the page reads the guide as it was imported.
            #expect(html.contains("<tr class=\"runs\"><td data-label=\"Line\">5</td><td>runs</td><td><code>print(sum([1, 2, 3]))</code>"))
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
