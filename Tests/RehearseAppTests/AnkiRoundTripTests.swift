import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// Export to an Anki package and import it back: the same cards, schedules, marks and history.
@Suite struct AnkiRoundTripTests {
    /// The starter guide, studied for two months at uneven hours, with marks of every kind.
    static func studiedTrainer() async throws -> (Trainer, Store, Date) {
        let store = try Store()
        let guide = try StarterGuide.pythonDeepDive()
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        _ = try store.importGuide(guide, source: StarterGuide.pythonDeepDiveFileName, at: start)
        let trainer = Trainer(store: store, lab: nil)
        let ids = try await trainer.cards(CardQuery(guide: guide.id), at: start).map(\.card.id)
        var generator = SplitMix64(seed: 7)
        var now = start
        for day in 0..<60 {
            now = start.addingTimeInterval(Double(day) * 86_400 + Double(generator.next() % 50_000))
            for id in ids.prefix(40) where Int(generator.next() % 3) == 0 {
                let rating = Rating(rawValue: Int(generator.next() % 4) + 1) ?? .good
                _ = try await trainer.answer(AnswerInput(cardID: id, rating: rating, durationMS: 1 + Int(generator.next() % 20_000)), at: now)
                now.addTimeInterval(37)
            }
        }
        try await trainer.apply(.suspend, to: [ids[1]], at: now)
        try await trainer.apply(.bury, to: [ids[2]], at: now)
        try await trainer.apply(.flag(3), to: [ids[3], ids[50]], at: now)
        return (trainer, store, now)
    }

    @Test func exportThenImportIntoAFreshDatabaseGivesTheSameCardsStatesAndHistory() async throws {
        let (trainer, store, now) = try await Self.studiedTrainer()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-round-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("python.apkg").path
        let summary = try await trainer.exportAnki(guide: nil, withHistory: true, to: package, at: now)
        let original = try store.archive()
        #expect(summary.notes == original.guides[0].entries.count)
        #expect(summary.reviews == original.guides[0].entries.reduce(0) { $0 + $1.reviews.count })
        #expect(summary.reviews > 500)

        let fresh = try Store()
        let outcome = try await Trainer(store: fresh, lab: nil).importAnki(file: package, at: now)
        #expect(outcome.report.addedCards == summary.notes)
        #expect(outcome.report.addedReviews == summary.reviews)
        let back = try fresh.archive()
        #expect(back.guides.map(\.id) == original.guides.map(\.id))
        #expect(back.guides.map(\.title) == original.guides.map(\.title))
        let backEntries = Dictionary(uniqueKeysWithValues: back.guides[0].entries.map { ($0.card.id, $0) })
        for entry in original.guides[0].entries {
            guard let returned = backEntries[entry.card.id] else {
                Issue.record("card \(entry.card.id) did not come back")
                continue
            }
            var card = returned.card
            card.position = entry.card.position
            #expect(card == entry.card)
            #expect(returned.reps == entry.reps && returned.lapses == entry.lapses, "\(entry.card.id)")
            #expect(returned.mark.suspended == entry.mark.suspended && returned.mark.flag == entry.mark.flag)
            #expect(returned.mark.isBuried(at: now) == entry.mark.isBuried(at: now))
            #expect(returned.reviews.map(\.at.timeIntervalSince1970).map { ($0 * 1000).rounded() } == entry.reviews.map { ($0.at.timeIntervalSince1970 * 1000).rounded() })
            #expect(returned.reviews.map(\.rating) == entry.reviews.map(\.rating))
            #expect(returned.reviews.map(\.durationMS) == entry.reviews.map(\.durationMS))
            #expect(returned.reviews.map(\.phaseBefore) == entry.reviews.map(\.phaseBefore))
            guard let schedule = entry.schedule else {
                #expect(returned.schedule == nil)
                continue
            }
            let restored = try #require(returned.schedule)
            #expect(restored.phase == schedule.phase)
            #expect(abs(restored.due.timeIntervalSince(schedule.due)) < 1, "\(entry.card.id): \(restored.due) vs \(schedule.due)")
            #expect(abs((restored.lastReview ?? .distantPast).timeIntervalSince(schedule.lastReview ?? .distantPast)) < 1)
            #expect(abs((restored.stability ?? 0) - (schedule.stability ?? 0)) <= 0.0001 * max(1, schedule.stability ?? 0))
            #expect(abs((restored.difficulty ?? 0) - (schedule.difficulty ?? 0)) <= 0.001)
        }

        let again = try await Trainer(store: fresh, lab: nil).importAnki(file: package, at: now.addingTimeInterval(3600))
        #expect(again.report.addedCards == 0 && again.report.changedCards == 0 && again.report.addedReviews == 0 && again.report.updatedSchedules == 0)
        #expect(try fresh.archive() == back)
    }
}
