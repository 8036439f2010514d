import Foundation
import GRDB

/// What the user did to a card: suspended (out of study until unsuspended), buried (out of
/// study until a time), flagged, or found to be a leech.
public struct CardMark: Sendable, Equatable {
    public var suspended = false
    public var buriedUntil: Date?
    /// 0 none, 1 red, 2 orange, 3 green, 4 blue (Anki's first four flags).
    public var flag = 0
    /// Lapsed `Store.leechLapses` times or more; suspended when it became one.
    public var leech = false

    public init(suspended: Bool = false, buriedUntil: Date? = nil, flag: Int = 0, leech: Bool = false) {
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.flag = flag
        self.leech = leech
    }

    /// The flags' names, by number (0 is no flag).
    public static let flagNames = ["none", "red", "orange", "green", "blue"]

    /// Whether the card is left out of study at `now`.
    public func holdsBack(at now: Date) -> Bool { suspended || isBuried(at: now) }

    public func isBuried(at now: Date) -> Bool { buriedUntil.map { $0 > now } ?? false }

    /// The marks in words, as both doors show them: suspended, buried, "flag red", leech.
    public func words(at now: Date) -> [String] {
        [
            suspended ? "suspended" : nil, isBuried(at: now) ? "buried" : nil,
            Self.flagNames.indices.dropFirst().contains(flag) ? "flag \(Self.flagNames[flag])" : nil, leech ? "leech" : nil,
        ].compactMap { $0 }
    }

    init(row: Row) {
        self.init(suspended: row["suspended"], buriedUntil: (row["buriedUntil"] as Double?).map { Date(timeIntervalSince1970: $0) },
                  flag: row["flag"], leech: row["leech"])
    }
}

/// One review of a card's history.
public struct CardReview: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var rating: Int
    public var stability: Double
    public var difficulty: Double
    public var due: Date
    public var durationMS: Int?
    public var answerText: String?
}

extension Store {
    /// Lapses that make a card a leech (Anki's default); every 4 more lapses flag it again.
    public static let leechLapses = 8

    /// SQL that is true for a card (`card.id`) not held back from study at the time bound to
    /// its one argument.
    static let studiableSQL = """
        NOT EXISTS (SELECT 1 FROM cardMark WHERE cardMark.cardID = card.id AND (cardMark.suspended OR cardMark.buriedUntil > ?))
        """

    /// The marks of the given cards (cards without any are left out).
    public func marks(of ids: [String]) throws -> [String: CardMark] {
        guard !ids.isEmpty else { return [:] }
        return try writer.read { db in
            var marks: [String: CardMark] = [:]
            for batch in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT cardID, suspended, buriedUntil, flag, leech FROM cardMark WHERE cardID IN (\(batch.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments(Array(batch)))
                for row in rows { marks[row["cardID"]] = CardMark(row: row) }
            }
            return marks
        }
    }

    /// Changes the marks of existing cards in one transaction; ids that are not cards are
    /// returned and nothing is changed for any card.
    public func mark(_ ids: [String], _ change: @escaping @Sendable (inout CardMark) -> Void) throws -> [String] {
        try writer.write { db in
            let unknown = try ids.filter { try Bool.fetchOne(db, sql: "SELECT 1 FROM card WHERE id = ?", arguments: [$0]) == nil }
            guard unknown.isEmpty else { return unknown }
            for id in ids {
                var mark = try Self.mark(of: id, db: db)
                change(&mark)
                try Self.save(mark, for: id, db: db)
            }
            return []
        }
    }

    static func mark(of id: String, db: Database) throws -> CardMark {
        try Row.fetchOne(db, sql: "SELECT suspended, buriedUntil, flag, leech FROM cardMark WHERE cardID = ?", arguments: [id]).map(CardMark.init(row:))
            ?? CardMark()
    }

    static func save(_ mark: CardMark, for id: String, db: Database) throws {
        if mark == CardMark() {
            try db.execute(sql: "DELETE FROM cardMark WHERE cardID = ?", arguments: [id])
        } else {
            try db.execute(sql: """
                INSERT INTO cardMark (cardID, suspended, buriedUntil, flag, leech) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(cardID) DO UPDATE SET suspended = excluded.suspended, buriedUntil = excluded.buriedUntil,
                  flag = excluded.flag, leech = excluded.leech
                """, arguments: [id, mark.suspended, mark.buriedUntil?.timeIntervalSince1970, mark.flag, mark.leech])
        }
    }

    /// Marks a card that has just lapsed for the `lapses`-th time a leech and suspends it, at
    /// 8 lapses and every 4 after.
    static func noteLapse(of id: String, lapses: Int, db: Database) throws {
        guard lapses >= leechLapses, (lapses - leechLapses) % (leechLapses / 2) == 0 else { return }
        var mark = try mark(of: id, db: db)
        mark.leech = true
        mark.suspended = true
        try save(mark, for: id, db: db)
    }

    /// Forgets cards' schedules: each becomes new again; its reviews stay in the log.
    public func resetCards(_ ids: [String]) throws {
        try writer.write { db in
            for id in ids { try db.execute(sql: "DELETE FROM cardState WHERE cardID = ?", arguments: [id]) }
        }
    }

    /// A card's reviews, oldest first.
    public func history(of id: String) throws -> [CardReview] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, reviewedAt, rating, stability, difficulty, due, durationMS, answerText FROM review WHERE cardID = ? ORDER BY reviewedAt, id
                """, arguments: [id]).map {
                CardReview(id: $0["id"], at: Date(timeIntervalSince1970: $0["reviewedAt"]), rating: $0["rating"], stability: $0["stability"],
                           difficulty: $0["difficulty"], due: Date(timeIntervalSince1970: $0["due"]), durationMS: $0["durationMS"], answerText: $0["answerText"])
            }
        }
    }

    /// Deletes a guide with its cards, their schedules, marks, reviews and grading
    /// corrections, in one transaction. Returns the number of cards and reviews deleted.
    public func deleteGuide(id: String) throws -> (cards: Int, reviews: Int) {
        try writer.write { db in
            let cards = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM card WHERE guideID = ?", arguments: [id]) ?? 0
            let reviews = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review JOIN card ON card.id = review.cardID WHERE card.guideID = ?", arguments: [id]) ?? 0
            // Cards, their schedules, marks, reviews and corrections go with the guide (foreign keys cascade).
            try db.execute(sql: "DELETE FROM guide WHERE id = ?", arguments: [id])
            try Self.setSettingValue(Self.guideLimitPrefix + id, nil, db: db)
            return (cards, reviews)
        }
    }
}
