import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The study page in a real headless Chromium (Debian's chromium and chromedriver, driven by
/// selenium from `.venv-browser`, both installed by `.ci/run`).
@Suite struct BrowserTests {
    static let python = CLI.repository.appendingPathComponent(".venv-browser/bin/python").path

    /// Whether the browser tools are here; in CI they must be.
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: python) && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    }

    @Test func spaceRevealsAndThreeRatesInTheBrowser() async throws {
        if !Self.available {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must install chromium, chromium-driver and .venv-browser")
            return
        }
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        #expect(try CLI.run("import", "--db", database, "--no-lab", CLI.userGuide).status == 0)
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--db", database, "--port", "\(port)"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        try await Self.waitForHealth(port: port)

        let artifacts = CLI.repository.appendingPathComponent(".build/artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: Self.python)
        browser.arguments = [
            CLI.repository.appendingPathComponent("Tests/RehearseCLITests/Scripts/browser_study.py").path, "http://127.0.0.1:\(port)",
            artifacts.path,
        ]
        let output = Pipe()
        browser.standardOutput = output
        browser.standardError = output
        try browser.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0, "\(log)")
        #expect(log.contains("first card: The GIL (Global Interpreter Lock) — What?"), "\(log)")
        #expect(log.contains("after undo: The GIL (Global Interpreter Lock) — What?"), "\(log)")
        #expect(log.contains("missed: [") && log.contains("✗ "), "\(log)")
        #expect(log.contains("mock report: Report #1 · score "), "\(log)")
        // Two study answers (the undone one is gone) and the mock interview's answer.
        #expect(try CLI.reviewCount(database) == 3)
        let typed = try CLI.query(database, "select answerText from review where answerText is not null order by id").compactMap { ($0 as? [Any])?.first as? String }
        #expect(typed == ["I am not sure, something about a lock", "It is a lock that lets one thread run Python bytecode at a time"])
        for name in ["study-revealed.png", "study.png", "study-typed.png", "mock.png", "mock-report.png", "dashboard.png"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent(name).path), "\(name)")
        }
    }

    static func waitForHealth(port: Int) async throws {
        for _ in 0..<100 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:\(port)/healthz', timeout=1).status == 200 else 1)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server did not answer /healthz on port \(port)")
    }
}
