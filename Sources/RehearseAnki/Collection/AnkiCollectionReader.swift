import Foundation
import GRDB

/// Reads an Anki collection file (SQLite) of schema 11 (Anki 2.1's `.anki2`/`.anki21`) or
/// 15–18 (newer packages' `.anki21b`, once decompressed) into an ``AnkiCollection``.
enum AnkiCollectionReader {
    /// The newest schema understood: Anki 2.1.50 and later write 18.
    static let newestSchema = 18

    static func read(path: String, now: Date = Date(), timeZone: TimeZone = .current) throws(ArchiveProblem) -> AnkiCollection {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in try read(db, now: now, timeZone: timeZone) }
        } catch let problem as ArchiveProblem {
            throw problem
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw ArchiveProblem("the collection inside is not an SQLite database, or it is damaged")
        } catch {
            throw ArchiveProblem("the collection cannot be read: \(error)")
        }
    }

    private static func read(_ db: Database, now: Date, timeZone: TimeZone) throws -> AnkiCollection {
        guard try db.tableExists("col"), let col = try Row.fetchOne(db, sql: "SELECT crt, ver, conf FROM col") else {
            throw ArchiveProblem("this SQLite file is not an Anki collection (it has no col table)")
        }
        let version: Int = try col.decode(forColumn: "ver")
        guard version <= newestSchema else {
            throw ArchiveProblem(
                "the collection has schema \(version), newer than the \(newestSchema) this version of Rehearse reads",
                advice: "export it from Anki with \"Support older Anki versions\" ticked")
        }
        guard version == 11 || (15...newestSchema).contains(version) else {
            throw ArchiveProblem("the collection has schema \(version); Rehearse reads schemas 11 and 15–\(newestSchema)")
        }
        let config = version == 11 ? try legacyConfig(try col.decode(String?.self, forColumn: "conf") ?? "{}") : try tableConfig(db)
        let west = -timeZone.secondsFromGMT(for: now) / 60
        var collection = AnkiCollection(
            schemaVersion: version,
            // Bounded as Anki bounds them (offsets within ±23 hours, the hour modulo 24), and the
            // creation time within ±30,000 years, so that no damaged value overflows.
            days: AnkiDayClock(
                created: min(max(try col.decode(Int64.self, forColumn: "crt"), -1_000_000_000_000), 1_000_000_000_000),
                creationMinutesWest: min(max((config["creationOffset"] as? NSNumber)?.intValue ?? west, -23 * 60), 23 * 60),
                minutesWest: west, rolloverHour: (((config["rollover"] as? NSNumber)?.intValue ?? 4) % 24 + 24) % 24))
        if version == 11 {
            let row = try Row.fetchOne(db, sql: "SELECT models, decks FROM col")
            collection.notetypes = try legacyNotetypes(try row?.decode(String?.self, forColumn: "models") ?? "{}")
            collection.decks = try legacyDecks(try row?.decode(String?.self, forColumn: "decks") ?? "{}")
        } else {
            collection.notetypes = try notetypes(db)
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM decks") {
                collection.decks[try row.decode(atIndex: 0)] = try row.decode(String.self, atIndex: 1).components(separatedBy: "\u{1F}")
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id") {
            collection.notes.append(AnkiCollection.Note(
                id: try row.decode(atIndex: 0), guid: try row.decode(atIndex: 1), notetypeID: try row.decode(atIndex: 2),
                modified: try row.decode(atIndex: 3), tags: try row.decode(String.self, atIndex: 4).split(separator: " ").map(String.init),
                fields: try row.decode(String.self, atIndex: 5).components(separatedBy: "\u{1F}")))
        }
        let cards = try Row.fetchCursor(db, sql: """
            SELECT id, nid, did, ord, type, queue, due, ivl, reps, lapses, odue, odid, flags, data FROM cards ORDER BY nid, ord
            """)
        while let row = try cards.next() {
            collection.cards.append(AnkiCollection.Card(
                id: try row.decode(atIndex: 0), noteID: try row.decode(atIndex: 1), deckID: try row.decode(atIndex: 2),
                ordinal: try row.decode(atIndex: 3), type: try row.decode(atIndex: 4), queue: try row.decode(atIndex: 5),
                due: try row.decode(atIndex: 6), interval: try row.decode(atIndex: 7), reps: try row.decode(atIndex: 8),
                lapses: try row.decode(atIndex: 9), originalDue: try row.decode(atIndex: 10), originalDeckID: try row.decode(atIndex: 11),
                flags: try row.decode(atIndex: 12), data: try row.decode(String?.self, atIndex: 13) ?? ""))
        }
        let revlog = try Row.fetchCursor(db, sql: "SELECT id, cid, ease, ivl, time, type FROM revlog ORDER BY id")
        while let row = try revlog.next() {
            collection.revlog.append(AnkiCollection.RevlogEntry(
                id: try row.decode(atIndex: 0), cardID: try row.decode(atIndex: 1), ease: try row.decode(atIndex: 2),
                interval: try row.decode(atIndex: 3), time: try row.decode(atIndex: 4), type: try row.decode(atIndex: 5)))
        }
        return collection
    }

    private static func json(_ text: String, _ what: String) throws(ArchiveProblem) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw ArchiveProblem("the collection's \(what) is not valid JSON")
        }
        return object
    }

    private static func legacyConfig(_ text: String) throws(ArchiveProblem) -> [String: Any] {
        try json(text, "configuration (col.conf)")
    }

    private static func tableConfig(_ db: Database) throws -> [String: Any] {
        var config: [String: Any] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT KEY, val FROM config WHERE KEY IN ('rollover', 'creationOffset')") {
            guard let data = try row.decode(Data?.self, atIndex: 1) else { continue }
            config[try row.decode(String.self, atIndex: 0)] = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        }
        return config
    }

    private static func legacyNotetypes(_ text: String) throws(ArchiveProblem) -> [Int64: AnkiCollection.Notetype] {
        var notetypes: [Int64: AnkiCollection.Notetype] = [:]
        for case let model as [String: Any] in try json(text, "note types (col.models)").values {
            guard let id = (model["id"] as? NSNumber)?.int64Value ?? (model["id"] as? String).flatMap({ Int64($0) }) else { continue }
            let fields = (model["flds"] as? [[String: Any]] ?? []).map { $0["name"] as? String ?? "" }
            let templates = (model["tmpls"] as? [[String: Any]] ?? []).map {
                AnkiCollection.Template(name: $0["name"] as? String ?? "", front: $0["qfmt"] as? String ?? "", back: $0["afmt"] as? String ?? "")
            }
            notetypes[id] = AnkiCollection.Notetype(
                id: id, name: model["name"] as? String ?? "", isCloze: (model["type"] as? NSNumber)?.intValue == 1, fields: fields,
                templates: templates)
        }
        return notetypes
    }

    private static func legacyDecks(_ text: String) throws(ArchiveProblem) -> [Int64: [String]] {
        var decks: [Int64: [String]] = [:]
        for case let deck as [String: Any] in try json(text, "decks (col.decks)").values {
            guard let id = (deck["id"] as? NSNumber)?.int64Value, let name = deck["name"] as? String else { continue }
            decks[id] = name.components(separatedBy: "::")
        }
        return decks
    }

    private static func notetypes(_ db: Database) throws -> [Int64: AnkiCollection.Notetype] {
        var notetypes: [Int64: AnkiCollection.Notetype] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, config FROM notetypes") {
            let id: Int64 = try row.decode(atIndex: 0)
            let config = try ProtobufFields(try row.decode(Data?.self, atIndex: 2) ?? Data())
            notetypes[id] = AnkiCollection.Notetype(id: id, name: try row.decode(atIndex: 1), isCloze: config.integer(1) == 1, fields: [], templates: [])
        }
        for row in try Row.fetchAll(db, sql: "SELECT ntid, name FROM fields ORDER BY ntid, ord") {
            notetypes[try row.decode(Int64.self, atIndex: 0)]?.fields.append(try row.decode(atIndex: 1))
        }
        for row in try Row.fetchAll(db, sql: "SELECT ntid, name, config FROM templates ORDER BY ntid, ord") {
            let config = try ProtobufFields(try row.decode(Data?.self, atIndex: 2) ?? Data())
            notetypes[try row.decode(Int64.self, atIndex: 0)]?.templates.append(
                AnkiCollection.Template(name: try row.decode(atIndex: 1), front: config.string(1), back: config.string(2)))
        }
        return notetypes
    }
}
