import Foundation
import RehearseCore
import Testing

@testable import RehearseStore

/// The database under import, study, undo and statistics.
@Suite struct StoreTests {
    static let original = """
        # 05 — Caching

        **Priority:** LOW

        ## Basics

        **Q:** What is a cache hit?
        **A:** The value was found in the cache.

        **Q:** What does TTL mean?
        **A:** Time to live: how long an entry stays valid.

        ## Eviction

        **Q:** What does LRU evict?
        **A:** The least recently used entry.
        """

    static func guide(_ text: String, name: String = "05-caching.md") throws -> Guide {
        try GuideReader().read(Array(text.utf8), fileName: name)
    }

    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let scheduler = Scheduler(enableFuzzing: false)

    func cardID(_ store: Store, prompt: String) throws -> String {
        try #require(try store.newCards(limit: 100, now: now).first { $0.card.prompt == prompt }?.card.id)
    }

    @Test func keepsHistoryWhenAnswersAreEditedSectionsInsertedAndItemsRemoved() throws {
        let store = try Store()
        let first = try store.importGuide(try Self.guide(Self.original), source: "05-caching.md", at: now)
        #expect(first == ImportReport(guideID: "05-caching", added: 3, changed: 0, retired: 0, unchanged: 0))
        let hit = try cardID(store, prompt: "What is a cache hit?")
        let ttl = try cardID(store, prompt: "What does TTL mean?")
        let lru = try cardID(store, prompt: "What does LRU evict?")
        for id in [hit, ttl, lru] { try store.record(Store.Answer(cardID: id, rating: .good, at: now), scheduler: scheduler) }
        let hitBefore = try #require(try store.studyCard(id: hit, now: now))

        let edited = Self.original
            .replacingOccurrences(of: "Time to live: how long an entry stays valid.", with: "Time to live: how long an entry may be served.")
            .replacingOccurrences(of: "## Eviction", with: "## Warming\n\n**Q:** Why warm a cache?\n**A:** To avoid a burst of misses after a deploy.\n\n## Eviction")
            .replacingOccurrences(of: "**Q:** What is a cache hit?\n**A:** The value was found in the cache.\n", with: "")
        let second = try store.importGuide(try Self.guide(edited), source: "05-caching.md", at: now.addingTimeInterval(60))
        #expect(second == ImportReport(guideID: "05-caching", added: 1, changed: 1, retired: 1, unchanged: 1))

        let ttlAfter = try #require(try store.studyCard(id: ttl, now: now))
        #expect(ttlAfter.card.answer == "Time to live: how long an entry may be served.")
        #expect(ttlAfter.reps == 1 && ttlAfter.schedule.lastReview == now)
        #expect(try store.studyCard(id: lru, now: now)?.reps == 1)
        #expect(try store.newCards(limit: 10, now: now).map(\.card.prompt) == ["Why warm a cache?"])
        #expect(try store.reviewCount() == 3)
        // The removed card is retired, not deleted: it comes back with its history.
        let third = try store.importGuide(try Self.guide(Self.original), source: "05-caching.md", at: now.addingTimeInterval(120))
        #expect(third.added == 1 && third.retired == 1)
        #expect(try store.studyCard(id: hit, now: now) == hitBefore)
    }

    @Test func undoRestoresThePreviousScheduleAndRemovesTheReview() throws {
        let store = try Store()
        _ = try store.importGuide(try Self.guide(Self.original), source: "x", at: now)
        let id = try cardID(store, prompt: "What is a cache hit?")
        try store.record(Store.Answer(cardID: id, rating: .good, at: now), scheduler: scheduler)
        let afterFirst = try #require(try store.studyCard(id: id, now: now))
        let second = try store.record(Store.Answer(cardID: id, rating: .again, at: now.addingTimeInterval(600)), scheduler: scheduler)
        #expect(try store.undo(reviewID: second.id).cardID == id)
        #expect(try store.studyCard(id: id, now: now) == afterFirst)
        #expect(try store.reviewCount() == 1)
        #expect(throws: StoreError.nothingToUndo) { try store.undo(reviewID: second.id) }
    }

    @Test func newCardsComeByPriorityThenSeriesThenDocumentOrder() throws {
        let store = try Store()
        let high = "# 07 — Queues\n\n**Priority:** HIGH\n\n## Basics\n\n**Q:** What is a queue?\n**A:** FIFO.\n\n**Q:** What is a stack?\n**A:** LIFO.\n"
        _ = try store.importGuide(try Self.guide(Self.original), source: "a", at: now)
        _ = try store.importGuide(try Self.guide(high, name: "07-queues.md"), source: "b", at: now)
        let order = try store.newCards(limit: 10, now: now).map(\.card.prompt)
        #expect(order == ["What is a queue?", "What is a stack?", "What is a cache hit?", "What does TTL mean?", "What does LRU evict?"])
    }

    @Test func dueCardsComeLeastRecalledFirst() throws {
        let store = try Store()
        _ = try store.importGuide(try Self.guide(Self.original), source: "a", at: now)
        let hit = try cardID(store, prompt: "What is a cache hit?")
        let ttl = try cardID(store, prompt: "What does TTL mean?")
        try store.record(Store.Answer(cardID: hit, rating: .easy, at: now), scheduler: scheduler)
        try store.record(Store.Answer(cardID: ttl, rating: .hard, at: now), scheduler: scheduler)
        let later = now.addingTimeInterval(400 * 86_400)
        #expect(try store.dueCards(at: later, scheduler: scheduler).map(\.card.id) == [ttl, hit])
        #expect(try store.dueCards(at: now.addingTimeInterval(30), scheduler: scheduler).isEmpty)
    }

    @Test func statsCountPhasesWorkloadAndReadiness() throws {
        let store = try Store()
        _ = try store.importGuide(try Self.guide(Self.original), source: "a", at: now)
        let hit = try cardID(store, prompt: "What is a cache hit?")
        try store.record(Store.Answer(cardID: hit, rating: .easy, at: now), scheduler: scheduler)
        let report = try store.stats(at: now, readinessDate: now, scheduler: scheduler)
        let whole = try #require(report.groups.first { $0.section == nil })
        #expect(whole.new == 2 && whole.review == 1 && whole.learning == 0)
        #expect(abs(whole.readiness - 1.0 / 3.0) < 1e-9)
        let later = try store.stats(at: now, readinessDate: now.addingTimeInterval(60 * 86_400), scheduler: scheduler)
        #expect(try #require(later.groups.first).readiness < whole.readiness)
        #expect(report.duePerDay.reduce(0, +) == 1)
        #expect(report.groups.map(\.section) == [nil, "Basics", "Eviction"])
    }

    @Test func aDamagedDatabaseIsReportedNotOverwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rehearse.sqlite").path
        let garbage = Data(repeating: 0x42, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            (error as? StoreError)?.description.hasPrefix("\(path): this is not a Rehearse database") == true
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }
}
