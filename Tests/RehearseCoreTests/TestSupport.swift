import Foundation
import Testing

@testable import RehearseCore

/// Files the tests read: the user's guide in `../shared/guides/` and the bundled fixtures.
enum TestFiles {
    /// `shared/` beside the repository (CI clones the repository next to it), or `REHEARSE_SHARED`.
    static var sharedFolder: URL {
        if let override = ProcessInfo.processInfo.environment["REHEARSE_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }

    static func userGuide() throws -> Guide {
        let url = sharedFolder.appendingPathComponent("guides/03-python-deep-dive.txt")
        return try GuideReader().read(try Data(contentsOf: url), fileName: url.lastPathComponent)
    }

    static func fixture(_ name: String) throws -> Guide {
        try GuideReader().read(try fixtureData(name), fileName: name)
    }

    static func fixtureData(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }
}

/// Python's own parser, the judge of restored indentation.
enum PythonParser {
    /// nil when `code` parses, else Python's error message.
    static func error(in code: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import ast, sys\ntry:\n    ast.parse(sys.stdin.read())\nexcept SyntaxError as e:\n    print(f'line {e.lineno}: {e.msg}')",
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(code.utf8))
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: result, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? nil : message
    }
}

extension Guide {
    func items(of kind: ItemKind) -> [GuideItem] { items.filter { $0.kind == kind } }

    var questions: [String] {
        items.compactMap {
            switch $0.content {
            case .qa(let question, _), .prompt(let question, _): question
            default: nil
            }
        }
    }

    var codeBlocks: [(language: String, code: String, item: GuideItem)] {
        items.compactMap {
            if case .code(let language, let code, _) = $0.content { return (language, code, $0) }
            return nil
        }
    }

    func code(containing text: String) -> String? {
        codeBlocks.first { $0.code.contains(text) }?.code
    }
}
