import Foundation
import Testing

/// Runs the built `rehearse` executable the way a user or a script does.
@Suite struct InspectCommandTests {
    func rehearse(_ arguments: String...) throws -> CLI.Run { try CLI.run(arguments) }

    static var userGuide: String { CLI.userGuide }

    @Test func jsonFollowsTheContract() throws {
        let run = try rehearse("inspect", Self.userGuide, "--json")
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(document["id"] as? String == "03-python-deep-dive")
        #expect(document["number"] as? String == "03")
        #expect(document["priority"] as? String == "high")
        #expect(document["format"] as? String == "flat-text")
        #expect(document["next"] as? String == "04-databases-and-sql.md")
        let sections = try #require(document["sections"] as? [[String: Any]])
        #expect(sections.count == 10)
        let items = try #require(document["items"] as? [[String: Any]])
        for item in items {
            #expect(item["kind"] is String && item["id"] is String && item["section"] is [String])
        }
        let qa = try #require(items.first { $0["kind"] as? String == "qa" })
        let keypoints = try #require(qa["keypoints"] as? [String])
        #expect((2...8).contains(keypoints.count))
        let code = try #require(items.first { $0["kind"] as? String == "code" })
        #expect(code["language"] as? String == "python")
        #expect((code["lines"] as? [Int])?.count == 2)
        // Every code item carries a confidence: a number in 0…1 for restored flat Python.
        for item in items where item["kind"] as? String == "code" {
            let confidence = try #require(item["confidence"] as? Double)
            #expect((0...1).contains(confidence))
        }
        let claim = try #require(items.first { $0["kind"] as? String == "claim" })
        #expect(claim["expr"] as? String == "type(42)")
        #expect(claim.keys.contains("setup"))
    }

    @Test func cardsListsWhatEachItemMakes() throws {
        let run = try rehearse("inspect", "--cards", Self.userGuide)
        #expect(run.status == 0)
        let guide = Self.userGuide
        #expect(run.output.contains("Python Internals › The GIL (Global Interpreter Lock)\n  \(guide):15  concept  → The GIL (Global Interpreter Lock) — What?"))
        #expect(run.output.contains("  code  → write-code: Write the code for `def read_large_file(path)`: Generator function (lazy evaluation)"))
        #expect(run.output.contains("  code  → explain-code: What does this do?"))
        #expect(run.output.hasSuffix("\n93 items, \(StudyCommandTests.userGuideCards) cards\n"), "\(run.output.suffix(200))")
        let both = try rehearse("inspect", "--cards", "--json", Self.userGuide)
        #expect(both.status == 64)
    }

    @Test func aWordThatIsNoCommandIsRefusedAsSuch() throws {
        let run = try rehearse("stat")
        #expect(run.status == 64)
        #expect(run.error.hasPrefix("rehearse: 'stat' is not a command. Did you mean 'study' or 'stats'?"), "\(run.error)")
        #expect(!run.error.contains("Usage: rehearse study"))
    }

    @Test func outlineListsSectionsAndWarnings() throws {
        let run = try rehearse("inspect", Self.userGuide)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("03 — Python Deep Dive for Interviews\n"))
        #expect(run.output.contains("\n  Interview Questions About FastAPI"))
        #expect(run.output.contains("03-python-deep-dive.txt:458: the `if` block opened here has no body"))
        // Blocks whose indentation had to be guessed are listed with the line in doubt.
        let guessed = try #require(run.output.range(of: "with guessed indentation:\n"))
        let firstGuess = run.output[guessed.upperBound...].prefix { $0 != "\n" }
        #expect(firstGuess.contains("03-python-deep-dive.txt:") && firstGuess.contains("in doubt), confidence "))
    }

    @Test func markdownCodeHasNoConfidence() throws {
        let run = try rehearse("inspect", CLI.starterGuide, "--json")
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let items = try #require(document["items"] as? [[String: Any]])
        let code = items.filter { $0["kind"] as? String == "code" }
        #expect(!code.isEmpty)
        #expect(code.allSatisfy { $0["confidence"] is NSNull })
    }

    @Test func badInputExitsTwoAndNamesTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let latin1 = folder.appendingPathComponent("latin1.txt")
        try Data([0x51, 0x3A, 0x20, 0xE9, 0x0A]).write(to: latin1)

        let missing = try rehearse("inspect", folder.appendingPathComponent("missing.md").path)
        #expect(missing.status == 2)
        #expect(missing.error.contains("missing.md: cannot read the file: no such file"))
        let emptyRun = try rehearse("inspect", empty.path)
        #expect(emptyRun.status == 2)
        #expect(emptyRun.error.contains("empty.txt: the file is empty"))
        let latinRun = try rehearse("inspect", latin1.path, "--json")
        #expect(latinRun.status == 2)
        #expect(latinRun.output.isEmpty)
        #expect(latinRun.error.contains("latin1.txt:1:4: byte 0xE9 is not valid UTF-8"))
        let folderRun = try rehearse("inspect", folder.path)
        #expect(folderRun.status == 2)
        #expect(folderRun.error.contains("it is a folder"))
    }

    @Test func noArgumentsStudiesTheStarterGuideWhenNothingIsImported() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run([], input: " 3q", environment: ["REHEARSE_DB": folder.appendingPathComponent("db.sqlite").path])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("No guide imported yet: studying the bundled starter guide."))
        #expect(run.output.contains("00-python-deep-dive › Interpreter Internals"))
        #expect(run.output.contains("Reviewed 1 card, 100% correct"))
    }
}
