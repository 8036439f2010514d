import Foundation
import GRDB

extension Store {
    /// The interview date set by `rehearse plan`, if any.
    public func interviewDate() throws -> Date? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'interviewDate'")
                .flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Sets or clears the interview date.
    public func setInterviewDate(_ date: Date?) throws {
        try writer.write { db in
            if let date {
                try db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES ('interviewDate', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [String(date.timeIntervalSince1970)])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = 'interviewDate'")
            }
        }
    }

    /// The usual number of new cards a day; nil when never set.
    public func newCardsPerDay() throws -> Int? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'newCardsPerDay'").flatMap { Int($0) }
        }
    }

    /// Sets the usual number of new cards a day.
    public func setNewCardsPerDay(_ count: Int) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES ('newCardsPerDay', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [String(count)])
        }
    }

    /// The recall probability intervals aim for, set with `rehearse plan --retention`; nil
    /// when never set.
    public func desiredRetention() throws -> Double? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'desiredRetention'").flatMap { Double($0) }
        }
    }

    /// Sets the desired retention.
    public func setDesiredRetention(_ retention: Double) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES ('desiredRetention', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [String(retention)])
        }
    }

    /// New cards added to today's budget with "more new cards today": (day, count); the day
    /// is `YYYY-MM-DD` (local), so yesterday's extra is ignored today.
    public func extraNewCards() throws -> (day: String, count: Int)? {
        try writer.read { db in
            guard let value = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'extraNewCards'") else { return nil }
            let parts = value.split(separator: ":")
            guard parts.count == 2, let count = Int(parts[1]) else { return nil }
            return (String(parts[0]), count)
        }
    }

    /// Sets today's extra new cards.
    public func setExtraNewCards(day: String, count: Int) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES ('extraNewCards', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: ["\(day):\(count)"])
        }
    }

    /// Per-guide daily limits of new cards, by guide id (guides without one follow the usual limit).
    public func guideNewCardLimits() throws -> [String: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'newCardsPerDay:%'")
            return Dictionary(rows.compactMap { row -> (String, Int)? in
                let key: String = row["key"]
                guard let count = Int(row["value"] as String) else { return nil }
                return (String(key.dropFirst("newCardsPerDay:".count)), count)
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Sets or clears one guide's daily limit of new cards.
    public func setGuideNewCardLimit(guide: String, count: Int?) throws {
        try writer.write { db in
            if let count {
                try db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: ["newCardsPerDay:" + guide, String(count)])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: ["newCardsPerDay:" + guide])
            }
        }
    }

    /// New cards first answered on the day of `now` (local calendar day), per guide.
    public func newCardsIntroducedPerGuide(on now: Date, calendar: Calendar = .current) throws -> [String: Int] {
        let start = calendar.startOfDay(for: now).timeIntervalSince1970
        return try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT card.guideID, COUNT(*) FROM review JOIN card ON card.id = review.cardID
                WHERE review.previousState IS NULL AND review.reviewedAt >= ? AND review.reviewedAt < ? GROUP BY card.guideID
                """, arguments: [start, start + 86_400])
            return Dictionary(rows.map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: +)
        }
    }

    /// Cards not yet reviewed, of the guides and sections a filter lets through.
    public func newCardCount(filter: StudyFilter = StudyFilter()) throws -> Int {
        try writer.read { db in
            let from = """
                FROM card LEFT JOIN cardState ON cardState.cardID = card.id
                WHERE card.retiredAt IS NULL AND (cardState.cardID IS NULL OR cardState.lastReview IS NULL)
                  AND (? IS NULL OR card.guideID = ?) AND \(Self.studiableSQL)
                """
            let now = Date().timeIntervalSince1970
            guard filter.section != nil else {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) " + from, arguments: [filter.guide, filter.guide, now]) ?? 0
            }
            // Sections are matched in Swift: only the section column is read.
            return try String.fetchAll(db, sql: "SELECT card.section " + from, arguments: [filter.guide, filter.guide, now])
                .count { filter.matches(section: CardRecord.strings($0)) }
        }
    }
}
