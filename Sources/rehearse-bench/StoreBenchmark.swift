import Foundation
import RehearseCore
import RehearseStore

/// Store benchmarks: answering cards (each answer its own committed transaction, as in a
/// study session) and listing today's due cards in a large collection.
enum StoreBenchmark {
    /// A Markdown guide of `count` questions in sections of 50.
    static func syntheticGuide(cards count: Int) -> String {
        var text = "# 90 — Synthetic Collection\n\n**Priority:** MEDIUM\n"
        for index in 0..<count {
            if index % 50 == 0 { text += "\n## Section \(index / 50)\n\n" }
            text += "**Q:** What is fact number \(index)?\n**A:** Fact \(index) is the answer, with detail \(index * 7).\n\n"
        }
        return text
    }

    /// Builds a collection at `path` with `cards` cards, `reviewed` of them answered a month ago.
    static func build(path: String, cards: Int, reviewed: Int) throws -> (Store, [String]) {
        try? FileManager.default.removeItem(atPath: path)
        let store = try Store(path: path)
        let guide = try GuideReader().read(Array(syntheticGuide(cards: cards).utf8), fileName: "90-synthetic.md")
        let monthAgo = Date().addingTimeInterval(-30 * 86_400)
        _ = try store.importGuide(guide, source: "synthetic", at: monthAgo)
        let ids = try store.newCards(limit: cards, now: monthAgo).map(\.card.id)
        try store.recordInBulk(cardIDs: Array(ids.prefix(reviewed)), rating: .good, at: monthAgo, scheduler: Scheduler(learningSteps: []))
        return (store, ids)
    }

    static func run(arguments: [String]) throws {
        let cards = option("--cards", in: arguments).flatMap(Int.init) ?? 50_000
        let answers = option("--answers", in: arguments).flatMap(Int.init) ?? 2_000
        let path = option("--db", in: arguments) ?? NSTemporaryDirectory() + "rehearse-bench.sqlite"
        let (store, ids) = try build(path: path, cards: cards, reviewed: cards / 10)
        let scheduler = Scheduler()

        let started = DispatchTime.now().uptimeNanoseconds
        for (index, id) in ids.suffix(answers).enumerated() {
            try store.record(Store.Answer(cardID: id, rating: Rating(rawValue: index % 4 + 1) ?? .good, at: Date()), scheduler: scheduler)
        }
        let answerSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print(String(format: "answer+commit\t%d answers\t%.3f s\t%.0f answers/s", answers, answerSeconds, Double(answers) / answerSeconds))

        var best = (open: Double.infinity, due: Double.infinity, new: Double.infinity)
        var due = 0
        func milliseconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }
        for _ in 0..<5 {
            var start = DispatchTime.now().uptimeNanoseconds
            let reopened = try Store(path: path)
            best.open = min(best.open, milliseconds(since: start))
            start = DispatchTime.now().uptimeNanoseconds
            due = try reopened.dueCards(at: Date(), scheduler: scheduler).count
            best.due = min(best.due, milliseconds(since: start))
            start = DispatchTime.now().uptimeNanoseconds
            _ = try reopened.newCards(limit: 20, now: Date())
            best.new = min(best.new, milliseconds(since: start))
        }
        print(String(format: "open+list due\t%d cards\t%d due\tbest %.1f ms (open %.1f, due %.1f, new %.1f)", cards, due,
                     best.open + best.due + best.new, best.open, best.due, best.new))
        // The card browser: two words searched in every prompt and answer.
        var search = Double.infinity
        var found = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            found = try store.browseCards(CardQuery(search: "answer 4999"), at: Date()).count
            search = min(search, milliseconds(since: start))
        }
        print(String(format: "search cards\t%d cards\t%d found\tbest %.1f ms", cards, found, search))
    }

    static func option(_ name: String, in arguments: [String]) -> String? {
        arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }
}
