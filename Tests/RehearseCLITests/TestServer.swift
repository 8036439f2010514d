import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `rehearse serve` in a process of its own on a random loopback port, for tests that drive
/// it from outside: a browser, an API fuzzer.
final class TestServer {
    let port: Int
    let database: String
    private let process = Process()

    /// Starts the server on `database` and waits until `/healthz` answers.
    init(database: String) async throws {
        self.database = database
        port = 20_000 + Int.random(in: 0..<20_000)
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--db", database, "--port", "\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await waitForHealth()
    }

    /// A server on a new database in `folder` holding the user's guide (imported without
    /// the code lab).
    static func withUserGuide(in folder: URL) async throws -> TestServer {
        let database = folder.appendingPathComponent("db.sqlite").path
        let imported = try CLI.run("import", "--db", database, "--no-lab", CLI.userGuide)
        #expect(imported.status == 0, "\(imported.error)")
        return try await TestServer(database: database)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    private func waitForHealth() async throws {
        for _ in 0..<100 {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: "\(url)/healthz")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server did not answer /healthz on port \(port)")
    }

    /// The project's test tools (selenium, schemathesis, openapi-spec-validator), in the
    /// virtual environment `.ci/run` makes.
    static func tool(_ name: String) -> String {
        CLI.repository.appendingPathComponent(".venv-tests/bin/\(name)").path
    }

    /// Runs a program to its end; its exit status and everything it printed.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
