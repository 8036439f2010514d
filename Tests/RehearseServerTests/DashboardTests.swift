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

    /// The calibration chart: predicted beside recalled per bin, the counts written under the
    /// bars, and the same bins in /api/stats.
    @Test func showsTheCalibrationOfPredictedRecall() async throws {
        let (store, log) = try SimulatedReviews.store(reviews: 3000, seed: 9)
        let predictions = TrainingSetCount.predictions(ReviewSequence.sequences(from: log))
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/dashboard", method: .get).body)
            #expect(html.contains("<h2>Is predicted recall right?</h2>"))
            #expect(!html.contains("leech"))
            #expect(html.contains("class=\"bar predicted\""))
            #expect(html.contains("class=\"bar recalled\""))
            #expect(html.contains(">n="))
            let object = try StudyAPITests.json(try await client.execute(uri: "/api/stats", method: .get).body)
            let bins = try #require(object["calibration"] as? [[String: Any]])
            #expect(bins.reduce(0) { $0 + ($1["reviews"] as? Int ?? 0) } == predictions)
            for bin in bins {
                let predicted = try #require(bin["predicted"] as? Double)
                #expect(predicted >= (bin["lower"] as? Double ?? 1) && predicted < (bin["upper"] as? Double ?? 0))
            }
        }
    }
}

/// Reviews a day or more after the card's previous one, counted independently of the code under test.
enum TrainingSetCount {
    static func predictions(_ sequences: [ReviewSequence]) -> Int {
        sequences.reduce(0) { $0 + $1.elapsedDays.dropFirst().count { $0 > 0 } }
    }
}

/// A database whose cards were answered as a simulated learner answers them.
enum SimulatedReviews {
    static func store(reviews: Int, parameters: FSRSParameters = .default, seed: UInt64) throws -> (Store, [ReviewSequence.Entry]) {
        let log = SimulatedLearner(parameters: parameters).reviewLog(reviews: reviews, days: 200, seed: seed)
        let store = try Store()
        let cardCount = Int(log.map(\.cardID).max() ?? 1)
        let questions = (1...cardCount).map { "**Q:** Question \($0)?\n**A:** Answer \($0).\n" }.joined(separator: "\n")
        _ = try store.importGuide(try GuideReader().read(text: "# 12 — Drill\n\n## All\n\n" + questions, fileName: "12-drill.md"), source: "12-drill.md", at: Date())
        let ids = try store.newCards(limit: cardCount, now: Date()).map(\.card.id)
        for entry in log.sorted(by: { $0.time < $1.time }) {
            try store.record(Store.Answer(cardID: ids[Int(entry.cardID) - 1], rating: entry.rating, at: Date(timeIntervalSince1970: Double(entry.time) / 1000)), scheduler: Scheduler())
        }
        return (store, log)
    }
}

/// Leeches are named on the dashboard with a way to them.
@Suite struct DashboardLeechTests {
    @Test func leechesAreShownWithALinkToThem() async throws {
        let store = try StudyAPITests.store()
        let trainer = Trainer(store: store, lab: nil)
        let id = try #require(try await trainer.cards(CardQuery(), at: Date()).first?.card.id)
        var clock = Date().addingTimeInterval(-400 * 86_400)
        _ = try await trainer.answer(AnswerInput(cardID: id, rating: .easy), at: clock)
        var lapses = 0
        while lapses < 8 {
            let card = try await trainer.card(id: id, at: clock)
            clock = max(card.schedule.due, clock).addingTimeInterval(60)
            let rating: Rating = card.schedule.phase == .review ? .again : .easy
            _ = try await trainer.answer(AnswerInput(cardID: id, rating: rating), at: clock)
            if rating == .again { lapses += 1 }
        }
        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        try await app.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/dashboard", method: .get).body)
            #expect(html.contains("<a href=\"/cards?marked=leech\">1 leech</a> (forgotten 8 times or more) is suspended"))
        }
    }
}

