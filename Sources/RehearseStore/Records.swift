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
}

/// A card row; `section` and `keypoints` are JSON arrays.
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
    var retiredAt: Double?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let guideID = Column(CodingKeys.guideID)
        static let retiredAt = Column(CodingKeys.retiredAt)
    }

    init(_ card: Card) {
        id = card.id
        guideID = card.guideID
        kind = card.kind.rawValue
        section = Self.json(card.section)
        prompt = card.prompt
        answer = card.answer
        keypoints = Self.json(card.keypoints)
        priorityRank = Priority.allCases.firstIndex(of: card.priority) ?? 1
        position = card.position
        retiredAt = nil
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

    static func json(_ strings: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(strings), as: UTF8.self)) ?? "[]"
    }

    static func strings(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
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
