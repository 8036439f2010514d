import Foundation
import GRDB
import RehearseCore

/// A guide row.
struct GuideRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "guide"
    var id: String
    var title: String?
    var number: String?
    var priority: String
    var next: String?
    var source: String
    var importedAt: Double
    /// The guide's "My Notes" prompts, joined by U+001F.
    var notesHeadings: String?
    /// The text as imported, and the file name it came with, to show the guide again.
    var content: String?
    var fileName: String?
    /// The code lab's report (JSON) from the last import that ran the lab, and the lab's
    /// memory of its answers then (``Store/labMemory(guide:)``).
    var labReport: String?
    var labMemory: String?
}

/// A card row; `section` and `keypoints` are lists joined by U+001F.
struct CardRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "card"
    var id: String
    var guideID: String
    var kind: String
    var section: String
    var prompt: String
    var answer: String
    var keypoints: String
    var priorityRank: Int
    var position: Int
    /// Where the card comes among new cards: guide priority, then series number, then position.
    var queueOrder: Int64
    var retiredAt: Double?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let guideID = Column(CodingKeys.guideID)
        static let retiredAt = Column(CodingKeys.retiredAt)
    }

    init(_ card: Card, seriesNumber: Int) {
        id = card.id
        guideID = card.guideID
        kind = card.kind.rawValue
        section = Self.joined(card.section)
        prompt = card.prompt
        answer = card.answer
        keypoints = Self.joined(card.keypoints)
        priorityRank = Priority.allCases.firstIndex(of: card.priority) ?? 1
        position = card.position
        queueOrder = Int64(priorityRank) * 1_000_000_000_000 + Int64(min(max(seriesNumber, 0), 999)) * 1_000_000_000
            + Int64(card.position)
        retiredAt = nil
    }

    /// Decodes a row by hand: GRDB's Codable decoding costs more than the query when a
    /// session loads thousands of due cards.
    init(row: Row) {
        id = row["id"]
        guideID = row["guideID"]
        kind = row["kind"]
        section = row["section"]
        prompt = row["prompt"]
        answer = row["answer"]
        keypoints = row["keypoints"]
        priorityRank = row["priorityRank"]
        position = row["position"]
        queueOrder = row["queueOrder"]
        retiredAt = row["retiredAt"]
    }

    var card: Card {
        Card(
            id: id, guideID: guideID, kind: Card.Kind(rawValue: kind) ?? .qa, section: Self.strings(section), prompt: prompt,
            answer: answer, keypoints: Self.strings(keypoints),
            priority: Priority.allCases.indices.contains(priorityRank) ? Priority.allCases[priorityRank] : .medium, position: position)
    }

    /// Whether the drilled content differs (not the position, which moves when sections are inserted).
    func differs(from other: CardRecord) -> Bool {
        prompt != other.prompt || answer != other.answer || keypoints != other.keypoints || section != other.section
            || kind != other.kind || priorityRank != other.priorityRank
    }

    /// Lists are stored joined by U+001F (unit separator), which no guide text contains:
    /// decoding them is a split, where JSON would cost more than the rest of loading a card.
    static func joined(_ strings: [String]) -> String {
        strings.joined(separator: "\u{1F}")
    }

    static func strings(_ joined: String) -> [String] {
        joined.isEmpty ? [] : joined.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }
}

/// A card's schedule.
struct CardStateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cardState"
    var cardID: String
    var phase: Int
    var step: Int?
    var stability: Double?
    var difficulty: Double?
    var due: Double
    var lastReview: Double?
    var reps: Int
    var lapses: Int

    var schedule: CardSchedule {
        CardSchedule(
            phase: CardSchedule.Phase(rawValue: phase) ?? .learning, step: step, stability: stability, difficulty: difficulty,
            due: Date(timeIntervalSince1970: due), lastReview: lastReview.map { Date(timeIntervalSince1970: $0) })
    }

    init(row: Row) {
        cardID = row["cardID"]
        phase = row["phase"]
        step = row["step"]
        stability = row["stability"]
        difficulty = row["difficulty"]
        due = row["due"]
        lastReview = row["lastReview"]
        reps = row["reps"]
        lapses = row["lapses"]
    }

    /// The schedule as JSON, kept in the review log so that undo can restore it. Written by
    /// hand: it holds only numbers and a card id (hex digits), and an answer should not pay
    /// for a JSONEncoder.
    var snapshotJSON: String {
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }
        return "{\"cardID\":\"\(cardID)\",\"phase\":\(phase),\"step\":\(step.map(String.init) ?? "null"),"
            + "\"stability\":\(number(stability)),\"difficulty\":\(number(difficulty)),\"due\":\(due),"
            + "\"lastReview\":\(number(lastReview)),\"reps\":\(reps),\"lapses\":\(lapses)}"
    }

    init(cardID: String, schedule: CardSchedule, reps: Int, lapses: Int) {
        self.cardID = cardID
        phase = schedule.phase.rawValue
        step = schedule.step
        stability = schedule.stability
        difficulty = schedule.difficulty
        due = schedule.due.timeIntervalSince1970
        lastReview = schedule.lastReview?.timeIntervalSince1970
        self.reps = reps
        self.lapses = lapses
    }
}

/// One answer in the review log. The state before the answer is kept for undo.
struct ReviewRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "review"
    var id: Int64?
    var cardID: String
    var reviewedAt: Double
    var rating: Int
    var answerText: String?
    var grade: String?
    var durationMS: Int?
    var phaseBefore: Int?
    var previousState: String?
    var stability: Double
    var difficulty: Double
    var due: Double

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
