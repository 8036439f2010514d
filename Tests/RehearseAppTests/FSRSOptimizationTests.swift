import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// `Trainer.optimizeFSRS`: the user's own reviews fitted, checked on the latest ones, and
/// the weights used by the scheduler once applied.
@Suite struct FSRSOptimizationTests {
    static let steady = try! FSRSParameters(weights: [
        0.4, 1.8, 4.5, 15.0, 6.0, 0.6, 2.2, 0.01, 1.6, 0.12, 1.1, 1.8, 0.08, 0.35, 1.2, 0.45, 2.4, 0.6, 0.2, 0.1, 0.3,
    ])

    /// A database whose cards were reviewed as a simulated learner with `parameters` reviews,
    /// about `reviews` reviews in all.
    static func trainer(reviews: Int, parameters: FSRSParameters = steady, seed: UInt64 = 4) throws -> (Trainer, Store) {
        let log = SimulatedLearner(parameters: parameters).reviewLog(reviews: reviews, days: 300, seed: seed)
        let cardCount = Int(log.map(\.cardID).max() ?? 0)
        let store = try Store()
        let questions = (1...max(cardCount, 1)).map { "**Q:** Question number \($0)?\n**A:** Answer number \($0).\n" }.joined(separator: "\n")
        let guide = try GuideReader().read(text: "# 11 — Recall\n\n## Numbers\n\n" + questions, fileName: "11-recall.md")
        _ = try store.importGuide(guide, source: "11-recall.md", at: Date(timeIntervalSince1970: 1_700_000_000))
        let ids = try store.newCards(limit: cardCount, now: Date()).map(\.card.id)
        for entry in log.sorted(by: { $0.time < $1.time }) {
            let at = Date(timeIntervalSince1970: Double(entry.time) / 1000)
            _ = try store.record(Store.Answer(cardID: ids[Int(entry.cardID) - 1], rating: entry.rating, at: at), scheduler: Scheduler())
        }
        return (Trainer(store: store, lab: nil), store)
    }

    @Test func applyingStoresTheFitAndTheSchedulerUsesIt() async throws {
        let (trainer, store) = try Self.trainer(reviews: 6000)
        #expect(try await trainer.fsrsParameters() == .default)
        let outcome = try await trainer.optimizeFSRS(apply: true)
        #expect(outcome.applied)
        let fitted = outcome.optimization.fit.parameters
        #expect(outcome.optimization.fitted.logLoss < outcome.optimization.defaults.logLoss)
        #expect(try store.fsrsWeights() == fitted.weights)
        #expect(try await trainer.fsrsParameters() == fitted)
        #expect(try await trainer.scheduler().memory.parameters == fitted)
        try await trainer.resetFSRSParameters()
        #expect(try await trainer.scheduler().memory.parameters == .default)
    }

    @Test func tooLittleHistoryStoresNothing() async throws {
        let (trainer, store) = try Self.trainer(reviews: 120)
        await #expect(throws: TrainerError.self) { try await trainer.optimizeFSRS(apply: true) }
        do {
            _ = try await trainer.optimizeFSRS(apply: true)
        } catch let error as TrainerError {
            #expect(error.description.contains("too little history"))
            #expect(error.description.contains("The current parameters are kept"))
        }
        #expect(try store.fsrsWeights() == nil)
    }

    @Test func anUnknownGuideIsRefused() async throws {
        let (trainer, _) = try Self.trainer(reviews: 50)
        await #expect(throws: TrainerError.unknownGuide("nope", known: ["11-recall"])) { try await trainer.optimizeFSRS(guide: "nope", apply: false) }
    }
}
