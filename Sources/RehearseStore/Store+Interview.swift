import Foundation
import GRDB
import RehearseCore

extension Store {
    /// Every active card with its predicted recall now and its lapses, for planning a mock
    /// interview or writing My Notes.
    public func cardEvidence(at now: Date, guide: String? = nil, scheduler: Scheduler) throws -> [CardEvidence] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT card.*, cardState.stability, cardState.lastReview, cardState.lapses, cardState.reps,
                       (SELECT group_concat(rating, '') FROM (SELECT rating FROM review WHERE review.cardID = card.id ORDER BY reviewedAt DESC LIMIT 5)) AS recentRatings,
                       (SELECT AVG(json_extract(grade, '$.score')) FROM review WHERE review.cardID = card.id AND grade IS NOT NULL) AS meanGrade
                FROM card LEFT JOIN cardState ON cardState.cardID = card.id
                WHERE card.retiredAt IS NULL AND (? IS NULL OR card.guideID = ?)
                ORDER BY card.queueOrder
                """, arguments: [guide, guide])
        }
        return rows.map { row in
            let card = CardRecord(row: row).card
            var recall: Double?
            if let lastReview = row["lastReview"] as Double?, let stability = row["stability"] as Double? {
                let elapsed = max(0, Scheduler.wholeDays(from: Date(timeIntervalSince1970: lastReview), to: now))
                recall = scheduler.memory.retrievability(elapsedDays: Double(elapsed), stability: stability)
            }
            let ratings = (row["recentRatings"] as String?)?.compactMap { Int(String($0)) } ?? []
            return CardEvidence(
                card: card, recall: recall, stability: row["stability"], lastReview: (row["lastReview"] as Double?).map { Date(timeIntervalSince1970: $0) },
                lapses: row["lapses"] ?? 0, recentRatings: ratings, meanGrade: row["meanGrade"])
        }
    }

    /// The guide's own "My Notes" headings, as imported.
    public func notesHeadings(guide: String) throws -> [String] {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT notesHeadings FROM guide WHERE id = ?", arguments: [guide])
        }.map(CardRecord.strings) ?? []
    }

    /// Saves a mock interview's report; returns its number.
    @discardableResult
    public func saveMockReport(_ report: MockReport) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        return try writer.write { db in
            try db.execute(sql: "INSERT INTO mockReport (startedAt, report) VALUES (?, ?)", arguments: [report.startedAt.timeIntervalSince1970, json])
            return db.lastInsertedRowID
        }
    }

    /// Saved mock interview reports, oldest first.
    public func mockReports() throws -> [(id: Int64, report: MockReport)] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, report FROM mockReport ORDER BY startedAt").compactMap { row in
                guard let report = try? decoder.decode(MockReport.self, from: Data((row["report"] as String).utf8)) else { return nil }
                return (row["id"], report)
            }
        }
    }
}
