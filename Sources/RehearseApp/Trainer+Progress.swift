import Foundation
import RehearseCore
import RehearseStore

/// Where the user stands: the figures both doors show.
public struct StudyProgress: Sendable {
    public var report: StatsReport
    public var retentionPerWeek: [(weekStart: Date, retention: Double?)]
    public var reviewsPerDay: [(day: Date, count: Int)]
}

/// A stored guide as its page shows it.
public struct StoredGuide: Sendable {
    public var guide: Guide
    public var fileName: String
    /// Its My Notes section written from the evidence so far.
    public var notes: String
    public var lab: LabReport?
}

extension Trainer {
    /// Counts, retention, workload and readiness, with readiness on `readinessDate` (default:
    /// the interview date when one is set, else now) and the workload over `days` days;
    /// retention per week over `retentionWeeks` and reviews per day over `calendarWeeks`.
    public func progress(
        at now: Date = Date(), readinessOn readinessDate: Date? = nil, days: Int = 14, retentionWeeks: Int = 0, calendarWeeks: Int = 0
    ) async throws -> StudyProgress {
        try await database { store in
            let scheduler = try Self.scheduler(store)
            let date = max(readinessDate ?? scheduler.interviewDate ?? now, now)
            return StudyProgress(
                report: try store.stats(at: now, readinessDate: date, days: days, scheduler: scheduler),
                retentionPerWeek: retentionWeeks > 0 ? try store.retentionPerWeek(weeks: retentionWeeks, to: now) : [],
                reviewsPerDay: calendarWeeks > 0 ? try store.reviewsPerDay(from: now.addingTimeInterval(-Double(calendarWeeks) * 7 * 86_400), to: now) : [])
        }
    }

    /// A guide's My Notes section (Markdown), written from the evidence of its cards.
    public func notes(guide id: String, at now: Date = Date()) async throws -> String {
        try await database { store in
            guard try store.guideIDs().contains(id) else { throw TrainerError.unknownGuide(id, known: try store.guideIDs()) }
            return try Self.notes(store, guide: id, at: now)
        }
    }

    static func notes(_ store: Store, guide id: String, at now: Date) throws -> String {
        let entries = try store.cardEvidence(at: now, guide: id, scheduler: try scheduler(store))
        return NotesWriter(headings: try store.notesHeadings(guide: id)).markdown(guideTitle: id, entries: entries, now: now)
    }

    /// A stored guide read again from its kept text, with its My Notes and the code lab's report.
    public func storedGuide(id: String, at now: Date = Date()) async throws -> StoredGuide {
        try await database { store in
            guard let (text, fileName) = try store.guideText(id: id) else { throw TrainerError.unknownGuide(id, known: try store.guideIDs()) }
            let guide: Guide
            do {
                guide = try GuideReader().read(text: text, fileName: fileName)
            } catch let error as GuideError {
                throw TrainerError.unreadableGuide(error)
            }
            return StoredGuide(guide: guide, fileName: fileName, notes: try Self.notes(store, guide: id, at: now), lab: try store.labReport(guide: id))
        }
    }
}

extension Trainer {
    /// Active cards matching a query, with their schedules: the card browser.
    /// - Throws: ``TrainerError/unknownGuide(_:known:)`` for a guide that is not imported.
    public func cards(_ query: CardQuery, at now: Date = Date()) async throws -> [StudyCard] {
        try await database { store in
            if let guide = query.guide {
                let known = try store.guideIDs()
                if !known.contains(guide) { throw TrainerError.unknownGuide(guide, known: known) }
            }
            return try store.browseCards(query, at: now)
        }
    }
}
