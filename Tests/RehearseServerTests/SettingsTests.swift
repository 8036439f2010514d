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
}

/// The card browser page: the same search as `rehearse cards`.
@Suite struct CardsPageTests {
    @Test func findsCardsByTheirWordsAndShowsTheirState() async throws {
        let store = try StudyAPITests.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let found = String(buffer: try await client.execute(uri: "/cards?search=cache+hit", method: .get).body)
            #expect(found.contains("<td>What is a cache hit?<br><span class=\"path\">05-caching › Basics</span></td><td data-label=\"State\">new</td>"))
            #expect(found.contains("1 card"))
            let none = String(buffer: try await client.execute(uri: "/cards?search=nothing+like+it", method: .get).body)
            #expect(none.contains("No card matches."))
            #expect(try await client.execute(uri: "/cards?guide=nope", method: .get).status == .notFound)
            // A plus typed in the search box arrives as %2B and stays a plus.
            #expect(SignIn.decodeForm("search=a%2Bb+c&due=1") == ["search": "a+b c", "due": "1"])
        }
    }
}
