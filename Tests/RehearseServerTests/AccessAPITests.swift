import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseApp
import RehearseStore
import Testing

@testable import RehearseServer

/// The password and API tokens from the settings page.
@Suite struct AccessAPITests {
    @Test func thePasswordIsSetFromThePageAndThenNeedsTheCurrentOne() async throws {
        let store = try StudyAPITests.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/settings", method: .get).body)
            #expect(page.contains("No password is set"))
            #expect(!page.contains("id=\"current-password\""))
            let short = try await client.execute(
                uri: "/api/access/password", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"new_password": "short"}"#))
            #expect(short.status == .badRequest)
            #expect(try StudyAPITests.json(short.body)["detail"] as? String == "the new password must have 8 to 200 characters; nothing was changed")
            let set = try await client.execute(
                uri: "/api/access/password", method: .post, headers: StudyAPITests.jsonHeaders,
                body: ByteBuffer(string: #"{"new_password": "\#(AccessTests.password)"}"#))
            #expect(set.status == .ok)
        }
        let hash = try #require(try store.webPasswordHash())
        #expect(try await Secrets.verifyPassword(AccessTests.password, hash: hash))
        // From now on a session is needed, and the current password to change it.
        let locked = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await locked.test(.router) { client in
            let anonymous = try await client.execute(
                uri: "/api/access/password", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"new_password": "another password"}"#))
            #expect(anonymous.status == .unauthorized)
        }
        let trainer = Trainer(store: store, lab: nil)
        let session = Secrets.random()
        try await trainer.addWebSession(idHash: Secrets.hash(session), at: Date(), expiresAt: Date().addingTimeInterval(3600))
        let signedIn = try await buildApplication(ServerConfiguration(), trainer: trainer)
        try await signedIn.test(.router) { client in
            var headers = StudyAPITests.jsonHeaders
            headers[.cookie] = "rehearse_session=\(session)"
            let page = try await client.execute(uri: "/settings", method: .get, headers: headers)
            #expect(String(buffer: page.body).contains("id=\"current-password\""))
            headers[.origin] = "http://localhost"
            headers[.csrfToken] = try AccessTests.csrfToken(page)
            let wrong = try await client.execute(
                uri: "/api/access/password", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"current_password": "guess", "new_password": "another password"}"#))
            #expect(wrong.status == .forbidden)
            #expect(try StudyAPITests.json(wrong.body)["detail"] as? String == "the current password is not right; nothing was changed")
            let right = try await client.execute(
                uri: "/api/access/password", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"current_password": "\#(AccessTests.password)", "new_password": "another password"}"#))
            #expect(right.status == .ok, "\(String(buffer: right.body))")
        }
        #expect(try !store.hasWebSession(idHash: Secrets.hash(session), at: Date()))
    }

    @Test func tokensAreMadeListedAndRevokedFromThePageButNotByATokensScript() async throws {
        let store = try StudyAPITests.store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        try await app.test(.router) { client in
            let made = try await client.execute(
                uri: "/api/access/tokens", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: #"{"label": "backup"}"#))
            #expect(made.status == .created)
            let token = try #require(try StudyAPITests.json(made.body)["token"] as? String)
            #expect(try store.hasAPIToken(hash: Secrets.hash(token)))
            let list = try await client.execute(uri: "/api/access/tokens", method: .get)
            let tokens = try #require(try JSONSerialization.jsonObject(with: Data(buffer: list.body)) as? [[String: String]])
            #expect(tokens.map { $0["label"] } == ["backup"])
            #expect(String(buffer: try await client.execute(uri: "/settings", method: .get).body).contains("<li>backup <span class=\"path\">made "))
            // A script with the token studies, but cannot mint tokens or change the password.
            var script = StudyAPITests.jsonHeaders
            script[.authorization] = "Bearer \(token)"
            let minted = try await client.execute(uri: "/api/access/tokens", method: .post, headers: script, body: ByteBuffer(string: #"{"label": "more"}"#))
            #expect(minted.status == .forbidden)
            #expect((try StudyAPITests.json(minted.body)["detail"] as? String)?.hasPrefix("an API token cannot change the password or the tokens") == true)
            let password = try await client.execute(
                uri: "/api/access/password", method: .post, headers: script, body: ByteBuffer(string: #"{"new_password": "taken over"}"#))
            #expect(password.status == .forbidden)
            let revoked = try await client.execute(uri: "/api/access/tokens/revoke", method: .post, headers: StudyAPITests.jsonHeaders, body: ByteBuffer(string: "{}"))
            #expect(try StudyAPITests.json(revoked.body)["revoked"] as? Int == 1)
        }
        #expect(try store.apiTokens().isEmpty)
        #expect(try store.webPasswordHash() == nil)
    }
}
