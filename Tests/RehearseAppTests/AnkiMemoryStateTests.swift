import Foundation
import GRDB
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseAnki

/// A deck from another program is given memory states recomputed from its review log: what
/// `rehearse fsrs states` computes from the same log, with days starting at Anki's rollover.
@Suite struct AnkiMemoryStateTests {
    /// The built `rehearse` executable, beside the test bundle.
    static var rehearse: String? {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("rehearse").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        let path = folder.appendingPathComponent("rehearse").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    @Test func importedStatesAreWhatFsrsStatesComputesFromTheLog() async throws {
        let west = -TimeZone.current.secondsFromGMT() / 60
        guard west % 60 == 0, let rehearse = Self.rehearse else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI builds rehearse and runs in a whole-hour time zone")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-states-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // Rehearse's own package, its note type renamed: to the importer, a deck from elsewhere.
        let (trainer, _, now) = try await AnkiRoundTripTests.studiedTrainer()
        let own = folder.appendingPathComponent("own.apkg").path
        try await trainer.exportAnki(guide: nil, withHistory: true, to: own, at: now)
        let collection = folder.appendingPathComponent("collection.anki21").path
        try #require(try ZipReader(data: Data(contentsOf: URL(fileURLWithPath: own))).contents(of: "collection.anki21"))
            .write(to: URL(fileURLWithPath: collection))
        let queue = try DatabaseQueue(path: collection)
        try await queue.write { db in try db.execute(sql: #"UPDATE col SET models = replace(models, '"name":"Rehearse"', '"name":"Interview card"')"#) }
        try queue.close()
        var zip = ZipWriter()
        try zip.add("collection.anki21", try Data(contentsOf: URL(fileURLWithPath: collection)))
        let foreign = folder.appendingPathComponent("foreign.apkg").path
        try zip.finish().write(to: URL(fileURLWithPath: foreign))

        let store = try Store()
        let importer = Trainer(store: store, lab: nil)
        let outcome = try await importer.importAnki(file: foreign, at: now)
        #expect(outcome.report.addedReviews > 500)
        let guide = try #require(try store.archive().guides.first)
        #expect(guide.id.hasPrefix("anki-"))

        let log = folder.appendingPathComponent("log.csv")
        try await importer.reviewLogCSV(guide: guide.id).csv.write(to: log, atomically: true, encoding: .utf8)
        let hour = ((4 + west / 60) % 24 + 24) % 24
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rehearse)
        process.arguments = ["fsrs", "states", "--input", log.path, "--next-day-hour", "\(hour)", "--jsonl"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        // The last state of each card in the command's output, by the CSV's card number.
        var last: [Int: (stability: Double, difficulty: Double)] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            last[try #require(object["card_id"] as? Int)] = (try #require(object["stability"] as? Double), try #require(object["difficulty"] as? Double))
        }
        var numbers: [String: Int] = [:]
        for row in try String(contentsOf: log, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            numbers[String(fields[1])] = Int(fields[0])
        }
        var compared = 0
        for entry in guide.entries where !entry.reviews.isEmpty {
            let number = try #require(numbers[entry.card.id])
            let expected = try #require(last[number])
            let schedule = try #require(entry.schedule)
            #expect(abs((schedule.stability ?? 0) - expected.stability) <= 1e-9 * max(1, expected.stability))
            #expect(abs((schedule.difficulty ?? 0) - expected.difficulty) <= 1e-9)
            compared += 1
        }
        #expect(compared >= 30)
    }
}
