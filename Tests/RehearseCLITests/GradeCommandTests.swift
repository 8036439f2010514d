import Foundation
import Testing

/// `rehearse grade --jsonl` (spec/cli-contracts.md §2), including lines that cannot be read.
@Suite struct GradeCommandTests {
    @Test func gradesEachLineAndReportsBadOnesInPlace() throws {
        let good = #"{"question": "What does LRU evict?", "reference": "- the least recently used entry\n- when the cache is full", "answer": "When the cache is full it evicts the entry that was used least recently."}"#
        let withKeypoints = #"{"keypoints": ["a tuple of positional arguments", "a dict of keyword arguments"], "answer": "I don't know"}"#
        let huge = "{\"keypoints\": [\"hash table with open addressing\"], \"answer\": \"" + String(repeating: "a hash table that uses open addressing ", count: 27_000) + "\"}"
        var input = Data((good + "\n" + "{not json\n" + #"{"keypoints": ["x"]}"# + "\n").utf8)
        input += Data([0x7B, 0x22, 0x61, 0xFF, 0x22, 0x7D, 0x0A])  // {"a\xFF"}
        input += Data((withKeypoints + "\n" + huge + "\n").utf8)
        let raw = try Self.runRaw(input)
        #expect(raw.status == 0)
        let lines = raw.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 6)
        let first = try #require(lines[0])
        #expect(first["rating"] as? Int == 4)
        #expect(first["covered"] as? [String] == ["the least recently used entry", "when the cache is full"])
        #expect((lines[1]?["error"] as? String)?.hasPrefix("line 2: not a JSON object") == true)
        #expect(lines[2]?["error"] as? String == "line 3: missing field \"answer\"")
        #expect(lines[3]?["error"] as? String == "line 4: not valid UTF-8")
        #expect(lines[4]?["rating"] as? Int == 1 && lines[4]?["score"] as? Double == 0)
        #expect(lines[5]?["covered"] as? [String] == ["hash table with open addressing"])
    }

    @Test func contradictedPointsComeWithTheirEvidence() throws {
        let line = #"{"keypoints": ["QuerySets are lazy", "select_related follows foreign keys with a JOIN"], "answer": "QuerySets are eager and hit the database at once. select_related follows foreign keys with a JOIN."}"#
        let run = try Self.runRaw(Data((line + "\n").utf8))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(result["covered"] as? [String] == ["select_related follows foreign keys with a JOIN"])
        #expect(result["missed"] as? [String] == ["QuerySets are lazy"])
        let contradicted = try #require(result["contradicted"] as? [[String: String]])
        #expect(contradicted.map { $0["keypoint"] } == ["QuerySets are lazy"])
        #expect(contradicted.first?["evidence"]?.contains("eager") == true)
        // One of two points stated, the other contradicted: less than half.
        #expect((result["score"] as? Double ?? 1) < 0.5)
    }

    @Test func correctionsAreImportedWholeOrNotAtAllAndExportedAsTheyWere() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db.sqlite").path
        #expect(try CLI.run("import", "--db", database, "--no-lab", CLI.userGuide).status == 0)
        let card = try #require((try CLI.query(database, "select id from card where kind = 'qa' order by queueOrder limit 1").first as? [Any])?.first as? String)
        let good = #"{"card_id": "\#(card)", "keypoint": "a point", "phrase": "my words", "accepted": true}"#
        let file = folder.appendingPathComponent("corrections.jsonl")
        try Data((good + "\n{\"card_id\": 3}\n").utf8).write(to: file)
        let bad = try CLI.run("grade", "--db", database, "--import-corrections", file.path)
        #expect(bad.status == 2)
        #expect(bad.error.contains("corrections.jsonl:2: not a correction"), "\(bad.error)")
        let orphan = #"{"card_id": "nope", "keypoint": "k", "phrase": "p", "accepted": false}"#
        try Data((good + "\n" + orphan + "\n").utf8).write(to: file)
        let unknown = try CLI.run("grade", "--db", database, "--import-corrections", file.path)
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("corrections.jsonl:2: no card with id nope"), "\(unknown.error)")
        #expect(try CLI.run("grade", "--db", database, "--export-corrections").output.isEmpty)
        try Data((good + "\n").utf8).write(to: file)
        let stored = try CLI.run("grade", "--db", database, "--import-corrections", file.path)
        #expect(stored.output.contains("Stored 1 correction."), "\(stored.output) \(stored.error)")
        let exported = try CLI.run("grade", "--db", database, "--export-corrections").output
        #expect(exported == #"{"accepted":true,"card_id":"\#(card)","keypoint":"a point","phrase":"my words"}"# + "\n")
    }

    static func runRaw(_ input: Data) throws -> CLI.Run {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["grade", "--jsonl"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = Pipe()
        try process.run()
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), error: "")
    }
}
