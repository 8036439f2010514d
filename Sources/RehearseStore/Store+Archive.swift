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
            // Columns are read by position: name lookups cost more than the query on a large collection.
            let cards = try Row.fetchCursor(db, sql: """
                SELECT card.id, card.guideID, card.kind, card.section, card.prompt, card.answer, card.keypoints, card.priorityRank,
                  card.position, max(guide.importedAt, coalesce(cardEdit.editedAt, 0)),
                  cardState.cardID IS NOT NULL, cardState.phase, cardState.step, cardState.stability, cardState.difficulty,
                  cardState.due, cardState.lastReview, cardState.reps, cardState.lapses,
                  cardMark.cardID IS NOT NULL, cardMark.suspended, cardMark.buriedUntil, cardMark.flag, cardMark.leech
                FROM card JOIN guide ON guide.id = card.guideID
                LEFT JOIN cardEdit ON cardEdit.cardID = card.id
                LEFT JOIN cardState ON cardState.cardID = card.id
                LEFT JOIN cardMark ON cardMark.cardID = card.id
                WHERE card.retiredAt IS NULL AND (? IS NULL OR card.guideID = ?)
                ORDER BY card.queueOrder, card.id
                """, arguments: [guide, guide])
            var entries: [String: [CardArchive.Entry]] = [:]
            var places: [String: (guide: String, index: Int)] = [:]
            while let row = try cards.next() {
                let rank: Int = row[7]
                let card = Card(
                    id: row[0], guideID: row[1], kind: Card.Kind(rawValue: row[2]) ?? .qa, section: CardRecord.strings(row[3]), prompt: row[4],
                    answer: row[5], keypoints: CardRecord.strings(row[6]),
                    priority: Priority.allCases.indices.contains(rank) ? Priority.allCases[rank] : .medium, position: row[8])
                let schedule: CardSchedule? = (row[10] as Bool) ? CardSchedule(
                    phase: CardSchedule.Phase(rawValue: row[11]) ?? .learning, step: row[12], stability: row[13], difficulty: row[14],
                    due: Date(timeIntervalSince1970: row[15]), lastReview: (row[16] as Double?).map { Date(timeIntervalSince1970: $0) }) : nil
                let mark = (row[19] as Bool) ? CardMark(
                    suspended: row[20], buriedUntil: (row[21] as Double?).map { Date(timeIntervalSince1970: $0) }, flag: row[22], leech: row[23])
                    : CardMark()
                places[card.id] = (card.guideID, entries[card.guideID, default: []].count)
                entries[card.guideID, default: []].append(CardArchive.Entry(
                    card: card, schedule: schedule, reps: schedule == nil ? 0 : row[17], lapses: schedule == nil ? 0 : row[18], mark: mark,
                    reviews: [], modifiedAt: Date(timeIntervalSince1970: row[9])))
            }
            if withHistory {
                // The whole log in table order, each answer put with its card, then each card's
                // answers ordered by time: cheaper than a join and an ORDER BY over every review.
                var ordered: [String: [(at: Double, id: Int64)]] = [:]
                let reviews = try Row.fetchCursor(db, sql: """
                    SELECT cardID, reviewedAt, rating, durationMS, phaseBefore, stability, difficulty, due, id FROM review
                    """)
                while let row = try reviews.next() {
                    let cardID: String = row[0]
                    guard let place = places[cardID], let rating = Rating(rawValue: row[2]) else { continue }
                    let at: Double = row[1]
                    ordered[cardID, default: []].append((at, row[8]))
                    entries[place.guide]?[place.index].reviews.append(CardArchive.Review(
                        at: Date(timeIntervalSince1970: at), rating: rating, durationMS: row[3],
                        phaseBefore: (row[4] as Int?).flatMap(CardSchedule.Phase.init), stability: row[5], difficulty: row[6],
                        due: Date(timeIntervalSince1970: row[7])))
                }
                for (cardID, keys) in ordered where zip(keys, keys.dropFirst()).contains(where: { $0 > $1 }) {
                    guard let place = places[cardID], let entry = entries[place.guide]?[place.index] else { continue }
                    let order = keys.indices.sorted { keys[$0] < keys[$1] }
                    entries[place.guide]?[place.index].reviews = order.map { entry.reviews[$0] }
                }
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
    /// the stored one, and the reviews not already in the log (the same card answered within
    /// the same second is the same review: Anki moves answers given in the same millisecond
    /// apart by a millisecond or two). Storing the same archive twice changes nothing.
    public func restore(_ archive: CardArchive, source: String, at now: Date) throws -> RestoreReport {
        try writer.write { db in
            var report = RestoreReport()
            let guideIDs = archive.guides.map(\.id)
            let placeholders = databaseQuestionMarks(count: guideIDs.count)
            // What is stored already, read once: a large archive would otherwise cost a query per card.
            var stored = RestoredCards()
            for row in try Row.fetchAll(db, sql: """
                SELECT card.*, cardState.lastReview, EXISTS (SELECT 1 FROM cardMark WHERE cardMark.cardID = card.id) AS marked
                FROM card LEFT JOIN cardState ON cardState.cardID = card.id WHERE card.guideID IN (\(placeholders))
                """, arguments: StatementArguments(guideIDs))
            {
                stored.cards[row["id"]] = (CardRecord(row: row), row["lastReview"], row["marked"])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT review.cardID, review.reviewedAt FROM review JOIN card ON card.id = review.cardID WHERE card.guideID IN (\(placeholders))
                """, arguments: StatementArguments(guideIDs))
            {
                stored.reviewTimes[row[0], default: []].append(row[1])
            }
            for guide in archive.guides {
                report.guides.append(guide.id)
                if try GuideRecord.fetchOne(db, key: guide.id) == nil {
                    try GuideRecord(
                        id: guide.id, title: guide.title, number: nil, priority: guide.priority.rawValue, next: nil, source: source,
                        importedAt: now.timeIntervalSince1970, notesHeadings: nil, content: nil,
                        fileName: (source as NSString).lastPathComponent, labReport: nil, labMemory: nil
                    ).insert(db)
                }
                for entry in guide.entries {
                    try restore(entry, guideID: guide.id, stored: stored, report: &report, db: db)
                }
            }
            return report
        }
    }

    /// The cards of the guides being restored as they were before, with their last review and
    /// whether they carry marks, and their review times.
    private struct RestoredCards {
        var cards: [String: (record: CardRecord, lastReview: Double?, marked: Bool)] = [:]
        var reviewTimes: [String: [Double]] = [:]
    }

    private func restore(
        _ entry: CardArchive.Entry, guideID: String, stored: RestoredCards, report: inout RestoreReport, db: Database
    ) throws {
        var card = entry.card
        card.guideID = guideID
        var record = CardRecord(card, seriesNumber: 999)
        let old = stored.cards[record.id]
        if let old {
            // A card the user edited keeps their wording; the file's is kept beside it.
            _ = try Self.keepEdit(of: &record, db: db)
            if old.record.differs(from: record) || old.record.retiredAt != nil {
                report.changedCards += 1
                try db.cachedStatement(sql: """
                    UPDATE card SET kind = ?, section = ?, prompt = ?, answer = ?, keypoints = ?, priorityRank = ?, retiredAt = NULL WHERE id = ?
                    """).execute(arguments: [record.kind, record.section, record.prompt, record.answer, record.keypoints, record.priorityRank, record.id])
            } else {
                report.unchangedCards += 1
            }
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO card (id, guideID, kind, section, prompt, answer, keypoints, priorityRank, position, queueOrder, retiredAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                """).execute(arguments: [
                    record.id, record.guideID, record.kind, record.section, record.prompt, record.answer, record.keypoints,
                    record.priorityRank, record.position, record.queueOrder,
                ])
            report.addedCards += 1
        }
        if let schedule = entry.schedule, let last = schedule.lastReview,
            old?.lastReview.map({ $0 < last.timeIntervalSince1970 - 0.0005 }) ?? true
        {
            try Self.saveState(CardStateRecord(cardID: record.id, schedule: schedule, reps: entry.reps, lapses: entry.lapses), db: db)
            if entry.mark != CardMark() || old?.marked == true { try Self.save(entry.mark, for: record.id, db: db) }
            report.updatedSchedules += 1
        } else if old == nil, entry.schedule == nil, entry.mark != CardMark() {
            try Self.save(entry.mark, for: record.id, db: db)
        }
        let known = stored.reviewTimes[record.id] ?? []
        let insert = try db.cachedStatement(sql: """
            INSERT INTO review (cardID, reviewedAt, rating, durationMS, phaseBefore, stability, difficulty, due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for review in entry.reviews where !known.contains(where: { abs($0 - review.at.timeIntervalSince1970) < 1 }) {
            insert.setUncheckedArguments([
                record.id, review.at.timeIntervalSince1970, review.rating.rawValue, review.durationMS, review.phaseBefore?.rawValue,
                review.stability, review.difficulty, review.due.timeIntervalSince1970,
            ])
            try insert.execute()
            report.addedReviews += 1
        }
    }
}
