import Foundation

/// Starts a fresh sandboxed Python for every request: the simplest isolation, and the
/// slowest (a new interpreter each time).
public struct OneProcessRunner: SnippetRunner {
    public let isolation: Isolation

    public init(isolation: Isolation) {
        self.isolation = isolation
    }

    public func run(_ request: LabRequest) -> LabAnswer {
        Sandbox.ignoreBrokenPipes()
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rehearse-lab-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = Sandbox.command(for: isolation, arguments: ["-c", Driver.source])
        if let cpu = command.firstIndex(of: "--cpu=600") { command[cpu] = "--cpu=\(request.cpu)" }
        if let memory = command.firstIndex(of: "--as=2000000000") { command[memory] = "--as=\(request.memory)" }
        if let processes = command.firstIndex(of: "--nproc=\(Sandbox.processLimit)") { command[processes] = "--nproc=\(request.processes)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = folder
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return LabAnswer(status: "killed", error: "could not start the sandbox: \(error.localizedDescription)")
        }
        let timedOut = LockedFlag()
        let timer = DispatchWorkItem {
            timedOut.set()
            kill(process.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + request.timeout, execute: timer)
        if let line = try? JSONEncoder().encode(request) {
            try? input.fileHandleForWriting.write(contentsOf: line + Data("\n".utf8))
        }
        try? input.fileHandleForWriting.close()
        let data = Self.read(output.fileHandleForReading, limit: 4 << 20) { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        timer.cancel()
        if timedOut.value { return LabAnswer(status: "timeout", error: "still running after \(request.timeout) s") }
        if let last = data.split(separator: 0x0A).last, let answer = try? JSONDecoder().decode(LabAnswer.self, from: Data(last)) {
            return answer
        }
        if process.terminationReason == .uncaughtSignal {
            return LabAnswer(status: "killed", error: "stopped by signal \(process.terminationStatus): a limit was hit")
        }
        return LabAnswer(status: "killed", error: "ended without an answer (exit \(process.terminationStatus))")
    }

    /// Reads to the end, stopping (and calling `overflow`) past `limit` bytes.
    static func read(_ handle: FileHandle, limit: Int, overflow: () -> Void) -> Data {
        var data = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return data }
            if data.count + chunk.count > limit {
                overflow()
                return data
            }
            data += chunk
        }
    }
}

/// A flag set from another thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false

    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
