import Foundation
import Testing

/// Runs the built `rehearse` executable the way a user or a script does.
enum CLI {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static var executable: URL {
        // The test bundle is built into the same folder as the executables.
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("rehearse").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("rehearse")
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var userGuide: String {
        repository.deletingLastPathComponent().appendingPathComponent("shared/guides/03-python-deep-dive.txt").path
    }

    /// The bundled Markdown starter guide, in the repository.
    static var starterGuide: String {
        repository.appendingPathComponent("Sources/RehearseCore/Resources/StarterGuides/00-python-deep-dive.md").path
    }

    /// Runs `rehearse` with `arguments`, feeding `input` to standard input.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "REHEARSE_DB")
        variables.merge(environment) { $1 }
        process.environment = variables
        let stdin = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = error
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }

    static func run(_ arguments: String..., input: String = "") throws -> Run {
        try run(arguments, input: input)
    }

    /// Runs `rehearse COMMAND --db DATABASE` in a pseudo-terminal, typing each step's keys
    /// once its marker is on the screen (`Scripts/pty_session.py`); returns the exit status
    /// and everything shown.
    static func pseudoTerminal(database: String, command: String, steps: [String]) throws -> (Int32, String) {
        let script = repository.appendingPathComponent("Tests/RehearseCLITests/Scripts/pty_session.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, executable.path, database, command] + steps
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let screen = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, screen)
    }

    /// A fresh folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Counts rows of the review log with Python's sqlite3, independent of the code under test.
    static func reviewCount(_ database: String) throws -> Int {
        (try query(database, "select count(*) from review").first as? [Any])?.first as? Int ?? -1
    }

    /// Runs an SQL query with Python's sqlite3 and returns its rows.
    static func query(_ database: String, _ sql: String) throws -> [Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json, sqlite3, sys; print(json.dumps(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall()))", database, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [Any]) ?? []
    }
}
