import Foundation
import Hummingbird
import RehearseStore

/// How `rehearse serve` runs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var newCardsPerDay: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, newCardsPerDay: Int = 20) {
        self.host = host
        self.port = port
        self.newCardsPerDay = newCardsPerDay
    }

    /// Whether the address only accepts connections from this machine.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }

    /// The names a browser may use in `Host` for this server.
    var allowedHosts: Set<String> {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        names.insert(host.contains(":") ? "[\(host)]" : host.lowercased())
        return names
    }
}

/// The web app, used by `rehearse serve` and by the tests alike.
///
/// ```swift
/// let app = buildApplication(ServerConfiguration(), store: try Store(path: path))
/// try await app.runService()
/// ```
public func buildApplication(_ configuration: ServerConfiguration, store: Store) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: RequestGuard(allowedHosts: configuration.allowedHosts))
    router.get("/healthz") { _, _ in try StudyAPI<BasicRequestContext>.json(["status": "ok"], status: .ok) }
    router.get("/openapi.json") { _, _ in try StaticFiles.response(for: "openapi.json") }
    router.get("/") { _, _ in try StaticFiles.response(for: "study.html") }
    router.get("/static/{file}") { _, context in
        try StaticFiles.response(for: context.parameters.get("file") ?? "")
    }
    StudyAPI<BasicRequestContext>(store: store, newCardsPerDay: configuration.newCardsPerDay).addRoutes(to: router)
    let dashboard = Dashboard(store: store)
    router.get("/dashboard") { _, _ in try dashboard.page() }
    router.get("/api/stats") { _, _ in try dashboard.json() }
    GuidesAPI<BasicRequestContext>(store: store).addRoutes(to: router)
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rehearse"))
}
