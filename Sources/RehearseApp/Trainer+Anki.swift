import Foundation
import RehearseAnki
import RehearseCore
import RehearseStore

/// What importing an Anki file did.
public struct AnkiImportOutcome: Sendable {
    public var report: RestoreReport
    /// Images and sounds left out.
    public var skippedMedia: Int
    /// Media files the package lists but does not hold.
    public var missingMedia: Int
    /// Notes that made no card, with why.
    public var skippedNotes: [String]
    /// Review-log entries left out (manual reschedules, entries of cards not imported).
    public var skippedReviews: Int
}

extension Trainer {
    /// The largest Anki file either door imports, in bytes.
    public static let maximumAnkiFileSize = 512 << 20

    /// Whether the file at `path` is an Anki file: named like one, or starting as a zip
    /// package or an SQLite collection does, whatever its name.
    public static func isAnkiFile(path: String) -> Bool {
        if isAnkiFileName(path) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return isAnkiFile(head: (try? handle.read(upToCount: 16)) ?? Data())
    }

    /// Whether a file name is an Anki file's (`.apkg`, `.colpkg`, `.anki2`, `.anki21`, `.anki21b`).
    public static func isAnkiFileName(_ name: String) -> Bool {
        ["apkg", "colpkg", "anki2", "anki21", "anki21b"].contains((name as NSString).pathExtension.lowercased())
    }

    /// Whether a file's first bytes are those of an Anki file (a zip package or an SQLite collection).
    public static func isAnkiFile(head: Data) -> Bool {
        AnkiFile.recognises(head)
    }

    /// Writes the live cards of one guide (every guide when nil) to an Anki package at
    /// `path`, with the review log when `withHistory`; the FSRS parameters and desired
    /// retention in use go in its deck options.
    public func exportAnki(guide: String?, withHistory: Bool, to path: String, at now: Date = Date()) async throws -> AnkiExport.Summary {
        let (archive, scheduler) = try await database { store in
            if let guide, !(try store.guideIDs().contains(guide)) { throw TrainerError.unknownGuide(guide, known: try store.guideIDs()) }
            return (try store.archive(guide: guide, withHistory: withHistory), try Self.scheduler(store))
        }
        do {
            return try AnkiExport.write(
                archive, to: path, parameters: scheduler.memory.parameters, desiredRetention: scheduler.desiredRetention, now: now)
        } catch {
            throw TrainerError.ankiPackage(error)
        }
    }

    /// Whether a guide was imported from a text (and so has an outline); false for a deck
    /// imported from Anki.
    public func guideHasText(id: String) async throws -> Bool {
        try await database { store in try store.guideText(id: id) != nil }
    }

    /// Imports an Anki file (`.apkg`, `.colpkg`, `collection.anki2`): its decks become guides
    /// and its history Rehearse's, memory states recomputed with the parameters in use; all in
    /// one transaction, and importing the same file again changes nothing.
    public func importAnki(file path: String, at now: Date = Date()) async throws -> AnkiImportOutcome {
        let memory = try await scheduler().memory
        let imported: AnkiImport
        do {
            imported = try AnkiImport(path: path, memory: memory, now: now)
        } catch {
            throw TrainerError.ankiPackage(error)
        }
        let report = try await database { store in try store.restore(imported.archive, source: path, at: now) }
        return AnkiImportOutcome(
            report: report, skippedMedia: imported.skippedMedia, missingMedia: imported.missingMedia, skippedNotes: imported.skippedNotes, skippedReviews: imported.skippedReviews)
    }
}
