import Foundation
import Testing

/// `rehearse serve`'s settings: the password, API tokens, and the refusal to listen beyond
/// this machine without a password.
@Suite struct ServeCommandTests {
    @Test func aPasswordIsNeededBeforeListeningOnOtherAddresses() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        let refused = try CLI.run("serve", "--db", database, "--host", "0.0.0.0", "--port", "\(20_000 + Int.random(in: 0..<20_000))")
        #expect(refused.status == 1)
        #expect(refused.error.contains("refusing to listen on 0.0.0.0 without a password"), "\(refused.error)")
        #expect(refused.error.contains("rehearse serve --set-password"))

        let short = try CLI.run("serve", "--db", database, "--set-password", input: "short\n")
        #expect(short.status == 2)
        #expect(short.error.contains("at least 8 characters"))
        let set = try CLI.run("serve", "--db", database, "--set-password", input: "a long enough password\n")
        #expect(set.status == 0, "\(set.error)")
        let stored = try CLI.query(database, "select value from setting where key = 'webPasswordHash'").compactMap { ($0 as? [Any])?.first as? String }
        #expect(stored.count == 1)
        #expect(stored.first?.hasPrefix("$2") == true && stored.first?.contains("a long enough password") == false)
    }

    @Test func tokensArePrintedOnceAndStoredHashed() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        let made = try CLI.run("serve", "--db", database, "--new-token", "--token-label", "backup")
        #expect(made.status == 0, "\(made.error)")
        let token = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 43)
        #expect(made.error.contains("Token \"backup\" made"))
        let rows = try CLI.query(database, "select hash, label from apiToken").compactMap { $0 as? [Any] }
        #expect(rows.count == 1)
        #expect(rows.first?[1] as? String == "backup")
        #expect((rows.first?[0] as? String)?.count == 64 && rows.first?[0] as? String != token)
        let revoked = try CLI.run("serve", "--db", database, "--revoke-tokens")
        #expect(revoked.output.contains("Revoked 1 token(s)."))
        #expect(try CLI.run("serve", "--db", database, "--new-token", "--revoke-tokens").status == 64)
    }
}
