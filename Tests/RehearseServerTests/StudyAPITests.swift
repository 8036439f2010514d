import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseCore
import RehearseStore
import Testing

import RehearseApp
@testable import RehearseServer

/// The fixed API core (spec/cli-contracts.md §5) and the rules that keep other web sites out.
@Suite struct StudyAPITests {
    static func store() throws -> Store {
        let store = try Store()
        let text = "# 05 — Caching\n\n## Basics\n\n**Q:** What is a cache hit?\n**A:** The value was found in the cache.\n"
        _ = try store.importGuide(try GuideReader().read(Array(text.utf8), fileName: "05-caching.md"), source: "test", at: Date())
        return store
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    @Test func healthAndOpenAPIDocument() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Self.store(), lab: nil))
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(try Self.json(health.body)["status"] as? String == "ok")
            #expect(health.headers[.xContentTypeOptions] == "nosniff")
            #expect(health.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let document = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(try Self.json(document.body)["openapi"] as? String == "3.1.0")
        }
    }

    @Test func nextCardThenADurableReviewThenNothingLeft() async throws {
        let store = try Self.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let next = try await client.execute(uri: "/api/study/next", method: .get)
            #expect(next.status == .ok)
            let body = try Self.json(next.body)
            let card = try #require(body["card"] as? [String: Any])
            #expect(card["prompt"] as? String == "What is a cache hit?")
            #expect(card["section"] as? [String] == ["Basics"])
            #expect(body["new_count"] as? Int == 1)
            let id = try #require(card["id"] as? String)
            let review = try await client.execute(
                uri: "/api/reviews", method: .post, headers: Self.jsonHeaders,
                body: ByteBuffer(string: #"{"card_id": "\#(id)", "rating": 3, "answer": "It was found in the cache.", "duration_ms": 1200}"#))
            #expect(review.status == .created)
            let saved = try Self.json(review.body)
            #expect(saved["card_id"] as? String == id)
            #expect((saved["next_due"] as? String)?.hasSuffix("Z") == true)
            #expect((saved["grade"] as? [String: Any])?["covered"] as? [String] == ["The value was found in the cache"])
            #expect(try store.reviewCount() == 1)
            // Nothing else is left, so the card comes back within the learn-ahead limit, as
            // in the terminal; answered Easy, it graduates and nothing is left today.
            let again = try Self.json(try await client.execute(uri: "/api/study/next", method: .get).body)
            #expect((again["card"] as? [String: Any])?["id"] as? String == id)
            #expect(again["due_count"] as? Int == 0)
            let easy = try await client.execute(
                uri: "/api/reviews", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: #"{"card_id": "\#(id)", "rating": 4}"#))
            #expect(easy.status == .created)
            let after = try await client.execute(uri: "/api/study/next", method: .get)
            #expect(after.status == .noContent)
            let outlook = try Self.json(try await client.execute(uri: "/api/study/outlook", method: .get).body)
            #expect((outlook["message"] as? String)?.hasPrefix("Nothing is due and no new card is left for today. Next card in ") == true)
            #expect(outlook["new_waiting"] as? Int == 0)
            #expect((outlook["next_due"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test func concurrentAnswersAreAllStoredBeforeTheyAreAcknowledged() async throws {
        let store = try Self.store()
        let id = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let body = index == 7 ? #"{"card_id": "missing", "rating": 3}"# : #"{"card_id": "\#(id)", "rating": 3}"#
                        return try await client.execute(uri: "/api/reviews", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body)).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 49)
            #expect(statuses.filter { $0 == .notFound }.count == 1)
        }
        #expect(try store.reviewCount() == 49)
    }

    @Test func aSecondAnswerWithTheSameRequestIDStoresNothingAndGetsTheFirstBack() async throws {
        let store = try Self.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let next = try Self.json(try await client.execute(uri: "/api/study/next", method: .get).body)
            let id = try #require((next["card"] as? [String: Any])?["id"] as? String)
            let labels = try #require(next["next_due"] as? [String: String])
            #expect(Set(labels.keys) == ["again", "hard", "good", "easy"])
            // The one-minute step is a minute after the time the states were worked out.
            let shown = try #require((next["shown_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            let again = try #require(labels["again"].flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(again.timeIntervalSince(shown) - 60) < 1)
            let body = #"{"card_id": "\#(id)", "rating": 3, "answer": "found in the cache", "request_id": "shown-1"}"#
            // A double click: the two presses race each other.
            let responses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, ByteBuffer).self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let response = try await client.execute(uri: "/api/reviews", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body))
                        return (response.status, response.body)
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, ByteBuffer)]()) { $0.append($1) }
            }
            #expect(Set(responses.map(\.0.code)) == [201, 200])
            let (first, second) = (try Self.json(responses[0].1), try Self.json(responses[1].1))
            #expect(first["review_id"] as? Int == second["review_id"] as? Int)
            #expect(first["next_due"] as? String == second["next_due"] as? String)
            #expect(first["next_due"] as? String == labels["good"])
            #expect((first["grade"] as? [String: Any])?["covered"] as? [String] == (second["grade"] as? [String: Any])?["covered"] as? [String])
            #expect((second["grade"] as? [String: Any]) != nil)
            // Long after, the same id still stores nothing.
            let late = try await client.execute(uri: "/api/reviews", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body))
            #expect(late.status == .ok)
        }
        #expect(try store.reviewCount() == 1)
    }

    @Test func gradingATypedAnswerRecordsNothing() async throws {
        let store = try Self.store()
        let id = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let graded = try await client.execute(
                uri: "/api/grade", method: .post, headers: Self.jsonHeaders,
                body: ByteBuffer(string: #"{"card_id": "\#(id)", "answer": "the value was in the cache"}"#))
            #expect(graded.status == .ok)
            let grade = try Self.json(graded.body)
            #expect(grade["covered"] as? [String] == ["The value was found in the cache"])
            #expect((grade["matched"] as? [[String]])?.first?.contains("cache") == true)
            #expect(grade["rating"] as? Int == 4)
            #expect((grade["contradicted"] as? [Any])?.isEmpty == true)
            let wrong = try Self.json(try await client.execute(
                uri: "/api/grade", method: .post, headers: Self.jsonHeaders,
                body: ByteBuffer(string: #"{"card_id": "\#(id)", "answer": "the value was not found in the cache"}"#)).body)
            let contradicted = try #require(wrong["contradicted"] as? [[String: String]])
            #expect(contradicted.first?["keypoint"] == "The value was found in the cache")
            #expect(contradicted.first?["evidence"] == "the value was not found in the cache")
            #expect(wrong["rating"] as? Int == 1)
        }
        #expect(try store.reviewCount() == 0)
    }

    @Test func aGuideThatIsNotImportedIsNotFound() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Self.store(), lab: nil))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/study/next?guide=nope", method: .get)
            #expect(response.status == .notFound)
            #expect(try Self.json(response.body)["detail"] as? String == "no guide with id nope; imported guides: 05-caching")
        }
    }

    @Test func aLearnerTeachesTheGraderForACard() async throws {
        let store = try Self.store()
        let id = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let answer = "We got it straight from memory, no trip to the backend."
            let before = try Self.json(try await client.execute(
                uri: "/api/grade", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: #"{"card_id": "\#(id)", "answer": "\#(answer)"}"#)).body)
            #expect(before["rating"] as? Int == 1)
            let taught = try await client.execute(
                uri: "/api/corrections", method: .post, headers: Self.jsonHeaders,
                body: ByteBuffer(string: #"{"card_id": "\#(id)", "keypoint": "The value was found in the cache", "answer": "\#(answer)", "accepted": true}"#))
            #expect(taught.status == .ok)
            let after = try Self.json(taught.body)
            #expect(after["rating"] as? Int == 4)
            #expect(after["taught"] as? [String] == ["The value was found in the cache"])
            let unknown = try await client.execute(
                uri: "/api/corrections", method: .post, headers: Self.jsonHeaders,
                body: ByteBuffer(string: #"{"card_id": "\#(id)", "keypoint": "nothing like it", "answer": "x", "accepted": true}"#))
            #expect(unknown.status == .notFound)
        }
        #expect(try store.gradingCorrections(cardID: id).count == 1)
    }

    @Test func badReviewsAreProblemsWithTheRightStatus() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Self.store(), lab: nil))
        try await app.test(.router) { client in
            let cases: [(String, HTTPResponse.Status)] = [
                (#"{"card_id": "x", "rating": 7}"#, .badRequest),
                (#"{"rating": 3}"#, .badRequest),
                ("not json", .badRequest),
                (#"{"card_id": "no-such-card", "rating": 3}"#, .notFound),
                (#"{"card_id": "x", "rating": 3, "answer": ""# + String(repeating: "a", count: 70_000) + #""}"#, .contentTooLarge),
            ]
            for (body, status) in cases {
                let response = try await client.execute(uri: "/api/reviews", method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: body))
                #expect(response.status == status, "\(body.prefix(40))")
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try Self.json(response.body)
                #expect(problem["status"] as? Int == Int(status.code))
                #expect(problem["detail"] is String && problem["title"] is String && problem["type"] is String)
            }
        }
    }

    @Test func otherSitesAndRebindingAreRefused() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Self.store(), lab: nil))
        try await app.test(.router) { client in
            var crossSite = Self.jsonHeaders
            crossSite[.origin] = "https://evil.example"
            try await client.execute(uri: "/api/reviews", method: .post, headers: crossSite, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/reviews", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            var sameSite = Self.jsonHeaders
            sameSite[.origin] = "http://localhost"
            // Its own origin passes the origin check and meets the next rule: a browser's CSRF token.
            try await client.execute(uri: "/api/reviews", method: .post, headers: sameSite, body: ByteBuffer(string: #"{"card_id": "x", "rating": 3}"#)) { response in
                #expect(response.status == .forbidden)
                let detail = try Self.json(response.body)["detail"] as? String
                #expect(detail?.contains("CSRF token") == true)
            }
        }
        #expect(RequestGuard<BasicRequestContext>.hostName("evil.example:8080") == "evil.example")
        #expect(!ServerConfiguration().acceptedHosts.contains("evil.example"))
        #expect(ServerConfiguration(host: "0.0.0.0").acceptedHosts.contains("192.168.1.5"))
        #expect(!ServerConfiguration(host: "0.0.0.0").acceptedHosts.contains("rebound.evil.example"))
        #expect(ServerConfiguration(host: "0.0.0.0", extraHosts: ["laptop.lan"]).acceptedHosts.contains("laptop.lan"))
        #expect(RequestGuard<BasicRequestContext>.hostName("[::1]:8080") == "[::1]")
    }

    @Test func onlyShippedFilesAreServed() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Self.store(), lab: nil))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<script src=\"/static/study.js\" defer></script>"))
                #expect(String(buffer: response.body).contains("<div id=\"prompt\" class=\"prompt\" role=\"heading\" aria-level=\"1\">"))
                #expect(!String(buffer: response.body).contains("<script>"))
            }
            for path in ["/static/api.js", "/static/text.js", "/static/study.js", "/static/mock.js", "/static/guides.js", "/static/style.css"] {
                try await client.execute(uri: path, method: .get) { response in #expect(response.status == .ok) }
            }
            for path in ["/static/..%2F..%2FPackage.swift", "/static/../Package.swift", "/static/secret.txt", "/static/pages%2Fstudy.html"] {
                try await client.execute(uri: path, method: .get) { response in #expect(response.status == .notFound, "\(path)") }
            }
        }
    }

    @Test func unsupportedMethodsGet405WithAllow() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Self.store(), lab: nil))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/reviews", method: .get)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "POST")
            let trace = try await client.execute(uri: "/healthz", method: .trace)
            #expect(trace.headers[.allow] == "GET, HEAD")
        }
    }

    @Test func refusesNonLocalAddresses() {
        #expect(ServerConfiguration(host: "127.0.0.1").isLoopback)
        #expect(ServerConfiguration(host: "::1").isLoopback)
        #expect(!ServerConfiguration(host: "0.0.0.0").isLoopback)
        #expect(!ServerConfiguration(host: "192.168.1.5").isLoopback)
    }
}

/// "More new cards today" from the empty study page: today's budget only.
@Suite struct MoreNewCardsTests {
    @Test func moreNewCardsAreForTodayOnly() async throws {
        let store = try StudyAPITests.store()
        let trainer = Trainer(store: store, lab: nil)
        try await trainer.setNewCardsPerDay(0)
        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/api/study/next", method: .get).status == .noContent)
            let more = try await client.execute(
                uri: "/api/study/more-new", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"count": 1}"#))
            #expect(more.status == .ok)
            #expect(try StudyAPITests.json(more.body)["new_per_day"] as? Int == 1)
            #expect(try await client.execute(uri: "/api/study/next", method: .get).status == .ok)
            let refused = try await client.execute(
                uri: "/api/study/more-new", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"count": 0}"#))
            #expect(refused.status == .badRequest)
            #expect(String(buffer: try await client.execute(uri: "/", method: .get).body).contains("id=\"more-new\""))
        }
        // Tomorrow the usual limit holds again.
        let tomorrow = Date().addingTimeInterval(86_400)
        #expect(try await trainer.outlook(for: StudySession(), at: tomorrow).newPerDay == 0)
    }
}
