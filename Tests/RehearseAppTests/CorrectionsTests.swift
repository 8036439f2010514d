import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// Teaching the grader through the application layer: kept per card, used by later grades
/// and answers, exported and imported.
@Suite struct CorrectionsTests {
    static func trainer() throws -> (Trainer, Store, cardID: String) {
        let store = try Store()
        let text = "# 11 — GIL\n\n## Basics\n\n**Q:** How do C extensions help with the GIL?\n**A:** C extensions can release the GIL.\n"
        _ = try store.importGuide(try GuideReader().read(text: text, fileName: "11-gil.md"), source: "test", at: Date())
        let id = try #require(try store.newCards(limit: 1, now: Date()).first?.card.id)
        return (Trainer(store: store, lab: nil), store, id)
    }

    @Test func aTaughtPointIsCreditedFromThenOnAndTravelsByExport() async throws {
        let (trainer, _, id) = try Self.trainer()
        let answer = "NumPy lets other threads run while its compiled loops work."
        let keypoint = try #require(try await trainer.grade(answer, cardID: id).points.first?.keypoint)
        #expect(try await trainer.grade(answer, cardID: id).rating == .again)
        let regraded = try await trainer.teach(cardID: id, keypoint: keypoint, answer: answer, accepted: true)
        #expect(regraded.points[0].verdict == .stated && regraded.points[0].taught)
        // The answer recorded later is graded with it too.
        let outcome = try await trainer.answer(AnswerInput(cardID: id, rating: .good, typed: "Well, NumPy lets other threads run while its compiled loops work."))
        #expect(outcome.grade?.covered == [keypoint])
        // Export from one database, import into another with the same guide.
        let exported = try await trainer.corrections()
        // No sentence shares a term with the point: the whole answer is kept.
        #expect(exported == [GradingCorrection(cardID: id, keypoint: keypoint, phrase: answer, accepted: true)])
        let (other, _, _) = try Self.trainer()
        #expect(try await other.importCorrections(exported) == 1)
        #expect(try await other.grade(answer, cardID: id).points[0].taught)
    }

    @Test func badCorrectionsAreRefusedAndStoreNothing() async throws {
        let (trainer, _, id) = try Self.trainer()
        await #expect(throws: TrainerError.self) {
            try await trainer.teach(cardID: id, keypoint: "not a point of this card", answer: "anything", accepted: true)
        }
        let good = GradingCorrection(cardID: id, keypoint: "C extensions can release the GIL", phrase: "drops the lock", accepted: true)
        let orphan = GradingCorrection(cardID: "no-such-card", keypoint: "x", phrase: "y", accepted: true)
        await #expect(throws: TrainerError.unknownCard("no-such-card")) { try await trainer.importCorrections([good, orphan]) }
        #expect(try await trainer.corrections().isEmpty)
    }
}
