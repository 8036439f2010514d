import Foundation
import Hummingbird
import RehearseApp

/// How `rehearse serve` runs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// More names browsers may use for this server (a LAN host name, say).
    public var extraHosts: [String]

    public init(host: String = "127.0.0.1", port: Int = 8080, extraHosts: [String] = []) {
        self.host = host
        self.port = port
        self.extraHosts = extraHosts
    }

    /// Whether the address only accepts connections from this machine.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }

    /// The names browsers may use for this server, worked out once per server.
    var acceptedHosts: AcceptedHosts {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        names.insert(host.contains(":") ? "[\(host.lowercased())]" : host.lowercased())
        for extra in extraHosts { names.insert(extra.lowercased()) }
        return AcceptedHosts(names: names, anyIPLiteral: host == "0.0.0.0" || host == "::")
    }
}

/// The names a browser may use in `Host` (without the port): loopback names, the bound
/// address and the extra names; on a wildcard address any IP literal too, since DNS
/// rebinding can only bring a domain name.
struct AcceptedHosts: Sendable {
    let names: Set<String>
    let anyIPLiteral: Bool

    func contains(_ name: String) -> Bool {
        names.contains(name) || (anyIPLiteral && Self.isIPLiteral(name))
    }

    static func isIPLiteral(_ name: String) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") { return name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in part.count <= 3 && UInt8(part) != nil }
    }
}

/// Why the server will not start.
public enum ServerError: Error, CustomStringConvertible {
    case passwordRequired(host: String)

    public var description: String {
        switch self {
        case .passwordRequired(let host):
            "refusing to listen on \(host) without a password: other machines could reach your data. Set one with `rehearse serve --set-password`, or listen on 127.0.0.1"
        }
    }
}

/// The web app, used by `rehearse serve` and by the tests alike: a thin adapter over the
/// ``Trainer``. Refuses an address other machines can reach until a password is set.
///
/// ```swift
/// let trainer = Trainer(store: try Store(path: path), lab: nil)
/// let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
/// try await app.runService()
/// ```
public func buildApplication(_ configuration: ServerConfiguration, trainer: Trainer) async throws -> some ApplicationProtocol {
    if !configuration.isLoopback, try await trainer.webPasswordHash() == nil { throw ServerError.passwordRequired(host: configuration.host) }
    let key = SigningKey(try await trainer.webSigningKey(orCreate: { Secrets.random() }))
    let router = Router(context: WebContext.self)
    router.add(middleware: RequestGuard(hosts: configuration.acceptedHosts))
    router.add(middleware: AccessGuard(trainer: trainer, key: key))
    router.get("/healthz") { _, _ in try Response.json(["status": "ok"], status: .ok) }
    router.get("/openapi.json") { _, _ in try StaticFiles.response(for: "openapi.json") }
    router.get("/static/{file}") { _, context in
        try StaticFiles.response(for: context.parameters.get("file") ?? "")
    }
    SignIn(trainer: trainer).addRoutes(to: router)
    StudyAPI(trainer: trainer).addRoutes(to: router)
    MockAPI(trainer: trainer).addRoutes(to: router)
    let dashboard = Dashboard(trainer: trainer)
    router.get("/dashboard") { _, context in try await dashboard.page(visitor: context.visitor) }
    router.get("/api/stats") { _, _ in try await dashboard.json() }
    GuidesAPI(trainer: trainer).addRoutes(to: router)
    SettingsAPI(trainer: trainer).addRoutes(to: router)
    AccessAPI(trainer: trainer).addRoutes(to: router)
    CardsPage(trainer: trainer).addRoutes(to: router)
    CardPage(trainer: trainer).addRoutes(to: router)
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rehearse"))
}
