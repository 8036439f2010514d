import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseCore
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
}
