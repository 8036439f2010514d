import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseServer

/// The card browser lists a long collection a page at a time, so that each page stays small.
@Suite struct CardsPagingTests {
    @Test func aLongListComesInPagesThatKeepTheSearch() async throws {
        let store = try Store()
        let questions = (1...95).map { "**Q:** Paging question \($0)?\n**A:** Answer number \($0).\n" }.joined(separator: "\n")
        _ = try store.importGuide(try GuideReader().read(text: "# 21 — Paging\n\n## Part\n\n" + questions, fileName: "21-paging.md"),
                                  source: "21-paging.md", at: Date())
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let first = String(buffer: try await client.execute(uri: "/cards?search=paging", method: .get).body)
            #expect(first.contains("<p class=\"counts\">Cards 1–40, more on the next page</p>"))
            #expect(first.contains("<a href=\"/cards?page=2&amp;search=paging\">Next page</a>"))
            #expect(first.components(separatedBy: "<tr><td>").count - 1 == CardsPage.pageSize)
            #expect(first.utf8.count < 50_000)
            let last = String(buffer: try await client.execute(uri: "/cards?page=3&search=paging", method: .get).body)
            #expect(last.contains("<p class=\"counts\">Cards 81–95</p>"))
            #expect(last.contains("Previous page") && !last.contains("Next page"))
            #expect(last.contains("Paging question 95?"))
            let zero = try await client.execute(uri: "/cards?page=0", method: .get)
            #expect(zero.status == .badRequest)
            #expect(try StudyAPITests.json(zero.body)["detail"] as? String == "page must be a whole number from 1 to 1000000, got \"0\"")
            let one = String(buffer: try await client.execute(uri: "/cards?search=number+95", method: .get).body)
            #expect(one.contains("<p class=\"counts\">1 card</p>") && !one.contains("Next page"))
        }
    }
}
