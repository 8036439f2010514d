import Foundation
import GRDB

extension Store {
    /// Answers per calendar day (local time) from `start` up to `now`, oldest first.
    public func reviewsPerDay(from start: Date, to now: Date, calendar: Calendar = .current) throws -> [(day: Date, count: Int)] {
        let times = try writer.read { db in
            try Double.fetchAll(db, sql: "SELECT reviewedAt FROM review WHERE reviewedAt >= ? AND reviewedAt <= ?",
                                arguments: [calendar.startOfDay(for: start).timeIntervalSince1970, now.timeIntervalSince1970])
        }
        var counts: [Date: Int] = [:]
        for time in times { counts[calendar.startOfDay(for: Date(timeIntervalSince1970: time)), default: 0] += 1 }
        var days: [(Date, Int)] = []
        var day = calendar.startOfDay(for: start)
        while day <= now {
            days.append((day, counts[day, default: 0]))
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return days
    }

    /// Share of passed reviews of cards in the review phase, per week, oldest first; nil for a
    /// week without such reviews.
    public func retentionPerWeek(weeks: Int, to now: Date) throws -> [(weekStart: Date, retention: Double?)] {
        let start = now.addingTimeInterval(-Double(weeks) * 7 * 86_400)
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT reviewedAt, rating FROM review WHERE reviewedAt >= ? AND phaseBefore = 2",
                             arguments: [start.timeIntervalSince1970])
        }
        var passed = Array(repeating: 0, count: weeks)
        var total = Array(repeating: 0, count: weeks)
        for row in rows {
            let index = min(weeks - 1, Int(((row["reviewedAt"] as Double) - start.timeIntervalSince1970) / (7 * 86_400)))
            total[index] += 1
            passed[index] += (row["rating"] as Int) > 1 ? 1 : 0
        }
        return (0..<weeks).map { week in
            (start.addingTimeInterval(Double(week) * 7 * 86_400), total[week] == 0 ? nil : Double(passed[week]) / Double(total[week]))
        }
    }
}
