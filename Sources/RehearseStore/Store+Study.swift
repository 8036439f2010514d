import Foundation
import GRDB
import RehearseCore

/// A card with its schedule, ready to be shown.
public struct StudyCard: Sendable, Equatable {
    public var card: Card
    public var schedule: CardSchedule
    public var reps: Int
    public var lapses: Int
}

/// Which cards a session draws from.
public struct StudyFilter: Sendable, Equatable {
    public var guide: String?
    /// A section title anywhere in the card's section path (case-insensitive).
    public var section: String?

    public init(guide: String? = nil, section: String? = nil) {
        self.guide = guide
        self.section = section
    }
}

/// One answer as recorded.
public struct RecordedReview: Sendable, Equatable {
    public var id: Int64
    public var cardID: String
    /// When the card comes back.
    public var due: Date
    /// The grade of the typed answer as stored (``AnswerGrader/Grade/json``), if any.
    public var grade: String?
    /// Whether this answer was stored by an earlier request with the same request id.
    public var replayed: Bool
}

extension Store {
    /// Cards due at `now`, the least likely to be recalled first.
    public func dueCards(at now: Date, filter: StudyFilter = StudyFilter(), scheduler: Scheduler) throws -> [StudyCard] {
        try studyCards(ids: dueCardIDs(at: now, filter: filter, scheduler: scheduler), now: now)
    }

    /// The ids of the cards due at `now`, the least likely to be recalled first. Only the
    /// columns the order needs are read, so a large backlog is ordered without loading it.
    public func dueCardIDs(at now: Date, filter: StudyFilter = StudyFilter(), scheduler: Scheduler) throws -> [String] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT card.id, \(filter.section == nil ? "''" : "card.section") AS section, cardState.stability, cardState.lastReview
                FROM cardState JOIN card ON card.id = cardState.cardID
                WHERE cardState.due <= ? AND cardState.lastReview IS NOT NULL AND card.retiredAt IS NULL
                  AND (? IS NULL OR card.guideID = ?) AND \(Self.studiableSQL)
                """, arguments: [now.timeIntervalSince1970, filter.guide, filter.guide, now.timeIntervalSince1970])
        }
        var due: [(id: String, recall: Double)] = []
        due.reserveCapacity(rows.count)
        for row in rows {
            if filter.section != nil, !filter.matches(section: CardRecord.strings(row["section"])) { continue }
            let lastReview: Double = row["lastReview"]
            let stability: Double = row["stability"] ?? MemoryModel.minimumStability
            let elapsed = max(0, Scheduler.wholeDays(from: Date(timeIntervalSince1970: lastReview), to: now))
            due.append((row["id"], scheduler.memory.retrievability(elapsedDays: Double(elapsed), stability: stability)))
        }
        return due.sorted { $0.recall < $1.recall }.map(\.id)
    }

    /// Cards with their schedules, in the order of `ids` (unknown ids are skipped).
    public func studyCards(ids: [String], now: Date) throws -> [StudyCard] {
        guard !ids.isEmpty else { return [] }
        var byID: [String: StudyCard] = [:]
        try writer.read { db in
            for batch in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT card.*, cardState.phase, cardState.step, cardState.stability, cardState.difficulty, cardState.due,
                           cardState.lastReview, cardState.reps, cardState.lapses
                    FROM card LEFT JOIN cardState ON cardState.cardID = card.id
                    WHERE card.id IN (\(batch.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments(Array(batch)))
                for row in rows {
                    let card = Self.studyCard(row, now: now)
                    byID[card.card.id] = card
                }
            }
        }
        return ids.compactMap { byID[$0] }
    }

    /// When the next card falls due, if any card has been reviewed.
    public func nextDueDate() throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(db, sql: """
                SELECT MIN(cardState.due) FROM cardState JOIN card ON card.id = cardState.cardID
                WHERE cardState.lastReview IS NOT NULL AND card.retiredAt IS NULL AND \(Self.studiableSQL)
                """, arguments: [Date().timeIntervalSince1970])
        }.map { Date(timeIntervalSince1970: $0) }
    }

    /// Cards never reviewed, by guide priority, then series number, then document order.
    public func newCards(limit: Int, filter: StudyFilter = StudyFilter(), now: Date) throws -> [StudyCard] {
        guard limit > 0 else { return [] }
        // Without a section filter the database can stop at the limit.
        let sqlLimit = filter.section == nil ? limit : -1
        let records = try writer.read { db in
            try CardRecord.fetchAll(db, sql: """
                SELECT card.* FROM card
                LEFT JOIN cardState ON cardState.cardID = card.id
                WHERE card.retiredAt IS NULL AND (cardState.cardID IS NULL OR cardState.lastReview IS NULL)
                  AND (? IS NULL OR card.guideID = ?) AND \(Self.studiableSQL)
                ORDER BY card.queueOrder, card.guideID
                LIMIT ?
                """, arguments: [filter.guide, filter.guide, now.timeIntervalSince1970, sqlLimit])
        }
        return records.lazy.map(\.card).filter { filter.matches($0) }.prefix(limit)
            .map { StudyCard(card: $0, schedule: .new(due: now), reps: 0, lapses: 0) }
    }

    /// How many new cards were first answered on the day of `now` (local calendar day).
    public func newCardsIntroduced(on now: Date, calendar: Calendar = .current) throws -> Int {
        let start = calendar.startOfDay(for: now).timeIntervalSince1970
        return try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM review WHERE previousState IS NULL AND reviewedAt >= ? AND reviewedAt < ?
                """, arguments: [start, start + 86_400]) ?? 0
        }
    }

    /// Records an answer and the card's new schedule in one transaction, before anything
    /// else is shown.
    @discardableResult
    public func record(_ answer: Answer, scheduler: Scheduler) throws -> RecordedReview {
        try writer.write { db in try Self.insert(answer, scheduler: scheduler, db: db) }
    }

    /// One answer to record.
    public struct Answer: Sendable {
        public var cardID: String
        public var rating: Rating
        public var at: Date
        public var answerText: String?
        public var grade: String?
        public var durationMS: Int?
        /// The client's id for the card as shown: a second answer with the same id stores
        /// nothing and gets the first one back.
        public var requestID: String?
        /// The next states the buttons showed; the chosen one is stored when the card has not
        /// changed since they were worked out, else the states are worked out again.
        public var shown: NextStates?

        public init(
            cardID: String, rating: Rating, at: Date, answerText: String? = nil, grade: String? = nil, durationMS: Int? = nil,
            requestID: String? = nil, shown: NextStates? = nil
        ) {
            self.cardID = cardID
            self.rating = rating
            self.at = at
            self.answerText = answerText
            self.grade = grade
            self.durationMS = durationMS
            self.requestID = requestID
            self.shown = shown
        }
    }

    /// Records several answers in one transaction (group commit: one disk sync for all),
    /// in order; an answer to an unknown card fails alone.
    public func recordAll(_ answers: [Answer], scheduler: Scheduler) throws -> [Result<RecordedReview, StoreError>] {
        try writer.write { db in
            answers.map { answer in
                do {
                    return .success(try Self.insert(answer, scheduler: scheduler, db: db))
                } catch let error as StoreError {
                    return .failure(error)
                } catch {
                    return .failure(.unusable(path: "", reason: "\(error)"))
                }
            }
        }
    }

    /// Writes one answer: the review log row and the card's new schedule; or, for a request
    /// id already answered, returns that answer and writes nothing.
    static func insert(_ answer: Answer, scheduler: Scheduler, db: Database) throws -> RecordedReview {
        let (cardID, rating, now) = (answer.cardID, answer.rating, answer.at)
        // Cached statements: an answer is three small statements, and preparing them
        // anew each time would cost more than running them.
        if let requestID = answer.requestID,
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, cardID, due, grade FROM review WHERE requestID = ?"), arguments: [requestID])
        {
            return RecordedReview(id: row["id"], cardID: row["cardID"], due: Date(timeIntervalSince1970: row["due"]), grade: row["grade"], replayed: true)
        }
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM card WHERE id = ?"), arguments: [cardID]) != nil else {
            throw StoreError.unknownCard(cardID)
        }
        let state = try CardStateRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM cardState WHERE cardID = ?"), arguments: [cardID])
        let before = state?.schedule ?? .new(due: now)
        let after: CardSchedule
        if let shown = answer.shown, shown.current.isNew ? state == nil : shown.current == before {
            after = shown.state(for: rating, answeredAt: now)
        } else {
            after = scheduler.nextState(of: before, cardID: cardID, reviewCount: state?.reps ?? 0, rating: rating, at: now)
        }
        let lapse = before.phase == .review && rating == .again
        try db.cachedStatement(sql: """
            INSERT INTO review (cardID, reviewedAt, rating, answerText, grade, durationMS, phaseBefore, previousState, stability, difficulty, due, requestID)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                cardID, now.timeIntervalSince1970, rating.rawValue, answer.answerText, answer.grade, answer.durationMS,
                state.map { _ in before.phase.rawValue }, state.map(\.snapshotJSON), after.stability ?? 0,
                after.difficulty ?? 0, after.due.timeIntervalSince1970, answer.requestID,
            ])
        let reviewID = db.lastInsertedRowID
        let record = CardStateRecord(cardID: cardID, schedule: after, reps: (state?.reps ?? 0) + 1, lapses: (state?.lapses ?? 0) + (lapse ? 1 : 0))
        try saveState(record, db: db)
        if lapse { try noteLapse(of: cardID, lapses: record.lapses, db: db) }
        return RecordedReview(id: reviewID, cardID: cardID, due: after.due, grade: answer.grade, replayed: false)
    }

    /// Writes a card's schedule, replacing the one stored. A cached statement: an answer, and
    /// each card of a restored archive, writes one.
    static func saveState(_ record: CardStateRecord, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cardState (cardID, phase, step, stability, difficulty, due, lastReview, reps, lapses)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(cardID) DO UPDATE SET phase = excluded.phase, step = excluded.step, stability = excluded.stability,
              difficulty = excluded.difficulty, due = excluded.due, lastReview = excluded.lastReview, reps = excluded.reps,
              lapses = excluded.lapses
            """).execute(arguments: [
                record.cardID, record.phase, record.step, record.stability, record.difficulty, record.due, record.lastReview, record.reps,
                record.lapses,
            ])
    }

    /// Undoes an answer: deletes it from the log and restores the card's previous schedule;
    /// returns the answer's and the card's ids. Without an id, the latest answer in the log is undone. Only a
    /// card's latest answer can be undone: restoring an older schedule would erase the later
    /// answers' effect.
    public func undo(reviewID: Int64?) throws -> (reviewID: Int64, cardID: String) {
        try writer.write { db in
            let found = try reviewID.map { try ReviewRecord.fetchOne(db, key: $0) } ?? ReviewRecord.order(Column("id").desc).fetchOne(db)
            guard let review = found, let id = review.id else { throw StoreError.nothingToUndo }
            let later = try ReviewRecord.filter(Column("cardID") == review.cardID && Column("id") > id).fetchCount(db)
            guard later == 0 else { throw StoreError.notLatestAnswer(review.cardID) }
            var lapses = 0
            if let json = review.previousState {
                let previous = try JSONDecoder().decode(CardStateRecord.self, from: Data(json.utf8))
                try previous.save(db)
                lapses = previous.lapses
            } else {
                _ = try CardStateRecord.deleteOne(db, key: review.cardID)
            }
            // Taking back the lapse that made a leech takes back its suspension.
            var mark = try Self.mark(of: review.cardID, db: db)
            if mark.leech, lapses < Self.leechLapses {
                mark.leech = false
                mark.suspended = false
                try Self.save(mark, for: review.cardID, db: db)
            }
            _ = try ReviewRecord.deleteOne(db, key: id)
            return (id, review.cardID)
        }
    }

    /// Cards still in learning or relearning that fall due between `now` and `until`,
    /// soonest first: what a session shows early once nothing else is left.
    public func learningCardIDs(dueAfter now: Date, until: Date, filter: StudyFilter = StudyFilter()) throws -> [String] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT card.id, card.section FROM cardState JOIN card ON card.id = cardState.cardID
                WHERE cardState.due > ? AND cardState.due <= ? AND cardState.phase != ? AND card.retiredAt IS NULL
                  AND (? IS NULL OR card.guideID = ?) AND \(Self.studiableSQL)
                ORDER BY cardState.due
                """, arguments: [now.timeIntervalSince1970, until.timeIntervalSince1970, CardSchedule.Phase.review.rawValue, filter.guide, filter.guide,
                                  max(now, until).timeIntervalSince1970])
        }
        return rows.filter { filter.matches(section: CardRecord.strings($0["section"])) }.map { $0["id"] }
    }

    /// A card and its schedule by id.
    public func studyCard(id: String, now: Date) throws -> StudyCard? {
        try writer.read { db in
            guard let card = try CardRecord.fetchOne(db, key: id)?.card else { return nil }
            let state = try CardStateRecord.fetchOne(db, key: id)
            return StudyCard(card: card, schedule: state?.schedule ?? .new(due: now), reps: state?.reps ?? 0, lapses: state?.lapses ?? 0)
        }
    }

    /// The number of answers in the log.
    public func reviewCount() throws -> Int {
        try writer.read { db in try ReviewRecord.fetchCount(db) }
    }

    static func studyCard(_ row: Row, now: Date) -> StudyCard {
        let record = CardRecord(row: row)
        guard let phase = row["phase"] as Int? else {
            return StudyCard(card: record.card, schedule: .new(due: now), reps: 0, lapses: 0)
        }
        let schedule = CardSchedule(
            phase: CardSchedule.Phase(rawValue: phase) ?? .learning, step: row["step"], stability: row["stability"],
            difficulty: row["difficulty"], due: Date(timeIntervalSince1970: row["due"]),
            lastReview: (row["lastReview"] as Double?).map { Date(timeIntervalSince1970: $0) })
        return StudyCard(card: record.card, schedule: schedule, reps: row["reps"], lapses: row["lapses"])
    }
}

extension StudyFilter {
    func matches(_ card: Card) -> Bool {
        if let guide, card.guideID != guide { return false }
        return matches(section: card.section)
    }

    func matches(section path: [String]) -> Bool {
        guard let section else { return true }
        let wanted = section.lowercased()
        return path.contains { $0.lowercased().contains(wanted) }
    }
}

extension Store {
    /// Answers many cards in one transaction: for building test and benchmark collections.
    public func recordInBulk(cardIDs: [String], rating: Rating, at now: Date, scheduler: Scheduler) throws {
        try writer.write { db in
            for id in cardIDs {
                let after = scheduler.review(.new(due: now), rating: rating, at: now)
                var review = ReviewRecord(
                    id: nil, cardID: id, reviewedAt: now.timeIntervalSince1970, rating: rating.rawValue, answerText: nil, grade: nil,
                    durationMS: nil, phaseBefore: nil, previousState: nil, stability: after.stability ?? 0,
                    difficulty: after.difficulty ?? 0, due: after.due.timeIntervalSince1970)
                try review.insert(db)
                try CardStateRecord(cardID: id, schedule: after, reps: 1, lapses: 0).save(db)
            }
        }
    }
}
