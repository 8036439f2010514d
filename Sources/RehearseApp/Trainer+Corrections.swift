import Foundation
import RehearseCore
import RehearseStore

extension Trainer {
    /// Teaches the grader about one key point of a card from a typed answer: `accepted` says
    /// the answer does state the point (the grader missed it), false that it does not (the
    /// grader credited it wrongly). The answer's words for the point are kept for this card
    /// and used from then on. Returns the answer graded again.
    public func teach(cardID: String, keypoint: String, answer: String, accepted: Bool, at now: Date = Date()) async throws -> AnswerGrader.Grade {
        let card = try await card(id: cardID).card
        guard card.keypoints.contains(keypoint) else {
            throw TrainerError.unknownKeypoint(cardID: cardID, keypoint: keypoint, known: card.keypoints)
        }
        let before = try await grade(answer, cardID: cardID).points.first { $0.keypoint == keypoint }
        // A wrong credit is undone with the words that earned it; a missed point is taught with
        // the sentence of the answer closest to it.
        let phrase = !accepted ? before?.evidence ?? GradingCorrection.phrase(in: answer, for: keypoint) : GradingCorrection.phrase(in: answer, for: keypoint)
        guard !TermNormalizer.terms(phrase).isEmpty else { throw TrainerError.nothingToLearn(keypoint: keypoint) }
        try await importCorrections([GradingCorrection(cardID: cardID, keypoint: keypoint, phrase: phrase, accepted: accepted)], at: now)
        return try await grade(answer, cardID: cardID)
    }

    /// Every correction taught so far, for `rehearse grade --export-corrections`.
    public func corrections() async throws -> [GradingCorrection] {
        try await database { store in try store.allGradingCorrections() }
    }

    /// Stores corrections (from another machine's export, say) in one transaction: one for
    /// a card that does not exist stores nothing.
    @discardableResult
    public func importCorrections(_ corrections: [GradingCorrection], at now: Date = Date()) async throws -> Int {
        do {
            return try await database { store in try store.addGradingCorrections(corrections, at: now) }
        } catch StoreError.unknownCard(let id) {
            throw TrainerError.unknownCard(id)
        }
    }
}
