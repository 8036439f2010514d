import Foundation
import GRDB
import RehearseCore
import RehearseStore

/// Writes guides as an Anki deck package (`.apkg`) that every Anki since 2.1 opens: a
/// schema-11 collection (`collection.anki21`, deflated) with `meta` saying so, and an empty
/// media list.
///
/// One deck per guide, named by its title, with a sub-deck per section; one note of
/// ``RehearseNotetype`` per card, its guid the card's id so that exporting again updates the
/// notes instead of adding new ones; each card's schedule (type, queue, due day or time,
/// interval, reps, lapses, flags, suspended or buried) and FSRS memory state (stability,
/// difficulty, last review: the card's `data`, as Anki 23.10+ keeps it); with history, the
/// review log.
///
/// ```swift
/// let summary = try AnkiExport.write(store.archive(guide: "03-python"), to: "python.apkg")
/// ```
public enum AnkiExport {
    /// What was written.
    public struct Summary: Sendable, Equatable {
        public var decks = 0
        public var notes = 0
        public var reviews = 0
    }

    /// Writes `archive` to `path`, replacing it only once the whole package is written.
    @discardableResult
    public static func write(
        _ archive: CardArchive, to path: String, parameters: FSRSParameters = .default, desiredRetention: Double = 0.9,
        now: Date = Date(), timeZone: TimeZone = .current
    ) throws(AnkiPackageError) -> Summary {
        let target = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue else {
            throw AnkiPackageError(path: path, reason: "cannot be written: the folder \(target) does not exist")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let collectionPath = folder.appendingPathComponent("collection.anki21").path
            let days = AnkiDayClock.new(at: now, timeZone: timeZone)
            let summary = try AnkiCollectionWriter(days: days, parameters: parameters, desiredRetention: desiredRetention, now: now)
                .write(archive, to: collectionPath)
            var zip = ZipWriter()
            try zip.add("meta", Data([0x08, 0x02]))
            try zip.add("collection.anki21", try Data(contentsOf: URL(fileURLWithPath: collectionPath)), deflated: true)
            try zip.add("media", Data("{}".utf8))
            // Written beside the target and renamed over it: an old package is replaced only by a whole new one.
            try zip.finish().write(to: URL(fileURLWithPath: path), options: .atomic)
            return summary
        } catch let problem as ArchiveProblem {
            throw problem.naming(path)
        } catch {
            throw AnkiPackageError(path: path, reason: "cannot be written: \((error as NSError).localizedDescription)")
        }
    }
}
