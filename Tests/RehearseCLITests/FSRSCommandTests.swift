import Foundation
import Testing

/// `rehearse fsrs states` against the py-fsrs vectors (spec/cli-contracts.md §3).
@Suite struct FSRSCommandTests {
    @Test func statesMatchTheReferenceVectors() throws {
        let vectors = CLI.repository.appendingPathComponent("Tests/RehearseCoreTests/Fixtures/fsrs-parity.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: vectors)) as? [String: Any])
        let cases = try #require(document["memory_states"] as? [[String: Any]])
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var checked = 0
        for (index, testCase) in cases.prefix(60).enumerated() {
            let weights = try #require(testCase["weights"] as? [Double])
            let reviews = try #require(testCase["reviews"] as? [[String: Any]])
            // Reversed rows: the command must sort each card's reviews by time itself.
            var csv = "card_id,review_time,review_rating,review_duration\n"
            for review in reviews.reversed() {
                csv += "\(index),\(review["review_time"] ?? 0),\(review["rating"] ?? 0),1000\n"
            }
            let file = folder.appendingPathComponent("case-\(index).csv")
            try csv.write(to: file, atomically: true, encoding: .utf8)
            let run = try CLI.run(["fsrs", "states", "--input", file.path, "--params", weights.map { "\($0)" }.joined(separator: ","), "--jsonl"])
            #expect(run.status == 0, "\(run.error)")
            let lines = run.output.split(separator: "\n")
            #expect(lines.count == reviews.count)
            for (line, expected) in zip(lines, reviews) {
                let actual = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(actual["card_id"] as? Int == index)
                #expect(actual["review_time"] as? Int64 == expected["review_time"] as? Int64)
                for key in ["stability", "difficulty"] {
                    let got = try #require(actual[key] as? Double)
                    let want = try #require(expected[key] as? Double)
                    #expect(abs(got - want) <= 1e-6 * abs(want), "\(key)")
                }
                if let want = expected["retrievability"] as? Double {
                    #expect(abs((actual["retrievability"] as? Double ?? -1) - want) <= 1e-6 * want)
                } else {
                    #expect(actual["retrievability"] is NSNull)
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func badLogsExitTwoNamingTheLine() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("log.csv")
        try "card_id,review_time,review_rating\n1,1700000000000,3\n1,1700000000000,9\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run("fsrs", "states", "--input", file.path)
        #expect(run.status == 2)
        #expect(run.error.contains("log.csv:3: review_rating must be 1, 2, 3 or 4, got \"9\""))
        #expect(run.output.isEmpty)
    }

    /// The review log of the fsrs-rs fixture learner, as a CSV (rows shuffled by card).
    static func fixtureLog(limit: Int = .max) throws -> (csv: String, rows: Int, fsrsRSLogLoss: Double) {
        let vectors = CLI.repository.appendingPathComponent("Tests/RehearseCoreTests/Fixtures/fsrs-fit.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: vectors)) as? [String: Any])
        let cards = try #require(document["cards"] as? [[String: Any]])
        let fit = try #require(document["fit"] as? [String: Any])
        var csv = "card_id,review_time,review_rating\n"
        var rows = 0
        for (index, card) in cards.prefix(limit).enumerated().reversed() {
            let ratings = try #require(card["ratings"] as? [Int])
            let times = try #require(card["times"] as? [Int64])
            for (rating, time) in zip(ratings, times) {
                csv += "\(index),\(time),\(rating)\n"
                rows += 1
            }
        }
        return (csv, rows, try #require(fit["log_loss"] as? Double))
    }

    /// `fsrs optimize --input --json` (spec §3b): the fields, 21 weights in bounds, and a fit
    /// as good as fsrs-rs's on the same log.
    @Test func optimizeJSONFollowsTheContract() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (csv, rows, reference) = try Self.fixtureLog()
        let file = folder.appendingPathComponent("revlog.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run("fsrs", "optimize", "--input", file.path, "--json")
        #expect(run.status == 0, "\(run.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let parameters = try #require(object["parameters"] as? [Double])
        #expect(parameters.count == 21)
        #expect(object["reviews"] as? Int == rows)
        let logLoss = try #require(object["log_loss"] as? Double)
        let defaultLogLoss = try #require(object["default_log_loss"] as? Double)
        #expect(try #require(object["rmse_bins"] as? Double) > 0)
        #expect(logLoss < defaultLogLoss)
        #expect(logLoss <= reference * 1.005, "log loss \(logLoss) against fsrs-rs's fit \(reference)")
    }

    @Test func optimizeWithTooLittleHistoryExitsOne() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("short.csv")
        try Self.fixtureLog(limit: 12).csv.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run("fsrs", "optimize", "--input", file.path, "--json")
        #expect(run.status == 1)
        #expect(run.error.contains("too little history"))
        #expect(run.output.isEmpty)
    }

    @Test func optimizeRefusesABadStateNamingTheLine() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("states.csv")
        try "card_id,review_time,review_rating,review_state\n1,1700000000000,3,1\n1,1700100000000,3,7\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run("fsrs", "optimize", "--input", file.path)
        #expect(run.status == 2)
        #expect(run.error.contains("states.csv:3: review_state must be 0 to 5, got \"7\""))
    }
}
