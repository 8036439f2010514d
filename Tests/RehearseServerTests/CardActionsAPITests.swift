import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseServer

/// Changing cards from the card browser and deleting a guide from its page.
@Suite struct CardActionsAPITests {
    /// A guide of three cards, imported as an upload is.
    static func trainer() async throws -> (Trainer, Store) {
        let store = try Store()
        let trainer = Trainer(store: store, lab: nil)
        let text = "# 16 — Queues\n\n## Basics\n\n" + (1...3).map { "**Q:** Queue question \($0)?\n**A:** Answer \($0).\n" }.joined(separator: "\n")
        _ = try await trainer.importGuide(text: text, fileName: "16-queues.md", source: "16-queues.md")
        return (trainer, store)
    }

    @Test func theBrowserSuspendsFlagsAndShowsMarks() async throws {
        let (trainer, store) = try await Self.trainer()
        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        let ids = try await trainer.cards(CardQuery(), at: Date()).map(\.card.id)
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/cards", method: .get).body)
            #expect(page.contains("data-action=\"suspend\" data-id=\"\(ids[0])\""))
            #expect(page.contains("<script src=\"/static/cards.js\""))
            let suspended = try await client.execute(
                uri: "/api/cards/actions", method: .post, headers: StudyAPITests.jsonHeaders,
                body: ByteBuffer(string: #"{"action": "suspend", "ids": ["\#(ids[0])"]}"#))
            #expect(suspended.status == .ok)
            let flagged = try await client.execute(
                uri: "/api/cards/actions", method: .post, headers: StudyAPITests.jsonHeaders,
                body: ByteBuffer(string: #"{"action": "flag-1", "ids": ["\#(ids[1])"]}"#))
            #expect(flagged.status == .ok)
            let marked = String(buffer: try await client.execute(uri: "/cards?marked=suspended", method: .get).body)
            #expect(marked.contains("<td data-label=\"Marks\">suspended</td>"))
            #expect(marked.contains("data-action=\"unsuspend\""))
            #expect(!marked.contains(ids[1]))
            #expect(String(buffer: try await client.execute(uri: "/cards?marked=flagged", method: .get).body).contains("flag red"))
            for (body, status) in [
                (#"{"action": "explode", "ids": ["\#(ids[0])"]}"#, HTTPResponse.Status.badRequest),
                (#"{"action": "bury", "ids": []}"#, .badRequest),
                (#"{"action": "bury", "ids": ["nope"]}"#, .notFound),
            ] {
                let refused = try await client.execute(uri: "/api/cards/actions", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: body))
                #expect(refused.status == status, "\(body)")
            }
        }
        #expect(try store.marks(of: ids)[ids[0]]?.suspended == true)
    }

    @Test func aGuideIsDeletedFromItsPageAfterItsReviewsCanBeKept() async throws {
        let (trainer, store) = try await Self.trainer()
        let card = try #require(try await trainer.cards(CardQuery(), at: Date()).first)
        _ = try await trainer.answer(AnswerInput(cardID: card.card.id, rating: .good))
        let guide = card.card.guideID
        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/guides/\(guide)", method: .get).body)
            #expect(page.contains("id=\"delete-guide\""))
            let csv = try await client.execute(uri: "/api/guides/\(guide)/reviews.csv", method: .get)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: csv.body).split(separator: "\n")
            #expect(lines.first == "card_id,card,review_time,review_rating,review_duration")
            #expect(lines.count == 2 && lines[1].contains(card.card.id))
            let deleted = try await client.execute(uri: "/api/guides/\(guide)/delete", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(deleted.status == .ok)
            #expect(try StudyAPITests.json(deleted.body)["reviews"] as? Int == 1)
            let again = try await client.execute(uri: "/api/guides/\(guide)/delete", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(again.status == .notFound)
        }
        #expect(try store.guideIDs().isEmpty)
    }

    /// A card's own page: memory, history, marks, and an edit that the browser lists.
    @Test func aCardsPageShowsItsMemoryAndSavesAnEdit() async throws {
        let (trainer, _) = try await Self.trainer()
        let id = try #require(try await trainer.cards(CardQuery(), at: Date()).first?.card.id)
        _ = try await trainer.answer(AnswerInput(cardID: id, rating: .good))
        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/cards/\(id)", method: .get).body)
            #expect(page.contains("<th>Recall today</th>"))
            #expect(page.contains("<td data-label=\"Rating\">Good</td>"))
            #expect(page.contains("id=\"edit-card\""))
            #expect(String(buffer: try await client.execute(uri: "/cards", method: .get).body).contains("<a href=\"/cards/\(id)\">"))
            let saved = try await client.execute(
                uri: "/api/cards/\(id)/edit", method: .post, headers: StudyAPITests.jsonHeaders,
                body: ByteBuffer(string: #"{"prompt": "Queue question, reworded?", "answer": "Answer <one>.", "keypoints": ["one"]}"#))
            #expect(saved.status == .ok)
            let edited = String(buffer: try await client.execute(uri: "/cards/\(id)", method: .get).body)
            #expect(edited.contains("<h1>Queue question, reworded?</h1>"))
            #expect(edited.contains("Answer &lt;one&gt;."))
            #expect(edited.contains("You edited this card on"))
            let empty = try await client.execute(
                uri: "/api/cards/\(id)/edit", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"prompt": "", "answer": "a"}"#))
            #expect(empty.status == .badRequest)
            let reverted = try await client.execute(uri: "/api/cards/\(id)/revert", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(reverted.status == .ok)
            #expect(!String(buffer: try await client.execute(uri: "/cards/\(id)", method: .get).body).contains("You edited this card"))
            #expect(try await client.execute(uri: "/cards/nope", method: .get).status == .notFound)
        }
    }
}
