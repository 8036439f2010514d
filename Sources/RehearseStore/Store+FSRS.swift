import Foundation
import GRDB

/// One stored review, as the FSRS optimizer and the calibration read them.
public struct StoredReview: Sendable {
    public var cardID: String
    /// Seconds since the Unix epoch.
    public var reviewedAt: Double
    public var rating: Int
    public var durationMS: Int?
}

extension Store {
    /// Every review in time order, of one guide's cards when `guide` is given.
    public func reviewLog(guide: String? = nil) throws -> [StoredReview] {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT review.cardID, review.reviewedAt, review.rating, review.durationMS
                FROM review JOIN card ON card.id = review.cardID
                WHERE ? IS NULL OR card.guideID = ?
                ORDER BY review.reviewedAt, review.id
                """, arguments: [guide, guide])
            var reviews: [StoredReview] = []
            while let row = try rows.next() {
                reviews.append(StoredReview(cardID: row[0], reviewedAt: row[1], rating: row[2], durationMS: row[3]))
            }
            return reviews
        }
    }

    /// The FSRS weights set by `rehearse fsrs optimize --apply`; nil when none were set or the
    /// stored text is not 21 numbers.
    public func fsrsWeights() throws -> [Double]? {
        let weights = try settingValue("fsrsWeights")?.split(separator: ",").compactMap { Double($0) }
        return weights?.count == 21 ? weights : nil
    }

    /// Stores FSRS weights (nil returns to the defaults).
    public func setFSRSWeights(_ weights: [Double]?) throws {
        try setSettingValue("fsrsWeights", weights.map { $0.map { "\($0)" }.joined(separator: ",") })
    }
}
