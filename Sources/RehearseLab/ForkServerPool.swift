import Foundation

/// A warm pool: a few sandboxed Python fork servers, each forking a fresh child per
/// request. Children share nothing: separate memory, an emptied working folder, stray
/// processes killed after each run; in the bubblewrap sandbox each server is alone in its
/// own namespaces. Servers start on demand, up to `size`: a pool that is never asked
/// starts no Python at all.
public final class ForkServerPool: SnippetRunner, @unchecked Sendable {
    public let isolation: Isolation
    private let lock = NSLock()
    private var idle: [Server] = []
    private let available: DispatchSemaphore

    public init(isolation: Isolation, size: Int = ProcessInfo.processInfo.activeProcessorCount) {
        Sandbox.ignoreBrokenPipes()
        self.isolation = isolation
        available = DispatchSemaphore(value: max(1, size))
    }

    public func run(_ request: LabRequest) -> LabAnswer {
        available.wait()
        defer { available.signal() }
        let server: Server
        do {
            server = try lock.withLock({ idle.popLast() }) ?? Server(isolation: isolation)
        } catch {
            return LabAnswer(status: "killed", error: "could not start the \(isolation.rawValue) sandbox (\(error.localizedDescription)); `rehearse check` says which sandbox this machine has")
        }
        // A server that died (killed from outside, or a limit of its own) is dropped; the
        // next request starts another.
        guard let answer = server.ask(request) else {
            return LabAnswer(status: "killed", error: "the sandbox stopped while running this")
        }
        lock.withLock { idle.append(server) }
        return answer
    }

    /// One fork server and its pipes.
    final class Server {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        var buffer = Data()
        let folder: URL?

        init(isolation: Isolation) throws {
            var arguments = ["-c", Driver.source, "--serve"]
            if isolation == .bubblewrap {
                arguments.append("--isolated")
                folder = nil
            } else {
                let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rehearse-lab-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
                try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: root.path)
                arguments += ["--root", root.path]
                folder = root
                process.currentDirectoryURL = root
            }
            let command = Sandbox.command(for: isolation, arguments: arguments)
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        deinit {
            try? input.fileHandleForWriting.close()
            if process.isRunning { process.terminate() }
            if let folder { try? FileManager.default.removeItem(at: folder) }
        }

        /// Sends a request and waits for its one-line answer; nil if the server is gone.
        func ask(_ request: LabRequest) -> LabAnswer? {
            guard process.isRunning, let line = try? JSONEncoder().encode(request) else { return nil }
            do {
                try input.fileHandleForWriting.write(contentsOf: line + Data("\n".utf8))
            } catch {
                return nil  // the server is gone; the pool starts another
            }
            while true {
                if let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer = Data(buffer[(newline + 1)...])
                    return try? JSONDecoder().decode(LabAnswer.self, from: Data(line))
                }
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                buffer += chunk
            }
        }
    }
}
