import Foundation
import GRDB

/// What the web server keeps to let people and scripts in: the password's bcrypt hash, a
/// random key for signing, signed-in sessions and API tokens. Sessions and tokens are stored
/// only as hashes, so reading the database does not give a way in.
extension Store {
    /// The bcrypt hash of the web password; nil when none is set.
    public func webPasswordHash() throws -> String? {
        try settingValue("webPasswordHash")
    }

    /// Sets the web password's hash and signs every session out.
    public func setWebPasswordHash(_ hash: String) throws {
        try writer.write { db in
            try Self.setSettingValue("webPasswordHash", hash, db: db)
            try db.execute(sql: "DELETE FROM webSession")
        }
    }

    /// The server's signing key (hex), made on first use from `newKey` and kept from then on.
    public func webSigningKey(orCreate newKey: () -> String) throws -> String {
        try writer.write { db in
            if let key = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'webSigningKey'") { return key }
            let key = newKey()
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('webSigningKey', ?)", arguments: [key])
            return key
        }
    }

    /// Records a signed-in session by the hash of its cookie; expired sessions go at the same time.
    public func addWebSession(idHash: String, at now: Date, expiresAt: Date) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt <= ?", arguments: [now.timeIntervalSince1970])
            try db.execute(
                sql: "INSERT INTO webSession (idHash, createdAt, expiresAt) VALUES (?, ?, ?)",
                arguments: [idHash, now.timeIntervalSince1970, expiresAt.timeIntervalSince1970])
        }
    }

    /// Whether a signed-in session with this hash exists and has not expired.
    public func hasWebSession(idHash: String, at now: Date) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM webSession WHERE idHash = ? AND expiresAt > ?", arguments: [idHash, now.timeIntervalSince1970]) ?? false
        }
    }

    /// Signs a session out.
    public func removeWebSession(idHash: String) throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM webSession WHERE idHash = ?", arguments: [idHash]) }
    }

    /// Records an API token by its hash.
    public func addAPIToken(hash: String, label: String, at now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO apiToken (hash, label, createdAt) VALUES (?, ?, ?)", arguments: [hash, label, now.timeIntervalSince1970])
        }
    }

    /// Whether an API token with this hash exists.
    public func hasAPIToken(hash: String) throws -> Bool {
        try writer.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM apiToken WHERE hash = ?", arguments: [hash]) ?? false }
    }

    /// The API tokens' labels and creation dates, oldest first (the tokens themselves are not kept).
    public func apiTokens() throws -> [(label: String, createdAt: Date)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT label, createdAt FROM apiToken ORDER BY createdAt").map {
                ($0["label"], Date(timeIntervalSince1970: $0["createdAt"]))
            }
        }
    }

    /// Revokes every API token; returns how many there were.
    @discardableResult
    public func removeAPITokens() throws -> Int {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM apiToken")
            return db.changesCount
        }
    }
}
