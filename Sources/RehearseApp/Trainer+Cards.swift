import Foundation
import RehearseCore
import RehearseStore

/// What a user can do to cards from the browser or the terminal.
public enum CardAction: Sendable, Equatable {
    /// Out of study until unsuspended (a leech's suspension included).
    case suspend, unsuspend
    /// Out of study until the start of tomorrow.
    case bury, unbury
    /// 0 clears the flag; 1 red, 2 orange, 3 green, 4 blue.
    case flag(Int)
    /// Forget the schedule: the card is new again (its reviews stay in the log).
    case reset

    /// Parses the name the doors use: suspend, unsuspend, bury, unbury, reset, flag-N.
    public init?(name: String) {
        switch name {
        case "suspend": self = .suspend
        case "unsuspend": self = .unsuspend
        case "bury": self = .bury
        case "unbury": self = .unbury
        case "reset": self = .reset
        case _ where name.hasPrefix("flag-"):
            guard let number = Int(name.dropFirst(5)), (0...4).contains(number) else { return nil }
            self = .flag(number)
        default: return nil
        }
    }
}

extension Trainer {
    /// Applies an action to cards, all or none: an unknown id refuses the whole request.
    public func apply(_ action: CardAction, to ids: [String], at now: Date = Date(), calendar: Calendar = .current) async throws {
        if case .flag(let number) = action, !(0...4).contains(number) {
            throw TrainerError.invalidSetting("a flag is 0 (none) to 4, got \(number)")
        }
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? now.addingTimeInterval(86_400)
        let unknown: [String] = try await database { store in
            if action == .reset {
                let known = try store.studyCards(ids: ids, now: now).map(\.card.id)
                let missing = ids.filter { !known.contains($0) }
                if missing.isEmpty { try store.resetCards(ids) }
                return missing
            }
            return try store.mark(ids) { mark in
                switch action {
                case .suspend: mark.suspended = true
                case .unsuspend: mark.suspended = false
                case .bury: mark.buriedUntil = tomorrow
                case .unbury: mark.buriedUntil = nil
                case .flag(let number): mark.flag = number
                case .reset: break
                }
            }
        }
        if let first = unknown.first { throw TrainerError.unknownCard(first) }
    }

    /// The marks of cards (cards without any are left out).
    public func marks(of ids: [String]) async throws -> [String: CardMark] {
        try await database { store in try store.marks(of: ids) }
    }

    /// A card's reviews, oldest first.
    public func history(ofCard id: String) async throws -> [CardReview] {
        _ = try await card(id: id)
        return try await database { store in try store.history(of: id) }
    }

    /// A guide's reviews as a review-log CSV (card_id numbered in order of first review, with
    /// the card's own id beside it): what is kept before a guide is deleted.
    public func reviewLogCSV(guide: String) async throws -> (csv: String, reviews: Int) {
        try await database { store in
            var numbers: [String: Int] = [:]
            var csv = "card_id,card,review_time,review_rating,review_duration\n"
            let reviews = try store.reviewLog(guide: guide)
            for review in reviews {
                let number = numbers[review.cardID] ?? numbers.count + 1
                numbers[review.cardID] = number
                csv += "\(number),\(review.cardID),\(Int64((review.reviewedAt * 1000).rounded())),\(review.rating),\(review.durationMS.map(String.init) ?? "")\n"
            }
            return (csv, reviews.count)
        }
    }

    /// Deletes a guide with its cards and their reviews. Returns what was deleted.
    /// - Throws: ``TrainerError/unknownGuide(_:known:)``.
    @discardableResult
    public func deleteGuide(id: String) async throws -> (cards: Int, reviews: Int) {
        try await database { store in
            let known = try store.guideIDs()
            guard known.contains(id) else { throw TrainerError.unknownGuide(id, known: known) }
            return try store.deleteGuide(id: id)
        }
    }
}

extension Trainer {
    /// Rewords a card (kept over re-imports; its id, schedule and history stay).
    /// - Throws: ``TrainerError/invalidSetting(_:)`` for an empty prompt or answer or text over
    ///   20,000 characters; ``TrainerError/unknownCard(_:)``.
    public func editCard(id: String, prompt: String, answer: String, keypoints: [String], at now: Date = Date()) async throws {
        let prompt = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        let answer = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        let keypoints = keypoints.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !prompt.isEmpty, !answer.isEmpty else { throw TrainerError.invalidSetting("a card needs a prompt and an answer") }
        guard prompt.count <= 20_000, answer.count <= 20_000, keypoints.allSatisfy({ $0.count <= 2_000 }), keypoints.count <= 50 else {
            throw TrainerError.invalidSetting("a prompt or answer is at most 20,000 characters, and a card at most 50 key points of 2,000")
        }
        guard try await database({ store in try store.editCard(id: id, prompt: prompt, answer: answer, keypoints: keypoints, at: now) }) else {
            throw TrainerError.unknownCard(id)
        }
    }

    /// Drops the user's edit of a card: the guide's latest wording comes back. Returns
    /// whether there was an edit (reverting a card never edited changes nothing).
    @discardableResult
    public func revertCard(id: String) async throws -> Bool {
        _ = try await card(id: id)
        return try await database { store in try store.revertEdit(id: id) }
    }

    /// The user's edit of a card, with the guide's wording beside it; nil when not edited.
    public func edit(ofCard id: String) async throws -> CardEdit? {
        try await database { store in try store.edit(of: id) }
    }
}
