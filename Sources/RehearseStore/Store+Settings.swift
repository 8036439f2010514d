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

    /// Cards not yet reviewed.
    public func newCardCount() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM card LEFT JOIN cardState ON cardState.cardID = card.id
                WHERE card.retiredAt IS NULL AND (cardState.cardID IS NULL OR cardState.lastReview IS NULL)
                """) ?? 0
        }
    }
}
