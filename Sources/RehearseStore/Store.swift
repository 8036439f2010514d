import Foundation
import GRDB
import RehearseCore

/// Rehearse's database: guides, cards, their schedules and the review log, in SQLite.
///
/// Every answer is written in its own transaction before the next card is shown, so killing
/// the program loses nothing. The file is opened in WAL mode with a busy timeout, so a study
/// session and `rehearse stats` can use it at the same time.
///
/// ```swift
/// let store = try Store(path: "rehearse.sqlite")
/// let report = try store.importGuide(guide, source: "guides/03.txt", at: .now)
/// ```
public final class Store: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives, for messages; nil in memory.
    public let path: String?

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: path, reason: "cannot create the folder \(folder): \((error as NSError).localizedDescription)")
        }
        if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path) {
            throw .unusable(path: path, reason: "the file is read-only")
        }
        if !FileManager.default.isWritableFile(atPath: folder) {
            throw .unusable(path: path, reason: "the folder \(folder) is read-only; SQLite needs to write its journal beside the database")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // In WAL mode, NORMAL still makes every commit survive the process being killed;
            // only a power cut can lose the last commits. FULL would sync the disk on every answer.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Up to 64 MiB of pages per connection: exporting or importing a large collection
            // would otherwise read the same pages from disk again and again.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            writer = pool
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw .unusable(path: path, reason: "this is not a Rehearse database, or it is damaged (\(error.resultCode)); move it aside and run again to start a new one")
        } catch {
            throw .unusable(path: path, reason: "\(error)")
        }
        self.path = path
    }

    /// A database in memory, for tests.
    public init() throws {
        let queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
        writer = queue
        path = nil
    }

    /// The schema's migrations, named and append-only: never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "guide") { table in
                table.primaryKey("id", .text)
                table.column("title", .text)
                table.column("number", .text)
                table.column("priority", .text).notNull()
                table.column("next", .text)
                table.column("source", .text).notNull()
                table.column("importedAt", .double).notNull()
            }
            try db.create(table: "card") { table in
                table.primaryKey("id", .text)
                table.column("guideID", .text).notNull().indexed().references("guide", onDelete: .cascade)
                table.column("kind", .text).notNull()
                table.column("section", .text).notNull()
                table.column("prompt", .text).notNull()
                table.column("answer", .text).notNull()
                table.column("keypoints", .text).notNull()
                table.column("priorityRank", .integer).notNull()
                table.column("position", .integer).notNull()
                table.column("queueOrder", .integer).notNull().indexed()
                table.column("retiredAt", .double)
            }
            try db.create(table: "cardState") { table in
                table.primaryKey("cardID", .text).references("card", onDelete: .cascade)
                table.column("phase", .integer).notNull()
                table.column("step", .integer)
                table.column("stability", .double)
                table.column("difficulty", .double)
                table.column("due", .double).notNull().indexed()
                table.column("lastReview", .double)
                table.column("reps", .integer).notNull()
                table.column("lapses", .integer).notNull()
            }
            try db.create(table: "review") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("cardID", .text).notNull().indexed().references("card", onDelete: .cascade)
                table.column("reviewedAt", .double).notNull().indexed()
                table.column("rating", .integer).notNull()
                table.column("answerText", .text)
                table.column("grade", .text)
                table.column("durationMS", .integer)
                table.column("phaseBefore", .integer)
                table.column("previousState", .text)
                table.column("stability", .double).notNull()
                table.column("difficulty", .double).notNull()
                table.column("due", .double).notNull()
            }
            try db.create(table: "setting") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v2-mock-reports") { db in
            try db.create(table: "mockReport") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("startedAt", .double).notNull()
                table.column("report", .text).notNull()
            }
        }
        migrator.registerMigration("v3-notes-headings") { db in
            try db.alter(table: "guide") { table in
                table.add(column: "notesHeadings", .text)
            }
        }
        migrator.registerMigration("v4-guide-text") { db in
            try db.alter(table: "guide") { table in
                table.add(column: "content", .text)
                table.add(column: "fileName", .text)
            }
        }
        migrator.registerMigration("v5-web-access") { db in
            try db.create(table: "webSession") { table in
                table.primaryKey("idHash", .text)
                table.column("createdAt", .double).notNull()
                table.column("expiresAt", .double).notNull()
            }
            try db.create(table: "apiToken") { table in
                table.primaryKey("hash", .text)
                table.column("label", .text).notNull()
                table.column("createdAt", .double).notNull()
            }
            try db.alter(table: "guide") { table in
                table.add(column: "labReport", .text)
            }
        }
        migrator.registerMigration("v6-upload-file-names") { db in
            // Guides uploaded in the browser were stored under "upload:NAME", which changed their id when read again.
            try db.execute(sql: "UPDATE guide SET fileName = substr(fileName, 8) WHERE fileName LIKE 'upload:%'")
        }
        migrator.registerMigration("v7-review-request-ids") { db in
            // The client's id for one shown card: a second answer with it stores nothing.
            try db.alter(table: "review") { table in
                table.add(column: "requestID", .text)
            }
            try db.create(index: "review_requestID", on: "review", columns: ["requestID"], unique: true, condition: Column("requestID") != nil)
        }
        migrator.registerMigration("v8-grading-corrections") { db in
            try db.create(table: "gradingCorrection") { table in
                table.column("cardID", .text).notNull().references("card", onDelete: .cascade)
                table.column("keypoint", .text).notNull()
                table.column("phrase", .text).notNull()
                table.column("accepted", .boolean).notNull()
                table.column("createdAt", .double).notNull()
                table.primaryKey(["cardID", "keypoint", "phrase"])
            }
        }
        migrator.registerMigration("v9-card-marks") { db in
            // What the user did to a card, kept apart from the guide's text so that a
            // re-import never touches it.
            try db.create(table: "cardMark") { table in
                table.primaryKey("cardID", .text).references("card", onDelete: .cascade)
                table.column("suspended", .boolean).notNull().defaults(to: false)
                table.column("buriedUntil", .double)
                table.column("flag", .integer).notNull().defaults(to: 0)
                table.column("leech", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v10-card-edits") { db in
            // The user's wording of a card, and the guide's, so that a re-import keeps the
            // edit and the guide's latest text can be restored.
            try db.create(table: "cardEdit") { table in
                table.primaryKey("cardID", .text).references("card", onDelete: .cascade)
                table.column("prompt", .text).notNull()
                table.column("answer", .text).notNull()
                table.column("keypoints", .text).notNull()
                table.column("guidePrompt", .text).notNull()
                table.column("guideAnswer", .text).notNull()
                table.column("guideKeypoints", .text).notNull()
                table.column("editedAt", .double).notNull()
            }
        }
        migrator.registerMigration("v11-lab-memory") { db in
            // What the code lab answered for a guide's snippets and claims, so that importing
            // it again runs only what changed.
            try db.alter(table: "guide") { table in
                table.add(column: "labMemory", .text)
            }
        }
        return migrator
    }
}

/// Why the database cannot be used, naming the file.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case unusable(path: String, reason: String)
    case unknownCard(String)
    /// The answer to take back is not in the log (never stored, or already taken back).
    case nothingToUndo
    /// Only a card's latest answer can be undone; the card's id.
    case notLatestAnswer(String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason): "\(path): \(reason)"
        case .unknownCard(let id): "no card with id \(id)"
        case .nothingToUndo: "nothing to undo"
        case .notLatestAnswer(let id): "a later answer to card \(id) must be undone first"
        }
    }
}
