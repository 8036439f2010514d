import Foundation
import Hummingbird
import RehearseApp
import RehearseCore

/// Mock interviews in the browser: the same questions, grading and report as `rehearse
/// mock`, through the ``Trainer``. An interview under way lives in the server's memory (a
/// restart ends it); each answer is stored as a review as soon as it is given, and the
/// report when it ends.
struct MockAPI: Sendable {
    let trainer: Trainer

    func addRoutes(to router: Router<WebContext>) {
        router.get("/mock") { _, context in try await self.page(visitor: context.visitor) }
        router.get("/api/mock/reports") { _, _ in try await self.reports() }
        router.post("/api/mock") { request, _ in try await self.start(request) }
        router.get("/api/mock/{id}") { _, context in
            let now = Date()
            return try Response.json(Self.state(try await self.trainer.mockStep(id: context.parameters.get("id") ?? ""), at: now), status: .ok)
        }
        router.post("/api/mock/{id}/answers") { request, context in try await self.answer(request, id: context.parameters.get("id") ?? "") }
        router.post("/api/mock/{id}/finish") { request, context in try await self.finish(request, id: context.parameters.get("id") ?? "") }
    }

    struct StartInput: Decodable {
        var minutes: Double?
        var questions: Int?
        var guide: String?
    }

    func start(_ request: Request) async throws -> Response {
        let input = try await request.decodeJSON(
            StartInput.self, limit: StudyAPI.maximumBody,
            usage: "the body must be a JSON object with minutes (number), questions (integer, 1 to 1000) and guide (string), all optional")
        let step = try await trainer.startMock(minutes: input.minutes ?? 30, questions: input.questions, guide: input.guide)
        return try Response.json(Self.state(step, at: Date()), status: .created)
    }

    struct AnswerInput: Decodable {
        var answer: String?
    }

    /// Grades and stores the answer to the current question and asks the next, or ends the
    /// interview with its report when no question is left or the time is up.
    func answer(_ request: Request, id: String) async throws -> Response {
        let input = try await request.decodeJSON(AnswerInput.self, limit: StudyAPI.maximumBody, usage: "the body must be a JSON object with answer (string)")
        guard let text = input.answer else { throw Problem(.badRequest, "answer is missing") }
        let now = Date()
        return try Response.json(Self.state(try await trainer.answerMock(id: id, text: text, at: now), at: now), status: .ok)
    }

    /// The finish call's body: a JSON object, whose members are ignored.
    struct FinishInput: Decodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            _ = try decoder.container(keyedBy: Key.self)
        }
    }

    func finish(_ request: Request, id: String) async throws -> Response {
        _ = try await request.decodeJSON(FinishInput.self, limit: StudyAPI.maximumBody, usage: "the body must be a JSON object, {}")
        let now = Date()
        return try Response.json(Self.state(try await trainer.finishMock(id: id, at: now), at: now), status: .ok)
    }

    func reports() async throws -> Response {
        try Response.json(try await trainer.mockReports().reversed().map { ["id": $0.id, "report": try Self.object($0.report)] as [String: Any] }, status: .ok)
    }

    static func state(_ step: MockStep, at now: Date) throws -> [String: Any] {
        let interview = step.interview
        var state: [String: Any] = [
            "id": step.id, "question_count": interview.questionCount, "answered": interview.asked.count,
            "seconds_left": interview.secondsLeft(at: now), "minutes": interview.minutes,
            "question": step.question.map { question -> [String: Any] in
                [
                    "number": question.number, "card_id": question.card.id, "prompt": question.card.prompt, "section": question.card.section,
                    "guide": question.card.guideID, "seconds": question.seconds, "follow_up": question.followUp,
                    "spent": max(0, now.timeIntervalSince(question.askedAt)),
                ]
            } ?? NSNull(),
        ]
        if let report = step.report, let reportID = step.reportID {
            state["report"] = try object(report)
            state["report_id"] = reportID
        }
        return state
    }

    static func object(_ report: MockReport) throws -> Any {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONSerialization.jsonObject(with: encoder.encode(report))
    }

    func page(visitor: Visitor) async throws -> Response {
        let past: String = try await trainer.mockReports().reversed().map { (id, report) -> String in
            "<details><summary>#\(id) · \(DayFormat.format(report.startedAt)) · \(report.questions.count) questions · score \(MockReport.percent(report.score))</summary><pre>\(Page.escape(report.render()))</pre></details>"
        }.joined()
        let options: String = try await trainer.guideTitles().map { "<option value=\"\(Page.escape($0.id))\">\(Page.escape($0.title ?? $0.id))</option>" }.joined()
        let form = try Page.fragment("mock").replacingOccurrences(of: "{{guide-options}}", with: options)
        let body = form + "<h2>Past interviews</h2>" + (past.isEmpty ? "<p>None yet.</p>" : past)
        return Page.response(title: "mock interview", tab: .mock, visitor: visitor, body: body, scripts: ["api.js", "text.js", "mock.js"])
    }
}
