import Foundation
import GRDB
import RehearseCore

/// What an import changed, per guide.
public struct ImportReport: Sendable, Equatable {
    public var guideID: String
    public var added = 0
    public var changed = 0
    public var retired = 0
    public var unchanged = 0
    /// Cards whose wording the user edited: their edit stays whatever the guide now says.
    public var keptEdits = 0
}

extension Store {
    /// Adds or updates a guide and its cards in one transaction. Cards whose content changed
    /// keep their schedule and history; cards no longer in the guide are retired, their
    /// review log kept; a retired card that comes back is restored.
    ///
    /// - Parameter outputCards: the code lab's predict-the-output cards; nil when the lab
    ///   did not run, which leaves the guide's existing ones as they are.
    /// - Parameter text: the guide's text, kept to show its outline later.
    /// - Parameter lab: what the code lab found in the guide's snippets, when it ran, and its
    ///   memory of the answers (opaque to the store); nil keeps those of the last import that
    ///   ran it.
    /// - Parameter fileName: the name the guide was read with (its id and format come from
    ///   it); by default the last component of `source`.
    public func importGuide(
        _ guide: Guide, text: String? = nil, outputCards: [Card]? = nil, lab: (report: LabReport, memory: String)? = nil,
        source: String, fileName: String? = nil, at now: Date
    ) throws -> ImportReport {
        let cards = CardFactory.cards(from: guide) + (outputCards ?? [])
        let labJSON = try lab.map { String(decoding: try JSONEncoder().encode($0.report), as: UTF8.self) }
        return try writer.write { db in
            // Without a lab run, the last one's report and memory stay (read alone: the old
            // row's text may be megabytes).
            let previous = lab != nil ? nil : try Row.fetchOne(db, sql: "SELECT labReport, labMemory FROM guide WHERE id = ?", arguments: [guide.id])
            try GuideRecord(
                id: guide.id, title: guide.title, number: guide.number, priority: (guide.priority ?? .medium).rawValue,
                next: guide.next, source: source, importedAt: now.timeIntervalSince1970,
                notesHeadings: CardRecord.joined(guide.items.compactMap { if case .notesPrompt(let text) = $0.content { text } else { nil } }),
                content: text, fileName: fileName ?? (source as NSString).lastPathComponent,
                labReport: previous?["labReport"] ?? labJSON, labMemory: previous?["labMemory"] ?? lab?.memory
            ).save(db)
            var existing = Dictionary(
                uniqueKeysWithValues: try CardRecord.filter(CardRecord.Columns.guideID == guide.id).fetchAll(db).map { ($0.id, $0) })
            var report = ImportReport(guideID: guide.id)
            let seriesNumber = guide.number.flatMap { Int($0) } ?? 999
            for card in cards {
                var record = CardRecord(card, seriesNumber: seriesNumber)
                // A card the user edited keeps their wording; the guide's latest is kept beside it.
                if try Self.keepEdit(of: &record, db: db) { report.keptEdits += 1 }
                if let old = existing.removeValue(forKey: card.id) {
                    if old.retiredAt != nil {
                        report.added += 1
                    } else if old.differs(from: record) {
                        report.changed += 1
                    } else {
                        report.unchanged += 1
                    }
                    if old.retiredAt != nil || old.differs(from: record) || old.queueOrder != record.queueOrder {
                        record.retiredAt = nil
                        try record.update(db)
                    }
                } else {
                    try record.insert(db)
                    report.added += 1
                }
            }
            for var gone in existing.values where gone.retiredAt == nil && (outputCards != nil || gone.kind != Card.Kind.predictOutput.rawValue) {
                gone.retiredAt = now.timeIntervalSince1970
                try gone.update(db)
                report.retired += 1
            }
            return report
        }
    }

    /// The code lab's report from the guide's last import that ran the lab; nil when none did.
    public func labReport(guide id: String) throws -> LabReport? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT labReport FROM guide WHERE id = ?", arguments: [id])
        }.flatMap { try? JSONDecoder().decode(LabReport.self, from: Data($0.utf8)) }
    }

    /// The code lab's memory of its answers for the guide's snippets and claims, as the last
    /// import that ran the lab left it; nil when none did.
    public func labMemory(guide id: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT labMemory FROM guide WHERE id = ?", arguments: [id])
        }
    }

    /// An imported guide's text and file name, when it was kept.
    public func guideText(id: String) throws -> (text: String, fileName: String)? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT content, fileName FROM guide WHERE id = ?", arguments: [id]),
                let text = row["content"] as String?
            else { return nil }
            return (text, row["fileName"] ?? id)
        }
    }

    /// The imported guides' ids and titles (nil when a guide has none), by id.
    public func guideTitles() throws -> [(id: String, title: String?)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, title FROM guide ORDER BY id").map { ($0["id"], $0["title"]) }
        }
    }

    /// The ids of the imported guides.
    public func guideIDs() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM guide ORDER BY id") }
    }
}
