import Foundation

/// What Rehearse reads of an Anki collection: note types, decks, notes, cards and the review
/// log, plus the day settings that turn Anki's day numbers into dates. Read from either
/// schema Anki packages carry (11: JSON in the `col` row; 18: one table per kind of thing)
/// by ``AnkiCollectionReader``.
struct AnkiCollection {
    struct Notetype {
        var id: Int64
        var name: String
        var isCloze: Bool
        var fields: [String]
        var templates: [Template]
    }

    struct Template {
        var name: String
        var front: String
        var back: String
    }

    struct Note {
        var id: Int64
        var guid: String
        var notetypeID: Int64
        var modified: Int64
        var tags: [String]
        var fields: [String]
    }

    struct Card {
        var id: Int64
        var noteID: Int64
        var deckID: Int64
        var ordinal: Int
        var type: Int
        var queue: Int
        var due: Int64
        var interval: Int
        var reps: Int
        var lapses: Int
        var originalDue: Int64
        var originalDeckID: Int64
        var flags: Int
        /// The `data` column: JSON with the FSRS memory state (`s`, `d`) and last review (`lrt`).
        var data: String
    }

    struct RevlogEntry {
        /// Milliseconds since the epoch: when the review happened.
        var id: Int64
        var cardID: Int64
        /// 1–4; 0 for a manual reschedule.
        var ease: Int
        var interval: Int
        var time: Int
        /// 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled.
        var type: Int
    }

    var schemaVersion: Int
    var days: AnkiDayClock
    var notetypes: [Int64: Notetype] = [:]
    /// Deck names as paths (`Python::Basics` is ["Python", "Basics"]), by id.
    var decks: [Int64: [String]] = [:]
    var notes: [Note] = []
    var cards: [Card] = []
    var revlog: [RevlogEntry] = []
    /// Media files the package lists, and how many of them it does not hold.
    var media = (listed: 0, missing: 0)
}
