import Foundation
import Hummingbird
import RehearseApp
import RehearseCore
import RehearseStore

/// The study calls of the JSON API (the fixed core of spec/cli-contracts.md §5): each
/// parses, calls the ``Trainer`` and renders.
struct StudyAPI: Sendable {
    let trainer: Trainer
    /// The largest request body accepted, in bytes.
    static var maximumBody: Int { 64 * 1024 }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/") { _, context in
            Page.response(title: "study", tab: .study, visitor: context.visitor, body: try Page.fragment("study"), scripts: ["api.js", "text.js", "study.js"])
        }
        router.get("/api/study/next") { request, _ in try await self.next(request) }
        router.get("/api/study/outlook") { request, _ in try await self.outlook(request) }
        router.post("/api/reviews") { request, _ in try await self.review(request) }
        router.post("/api/reviews/undo") { request, _ in try await self.undo(request) }
        router.post("/api/study/more-new") { request, _ in try await self.moreNew(request) }
        router.post("/api/grade") { request, _ in try await self.grade(request) }
        router.post("/api/corrections") { request, _ in try await self.teach(request) }
    }

    /// The session a request asks for: all cards, or a guide's, or a section's.
    static func session(_ request: Request) -> StudySession {
        StudySession(filter: StudyFilter(guide: request.uri.queryParameters.get("guide"), section: request.uri.queryParameters.get("section")))
    }

    /// What an empty session says: when the next card comes, and the new cards held back
    /// by the daily limit, with the terminal's message.
    func outlook(_ request: Request) async throws -> Response {
        let now = Date()
        let outlook = try await trainer.outlook(for: Self.session(request), at: now)
        return try Response.json([
            "message": outlook.message(at: now), "next_due": outlook.nextDue.map { $0.formatted(.iso8601) as Any } ?? NSNull(),
            "new_waiting": outlook.newWaiting, "new_per_day": outlook.newPerDay, "new_today": outlook.newToday,
        ], status: .ok)
    }

    struct MoreNew: Decodable {
        var count: Int
    }

    /// "More new cards today": raises today's budget only, then answers as the outlook does.
    func moreNew(_ request: Request) async throws -> Response {
        let input = try await request.decodeJSON(MoreNew.self, limit: Self.maximumBody, usage: "the body must be a JSON object with count (1 to 200)")
        try await trainer.addNewCardsToday(input.count)
        return try await outlook(request)
    }

    /// The next card to study, with the due time each rating would store, or 204 when
    /// nothing is due and no new card is left for today.
    func next(_ request: Request) async throws -> Response {
        let session = Self.session(request)
        guard let turn = try await trainer.nextCard(in: session) else { return Response(status: .noContent) }
        let card = turn.card.card
        return try Response.json(NextCard(
            card: .init(id: card.id, kind: card.kind.rawValue, guide: card.guideID, section: card.section, prompt: card.prompt, answer: card.answer, keypoints: card.keypoints),
            due_count: turn.dueCount, new_count: turn.newCount,
            next_due: Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0.name.lowercased(), turn.states[$0].due.formatted(.iso8601)) }),
            shown_at: turn.states.at.formatted(.iso8601)
        ), status: .ok)
    }

    struct ReviewInput: Decodable {
        var card_id: String?
        var rating: Int?
        var answer: String?
        var duration_ms: Int?
        var request_id: String?
    }

    /// The request's JSON body, within the size limit.
    func input(_ request: Request) async throws -> ReviewInput {
        try await request.decodeJSON(
            ReviewInput.self, limit: Self.maximumBody,
            usage: "the body must be a JSON object with card_id (string), rating (1-4), answer, duration_ms and request_id (optional)")
    }

    /// Grades a typed answer without recording anything: the feedback shown before rating.
    func grade(_ request: Request) async throws -> Response {
        let input = try await input(request)
        guard let cardID = input.card_id, let answer = input.answer else { throw Problem(.badRequest, "card_id and answer are required") }
        return try Self.feedback(try await trainer.grade(answer, cardID: cardID))
    }

    struct TeachInput: Decodable {
        var card_id: String?
        var keypoint: String?
        var answer: String?
        var accepted: Bool?
    }

    /// Teaches the grader about one key point of the card from the typed answer (`accepted`:
    /// the answer states it, or it does not) and returns the answer graded again.
    func teach(_ request: Request) async throws -> Response {
        let input = try await request.decodeJSON(
            TeachInput.self, limit: Self.maximumBody,
            usage: "the body must be a JSON object with card_id, keypoint and answer (strings) and accepted (boolean)")
        guard let cardID = input.card_id, let keypoint = input.keypoint, let answer = input.answer, let accepted = input.accepted else {
            throw Problem(.badRequest, "card_id, keypoint, answer and accepted are required")
        }
        return try Self.feedback(try await trainer.teach(cardID: cardID, keypoint: keypoint, answer: answer, accepted: accepted))
    }

    static func feedback(_ grade: AnswerGrader.Grade) throws -> Response {
        try Response.json(
            GradeFeedback(
                summary: grade.summary, matched: grade.points.filter(\.covered).map(\.matched),
                contradicted: grade.contradicted.map { .init(keypoint: $0.keypoint, evidence: $0.evidence ?? "") },
                taught: grade.points.filter(\.taught).map(\.keypoint), note: grade.note),
            status: .ok)
    }

    /// Records an answer; the review is durable when the response is sent. A second answer
    /// with the same request id stores nothing and gets the first one back, with 200.
    func review(_ request: Request) async throws -> Response {
        let input = try await input(request)
        guard let cardID = input.card_id else { throw Problem(.badRequest, "card_id is missing") }
        guard let value = input.rating, let rating = Rating(rawValue: value) else {
            throw Problem(.badRequest, "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
        }
        if let requestID = input.request_id, requestID.isEmpty || requestID.utf8.count > 128 {
            throw Problem(.badRequest, "request_id must be 1 to 128 characters")
        }
        let outcome = try await trainer.answer(AnswerInput(
            cardID: cardID, rating: rating, typed: input.answer, durationMS: input.duration_ms, requestID: input.request_id))
        return try Response.json(
            RecordedAnswer(review_id: outcome.reviewID, card_id: outcome.cardID, next_due: outcome.due.formatted(.iso8601), grade: outcome.grade),
            status: outcome.replayed ? .ok : .created)
    }

    struct UndoInput: Decodable {
        var review_id: Int64?
    }

    /// Takes an answer back (the latest one when no review_id is given): deletes it from
    /// the log and restores the card's schedule. Only a card's latest answer can be taken
    /// back (409 otherwise); 404 "nothing to undo" when the answer is not in the log.
    func undo(_ request: Request) async throws -> Response {
        let input = try await request.decodeJSON(UndoInput.self, limit: Self.maximumBody, usage: "the body must be a JSON object with review_id (integer, optional)")
        let undone = try await trainer.undo(reviewID: input.review_id)
        return try Response.json(["review_id": undone.reviewID, "card_id": undone.cardID], status: .ok)
    }
}

/// The answer to `GET /api/study/next`.
struct NextCard: Encodable {
    struct Shown: Encodable {
        var id, kind, guide: String
        var section: [String]
        var prompt, answer: String
        var keypoints: [String]
    }

    var card: Shown
    var due_count: Int
    var new_count: Int
    /// What each rating would store (again, hard, good, easy), fuzz included: the labels.
    var next_due: [String: String]
    /// The server's time when the states were worked out: labels count from it, whatever
    /// the device's clock says.
    var shown_at: String
}

/// The answer to `POST /api/reviews` (spec/cli-contracts.md §5).
struct RecordedAnswer: Encodable {
    var review_id: Int64
    var card_id: String
    var next_due: String
    var grade: GradeSummary?

    enum CodingKeys: String, CodingKey { case review_id, card_id, next_due, grade }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(review_id, forKey: .review_id)
        try container.encode(card_id, forKey: .card_id)
        try container.encode(next_due, forKey: .next_due)
        try container.encode(grade, forKey: .grade)  // null when there was no typed answer
    }
}

/// The answer to `POST /api/grade`: the grade, the words that matched each covered point,
/// the points the answer contradicts with what it said, and a note on the answer's form
/// when the grader has one.
struct GradeFeedback: Encodable {
    struct Contradiction: Encodable {
        var keypoint: String
        var evidence: String
    }

    var summary: GradeSummary
    var matched: [[String]]
    var contradicted: [Contradiction]
    /// Key points whose verdict comes from what the learner taught for this card.
    var taught: [String]
    var note: String?

    enum CodingKeys: String, CodingKey { case rating, score, covered, missed, matched, contradicted, taught, note }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.rating, forKey: .rating)
        try container.encode(summary.score, forKey: .score)
        try container.encode(summary.covered, forKey: .covered)
        try container.encode(summary.missed, forKey: .missed)
        try container.encode(matched, forKey: .matched)
        try container.encode(contradicted, forKey: .contradicted)
        try container.encode(taught, forKey: .taught)
        try container.encode(note, forKey: .note)
    }
}

extension Response {
    /// A JSON response that is never cached.
    static func json(_ object: Any, status: HTTPResponse.Status) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON response from a typed value, keys sorted: the hot paths, which the dynamic
    /// casts of `JSONSerialization` would slow down.
    static func json(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
