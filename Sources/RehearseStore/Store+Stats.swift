import Foundation
import GRDB
import RehearseCore

/// Counts, retention, workload and readiness, per guide and top-level section.
public struct StatsReport: Sendable, Codable, Equatable {
    public struct Group: Sendable, Codable, Equatable {
        public var guide: String
        /// The top-level section; nil for the guide as a whole.
        public var section: String?
        public var new = 0
        public var learning = 0
        public var review = 0
        /// Share of passed reviews of cards in the review phase, last 7 and 30 days; nil without any.
        public var retention7: Double?
        public var retention30: Double?
        /// Mean predicted recall on the report's date (never-reviewed cards count 0).
        public var readiness = 0.0
    }

    /// The date readiness is computed for (the interview date when one is set).
    public var readinessDate: Date
    public var interviewDate: Date?
    public var groups: [Group]
    /// Cards due on each of the next days, today first (overdue cards count today).
    public var duePerDay: [Int]
    public var reviewsToday: Int
}

extension Store {
    /// Statistics at `now`, with readiness on `readinessDate`.
    public func stats(at now: Date, readinessDate: Date, days: Int = 14, scheduler: Scheduler, calendar: Calendar = .current) throws -> StatsReport {
        let (cards, reviews) = try writer.read { db in
            let cards = try Row.fetchAll(db, sql: """
                SELECT card.guideID, card.section, cardState.phase, cardState.stability, cardState.due, cardState.lastReview
                FROM card LEFT JOIN cardState ON cardState.cardID = card.id
                WHERE card.retiredAt IS NULL
                """)
            let reviews = try Row.fetchAll(db, sql: """
                SELECT card.guideID, card.section, review.reviewedAt, review.rating, review.phaseBefore
                FROM review JOIN card ON card.id = review.cardID
                WHERE review.reviewedAt >= ?
                """, arguments: [now.timeIntervalSince1970 - 30 * 86_400])
            return (cards, reviews)
        }
        struct Tally {
            var group: StatsReport.Group
            var recall = 0.0
            var cards = 0
            var passed7 = 0, total7 = 0, passed30 = 0, total30 = 0
        }
        var tallies: [String: Tally] = [:]
        var order: [String] = []
        func keys(guide: String, section: String) -> [(String, String?)] {
            let top = CardRecord.strings(section).first
            return [(guide, nil)] + (top.map { [(guide, $0)] } ?? [])
        }
        func update(_ key: (String, String?), _ change: (inout Tally) -> Void) {
            let name = key.0 + "\u{1F}" + (key.1 ?? "")
            var tally = tallies[name] ?? Tally(group: StatsReport.Group(guide: key.0, section: key.1))
            if tallies[name] == nil { order.append(name) }
            change(&tally)
            tallies[name] = tally
        }
        let startOfToday = calendar.startOfDay(for: now)
        var duePerDay = Array(repeating: 0, count: days)
        for row in cards {
            let guide: String = row["guideID"]
            let lastReview: Double? = row["lastReview"]
            let phase: Int? = row["phase"]
            var recall = 0.0
            if let lastReview, let stability = row["stability"] as Double? {
                let elapsed = max(0, Scheduler.wholeDays(from: Date(timeIntervalSince1970: lastReview), to: readinessDate))
                recall = scheduler.memory.retrievability(elapsedDays: Double(elapsed), stability: stability)
                let due = Date(timeIntervalSince1970: row["due"])
                let day = max(0, calendar.dateComponents([.day], from: startOfToday, to: calendar.startOfDay(for: due)).day ?? 0)
                if day < days { duePerDay[day] += 1 }
            }
            for key in keys(guide: guide, section: row["section"]) {
                update(key) { tally in
                    if lastReview == nil {
                        tally.group.new += 1
                    } else if phase == CardSchedule.Phase.review.rawValue {
                        tally.group.review += 1
                    } else {
                        tally.group.learning += 1
                    }
                    tally.recall += recall
                    tally.cards += 1
                }
            }
        }
        var reviewsToday = 0
        for row in reviews {
            let at: Double = row["reviewedAt"]
            if at >= startOfToday.timeIntervalSince1970 { reviewsToday += 1 }
            guard (row["phaseBefore"] as Int?) == CardSchedule.Phase.review.rawValue else { continue }
            let passed = (row["rating"] as Int) > 1 ? 1 : 0
            let recent = at >= now.timeIntervalSince1970 - 7 * 86_400
            for key in keys(guide: row["guideID"], section: row["section"]) {
                update(key) { tally in
                    tally.total30 += 1
                    tally.passed30 += passed
                    if recent {
                        tally.total7 += 1
                        tally.passed7 += passed
                    }
                }
            }
        }
        let groups = order.compactMap { tallies[$0] }.map { tally -> StatsReport.Group in
            var group = tally.group
            group.readiness = tally.cards == 0 ? 0 : tally.recall / Double(tally.cards)
            group.retention7 = tally.total7 == 0 ? nil : Double(tally.passed7) / Double(tally.total7)
            group.retention30 = tally.total30 == 0 ? nil : Double(tally.passed30) / Double(tally.total30)
            return group
        }
        return StatsReport(
            readinessDate: readinessDate, interviewDate: try interviewDate(), groups: groups, duePerDay: duePerDay,
            reviewsToday: reviewsToday)
    }
}
