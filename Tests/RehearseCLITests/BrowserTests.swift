import Foundation
import Testing

/// The web app in a real headless Chromium (Debian's chromium and chromedriver, driven by
/// selenium from `.venv-tests`, all installed by `.ci/run`).
@Suite struct BrowserTests {
    static let python = TestServer.tool("python")

    /// Whether the browser tools are here; in CI they must be.
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: python) && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    }

    @Test func studyUndoTypedAnswersAndAMockInterviewInTheBrowser() async throws {
        if !Self.available {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must install chromium, chromium-driver and .venv-tests")
            return
        }
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await TestServer.withUserGuide(in: folder)
        defer { server.stop() }

        let artifacts = CLI.repository.appendingPathComponent(".build/artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let (status, log) = try TestServer.run(
            Self.python, [CLI.repository.appendingPathComponent("Tests/RehearseCLITests/Scripts/browser_study.py").path, server.url, artifacts.path])
        #expect(status == 0, "\(log)")
        #expect(log.contains("first card: The GIL (Global Interpreter Lock) — What?"), "\(log)")
        #expect(log.contains("after undo: The GIL (Global Interpreter Lock) — What?"), "\(log)")
        #expect(log.contains("double press answered: "), "\(log)")
        #expect(log.contains("code block: indentation kept, monospaced, keywords and strings coloured"), "\(log)")
        #expect(log.contains("suggestion: Suggested: "), "\(log)")
        #expect(log.contains("typed mode after reload: True"), "\(log)")
        #expect(log.contains("after uu: The GIL (Global Interpreter Lock) — What?"), "\(log)")
        #expect(log.contains("missed: [") && log.contains("✗ "), "\(log)")
        #expect(log.contains("taught: [") && log.contains("(you taught this)"), "\(log)")
        #expect(try CLI.query(server.database, "select count(*) from gradingCorrection").first.flatMap { ($0 as? [Any])?.first as? Int } == 1)
        #expect(log.contains("mock report: Report #1 · score "), "\(log)")
        #expect(log.contains("mock report shows the answer: True"), "\(log)")
        #expect(log.contains("mock resumed: True"), "\(log)")
        #expect(log.contains("settings: No interview date: 15 new cards a day."), "\(log)")
        #expect(log.contains("card page: suspended from its page"), "\(log)")
        #expect(log.contains("phone layout: no sideways scroll on 9 pages in light and dark"), "\(log)")
        #expect(log.contains("accessibility: every control labelled, text contrast at least 4.5:1 on 9 pages in light and dark"), "\(log)")
        #expect(log.contains("keyboard: every control reached by Tab with a visible focus on 9 pages"), "\(log)")
        #expect(log.contains("upload: 07-upload: ") && log.contains(" added, 0 changed, 0 retired, 0 unchanged."), "\(log)")
        #expect(log.contains("guide page code lab: runs"), "\(log)")
        // Two study answers (the three taken back are gone, the double press stored once) and
        // the mock interview's answer.
        #expect(try CLI.reviewCount(server.database) == 3)
        let typed = try CLI.query(server.database, "select answerText from review where answerText is not null order by id").compactMap { ($0 as? [Any])?.first as? String }
        #expect(typed == ["I am not sure, something about a lock", "It is a lock that lets one thread run Python bytecode at a time"])
        for name in ["study-revealed.png", "study.png", "study-typed.png", "mock.png", "mock-report.png", "guide.png", "dashboard.png"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent(name).path), "\(name)")
        }
    }
}
