import Foundation
import RehearseCore
import RehearseStore

/// An answer as a door receives it.
public struct AnswerInput: Sendable {
    public var cardID: String
    public var rating: Rating
    /// The typed answer, graded and kept with the review.
    public var typed: String?
    public var durationMS: Int?
    /// The door's id for the card as shown (one per shown card): answering again with it
    /// stores nothing and returns the first answer.
    public var requestID: String?

    public init(cardID: String, rating: Rating, typed: String? = nil, durationMS: Int? = nil, requestID: String? = nil) {
        self.cardID = cardID
        self.rating = rating
        self.typed = typed
        self.durationMS = durationMS
        self.requestID = requestID
    }
}

/// What an answer did.
public struct AnswerOutcome: Sendable, Equatable {
    public var reviewID: Int64
    public var cardID: String
    /// When the card comes back.
    public var due: Date
    /// The grade of the typed answer, if there was one.
    public var grade: GradeSummary?
    /// Whether the answer had already been stored under its request id (nothing new was stored).
    public var replayed: Bool
}

extension Trainer {
    /// Grades a typed answer, stores the answer with the state its button showed (worked out
    /// again if the card changed since it was shown) and returns it. Durable on return:
    /// answers arriving together are written in one transaction.
    public func answer(_ input: AnswerInput, at now: Date = Date()) async throws -> AnswerOutcome {
        if let duration = input.durationMS, !(0...86_400_000).contains(duration) {
            throw TrainerError.invalidSetting("duration_ms must be between 0 and 86400000 (a day), got \(duration)")
        }
        var grade: AnswerGrader.Grade?
        if let typed = input.typed { grade = try await self.grade(typed, cardID: input.cardID) }
        let answer = Store.Answer(
            cardID: input.cardID, rating: input.rating, at: now, answerText: input.typed, grade: grade?.json, durationMS: input.durationMS,
            requestID: input.requestID, shown: await shown.take(for: input.cardID))
        let recorded: RecordedReview
        do {
            recorded = try await recorder.record(answer)
        } catch StoreError.unknownCard(let id) {
            throw TrainerError.unknownCard(id)
        }
        let stored = recorded.replayed ? recorded.grade.flatMap(GradeSummary.init(json:)) : grade?.summary
        return AnswerOutcome(reviewID: recorded.id, cardID: recorded.cardID, due: recorded.due, grade: stored, replayed: recorded.replayed)
    }

    /// Takes an answer back (the latest one in the log when no id is given): deletes it and
    /// restores the card's schedule. Returns the answer's and the card's ids.
    @discardableResult
    public func undo(reviewID: Int64? = nil) async throws -> (reviewID: Int64, cardID: String) {
        do {
            return try await database { store in try store.undo(reviewID: reviewID) }
        } catch StoreError.nothingToUndo {
            throw TrainerError.nothingToUndo(reviewID: reviewID)
        } catch StoreError.notLatestAnswer(let cardID) {
            throw TrainerError.notLatestAnswer(reviewID: reviewID ?? 0, cardID: cardID)
        }
    }
}

extension GradeSummary {
    /// A summary stored as ``AnswerGrader/Grade/json``.
    init?(json: String) {
        guard let summary = try? JSONDecoder().decode(GradeSummary.self, from: Data(json.utf8)) else { return nil }
        self = summary
    }
}
