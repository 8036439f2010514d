import Foundation
import GRDB
import RehearseCore

extension Store {
    /// What the learner taught the grader for a card, oldest first.
    public func gradingCorrections(cardID: String) throws -> [GradingCorrection] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM gradingCorrection WHERE cardID = ? ORDER BY createdAt", arguments: [cardID]
            ).map(Self.correction)
        }
    }

    /// Every correction, by card, then oldest first: for export.
    public func allGradingCorrections() throws -> [GradingCorrection] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM gradingCorrection ORDER BY cardID, createdAt").map(Self.correction)
        }
    }

    /// Stores corrections in one transaction; the same phrase for the same point replaces the
    /// earlier verdict. A correction for a card that does not exist stores nothing at all.
    /// - Returns: how many were stored.
    @discardableResult
    public func addGradingCorrections(_ corrections: [GradingCorrection], at now: Date) throws -> Int {
        try writer.write { db in
            for correction in corrections {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM card WHERE id = ?", arguments: [correction.cardID]) != nil else {
                    throw StoreError.unknownCard(correction.cardID)
                }
                try db.execute(
                    sql: """
                        INSERT INTO gradingCorrection (cardID, keypoint, phrase, accepted, createdAt) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(cardID, keypoint, phrase) DO UPDATE SET accepted = excluded.accepted, createdAt = excluded.createdAt
                        """,
                    arguments: [correction.cardID, correction.keypoint, correction.phrase, correction.accepted, now.timeIntervalSince1970])
            }
            return corrections.count
        }
    }

    static func correction(_ row: Row) -> GradingCorrection {
        GradingCorrection(cardID: row["cardID"], keypoint: row["keypoint"], phrase: row["phrase"], accepted: row["accepted"])
    }
}
