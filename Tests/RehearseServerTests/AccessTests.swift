import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseCore
import RehearseStore
import Testing

import RehearseApp
@testable import RehearseServer

/// Who may use the server: the password, sessions, API tokens, CSRF and the bind rules.
@Suite struct AccessTests {
    static let password = "correct horse battery"

    /// A store with one guide and the test password set.
    static func storeWithPassword() throws -> Store {
        let store = try StudyAPITests.store()
        try store.setWebPasswordHash(Secrets.hashPassword(password))
        return store
    }

    /// `name=value` of each cookie a response sets, ready for a `Cookie` header.
    static func cookies(_ response: TestResponse) -> String {
        response.headers[values: .setCookie].compactMap { $0.split(separator: ";").first.map(String.init) }.joined(separator: "; ")
    }

    /// The CSRF token in a page's `<meta name="csrf-token">`.
    static func csrfToken(_ response: TestResponse) throws -> String {
        let html = String(buffer: response.body)
        let start = try #require(html.range(of: "<meta name=\"csrf-token\" content=\""))
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
    }

    @Test func otherAddressesNeedAPassword() async throws {
        await #expect(throws: ServerError.self) { _ = try await buildApplication(ServerConfiguration(host: "0.0.0.0"), trainer: Trainer(store: try StudyAPITests.store(), lab: nil)) }
        await #expect(throws: ServerError.self) { _ = try await buildApplication(ServerConfiguration(host: "192.168.1.5"), trainer: Trainer(store: try StudyAPITests.store(), lab: nil)) }
        _ = try await buildApplication(ServerConfiguration(host: "0.0.0.0"), trainer: Trainer(store: try Self.storeWithPassword(), lab: nil))
        _ = try await buildApplication(ServerConfiguration(host: "127.0.0.1"), trainer: Trainer(store: try StudyAPITests.store(), lab: nil))
    }

    @Test func browserWritesNeedTheirPagesCSRFToken() async throws {
        let store = try StudyAPITests.store()
        let id = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            let cookie = Self.cookies(page)
            #expect(page.headers[.setCookie]?.contains("HttpOnly") == true)
            #expect(page.headers[.setCookie]?.contains("SameSite=Strict") == true)
            let token = try Self.csrfToken(page)
            #expect(token.count == 43)
            let body = ByteBuffer(string: #"{"card_id": "\#(id)", "rating": 3}"#)
            var browser = StudyAPITests.jsonHeaders
            browser[.cookie] = cookie
            browser[.origin] = "http://localhost"
            let missing = try await client.execute(uri: "/api/reviews", method: .post, headers: browser, body: body)
            #expect(missing.status == .forbidden)
            #expect(try StudyAPITests.json(missing.body)["detail"] as? String == "this form or call is missing its CSRF token or the token is stale: reload the page and try again")
            var forged = browser
            forged[.csrfToken] = String(token.reversed())
            #expect(try await client.execute(uri: "/api/reviews", method: .post, headers: forged, body: body).status == .forbidden)
            // The token belongs to its visit cookie: another browser's token does not pass.
            let otherPage = try await client.execute(uri: "/", method: .get)
            var mixed = browser
            mixed[.csrfToken] = try Self.csrfToken(otherPage)
            #expect(try await client.execute(uri: "/api/reviews", method: .post, headers: mixed, body: body).status == .forbidden)
            #expect(try store.reviewCount() == 0)
            var good = browser
            good[.csrfToken] = token
            #expect(try await client.execute(uri: "/api/reviews", method: .post, headers: good, body: body).status == .created)
            // A script on this machine sends no cookie and no Origin: no token is needed.
            #expect(try await client.execute(uri: "/api/reviews", method: .post, headers: StudyAPITests.jsonHeaders, body: body).status == .created)
            #expect(try store.reviewCount() == 2)
        }
    }

    @Test func withAPasswordBrowsersSignInAndOut() async throws {
        let store = try Self.storeWithPassword()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let first = try await client.execute(uri: "/dashboard", method: .get)
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/login?next=%2Fdashboard")
            let api = try await client.execute(uri: "/api/study/next", method: .get)
            #expect(api.status == .unauthorized)
            #expect(api.headers[.wwwAuthenticate] == "Bearer")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)

            let login = try await client.execute(uri: "/login?next=%2Fdashboard", method: .get)
            #expect(login.status == .ok)
            #expect(String(buffer: login.body).contains("<label for=\"password\">Password</label>"))
            let visit = Self.cookies(login)
            let token = try Self.csrfToken(login)
            var formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: visit, .origin: "http://localhost"]
            let noToken = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders, body: Self.form(["password": Self.password, "next": "/dashboard"]))
            #expect(noToken.status == .forbidden)
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: Self.form(["password": "guess", "next": "/dashboard", "csrf_token": token]))
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("That is not the password"))
            let right = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: Self.form(["password": Self.password, "next": "/dashboard", "csrf_token": token]))
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/dashboard")
            let setCookie = try #require(right.headers[.setCookie])
            #expect(setCookie.hasPrefix("rehearse_session=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let session = Self.cookies(right)
            // The database keeps only the session's hash.
            let value = String(session.dropFirst("rehearse_session=".count))
            #expect(try store.hasWebSession(idHash: Secrets.hash(value), at: Date()))

            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session])
            #expect(dashboard.status == .ok)
            #expect(String(buffer: dashboard.body).contains("Sign out"))
            formHeaders[.cookie] = session
            let signedOut = try await client.execute(
                uri: "/logout", method: .post, headers: formHeaders, body: Self.form(["csrf_token": try Self.csrfToken(dashboard)]))
            #expect(signedOut.status == .seeOther)
            #expect(try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).status == .seeOther)
        }
    }

    @Test func signInOnlyRedirectsWithinTheServer() {
        #expect(SignIn.safeNext("/dashboard") == "/dashboard")
        #expect(SignIn.safeNext("//evil.example/") == "/")
        #expect(SignIn.safeNext("https://evil.example/") == "/")
        #expect(SignIn.safeNext("/\\evil.example") == "/")
        #expect(SignIn.safeNext(nil) == "/")
    }

    @Test func scriptsUseAPITokensStoredOnlyAsHashes() async throws {
        let store = try Self.storeWithPassword()
        let token = Secrets.random()
        try store.addAPIToken(hash: Secrets.hash(token), label: "tests", at: Date())
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let next = try await client.execute(uri: "/api/study/next", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(next.status == .ok)
            let id = try #require((try StudyAPITests.json(next.body)["card"] as? [String: Any])?["id"] as? String)
            var headers = StudyAPITests.jsonHeaders
            headers[.authorization] = "Bearer \(token)"
            let review = try await client.execute(uri: "/api/reviews", method: .post, headers: headers, body: ByteBuffer(string: #"{"card_id": "\#(id)", "rating": 4}"#))
            #expect(review.status == .created)
            let lowercase = try await client.execute(uri: "/api/study/next", method: .get, headers: [.authorization: "bearer \(token)"])
            #expect(lowercase.status == .noContent)  // let in; the only card was answered above
            let wrong = try await client.execute(uri: "/api/study/next", method: .get, headers: [.authorization: "Bearer \(Secrets.random())"])
            #expect(wrong.status == .unauthorized)
            let basic = try await client.execute(uri: "/api/study/next", method: .get, headers: [.authorization: "Basic dXNlcjpwYXNz"])
            #expect(basic.status == .unauthorized)
        }
        #expect(try store.apiTokens().map(\.label) == ["tests"])
        #expect(try store.hasAPIToken(hash: token) == false)
        #expect(try store.removeAPITokens() == 1)
    }

    @Test func settingThePasswordSignsEverySessionOut() throws {
        let store = try Self.storeWithPassword()
        let session = Secrets.random()
        try store.addWebSession(idHash: Secrets.hash(session), at: Date(), expiresAt: Date().addingTimeInterval(3600))
        #expect(try store.hasWebSession(idHash: Secrets.hash(session), at: Date()))
        #expect(!(try store.hasWebSession(idHash: Secrets.hash(session), at: Date().addingTimeInterval(7200))))
        try store.setWebPasswordHash(Secrets.hashPassword("another password"))
        #expect(!(try store.hasWebSession(idHash: Secrets.hash(session), at: Date())))
    }

    @Test func wrongPasswordsAreThrottled() async {
        let throttle = SignInThrottle(limit: 3, window: 60)
        let start = Date()
        for second in 0..<3 {
            #expect(await throttle.wait(at: start.addingTimeInterval(Double(second))) == nil)
            await throttle.recordFailure(at: start.addingTimeInterval(Double(second)))
        }
        #expect(await throttle.wait(at: start.addingTimeInterval(10)) == 50)
        #expect(await throttle.wait(at: start.addingTimeInterval(60)) == nil)
    }

    @Test func theRightPasswordWaitsOutTheThrottleToo() async throws {
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: try Self.storeWithPassword(), lab: nil))
        try await app.test(.router) { client in
            let login = try await client.execute(uri: "/login", method: .get)
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: Self.cookies(login), .origin: "http://localhost"]
            let token = try Self.csrfToken(login)
            for _ in 0..<10 {
                let wrong = try await client.execute(
                    uri: "/login", method: .post, headers: headers, body: Self.form(["password": "guess", "csrf_token": token]))
                #expect(wrong.status == .unauthorized)
            }
            let right = try await client.execute(
                uri: "/login", method: .post, headers: headers, body: Self.form(["password": Self.password, "csrf_token": token]))
            #expect(right.status == .tooManyRequests)
            #expect(right.headers[.retryAfter].flatMap(Int.init).map { (1...300).contains($0) } == true)
        }
    }
}
