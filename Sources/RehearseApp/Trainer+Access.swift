import Foundation
import RehearseStore

/// Who may use the web app: the password, signed-in sessions and API tokens. Secrets are
/// stored hashed; hashing is the web door's business, so these take and give hashes.
extension Trainer {
    /// The bcrypt hash of the web password, when one is set.
    public func webPasswordHash() async throws -> String? {
        try await database { store in try store.webPasswordHash() }
    }

    /// Sets the web password's hash and signs every session out.
    public func setWebPasswordHash(_ hash: String) async throws {
        try await database { store in try store.setWebPasswordHash(hash) }
    }

    /// The key that signs CSRF tokens, made with `newKey` on first use.
    public func webSigningKey(orCreate newKey: @escaping @Sendable () -> String) async throws -> String {
        try await database { store in try store.webSigningKey(orCreate: newKey) }
    }

    public func addWebSession(idHash: String, at now: Date, expiresAt: Date) async throws {
        try await database { store in try store.addWebSession(idHash: idHash, at: now, expiresAt: expiresAt) }
    }

    /// Whether a signed-in session with this id hash exists and has not expired.
    public func hasWebSession(idHash: String, at now: Date) async throws -> Bool {
        try await database { store in try store.hasWebSession(idHash: idHash, at: now) }
    }

    public func removeWebSession(idHash: String) async throws {
        try await database { store in try store.removeWebSession(idHash: idHash) }
    }

    public func addAPIToken(hash: String, label: String, at now: Date) async throws {
        try await database { store in try store.addAPIToken(hash: hash, label: label, at: now) }
    }

    public func hasAPIToken(hash: String) async throws -> Bool {
        try await database { store in try store.hasAPIToken(hash: hash) }
    }

    /// The API tokens' labels and when each was made, oldest first.
    public func apiTokens() async throws -> [(label: String, createdAt: Date)] {
        try await database { store in try store.apiTokens() }
    }

    /// Removes every API token; returns how many there were.
    public func removeAPITokens() async throws -> Int {
        try await database { store in try store.removeAPITokens() }
    }

    /// For a long-running server: moves the database's WAL checkpoints off the answer path.
    public func checkpointInBackground() throws -> Task<Void, Never>? {
        try store.checkpointInBackground()
    }
}
