import ArgumentParser
import Foundation
import RehearseServer

/// `rehearse serve`: the web app on the same database as the command line.
///
/// Not listed in `--help` yet: the study page and the fixed API core work, the mock
/// interview and dashboard pages, passwords and tokens are still to come.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the study page and the JSON API on this machine.",
        shouldDisplay: false
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535, got \(port)") }
        guard ServerConfiguration(host: host, port: port).isLoopback else {
            throw ValidationError("refusing to listen on \(host): other machines could reach your data, and passwords are not supported yet; use 127.0.0.1")
        }
    }

    func run() async throws {
        let database = try store.open()
        let app = buildApplication(ServerConfiguration(host: host, port: port), store: database)
        say("Rehearse at http://\(host):\(port)/ — Ctrl-C stops it.")
        try await app.runService()
    }
}
