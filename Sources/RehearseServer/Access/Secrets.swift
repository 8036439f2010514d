import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// The cryptography of web access, in one place: random secrets, their hashes for storage,
/// signed CSRF tokens and bcrypt passwords.
public enum Secrets {
    /// A new random secret: 32 bytes from the system's secure generator, base64url.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<4).map { _ in generator.next() }
        return base64URL(words.withUnsafeBytes { Array($0) })
    }

    /// The SHA-256 of a secret, hex: what the store keeps of session cookies and API tokens.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }


    /// The bcrypt hash of a password (cost 12: about a quarter of a second here).
    public static func hashPassword(_ password: String) -> String {
        Bcrypt.hash(password, cost: 12)
    }

    /// ``hashPassword(_:)`` off the request threads.
    static func hashPasswordOffRequest(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { hashPassword(password) }
    }

    /// Whether a password matches its bcrypt hash; run off the request threads, it is slow by design.
    static func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Base64 with the URL-safe alphabet and no padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        String(Data(bytes).base64EncodedString().compactMap { character -> Character? in
            switch character {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: character
            }
        })
    }
}

/// The server's key for signing CSRF tokens (HMAC-SHA256).
struct SigningKey: Sendable {
    let bytes: [UInt8]

    init(_ secret: String) {
        bytes = Array(secret.utf8)
    }

    /// A token only this server can make for `value`, base64url.
    func sign(_ value: String) -> String {
        Secrets.base64URL(Array(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: bytes))))
    }

    /// Whether `token` is the signature of `value`, compared in constant time.
    func verify(_ token: String, of value: String) -> Bool {
        let expected = Array(sign(value).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
