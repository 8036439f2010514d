import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseServer

/// The settings page and calls: the same settings `rehearse plan` changes.
@Suite struct SettingsTests {
    @Test func theInterviewDateAndNewCardsPerDayAreSharedWithTheTerminal() async throws {
        let store = try StudyAPITests.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        let inTenDays = DayFormat.format(Date().addingTimeInterval(10 * 86_400))
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/settings", method: .get).body)
            #expect(page.contains("No interview date: 20 new cards a day."))
            let saved = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders,
                body: ByteBuffer(string: #"{"interview_date": "\#(inTenDays)", "new_cards_per_day": 7}"#))
            #expect(saved.status == .ok)
            let settings = try StudyAPITests.json(saved.body)
            #expect(settings["interview_date"] as? String == inTenDays)
            #expect(settings["new_cards_per_day"] as? Int == 7)
            #expect((settings["days_left"] as? Int).map { (9...10).contains($0) } == true)
            for (body, detail) in [
                (#"{"interview_date": "2020-01-01"}"#, "the interview date 2020-01-01 is not in the future"),
                (#"{"interview_date": "2026-02-30"}"#, "interview_date must be a date as YYYY-MM-DD, got \"2026-02-30\""),
                (#"{"new_cards_per_day": 5000}"#, "new cards per day must be 0 to 1000, got 5000"),
            ] {
                let refused = try await client.execute(uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: body))
                #expect(refused.status == .badRequest)
                #expect(try StudyAPITests.json(refused.body)["detail"] as? String == detail)
            }
            let cleared = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"interview_date": ""}"#))
            #expect(try StudyAPITests.json(cleared.body)["interview_date"] is NSNull)
        }
        #expect(try store.newCardsPerDay() == 7)
        #expect(try store.interviewDate() == nil)
    }

    @Test func desiredRetentionAndMinutesAreSetFromThePage() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try StudyAPITests.store(), lab: nil))
        try await app.test(.router) { client in
            #expect(String(buffer: try await client.execute(uri: "/settings", method: .get).body).contains("id=\"retention\""))
            let saved = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"desired_retention": 0.85, "minutes_per_day": 25}"#))
            let settings = try StudyAPITests.json(saved.body)
            #expect(settings["desired_retention"] as? Double == 0.85)
            #expect(settings["minutes_per_day"] as? Int == 25)
            let refused = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"desired_retention": 0.5}"#))
            #expect(refused.status == .badRequest)
            #expect(try StudyAPITests.json(refused.body)["detail"] as? String == "desired retention must be 0.7 to 0.97, got 0.5")
            let cleared = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"minutes_per_day": 0}"#))
            #expect(try StudyAPITests.json(cleared.body)["minutes_per_day"] is NSNull)
        }
    }

    @Test func aGuideGetsADailyLimitOfItsOwnFromThePage() async throws {
        let store = try StudyAPITests.store()
        let guide = try #require(try store.guideIDs().first)
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/settings", method: .get).body)
            #expect(page.contains("class=\"guide-limit\" data-guide=\"\(guide)\""))
            let saved = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders,
                body: ByteBuffer(string: #"{"guide_new_cards_per_day": {"\#(guide)": 3}}"#))
            #expect(try StudyAPITests.json(saved.body)["guide_new_cards_per_day"] as? [String: Int] == [guide: 3])
            #expect(String(buffer: try await client.execute(uri: "/settings", method: .get).body).contains("data-guide=\"\(guide)\" type=\"number\" min=\"0\" max=\"1000\" value=\"3\""))
            let unknown = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"guide_new_cards_per_day": {"nope": 3}}"#))
            #expect(unknown.status == .notFound)
            let cleared = try await client.execute(
                uri: "/api/settings", method: .post, headers: StudyAPITests.jsonHeaders,
                body: ByteBuffer(string: #"{"guide_new_cards_per_day": {"\#(guide)": null}}"#))
            #expect(try StudyAPITests.json(cleared.body)["guide_new_cards_per_day"] as? [String: Int] == [:])
        }
        #expect(try store.guideNewCardLimits().isEmpty)
    }

    /// The settings page's memory model: fit to the reviews (applied when the hold-out allows),
    /// refused with too little history, and back to the defaults.
    @Test func fittingTheMemoryModelFromTheSettingsPage() async throws {
        let few = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try StudyAPITests.store(), lab: nil))
        try await few.test(.router) { client in
            let refused = try await client.execute(uri: "/api/fsrs/optimize", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(refused.status == .conflict)
            #expect((try StudyAPITests.json(refused.body)["detail"] as? String)?.contains("too little history") == true)
        }
        let learner = try FSRSParameters(weights: [0.4, 1.8, 4.5, 15.0, 6.0, 0.6, 2.2, 0.01, 1.6, 0.12, 1.1, 1.8, 0.08, 0.35, 1.2, 0.45, 2.4, 0.6, 0.2, 0.1, 0.3])
        let (store, _) = try SimulatedReviews.store(reviews: 6000, parameters: learner, seed: 4)
        let trainer = Trainer(store: store, lab: nil)
        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        try await app.test(.router) { client in
            #expect(String(buffer: try await client.execute(uri: "/settings", method: .get).body).contains("Scheduling uses FSRS-6's default parameters."))
            let fitted = try await client.execute(uri: "/api/fsrs/optimize", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(fitted.status == .ok)
            let body = try StudyAPITests.json(fitted.body)
            #expect(body["applied"] as? Bool == true)
            let parameters = try #require(body["parameters"] as? [Double])
            let stored = try await trainer.fsrsParameters().weights
            #expect(zip(stored, parameters).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0)) } && stored.count == parameters.count)
            #expect(try #require(body["log_loss"] as? Double) < (try #require(body["default_log_loss"] as? Double)))
            #expect(String(buffer: try await client.execute(uri: "/settings", method: .get).body).contains("parameters fitted to your reviews"))
            let reset = try await client.execute(uri: "/api/fsrs/reset", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(reset.status == .ok)
            #expect(try await trainer.fsrsParameters() == .default)
        }
    }
}

/// The card browser page: the same search as `rehearse cards`.
@Suite struct CardsPageTests {
    @Test func findsCardsByTheirWordsAndShowsTheirState() async throws {
        let store = try StudyAPITests.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let found = String(buffer: try await client.execute(uri: "/cards?search=cache+hit", method: .get).body)
            #expect(found.contains("\">What is a cache hit?</a><br><span class=\"path\">05-caching › Basics</span></td><td data-label=\"State\">new</td>"))
            #expect(found.contains("1 card"))
            let none = String(buffer: try await client.execute(uri: "/cards?search=nothing+like+it", method: .get).body)
            #expect(none.contains("No card matches."))
            #expect(try await client.execute(uri: "/cards?guide=nope", method: .get).status == .notFound)
            // A plus typed in the search box arrives as %2B and stays a plus.
            #expect(SignIn.decodeForm("search=a%2Bb+c&due=1") == ["search": "a+b c", "due": "1"])
        }
    }
}
