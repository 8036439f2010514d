import Foundation
import Hummingbird
import RehearseApp

/// The password and API tokens from the settings page, as `rehearse serve --set-password`,
/// `--new-token` and `--revoke-tokens` set them. Only a browser (signed in, or on loopback
/// with no password yet) may change them: a script's token cannot mint tokens or change the
/// password.
struct AccessAPI: Sendable {
    let trainer: Trainer

    func addRoutes(to router: Router<WebContext>) {
        router.post("/api/access/password") { request, context in
            try Self.requireBrowser(context.visitor)
            return try await self.changePassword(request)
        }
        router.get("/api/access/tokens") { _, context in
            try Self.requireBrowser(context.visitor)
            let tokens = try await self.trainer.apiTokens()
            return try Response.json(tokens.map { ["label": $0.label, "created_at": ISO8601DateFormatter().string(from: $0.createdAt)] }, status: .ok)
        }
        router.post("/api/access/tokens") { request, context in
            try Self.requireBrowser(context.visitor)
            let body = try await request.decodeJSON(
                NewToken.self, limit: StudyAPI.maximumBody, usage: "the body must be a JSON object with a label (1 to 100 characters)")
            let label = body.label.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...100).contains(label.count) else { throw Problem(.badRequest, "a token needs a label of 1 to 100 characters") }
            let token = Secrets.random()
            try await self.trainer.addAPIToken(hash: Secrets.hash(token), label: label, at: Date())
            return try Response.json(["token": token, "label": label], status: .created)
        }
        router.post("/api/access/tokens/revoke") { request, context in
            try Self.requireBrowser(context.visitor)
            try await request.expectEmptyOptions()
            return try Response.json(["revoked": try await self.trainer.removeAPITokens()], status: .ok)
        }
    }

    struct NewToken: Decodable {
        var label: String
    }

    struct PasswordChange: Decodable {
        /// Needed when a password is set.
        var current_password: String?
        var new_password: String
    }

    static func requireBrowser(_ visitor: Visitor) throws {
        guard visitor.access != .token else {
            throw Problem(.forbidden, "an API token cannot change the password or the tokens; sign in with a browser, or use rehearse serve")
        }
    }

    /// Sets a new password (8 characters or more) after checking the current one; every
    /// session is signed out, this one included.
    func changePassword(_ request: Request) async throws -> Response {
        let change = try await request.decodeJSON(
            PasswordChange.self, limit: StudyAPI.maximumBody,
            usage: "the body must be a JSON object with new_password (8 characters or more) and current_password (when one is set)")
        if let hash = try await trainer.webPasswordHash() {
            guard let current = change.current_password, try await Secrets.verifyPassword(current, hash: hash) else {
                throw Problem(.forbidden, "the current password is not right; nothing was changed")
            }
        }
        guard change.new_password.count >= 8, change.new_password.count <= 200 else {
            throw Problem(.badRequest, "the new password must have 8 to 200 characters; nothing was changed")
        }
        try await trainer.setWebPasswordHash(try await Secrets.hashPasswordOffRequest(change.new_password))
        return try Response.json(["signed_out": true], status: .ok)
    }
}
