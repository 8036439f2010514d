import Foundation
import GRDB
import RehearseCore

extension Store {
    /// The live cards of one guide (every guide when nil), with their schedules, marks and
    /// reviews (`withHistory`), in queue order.
    public func archive(guide: String? = nil, withHistory: Bool = true) throws -> CardArchive {
        try writer.read { db in
            var request = GuideRecord.order(Column("id"))
            if let guide { request = request.filter(key: guide) }
            let guides = try request.fetchAll(db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT card.*, guide.importedAt AS importedAt, cardEdit.editedAt AS editedAt,
                  cardState.cardID AS cardID, cardState.phase, cardState.step, cardState.stability, cardState.difficulty,
                  cardState.due, cardState.lastReview, cardState.reps, cardState.lapses,
                  cardMark.cardID AS markCardID, cardMark.suspended, cardMark.buriedUntil, cardMark.flag, cardMark.leech
                FROM card JOIN guide ON guide.id = card.guideID
                LEFT JOIN cardEdit ON cardEdit.cardID = card.id
                LEFT JOIN cardState ON cardState.cardID = card.id
                LEFT JOIN cardMark ON cardMark.cardID = card.id
                WHERE card.retiredAt IS NULL AND (? IS NULL OR card.guideID = ?)
                ORDER BY card.queueOrder, card.id
                """, arguments: [guide, guide])
            var reviews: [String: [CardArchive.Review]] = [:]
            if withHistory {
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT review.cardID, reviewedAt, rating, durationMS, phaseBefore, stability, difficulty, due
                    FROM review JOIN card ON card.id = review.cardID
                    WHERE card.retiredAt IS NULL AND (? IS NULL OR card.guideID = ?)
                    ORDER BY reviewedAt, review.id
                    """, arguments: [guide, guide])
                while let row = try cursor.next() {
                    guard let rating = Rating(rawValue: row["rating"]) else { continue }
                    reviews[row["cardID"], default: []].append(CardArchive.Review(
                        at: Date(timeIntervalSince1970: row["reviewedAt"]), rating: rating, durationMS: row["durationMS"],
                        phaseBefore: (row["phaseBefore"] as Int?).flatMap(CardSchedule.Phase.init),
                        stability: row["stability"], difficulty: row["difficulty"], due: Date(timeIntervalSince1970: row["due"])))
                }
            }
            var entries: [String: [CardArchive.Entry]] = [:]
            for row in rows {
                let record = CardRecord(row: row)
                let state: CardStateRecord? = (row["cardID"] as String?) == nil ? nil : CardStateRecord(row: row)
                let modified = max(row["importedAt"] as Double, (row["editedAt"] as Double?) ?? 0)
                entries[record.guideID, default: []].append(CardArchive.Entry(
                    card: record.card, schedule: state?.schedule, reps: state?.reps ?? 0, lapses: state?.lapses ?? 0,
                    mark: (row["markCardID"] as String?) == nil ? CardMark() : CardMark(row: row), reviews: reviews[record.id] ?? [],
                    modifiedAt: Date(timeIntervalSince1970: modified)))
            }
            return CardArchive(guides: guides.map { guide in
                CardArchive.Guide(
                    id: guide.id, title: guide.title, priority: Priority(rawValue: guide.priority) ?? .medium,
                    source: guide.fileName ?? guide.source, entries: entries[guide.id] ?? [])
            })
        }
    }

    /// Stores an archive in one transaction: its guides (a guide already here keeps its text
    /// and settings), its cards (new ones added, changed wording updated, the user's edits
    /// kept), each card's schedule and marks when the archive's last review is newer than
    /// the stored one, and the reviews not already in the log (the same card at the same
    /// millisecond is the same review). Storing the same archive twice changes nothing.
    public func restore(_ archive: CardArchive, source: String, at now: Date) throws -> RestoreReport {
        try writer.write { db in
            var report = RestoreReport()
            for guide in archive.guides {
                report.guides.append(guide.id)
                if try GuideRecord.fetchOne(db, key: guide.id) == nil {
                    try GuideRecord(
                        id: guide.id, title: guide.title, number: nil, priority: guide.priority.rawValue, next: nil, source: source,
                        importedAt: now.timeIntervalSince1970, notesHeadings: nil, content: nil,
                        fileName: (source as NSString).lastPathComponent, labReport: nil
                    ).insert(db)
                }
                for entry in guide.entries {
                    try restore(entry, guideID: guide.id, report: &report, db: db)
                }
            }
            return report
        }
    }

    private func restore(_ entry: CardArchive.Entry, guideID: String, report: inout RestoreReport, db: Database) throws {
        var card = entry.card
        card.guideID = guideID
        var record = CardRecord(card, seriesNumber: 999)
        _ = try Self.keepEdit(of: &record, db: db)
        if let old = try CardRecord.fetchOne(db, key: record.id) {
            if old.differs(from: record) || old.retiredAt != nil {
                report.changedCards += 1
                try record.update(db)
            } else {
                report.unchangedCards += 1
            }
        } else {
            try record.insert(db)
            report.addedCards += 1
        }
        let stored = try CardStateRecord.fetchOne(db, sql: "SELECT * FROM cardState WHERE cardID = ?", arguments: [record.id])
        if let schedule = entry.schedule, let last = schedule.lastReview,
            stored?.lastReview.map({ $0 < last.timeIntervalSince1970 - 0.0005 }) ?? true
        {
            try CardStateRecord(cardID: record.id, schedule: schedule, reps: entry.reps, lapses: entry.lapses).save(db)
            try Self.save(entry.mark, for: record.id, db: db)
            report.updatedSchedules += 1
        } else if stored == nil, entry.schedule == nil, entry.mark != CardMark() {
            try Self.save(entry.mark, for: record.id, db: db)
        }
        let known = Set(try Double.fetchAll(db, sql: "SELECT reviewedAt FROM review WHERE cardID = ?", arguments: [record.id]).map(Self.millisecond))
        let insert = try db.cachedStatement(sql: """
            INSERT INTO review (cardID, reviewedAt, rating, durationMS, phaseBefore, stability, difficulty, due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for review in entry.reviews where !known.contains(Self.millisecond(review.at.timeIntervalSince1970)) {
            try insert.execute(arguments: [
                record.id, review.at.timeIntervalSince1970, review.rating.rawValue, review.durationMS, review.phaseBefore?.rawValue,
                review.stability, review.difficulty, review.due.timeIntervalSince1970,
            ])
            report.addedReviews += 1
        }
    }

    /// A time to the millisecond, which is how Anki's review log tells reviews apart.
    static func millisecond(_ seconds: Double) -> Int64 {
        Int64((seconds * 1000).rounded())
    }
}
