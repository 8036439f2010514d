import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// Rewording a card: kept over re-imports, the guide's latest wording beside it, and undone.
@Suite struct CardEditTests {
    static let version1 = "# 17 — Edits\n\n## Part\n\n**Q:** What is a mutex?\n**A:** A lock.\n\n**Q:** What is a semaphore?\n**A:** A counter.\n"
    static let version2 = "# 17 — Edits\n\n## Part\n\n**Q:** What is a mutex?\n**A:** A lock one thread holds at a time.\n\n**Q:** What is a semaphore?\n**A:** A counter of permits.\n"

    @Test func anEditSurvivesReimportAndCanBeUndone() async throws {
        let store = try Store()
        let trainer = Trainer(store: store, lab: nil)
        _ = try await trainer.importGuide(text: Self.version1, fileName: "17-edits.md", source: "17-edits.md")
        let card = try #require(try await trainer.cards(CardQuery(search: "mutex"), at: Date()).first)
        _ = try await trainer.answer(AnswerInput(cardID: card.card.id, rating: .good))
        try await trainer.editCard(id: card.card.id, prompt: "What does a mutex guarantee?", answer: "Mutual exclusion: one holder at a time.",
                                   keypoints: ["one holder at a time", "  "])
        var edited = try await trainer.card(id: card.card.id)
        #expect(edited.card.prompt == "What does a mutex guarantee?")
        #expect(edited.card.keypoints == ["one holder at a time"])
        #expect(edited.reps == 1, "the schedule stays")
        let outcome = try await trainer.importGuide(text: Self.version2, fileName: "17-edits.md", source: "17-edits.md")
        #expect(outcome.report.keptEdits == 1)
        #expect(outcome.report.changed == 1, "the other card took the guide's new answer")
        edited = try await trainer.card(id: card.card.id)
        #expect(edited.card.answer == "Mutual exclusion: one holder at a time.")
        let edit = try #require(try await trainer.edit(ofCard: card.card.id))
        #expect(edit.guideAnswer == "A lock one thread holds at a time.")
        #expect(try await trainer.revertCard(id: card.card.id))
        edited = try await trainer.card(id: card.card.id)
        #expect(edited.card.answer == "A lock one thread holds at a time.")
        #expect(try await trainer.edit(ofCard: card.card.id) == nil)
        #expect(try await trainer.revertCard(id: card.card.id) == false, "nothing left to revert")
        await #expect(throws: TrainerError.invalidSetting("a card needs a prompt and an answer")) {
            try await trainer.editCard(id: card.card.id, prompt: " ", answer: "x", keypoints: [])
        }
        await #expect(throws: TrainerError.unknownCard("nope")) { try await trainer.editCard(id: "nope", prompt: "p", answer: "a", keypoints: []) }
    }
}
