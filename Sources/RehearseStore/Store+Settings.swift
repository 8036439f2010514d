import Foundation
import GRDB

extension Store {
    /// A setting's stored text; nil when never set.
    func settingValue(_ key: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Stores a setting's text, or removes the setting (nil).
    func setSettingValue(_ key: String, _ value: String?) throws {
        try writer.write { db in try Self.setSettingValue(key, value, db: db) }
    }

    static func setSettingValue(_ key: String, _ value: String?, db: Database) throws {
        if let value {
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
        }
    }

    /// The interview date set by `rehearse plan`, if any.
    public func interviewDate() throws -> Date? {
        try settingValue("interviewDate").flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
    }

    /// Sets or clears the interview date.
    public func setInterviewDate(_ date: Date?) throws {
        try setSettingValue("interviewDate", date.map { String($0.timeIntervalSince1970) })
    }

    /// The usual number of new cards a day; nil when never set.
    public func newCardsPerDay() throws -> Int? {
        try settingValue("newCardsPerDay").flatMap { Int($0) }
    }

    /// Sets the usual number of new cards a day.
    public func setNewCardsPerDay(_ count: Int) throws {
        try setSettingValue("newCardsPerDay", String(count))
    }

    /// The recall probability intervals aim for, set with `rehearse plan --retention`; nil
    /// when never set.
    public func desiredRetention() throws -> Double? {
        try settingValue("desiredRetention").flatMap(Double.init)
    }

    /// Sets the desired retention.
    public func setDesiredRetention(_ retention: Double) throws {
        try setSettingValue("desiredRetention", String(retention))
    }

    /// The daily study time set with `rehearse plan --minutes-per-day`; nil when none is.
    public func minutesPerDay() throws -> Int? {
        try settingValue("minutesPerDay").flatMap { Int($0) }
    }

    /// Sets or clears the daily study time.
    public func setMinutesPerDay(_ minutes: Int?) throws {
        try setSettingValue("minutesPerDay", minutes.map(String.init))
    }

    /// New cards added to today's budget with "more new cards today": (day, count); the day
    /// is `YYYY-MM-DD` (local), so yesterday's extra is ignored today.
    public func extraNewCards() throws -> (day: String, count: Int)? {
        guard let parts = try settingValue("extraNewCards")?.split(separator: ":"), parts.count == 2, let count = Int(parts[1]) else { return nil }
        return (String(parts[0]), count)
    }

    /// Sets today's extra new cards.
    public func setExtraNewCards(day: String, count: Int) throws {
        try setSettingValue("extraNewCards", "\(day):\(count)")
    }

    static let guideLimitPrefix = "newCardsPerDay:"

    /// Per-guide daily limits of new cards, by guide id (guides without one follow the usual limit).
    public func guideNewCardLimits() throws -> [String: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE ?", arguments: [Self.guideLimitPrefix + "%"])
            return Dictionary(rows.compactMap { row -> (String, Int)? in
                let key: String = row["key"]
                guard let count = Int(row["value"] as String) else { return nil }
                return (String(key.dropFirst(Self.guideLimitPrefix.count)), count)
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Sets or clears one guide's daily limit of new cards.
    public func setGuideNewCardLimit(guide: String, count: Int?) throws {
        try setSettingValue(Self.guideLimitPrefix + guide, count.map(String.init))
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
