import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseCore
import RehearseStore
import Testing

import RehearseApp
@testable import RehearseServer

/// Mock interviews through the API, and taking an answer back on the study page.
@Suite struct MockAndUndoTests {
    static func store() throws -> Store {
        let store = try Store()
        let text = """
            # 07 — Networking

            ## TCP

            **Q:** What does the TCP handshake do?
            **A:** The client sends SYN, the server answers SYN-ACK, and the client sends ACK.

            **Q:** Why does TCP need sequence numbers?
            **A:** They order the bytes and let the receiver spot loss and duplicates.

            ## HTTP

            **Q:** What is a 304 response?
            **A:** Not modified: the cached copy is still valid, so no body is sent.
            """
        _ = try store.importGuide(try GuideReader().read(text: text, fileName: "07-networking.md"), source: "test", at: Date())
        return store
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        let response = try await client.execute(uri: uri, method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: body))
        return (response.status, try StudyAPITests.json(response.body))
    }

    @Test func anEmptyMockAnswerIsRefusedAndNotRecorded() async throws {
        let store = try Self.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let (_, started) = try await Self.post(client, "/api/mock", #"{"minutes": 10, "questions": 2}"#)
            let id = try #require(started["id"] as? String)
            let (status, problem) = try await Self.post(client, "/api/mock/\(id)/answers", #"{"answer": "  \n "}"#)
            #expect(status == .badRequest)
            #expect(problem["detail"] as? String == "type an answer first, or finish the interview to see the report")
            // The question still waits for a real answer, and a reloaded page can find it.
            let waiting = try StudyAPITests.json(try await client.execute(uri: "/api/mock/\(id)", method: .get).body)
            #expect((waiting["question"] as? [String: Any])?["number"] as? Int == 1)
            #expect(((waiting["question"] as? [String: Any])?["spent"] as? Double ?? -1) >= 0)
            let (answered, state) = try await Self.post(client, "/api/mock/\(id)/answers", #"{"answer": "DNS resolves names to addresses."}"#)
            #expect(answered == .ok)
            #expect(state["answered"] as? Int == 1)
            _ = try await Self.post(client, "/api/mock/\(id)/finish", "{}")
            #expect(try await client.execute(uri: "/api/mock/\(id)", method: .get).status == .conflict)
        }
        #expect(try store.reviewCount() == 1)
    }

    @Test func aMockInterviewAsksGradesAndReports() async throws {
        let store = try Self.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let (status, started) = try await Self.post(client, "/api/mock", #"{"minutes": 10, "questions": 2, "guide": "07-networking"}"#)
            #expect(status == .created)
            #expect(started["question_count"] as? Int == 2)
            let id = try #require(started["id"] as? String)
            let first = try #require(started["question"] as? [String: Any])
            #expect(first["number"] as? Int == 1)
            #expect(first["guide"] as? String == "07-networking")
            #expect((first["seconds"] as? Double).map { abs($0 - 300) < 1 } == true)
            let (_, second) = try await Self.post(client, "/api/mock/\(id)/answers", #"{"answer": "SYN, then SYN-ACK, then ACK from the client"}"#)
            #expect((second["question"] as? [String: Any])?["number"] as? Int == 2)
            #expect(second["report"] == nil)
            let (_, ended) = try await Self.post(client, "/api/mock/\(id)/answers", #"{"answer": "no idea"}"#)
            #expect(ended["question"] is NSNull)
            let report = try #require(ended["report"] as? [String: Any])
            let questions = try #require(report["questions"] as? [[String: Any]])
            #expect(questions.count == 2)
            #expect(questions.map { $0["prompt"] as? String }.contains(first["prompt"] as? String))
            #expect(questions.last?["answer"] as? String == "no idea")
            #expect((questions.last?["missed"] as? [String])?.isEmpty == false)
            // Each answer is a review, and the report is saved.
            #expect(try store.reviewCount() == 2)
            #expect(try store.mockReports().count == 1)
            let again = try await client.execute(uri: "/api/mock/\(id)/answers", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"answer": "x"}"#))
            #expect(again.status == .conflict)
            let list = try await client.execute(uri: "/api/mock/reports", method: .get)
            #expect((try JSONSerialization.jsonObject(with: Data(buffer: list.body)) as? [Any])?.count == 1)
            let page = try await client.execute(uri: "/mock", method: .get)
            #expect(String(buffer: page.body).contains("<label for=\"minutes\">Minutes</label>"))
            #expect(String(buffer: page.body).contains("<option value=\"07-networking\">Networking</option>"))
            #expect(String(buffer: page.body).contains("2 questions · score"))
        }
    }

    @Test func endingEarlySavesWhatWasAnswered() async throws {
        let store = try Self.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let (_, started) = try await Self.post(client, "/api/mock", #"{"minutes": 30}"#)
            let id = try #require(started["id"] as? String)
            let (status, ended) = try await Self.post(client, "/api/mock/\(id)/finish", "{}")
            #expect(status == .ok)
            #expect(((ended["report"] as? [String: Any])?["questions"] as? [Any])?.isEmpty == true)
            #expect(try store.mockReports().count == 1)
            let (twice, _) = try await Self.post(client, "/api/mock/\(id)/finish", "{}")
            #expect(twice == .conflict)
        }
    }

    @Test func badMockRequests() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Store(), lab: nil))
        try await app.test(.router) { client in
            let cases: [(String, String, HTTPResponse.Status)] = [
                ("/api/mock", "{}", .conflict),
                ("/api/mock", #"{"minutes": -1}"#, .badRequest),
                ("/api/mock", #"{"minutes": 10, "questions": 0}"#, .badRequest),
                ("/api/mock", #"{"minutes": 10, "questions": 830246060426783490048}"#, .badRequest),
                ("/api/mock/nope/answers", #"{"answer": "x"}"#, .notFound),
                ("/api/mock", #"{"guide": "no-such-guide"}"#, .conflict),
                ("/api/mock/nope/answers", #"{"text": "x"}"#, .badRequest),
            ]
            for (uri, body, status) in cases {
                let (actual, problem) = try await Self.post(client, uri, body)
                #expect(actual == status, "\(uri) \(body)")
                #expect(problem["detail"] is String)
            }
        }
    }

    @Test func undoRestoresTheCardAndOnlyTheLatestAnswerCanGo() async throws {
        let store = try Self.store()
        let id = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let (_, first) = try await Self.post(client, "/api/reviews", #"{"card_id": "\#(id)", "rating": 1}"#)
            let (_, second) = try await Self.post(client, "/api/reviews", #"{"card_id": "\#(id)", "rating": 3}"#)
            let firstID = try #require(first["review_id"] as? Int)
            let secondID = try #require(second["review_id"] as? Int)
            let (conflict, problem) = try await Self.post(client, "/api/reviews/undo", #"{"review_id": \#(firstID)}"#)
            #expect(conflict == .conflict)
            #expect((problem["detail"] as? String)?.contains("not the latest answer") == true)
            let (undone, body) = try await Self.post(client, "/api/reviews/undo", #"{"review_id": \#(secondID)}"#)
            #expect(undone == .ok)
            #expect(body["card_id"] as? String == id)
            #expect(try store.reviewCount() == 1)
            // Back to the state after the first answer (Again: relearning in a minute's step).
            #expect(try store.studyCard(id: id, now: Date())?.reps == 1)
            #expect(try await Self.post(client, "/api/reviews/undo", #"{"review_id": \#(secondID)}"#).0 == .notFound)
            #expect(try await Self.post(client, "/api/reviews/undo", #"{"review_id": \#(firstID)}"#).0 == .ok)
            #expect(try store.studyCard(id: id, now: Date())?.reps == 0)
            // Undo of nothing says so in words.
            let (nothing, said) = try await Self.post(client, "/api/reviews/undo", "{}")
            #expect(nothing == .notFound)
            #expect(said["detail"] as? String == "nothing to undo: no answer has been given yet")
            let (gone, again) = try await Self.post(client, "/api/reviews/undo", #"{"review_id": \#(firstID)}"#)
            #expect(gone == .notFound)
            #expect((again["detail"] as? String)?.hasPrefix("nothing to undo: answer \(firstID) is not in the log") == true)
        }
    }

    @Test func undoWithoutAnIdTakesBackTheLatestAnswer() async throws {
        let store = try Self.store()
        let id = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            _ = try await Self.post(client, "/api/reviews", #"{"card_id": "\#(id)", "rating": 1}"#)
            let (_, second) = try await Self.post(client, "/api/reviews", #"{"card_id": "\#(id)", "rating": 3}"#)
            let (undone, body) = try await Self.post(client, "/api/reviews/undo", "{}")
            #expect(undone == .ok)
            #expect(body["review_id"] as? Int == second["review_id"] as? Int)
            #expect(try await Self.post(client, "/api/reviews/undo", "{}").0 == .ok)
            #expect(try store.reviewCount() == 0)
        }
    }

    @Test func theGuidePageShowsTheCodeLabsVerdicts() async throws {
        let store = try Store()
        let text = "# 08 — Lab\n\n## Code\n\n```python\nprint(1 + 1)\n```\n\n```python\ndef broken(:\n```\n"
        let guide = try GuideReader().read(text: text, fileName: "08-lab.md")
        let snippets = guide.items.filter { if case .code = $0.content { true } else { false } }
        let report = LabReport(
            python: "3.11.2", isolation: "bubblewrap",
            snippets: [
                SnippetResult(id: snippets[0].id, firstLine: "print(1 + 1)", language: "python", status: .runs, output: "2\n", error: nil, package: nil),
                SnippetResult(id: snippets[1].id, firstLine: "def broken(:", language: "python", status: .unparsable, output: "", error: "line 1: invalid syntax", package: nil),
            ], claims: [])
        _ = try store.importGuide(guide, text: text, lab: (report, memory: ""), source: "08-lab.md", at: Date())
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/guides/08-lab", method: .get).body)
            #expect(html.contains("<tr class=\"runs\"><td data-label=\"Line\">5</td><td>runs</td><td><code>print(1 + 1)</code></td>"))
            #expect(html.contains("<td>unparsable</td><td><code>def broken(:</code></td><td>line 1: invalid syntax</td>"))
        }
    }
}
