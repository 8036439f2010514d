import Foundation
import Hummingbird
import RehearseCore
import RehearseStore

/// The study calls of the JSON API (the fixed core of spec/cli-contracts.md §5).
struct StudyAPI: Sendable {
    let store: Store
    let newCardsPerDay: Int
    let batcher: ReviewBatcher

    init(store: Store, newCardsPerDay: Int) {
        self.store = store
        self.newCardsPerDay = newCardsPerDay
        batcher = ReviewBatcher(store: store)
    }
    /// The largest request body accepted, in bytes.
    static var maximumBody: Int { 64 * 1024 }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/") { _, context in
            Page.response(title: "study", tab: .study, visitor: context.visitor, body: try Page.fragment("study"), scripts: ["api.js", "study.js"])
        }
        router.get("/api/study/next") { request, _ in try self.next(request) }
        router.post("/api/reviews") { request, _ in try await self.review(request) }
        router.post("/api/reviews/undo") { request, _ in try await self.undo(request) }
        router.post("/api/grade") { request, _ in try await self.grade(request) }
    }

    /// The next card to study, or 204 when nothing is due and no new card is left today.
    func next(_ request: Request) throws -> Response {
        let now = Date()
        let scheduler = Scheduler(interviewDate: try store.interviewDate())
        let filter = StudyFilter(guide: request.uri.queryParameters.get("guide"))
        let due = try store.dueCardIDs(at: now, filter: filter, scheduler: scheduler)
        let newLeft = max(0, newCardsPerDay - (try store.newCardsIntroduced(on: now)))
        let new = try store.newCards(limit: newLeft, filter: filter, now: now)
        let card = try due.first.flatMap { try store.studyCard(id: $0, now: now) } ?? new.first
        guard let card else { return Response(status: .noContent) }
        let intervals = Dictionary(uniqueKeysWithValues: Rating.allCases.map { rating in
            ("\(rating.rawValue)", scheduler.review(card.schedule, rating: rating, at: now).due.timeIntervalSince(now))
        })
        return try Response.json([
            "card": [
                "id": card.card.id, "kind": card.card.kind.rawValue, "guide": card.card.guideID, "section": card.card.section,
                "prompt": card.card.prompt, "answer": card.card.answer, "keypoints": card.card.keypoints,
            ] as [String: Any],
            "due_count": due.count, "new_count": new.count, "intervals_seconds": intervals,
        ], status: .ok)
    }

    struct ReviewInput: Decodable {
        var card_id: String?
        var rating: Int?
        var answer: String?
        var duration_ms: Int?
    }

    /// The request's JSON body, within the size limit.
    func input(_ request: Request) async throws -> ReviewInput {
        try await request.decodeJSON(
            ReviewInput.self, limit: Self.maximumBody,
            usage: "the body must be a JSON object with card_id (string), rating (1-4), answer and duration_ms (optional)")
    }

    /// Grades a typed answer without recording anything: the feedback shown before rating.
    func grade(_ request: Request) async throws -> Response {
        let input = try await input(request)
        guard let cardID = input.card_id, let answer = input.answer else { throw Problem(.badRequest, "card_id and answer are required") }
        guard let card = try store.studyCard(id: cardID, now: Date()) else { throw Problem(.notFound, "no card with id \(cardID)") }
        let grade = AnswerGrader.grade(answer, for: card.card)
        return try Response.json(
            GradeFeedback(summary: grade.summary, matched: grade.points.filter(\.covered).map(\.matched), note: grade.note), status: .ok)
    }

    /// Records an answer; the review is durable when the response is sent.
    func review(_ request: Request) async throws -> Response {
        let input = try await input(request)
        guard let cardID = input.card_id else { throw Problem(.badRequest, "card_id is missing") }
        guard let value = input.rating, let rating = Rating(rawValue: value) else {
            throw Problem(.badRequest, "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
        }
        if let duration = input.duration_ms, !(0...86_400_000).contains(duration) {
            throw Problem(.badRequest, "duration_ms must be between 0 and 86400000 (a day)")
        }
        var grade: AnswerGrader.Grade?
        if let answer = input.answer {
            guard let card = try store.studyCard(id: cardID, now: Date()) else { throw Problem(.notFound, "no card with id \(cardID)") }
            grade = AnswerGrader.grade(answer, for: card.card)
        }
        let recorded: RecordedReview
        do {
            recorded = try await batcher.record(Store.Answer(
                cardID: cardID, rating: rating, at: Date(), answerText: input.answer, grade: grade?.json, durationMS: input.duration_ms))
        } catch StoreError.unknownCard {
            throw Problem(.notFound, "no card with id \(cardID)")
        }
        return try Response.json(
            RecordedAnswer(review_id: recorded.id, card_id: cardID, next_due: recorded.schedule.due.formatted(.iso8601), grade: grade?.summary),
            status: .created)
    }

    struct UndoInput: Decodable {
        var review_id: Int64?
    }

    /// Takes an answer back: deletes it from the log and restores the card's schedule. Only
    /// a card's latest answer can be taken back (409 otherwise).
    func undo(_ request: Request) async throws -> Response {
        let input = try await request.decodeJSON(UndoInput.self, limit: Self.maximumBody, usage: "the body must be a JSON object with review_id (integer)")
        guard let reviewID = input.review_id else { throw Problem(.badRequest, "review_id is missing") }
        do {
            let cardID = try store.undo(reviewID: reviewID)
            return try Response.json(["review_id": reviewID, "card_id": cardID], status: .ok)
        } catch StoreError.nothingToUndo {
            throw Problem(.notFound, "no answer with review_id \(reviewID)")
        } catch StoreError.notLatestAnswer(let cardID) {
            throw Problem(.conflict, "answer \(reviewID) is not the latest answer to card \(cardID); take back the later ones first")
        }
    }
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
/// and a note on the answer's form when the grader has one.
struct GradeFeedback: Encodable {
    var summary: GradeSummary
    var matched: [[String]]
    var note: String?

    enum CodingKeys: String, CodingKey { case rating, score, covered, missed, matched, note }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.rating, forKey: .rating)
        try container.encode(summary.score, forKey: .score)
        try container.encode(summary.covered, forKey: .covered)
        try container.encode(summary.missed, forKey: .missed)
        try container.encode(matched, forKey: .matched)
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
