import Foundation
import RehearseCore
import Testing

@testable import RehearseLab

/// The sandbox this machine offers, looked up once for the suite's trait and its tests.
enum LabMachine {
    static let isolation = Isolation.detect()
    static var runsSandboxTests: Bool { isolation != nil || ProcessInfo.processInfo.environment["CI"] != nil }
}

/// Hostile snippets: each is stopped or contained, reported with a clear status, and nothing
/// outside the work folder changes. Without a sandbox the suite is skipped, and says why;
/// under CI (which installs bubblewrap) it always runs, so a missing sandbox fails it.
@Suite(.serialized, .enabled(if: LabMachine.runsSandboxTests, "no sandbox here: install bubblewrap and Debian's python3"))
struct SandboxTests {
    static let isolation = LabMachine.isolation
    static let limits = LabLimits(seconds: 3, cpuSeconds: 2, memoryBytes: 512 << 20)

    static func runners() throws -> [any SnippetRunner] {
        let isolation = try #require(Self.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        return [OneProcessRunner(isolation: isolation), ForkServerPool(isolation: isolation, size: 1)]
    }

    func run(_ code: String) throws -> [LabAnswer] {
        try Self.runners().map { $0.run(.snippet(code, limits: Self.limits)) }
    }

    /// Runs a snippet that must run, again while a runner reports it killed: the sandbox
    /// user's process limit is shared with the suites that run snippets at the same time
    /// (and with the fork bomb's last processes), so a start can fail for a moment.
    func runExpectingToRun(_ code: String) throws -> [LabAnswer] {
        var answers = try run(code)
        for _ in 0..<20 where answers.contains(where: { $0.status == "killed" }) {
            Thread.sleep(forTimeInterval: 0.2)
            answers = try run(code)
        }
        return answers
    }

    @Test func theStrongestIsolationIsFound() throws {
        let isolation = try #require(Self.isolation, "no sandbox here: install bubblewrap and Debian's python3")
        // CI installs bubblewrap; a weaker result there means the sandbox broke.
        if ProcessInfo.processInfo.environment["CI"] != nil { #expect(isolation == .bubblewrap) }
    }

    @Test func anInfiniteLoopTimesOutOrIsKilled() throws {
        for answer in try run("while True:\n    pass\n") {
            #expect(["timeout", "killed"].contains(answer.status), "\(answer)")
        }
    }

    @Test func aForkBombIsContained() throws {
        // All sandboxes run as one user, and tests of other suites (the browser test's code
        // lab) run snippets meanwhile: the bomb may hold a quarter of the user's processes,
        // and only for a second, so that theirs can still start.
        let brief = LabLimits(seconds: 1, cpuSeconds: 1, memoryBytes: Self.limits.memoryBytes, processes: Sandbox.processLimit / 4)
        for answer in try Self.runners().map({ $0.run(.snippet("import os\nwhile True:\n    os.fork()\n", limits: brief)) }) {
            #expect(["fails", "timeout", "killed"].contains(answer.status), "\(answer)")
        }
        // The machine still runs programs afterwards, once the kernel has reaped the bomb's
        // processes (they count against the sandbox user's process limit until then).
        var after: [LabAnswer] = []
        for _ in 0..<30 {
            after = try run("print('still here')")
            if after.allSatisfy({ $0.output == "still here\n" }) { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(after.allSatisfy { $0.output == "still here\n" }, "\(after)")
    }

    @Test func allocatingFourGigabytesHitsTheMemoryLimit() throws {
        for answer in try run("block = bytearray(4 * 1024 ** 3)\nprint(len(block))\n") {
            #expect(answer.status == "killed", "\(answer)")
        }
    }

    @Test func writingOrDeletingOutsideTheWorkFolderChangesNothing() throws {
        let victim = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-victim-\(UUID().uuidString)")
        try "keep me".write(to: victim, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: victim) }
        let home = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("rehearse-planted-\(UUID().uuidString)")
        let code = """
            import os
            for path in [\(String(reflecting: victim.path)), \(String(reflecting: home.path))]:
                try:
                    os.remove(path)
                except OSError as error:
                    print("remove", type(error).__name__)
                try:
                    with open(path, "w") as handle:
                        handle.write("changed")
                except OSError as error:
                    print("write", type(error).__name__)
            """
        for answer in try runExpectingToRun(code) {
            #expect(answer.status == "runs", "\(answer)")
        }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        #expect(!FileManager.default.fileExists(atPath: home.path))
    }

    @Test func noSocketReachesAnotherHost() throws {
        let code = """
            import socket
            try:
                socket.create_connection(("192.0.2.1", 80), timeout=1)
                print("connected")
            except OSError as error:
                print("blocked", type(error).__name__)
            """
        for answer in try run(code) {
            #expect(answer.output?.hasPrefix("blocked") == true, "\(answer)")
        }
    }

    @Test func printingAHundredMegabytesIsCut() throws {
        for answer in try run("import sys\nfor _ in range(100):\n    print('x' * (1024 * 1024))\n") {
            #expect(["runs", "timeout", "killed"].contains(answer.status), "\(answer)")
            #expect((answer.output ?? "").utf8.count <= SnippetResult.outputLimit)
        }
    }

    @Test func secretsInTheEnvironmentAreNotInherited() throws {
        setenv("REHEARSE_TEST_SECRET", "hunter2", 1)
        defer { unsetenv("REHEARSE_TEST_SECRET") }
        for answer in try runExpectingToRun("import os\nprint(sorted(os.environ))\nprint(os.environ.get('REHEARSE_TEST_SECRET'))\n") {
            #expect(answer.status == "runs", "\(answer)")
            #expect(!(answer.output ?? "").contains("hunter2"))
        }
    }

    /// Only bubblewrap hides files (see ``Isolation``); CI has it, and checks that it does.
    @Test func snippetsCannotSeeEachOthersFiles() throws {
        guard let isolation = Self.isolation, isolation == .bubblewrap else { return }
        let pool = ForkServerPool(isolation: isolation, size: 1)
        _ = pool.run(.snippet("open('left-behind.txt', 'w').write('x')\nopen('/tmp/also.txt', 'w').write('x')\n", limits: Self.limits))
        let next = pool.run(.snippet("import os, glob\nprint(sorted(os.listdir('.')), glob.glob('/tmp/**/*.txt', recursive=True))\n", limits: Self.limits))
        #expect(next.output == "[] []\n", "\(next)")
    }

    @Test func claimsAreEvaluatedWithTheirSetup() throws {
        for runner in try Self.runners() {
            let answer = runner.run(.claim(expr: "a is b", setup: "a = [1, 2]; b = [1, 2]", limits: Self.limits))
            #expect(answer.status == "ok" && answer.actual == "False")
        }
    }
}
