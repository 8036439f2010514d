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
