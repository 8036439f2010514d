import Crypto
import Foundation
import GRDB
import RehearseCore
import RehearseStore

/// The schema-11 collection inside an exported package.
struct AnkiCollectionWriter {
    var days: AnkiDayClock
    var parameters: FSRSParameters
    var desiredRetention: Double
    var now: Date

    func write(_ archive: CardArchive, to path: String) throws -> AnkiExport.Summary {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096; PRAGMA cache_size = -262144")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        var summary = AnkiExport.Summary()
        try queue.inTransaction { db in
            try db.execute(sql: Self.tables)
            var decks: [String: Int64] = [:]
            var deckJSON: [String: Any] = ["1": Self.deck(id: 1, name: "Default")]
            var usedDeckNames = Set<String>()
            let note = try db.makeStatement(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")
            let card = try db.makeStatement(sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)")
            let revlog = try db.makeStatement(sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
            var log: [RevlogRow] = []
            for guide in archive.guides {
                var top = (guide.title ?? guide.id).replacingOccurrences(of: "::", with: ":")
                if usedDeckNames.contains(top.lowercased()) { top += " (\(guide.id))" }
                usedDeckNames.insert(top.lowercased())
                var sectionDecks: [[String]: Int64] = [:]
                for entry in guide.entries {
                    let deckID = sectionDecks[entry.card.section] ?? {
                        let path = [top] + entry.card.section.map { $0.replacingOccurrences(of: "::", with: ":") }
                        let id = Self.deckID(for: path, decks: &decks, json: &deckJSON)
                        sectionDecks[entry.card.section] = id
                        return id
                    }()
                    let id = Self.numericID(entry.card.id)
                    let (prompt, code) = RehearseNotetype.splitCode(of: entry.card)
                    let fields = [
                        prompt, entry.card.answer, entry.card.keypoints.joined(separator: "\n"), code,
                        entry.card.section.joined(separator: RehearseNotetype.sectionSeparator), guide.source,
                    ].map(AnkiHTML.html(fromText:))
                    let tags = RehearseNotetype.tags(guideID: guide.id, card: entry.card, leech: entry.mark.leech)
                    let sortField = prompt.contains("\n") ? prompt.replacingOccurrences(of: "\n", with: " ") : prompt
                    note.setUncheckedArguments([
                        id, entry.card.id, RehearseNotetype.id, Int64(entry.modifiedAt.timeIntervalSince1970), " \(tags.joined(separator: " ")) ",
                        fields.joined(separator: "\u{1F}"), sortField, Self.checksum(sortField),
                    ])
                    try note.execute()
                    let schedule = AnkiScheduleExport(entry: entry, position: entry.card.position, days: days, now: now)
                    card.setUncheckedArguments([
                        id, id, deckID, Int64(entry.modifiedAt.timeIntervalSince1970), schedule.type, schedule.queue, schedule.due,
                        schedule.interval, schedule.factor, entry.reps, entry.lapses, schedule.left, entry.mark.flag,
                        schedule.data(desiredRetention: desiredRetention),
                    ])
                    try card.execute()
                    var lastInterval = 0
                    for review in entry.reviews {
                        let interval = AnkiScheduleExport.revlogInterval(review)
                        log.append(RevlogRow(
                            millisecond: Int64((review.at.timeIntervalSince1970 * 1000).rounded()), cardID: id, review: review,
                            interval: interval, lastInterval: lastInterval))
                        lastInterval = interval
                    }
                    summary.notes += 1
                }
            }
            // Review-log ids are the answer's millisecond and must be unique: answers to
            // different cards in the same millisecond move up to the next free one.
            log.sort { $0.millisecond < $1.millisecond }
            var previous = Int64.min
            for row in log {
                let revlogID = max(row.millisecond, previous + 1)
                previous = revlogID
                revlog.setUncheckedArguments([
                    revlogID, row.cardID, row.review.rating.rawValue, row.interval, row.lastInterval,
                    AnkiScheduleExport.revlogFactor(row.review), min(row.review.durationMS ?? 0, 3_600_000),
                    AnkiScheduleExport.revlogType(row.review),
                ])
                try revlog.execute()
            }
            summary.reviews = log.count
            // The indexes are built once the rows are in: faster than keeping them up to date row by row.
            try db.execute(sql: Self.indexes)
            summary.decks = decks.count
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    days.created, Int64(now.timeIntervalSince1970 * 1000), Int64(now.timeIntervalSince1970 * 1000), try Self.json(config),
                    try Self.json([String(RehearseNotetype.id): notetype]), try Self.json(deckJSON), try Self.json(["1": deckConfig]),
                ])
            return .commit
        }
        try queue.close()
        return summary
    }

    /// One review-log row before its id is settled.
    private struct RevlogRow {
        var millisecond: Int64
        var cardID: Int64
        var review: CardArchive.Review
        var interval: Int
        var lastInterval: Int
    }

    /// A stable id (Anki's ids are 53-bit so that JavaScript can hold them) from a Rehearse id.
    static func numericID(_ text: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return Int64(hash & 0x1F_FFFF_FFFF_FFFF) | 1 << 40
    }

    /// The first 8 hex digits of the SHA-1 of the sort field, as a number: Anki's duplicate check.
    static func checksum(_ text: String) -> Int64 {
        let digest = Insecure.SHA1.hash(data: Data(text.utf8))
        return digest.prefix(4).reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }

    private static func deckID(for path: [String], decks: inout [String: Int64], json: inout [String: Any]) -> Int64 {
        var id: Int64 = 1
        for depth in 1...path.count {
            let name = path.prefix(depth).joined(separator: "::")
            if let known = decks[name.lowercased()] {
                id = known
                continue
            }
            id = numericID("deck\u{1F}" + name)
            decks[name.lowercased()] = id
            json[String(id)] = deck(id: id, name: name)
        }
        return id
    }

    private static func deck(id: Int64, name: String) -> [String: Any] {
        [
            "id": id, "mod": 0, "name": name, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0],
            "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1, "extendNew": 0,
            "extendRev": 0,
        ]
    }

    private var config: [String: Any] {
        [
            "schedVer": 2, "sched2021": true, "rollover": days.rolloverHour, "creationOffset": days.creationMinutesWest,
            "curModel": RehearseNotetype.id, "activeDecks": [1], "curDeck": 1, "nextPos": 1, "fsrs": true,
            "sortType": "noteFld", "sortBackwards": false, "dueCounts": true, "estTimes": true, "collapseTime": 1200,
            "timeLim": 0, "newSpread": 0, "addToCur": true, "dayLearnFirst": false,
        ]
    }

    private var notetype: [String: Any] {
        [
            "id": RehearseNotetype.id, "name": RehearseNotetype.name, "type": 0, "mod": Int64(now.timeIntervalSince1970), "usn": -1,
            "sortf": 0, "did": NSNull(),
            "tmpls": [[
                "name": "Card", "ord": 0, "qfmt": RehearseNotetype.front, "afmt": RehearseNotetype.back, "bqfmt": "", "bafmt": "",
                "did": NSNull(), "bfont": "", "bsize": 0,
            ] as [String: Any]],
            "flds": RehearseNotetype.fields.enumerated().map { index, name in
                ["name": name, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "description": "",
                 "plainText": false, "collapsed": false, "excludeFromSearch": false] as [String: Any]
            },
            "css": RehearseNotetype.css, "latexPre": "", "latexPost": "", "latexsvg": false, "req": [[0, "any", [0]]],
        ]
    }

    private var deckConfig: [String: Any] {
        [
            "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true,
            "new": ["bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20] as [String: Any],
            "rev": ["bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2] as [String: Any],
            "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0] as [String: Any],
            "dyn": false, "fsrsWeights": [Double](), "fsrsParams5": [Double](), "fsrsParams6": parameters.weights,
            "desiredRetention": desiredRetention,
        ]
    }

    private static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: []), as: UTF8.self)
    }

    /// Anki's schema 11, as `rslib/src/storage/schema11.sql` creates it: the tables, then the indexes.
    static let tables = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
          ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
          models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
          flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
          ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
          odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
          ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        """
    static let indexes = """
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """
}
