import Foundation
import RehearseAnki
import RehearseCore
import RehearseStore

/// Anki package speed (Benchmarks/anki/interop.py): a large collection written as an `.apkg`
/// and read back, each timed from the database to the file and from the file to the database.
enum AnkiBenchmark {
    /// Builds a collection at `path`: `cards` cards of a synthetic guide, `reviews` answers
    /// spread over the last year (each card's history a run of FSRS reviews), stored in one
    /// transaction through ``Store/restore(_:source:at:)``.
    static func build(path: String, cards: Int, reviews: Int) throws {
        try? FileManager.default.removeItem(atPath: path)
        let store = try Store(path: path)
        let guide = try GuideReader().read(Array(StoreBenchmark.syntheticGuide(cards: cards).utf8), fileName: "90-synthetic.md")
        let now = Date()
        _ = try store.importGuide(guide, source: "synthetic", at: now.addingTimeInterval(-400 * 86_400))
        let scheduler = Scheduler()
        var generator = SplitMix64(seed: 42)
        var archive = try store.archive(withHistory: false)
        let perCard = reviews / max(cards, 1)
        for index in archive.guides[0].entries.indices {
            var entry = archive.guides[0].entries[index]
            var schedule = CardSchedule.new(due: now.addingTimeInterval(-365 * 86_400 + Double(generator.next() % 86_400)))
            var time = schedule.due
            for _ in 0..<perCard {
                let rating = Rating(rawValue: [1, 2, 3, 3, 3, 3, 4][Int(generator.next() % 7)]) ?? .good
                let before = schedule.phase
                schedule = scheduler.review(schedule, rating: rating, at: time, fuzz: 0.5)
                entry.reviews.append(CardArchive.Review(
                    at: time, rating: rating, durationMS: 2000 + Int(generator.next() % 20_000), phaseBefore: entry.reviews.isEmpty ? nil : before,
                    stability: schedule.stability ?? 0, difficulty: schedule.difficulty ?? 0, due: schedule.due))
                entry.reps += 1
                if before == .review && rating == .again { entry.lapses += 1 }
                time = max(schedule.due, time.addingTimeInterval(60)).addingTimeInterval(Double(generator.next() % 7200))
                if time > now { time = now.addingTimeInterval(-Double(perCard - entry.reviews.count) * 60) }
            }
            entry.schedule = schedule
            archive.guides[0].entries[index] = entry
        }
        let report = try store.restore(archive, source: "synthetic", at: now)
        print("built\t\(cards) cards\t\(report.addedReviews) reviews\t\(path)")
    }

    /// Exports every guide of the collection at `path` to `output`, `repeats` times; prints the best time.
    static func export(path: String, output: String, repeats: Int) throws {
        let store = try Store(path: path)
        var best = Double.infinity
        var summary: AnkiExport.Summary?
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            summary = try AnkiExport.write(try store.archive(withHistory: true), to: output)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "export\t%d cards\t%d reviews\tbest %.2f s", summary?.notes ?? 0, summary?.reviews ?? 0, best))
    }

    /// Imports the Anki file `input` into a fresh collection, `repeats` times; prints the best time.
    static func `import`(input: String, repeats: Int) throws {
        var best = Double.infinity
        var report = RestoreReport()
        for _ in 0..<repeats {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bench-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let store = try Store(path: path)
            let start = DispatchTime.now().uptimeNanoseconds
            let imported = try AnkiImport(path: input)
            report = try store.restore(imported.archive, source: input, at: Date())
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "import\t%d cards\t%d reviews\tbest %.2f s", report.addedCards, report.addedReviews, best))
    }
}
