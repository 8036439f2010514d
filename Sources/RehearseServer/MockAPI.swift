import Foundation
import Hummingbird
import RehearseCore
import RehearseStore

/// Mock interviews in the browser: the same questions, grading and report as `rehearse
/// mock`. An interview under way lives in the server's memory (a restart ends it); each
/// answer is stored as a review as soon as it is given, and the report when it ends.
struct MockAPI: Sendable {
    let store: Store
    let interviews = MockInterviews()

    func addRoutes(to router: Router<WebContext>) {
        router.get("/mock") { _, context in try self.page(visitor: context.visitor) }
        router.get("/api/mock/reports") { _, _ in try self.reports() }
        router.post("/api/mock") { request, _ in try await self.start(request) }
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
        let minutes = input.minutes ?? 30
        guard minutes > 0, minutes <= 600 else { throw Problem(.badRequest, "minutes must be more than 0 and at most 600, got \(minutes)") }
        if let questions = input.questions, !(1...1000).contains(questions) { throw Problem(.badRequest, "questions must be 1 to 1000, got \(questions)") }
        let now = Date()
        let scheduler = Scheduler(interviewDate: try store.interviewDate())
        let evidence = try store.cardEvidence(at: now, guide: input.guide, scheduler: scheduler)
        guard
            var interview = MockInterview(
                candidates: evidence.map(MockPlanner.Candidate.init), minutes: minutes, questions: input.questions,
                seed: UInt64.random(in: .min ... .max), at: now)
        else {
            throw Problem(.conflict, input.guide.map { "no questions to ask in guide \($0)" } ?? "no questions to ask: import a guide first")
        }
        let question = interview.nextQuestion(at: now)
        let id = try await interviews.add(interview, at: now)
        return try Response.json(Self.state(id: id, interview: interview, question: question, at: now), status: .created)
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
        let (interview, answered, grade) = try await interviews.answer(id, text, at: now)
        try store.record(
            cardID: answered.cardID, rating: grade.rating, at: now, scheduler: Scheduler(interviewDate: try store.interviewDate()),
            answerText: text, grade: grade.json, durationMS: Int(answered.seconds * 1000))
        if let question = interview.current {
            return try Response.json(Self.state(id: id, interview: interview, question: question, at: now), status: .ok)
        }
        return try await end(id: id, interview: interview, at: now)
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
        return try await end(id: id, interview: try await interviews.get(id), at: Date())
    }

    func end(id: String, interview: MockInterview, at now: Date) async throws -> Response {
        try await interviews.remove(id, at: now)
        let report = interview.report(at: now)
        let reportID = try store.saveMockReport(report)
        var state = Self.state(id: id, interview: interview, question: nil, at: now)
        state["report"] = try Self.object(report)
        state["report_id"] = reportID
        return try Response.json(state, status: .ok)
    }

    func reports() throws -> Response {
        try Response.json(try store.mockReports().reversed().map { ["id": $0.id, "report": try Self.object($0.report)] as [String: Any] }, status: .ok)
    }

    static func state(id: String, interview: MockInterview, question: MockInterview.Question?, at now: Date) -> [String: Any] {
        [
            "id": id, "question_count": interview.questionCount, "answered": interview.asked.count,
            "seconds_left": interview.secondsLeft(at: now), "minutes": interview.minutes,
            "question": question.map { question -> [String: Any] in
                [
                    "number": question.number, "card_id": question.card.id, "prompt": question.card.prompt, "section": question.card.section,
                    "guide": question.card.guideID, "seconds": question.seconds, "follow_up": question.followUp,
                ]
            } ?? NSNull(),
        ]
    }

    static func object(_ report: MockReport) throws -> Any {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONSerialization.jsonObject(with: encoder.encode(report))
    }

    func page(visitor: Visitor) throws -> Response {
        let past: String = try store.mockReports().reversed().map { (id, report) -> String in
            "<details><summary>#\(id) · \(DayText.format(report.startedAt)) · \(report.questions.count) questions · score \(MockReport.percent(report.score))</summary><pre>\(Page.escape(report.render()))</pre></details>"
        }.joined()
        let options: String = try store.guideIDs().map { "<option value=\"\(Page.escape($0))\">\(Page.escape($0))</option>" }.joined()
        let form = try Page.fragment("mock").replacingOccurrences(of: "{{guide-options}}", with: options)
        let body = form + "<h2>Past interviews</h2>" + (past.isEmpty ? "<p>None yet.</p>" : past)
        return Page.response(title: "mock interview", tab: .mock, visitor: visitor, body: body, scripts: ["api.js", "mock.js"])
    }
}

/// The mock interviews under way, by id, and those that ended in the last hour (so that a
/// late answer hears 409 "ended" rather than 404). Abandoned ones are dropped an hour after
/// their time ran out.
actor MockInterviews {
    private var running: [String: MockInterview] = [:]
    private var ended: [String: Date] = [:]
    /// The most interviews kept at once.
    static let limit = 64

    func add(_ interview: MockInterview, at now: Date) throws -> String {
        running = running.filter { now.timeIntervalSince($0.value.startedAt) < $0.value.budget + 3600 }
        ended = ended.filter { now.timeIntervalSince($0.value) < 3600 }
        guard running.count < Self.limit else { throw Problem(.conflict, "\(Self.limit) mock interviews are already under way; finish one first") }
        let id = Secrets.random()
        running[id] = interview
        return id
    }

    func get(_ id: String) throws -> MockInterview {
        guard let interview = running[id] else { throw missing(id) }
        return interview
    }

    /// Grades the answer to interview `id`'s current question and asks the next, in one step.
    func answer(_ id: String, _ text: String, at now: Date) throws -> (MockInterview, MockReport.Question, AnswerGrader.Grade) {
        guard var interview = running[id] else { throw missing(id) }
        guard let (answered, grade) = interview.answer(text, at: now) else { throw Problem(.conflict, "interview \(id) has no question waiting; end it with POST /api/mock/\(id)/finish") }
        _ = interview.nextQuestion(at: now)
        running[id] = interview
        return (interview, answered, grade)
    }

    /// Ends an interview; it must be under way.
    func remove(_ id: String, at now: Date) throws {
        guard running.removeValue(forKey: id) != nil else { throw missing(id) }
        ended[id] = now
    }

    private func missing(_ id: String) -> Problem {
        ended[id] != nil ? Problem(.conflict, "mock interview \(id) has ended; its report is saved") : Problem(.notFound, "no mock interview \(id) is under way; start one with POST /api/mock")
    }
}
