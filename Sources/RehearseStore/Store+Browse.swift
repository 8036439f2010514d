import Foundation
import GRDB
import RehearseCore

/// Which cards a browser lists.
public struct CardQuery: Sendable, Equatable {
    /// Words every listed card has in its prompt or answer (case-insensitive).
    public var search: String?
    public var guide: String?
    /// Only cards due at the query's time.
    public var dueOnly: Bool
    /// Only cards with this mark.
    public var mark: MarkFilter?
    public var limit: Int
    /// Matching cards skipped before the first listed (for pages of a long list).
    public var offset: Int

    /// Cards the user marked.
    public enum MarkFilter: String, Sendable, CaseIterable {
        case suspended, buried, flagged, leech
    }

    public init(search: String? = nil, guide: String? = nil, dueOnly: Bool = false, mark: MarkFilter? = nil, limit: Int = 200, offset: Int = 0) {
        self.search = search
        self.guide = guide
        self.dueOnly = dueOnly
        self.mark = mark
        self.limit = limit
        self.offset = offset
    }
}

extension Store {
    /// Active cards matching a query with their schedules, in queue order.
    public func browseCards(_ query: CardQuery, at now: Date) throws -> [StudyCard] {
        let words = (query.search ?? "").split(whereSeparator: \.isWhitespace).map { "%" + Self.escapedForLike(String($0)) + "%" }
        let searchSQL = words.map { _ in " AND (card.prompt LIKE ? ESCAPE '\\' OR card.answer LIKE ? ESCAPE '\\')" }.joined()
        var arguments: [(any DatabaseValueConvertible)?] = [query.guide, query.guide]
        for word in words { arguments += [word, word] }
        arguments += [query.dueOnly ? now.timeIntervalSince1970 : nil, query.dueOnly ? now.timeIntervalSince1970 : nil]
        let markSQL: String
        switch query.mark {
        case nil: markSQL = ""
        case .suspended: markSQL = " AND cardMark.suspended"
        case .buried:
            markSQL = " AND cardMark.buriedUntil > ?"
            arguments.append(now.timeIntervalSince1970)
        case .flagged: markSQL = " AND cardMark.flag > 0"
        case .leech: markSQL = " AND cardMark.leech"
        }
        arguments += [query.limit, max(query.offset, 0)]
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT card.*, cardState.phase, cardState.step, cardState.stability, cardState.difficulty, cardState.due,
                       cardState.lastReview, cardState.reps, cardState.lapses
                FROM card LEFT JOIN cardState ON cardState.cardID = card.id LEFT JOIN cardMark ON cardMark.cardID = card.id
                WHERE card.retiredAt IS NULL AND (? IS NULL OR card.guideID = ?)\(searchSQL)
                  AND (? IS NULL OR (cardState.lastReview IS NOT NULL AND cardState.due <= ?))\(markSQL)
                ORDER BY card.queueOrder, card.guideID
                LIMIT ? OFFSET ?
                """, arguments: StatementArguments(arguments))
        }
        return rows.map { Self.studyCard($0, now: now) }
    }

    /// `%` and `_` match themselves in a LIKE pattern.
    static func escapedForLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
