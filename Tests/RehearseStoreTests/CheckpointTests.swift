import Foundation
import RehearseCore
import Testing

@testable import RehearseStore

/// Background checkpoints: commits stop copying the log into the database; a connection of
/// its own does it instead.
@Suite struct CheckpointTests {
    @Test func answersReachTheDatabaseFileThroughTheBackgroundCheckpointer() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-checkpoint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let store = try Store(path: path)
        _ = try store.importGuide(try StoreTests.guide(StoreTests.original), source: "test", at: Date())
        let card = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        let checkpoints = try #require(try store.checkpointInBackground(every: .seconds(3600)))
        checkpoints.cancel()
        // With checkpoints off the commit path and the checkpointer asleep, the file stays put.
        let before = try Self.size(path)
        // Past the 1000 pages at which a commit would otherwise checkpoint.
        let answers = (0..<2000).map { _ in Store.Answer(cardID: card, rating: .good, at: Date(), answerText: String(repeating: "x", count: 600)) }
        for _ in 0..<4 { _ = try store.recordAll(answers, scheduler: Scheduler()) }
        #expect(try Self.size(path) == before)
        #expect(try Self.size(path + "-wal") > 1000 * 4096)

        let running = try #require(try store.checkpointInBackground(every: .milliseconds(20)))
        defer { running.cancel() }
        // A checkpoint copies page by page: wait for the whole log, not the first pages (up to 10 s).
        for _ in 0..<500 where try Self.size(path) <= before + 4_000_000 {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try Self.size(path) > before + 4_000_000)
        #expect(try store.reviewCount() == 8000)
    }

    static func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
