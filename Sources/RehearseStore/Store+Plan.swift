import Foundation
import GRDB

/// A card's memory as the interview-day planner reads it.
public struct CardMemory: Sendable {
    public var id: String
    public var guideID: String
    /// nil for a card never reviewed.
    public var stability: Double?
    public var difficulty: Double?
    public var lastReview: Date?
}

extension Store {
    /// Every card the filter lets through and nothing holds back (suspended, buried) with its
    /// memory: reviewed cards first, then cards never reviewed in the order new cards are introduced.
    public func cardMemories(filter: StudyFilter = StudyFilter()) throws -> [CardMemory] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT card.id, card.guideID, \(filter.section == nil ? "''" : "card.section") AS section,
                       cardState.stability, cardState.difficulty, cardState.lastReview
                FROM cardState JOIN card ON card.id = cardState.cardID
                WHERE cardState.lastReview IS NOT NULL AND card.retiredAt IS NULL AND (? IS NULL OR card.guideID = ?)
                  AND \(Self.studiableSQL)
                ORDER BY card.id
                """, arguments: [filter.guide, filter.guide, Date().timeIntervalSince1970])
        }
        var memories = rows.compactMap { row -> CardMemory? in
            if filter.section != nil, !filter.matches(section: CardRecord.strings(row["section"])) { return nil }
            let lastReview: Double = row["lastReview"]
            return CardMemory(id: row["id"], guideID: row["guideID"], stability: row["stability"], difficulty: row["difficulty"], lastReview: Date(timeIntervalSince1970: lastReview))
        }
        let unseen = try newCards(limit: .max, filter: filter, now: Date())
        memories += unseen.map { CardMemory(id: $0.card.id, guideID: $0.card.guideID, stability: nil, difficulty: nil, lastReview: nil) }
        return memories
    }

    /// The median time spent on the latest 200 answers that recorded one, in seconds; nil
    /// when fewer than `minimum` did (too few to say what the user's pace is).
    public func typicalAnswerSeconds(minimum: Int = 20) throws -> Double? {
        let durations = try writer.read { db in
            try Int.fetchAll(db, sql: "SELECT durationMS FROM review WHERE durationMS IS NOT NULL ORDER BY reviewedAt DESC LIMIT 200")
        }.sorted()
        guard durations.count >= max(minimum, 1) else { return nil }
        return Double(durations[durations.count / 2]) / 1000
    }

    /// Answers given on the day of `now` (local calendar day), in order, with whether each was
    /// the card's first and the time it recorded.
    public func answersToday(_ now: Date, calendar: Calendar = .current) throws -> [(cardID: String, firstView: Bool, durationMS: Int?)] {
        let start = calendar.startOfDay(for: now).timeIntervalSince1970
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT cardID, previousState IS NULL, durationMS FROM review WHERE reviewedAt >= ? AND reviewedAt < ? ORDER BY reviewedAt, id
                """, arguments: [start, start + 86_400]).map { ($0[0], ($0[1] as Int) != 0, $0[2]) }
        }
    }
}
