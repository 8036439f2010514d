import Foundation
import GRDB

/// A card's wording as the user edited it, beside the guide's.
public struct CardEdit: Sendable, Equatable {
    public var prompt: String
    public var answer: String
    public var keypoints: [String]
    public var guidePrompt: String
    public var guideAnswer: String
    public var guideKeypoints: [String]
    public var editedAt: Date
}

extension Store {
    /// The user's edit of a card, if any.
    public func edit(of id: String) throws -> CardEdit? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cardEdit WHERE cardID = ?", arguments: [id]).map {
                CardEdit(prompt: $0["prompt"], answer: $0["answer"], keypoints: CardRecord.strings($0["keypoints"]),
                         guidePrompt: $0["guidePrompt"], guideAnswer: $0["guideAnswer"], guideKeypoints: CardRecord.strings($0["guideKeypoints"]),
                         editedAt: Date(timeIntervalSince1970: $0["editedAt"]))
            }
        }
    }

    /// Rewords a card: what study, grading and the browser show from now on, kept over
    /// re-imports. The card keeps its id, schedule and history. False when there is no such card.
    public func editCard(id: String, prompt: String, answer: String, keypoints: [String], at now: Date) throws -> Bool {
        try writer.write { db in
            guard let record = try CardRecord.fetchOne(db, key: id) else { return false }
            let guideText = try Row.fetchOne(db, sql: "SELECT guidePrompt, guideAnswer, guideKeypoints FROM cardEdit WHERE cardID = ?", arguments: [id])
            try db.execute(sql: """
                INSERT INTO cardEdit (cardID, prompt, answer, keypoints, guidePrompt, guideAnswer, guideKeypoints, editedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(cardID) DO UPDATE SET prompt = excluded.prompt, answer = excluded.answer, keypoints = excluded.keypoints,
                  editedAt = excluded.editedAt
                """, arguments: [
                    id, prompt, answer, CardRecord.joined(keypoints), guideText?["guidePrompt"] ?? record.prompt,
                    guideText?["guideAnswer"] ?? record.answer, guideText?["guideKeypoints"] ?? record.keypoints, now.timeIntervalSince1970,
                ])
            try db.execute(sql: "UPDATE card SET prompt = ?, answer = ?, keypoints = ? WHERE id = ?",
                           arguments: [prompt, answer, CardRecord.joined(keypoints), id])
            return true
        }
    }

    /// Drops the user's edit: the card shows the guide's latest wording again. False when
    /// the card was not edited.
    public func revertEdit(id: String) throws -> Bool {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT guidePrompt, guideAnswer, guideKeypoints FROM cardEdit WHERE cardID = ?", arguments: [id]) else {
                return false
            }
            try db.execute(sql: "UPDATE card SET prompt = ?, answer = ?, keypoints = ? WHERE id = ?",
                           arguments: [row["guidePrompt"] as String, row["guideAnswer"] as String, row["guideKeypoints"] as String, id])
            try db.execute(sql: "DELETE FROM cardEdit WHERE cardID = ?", arguments: [id])
            return true
        }
    }

    /// During an import: when the user edited this card, records the guide's wording beside
    /// the edit and puts the edit in the record. Returns whether there was an edit.
    static func keepEdit(of record: inout CardRecord, db: Database) throws -> Bool {
        guard let edit = try Row.fetchOne(db.cachedStatement(sql: "SELECT prompt, answer, keypoints FROM cardEdit WHERE cardID = ?"), arguments: [record.id]) else {
            return false
        }
        try db.execute(sql: "UPDATE cardEdit SET guidePrompt = ?, guideAnswer = ?, guideKeypoints = ? WHERE cardID = ?",
                       arguments: [record.prompt, record.answer, record.keypoints, record.id])
        record.prompt = edit["prompt"]
        record.answer = edit["answer"]
        record.keypoints = edit["keypoints"]
        return true
    }
}
