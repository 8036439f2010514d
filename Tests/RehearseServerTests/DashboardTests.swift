import Foundation
import Hummingbird
import HummingbirdTesting
import RehearseCore
import RehearseStore
import Testing

import RehearseApp
@testable import RehearseServer

/// The progress dashboard: server-drawn SVG, and the same figures as JSON.
@Suite struct DashboardTests {
    @Test func drawsReadinessWorkloadRetentionAndHistory() async throws {
        let store = try StudyAPITests.store()
        let card = try #require(try store.newCards(limit: 1, now: Date()).first)
        try store.record(Store.Answer(cardID: card.card.id, rating: .easy, at: Date()), scheduler: Scheduler(enableFuzzing: false))
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/dashboard", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("<h2>Readiness on "))
            #expect(html.contains("<tr><td><strong>05-caching</strong></td><td data-label=\"New\">0</td><td data-label=\"Learning\">0</td><td data-label=\"Review\">1</td><td data-label=\"Readiness\"><meter"))
            #expect(!html.contains("GRDB"))
            #expect(html.components(separatedBy: "<svg").count - 1 == 3)
            // Due bars for 30 days; the 12 weeks of retention have no review-phase answers yet:
            // each is marked as no data, not drawn as 0%.
            #expect(html.components(separatedBy: "class=\"bar\"").count - 1 == 30)
            #expect(html.components(separatedBy: ": no data</title>").count - 1 == 12)
            #expect(html.contains("<a class=\"button\" href=\"/\">Study now: 0 due today, 0 new</a>"))
            #expect(html.contains(": 1 reviews</title>"))
            #expect(!html.contains("<script"))
            let stats = try await client.execute(uri: "/api/stats", method: .get)
            let object = try StudyAPITests.json(stats.body)
            let days = try #require(object["reviews_per_day"] as? [[String: Any]])
            #expect(days.last?["count"] as? Int == 1)
            let report = try #require(object["report"] as? [String: Any])
            #expect((report["duePerDay"] as? [Int])?.count == 30)
        }
    }
}
