import Foundation

/// A mock interview under way, the same in the terminal and in the browser: it chooses each
/// question when the previous one is answered (a follow-up after a weak answer), grades the
/// answer, and keeps the time.
///
/// ```swift
/// var interview = MockInterview(candidates: candidates, minutes: 30, seed: 7, at: .now)
/// while let question = interview.nextQuestion(at: .now) {
///     let graded = interview.answer(readAnswer(question), at: .now)
/// }
/// let report = interview.report(at: .now)
/// ```
public struct MockInterview: Sendable {
    /// A question being asked.
    public struct Question: Sendable, Equatable {
        public var card: Card
        /// 1-based.
        public var number: Int
        public var askedAt: Date
        /// Its share of the time, in seconds.
        public var seconds: Double
        public var followUp: Bool
    }

    public let startedAt: Date
    public let minutes: Double
    /// How many questions are planned.
    public let questionCount: Int
    public private(set) var asked: [MockReport.Question] = []
    /// The question waiting for its answer, if any.
    public private(set) var current: Question?
    private var planner: MockPlanner
    private var generator: SplitMix64
    private var previous: (section: [String], weak: Bool)?

    /// Nil when there is nothing to ask: no guide, or no card of an asked kind.
    public init?(candidates: [MockPlanner.Candidate], minutes: Double, questions: Int? = nil, seed: UInt64, at now: Date) {
        planner = MockPlanner(candidates: candidates)
        guard !planner.remaining.isEmpty else { return nil }
        startedAt = now
        self.minutes = minutes
        questionCount = min(questions ?? max(1, Int(minutes / 3)), planner.remaining.count)
        generator = SplitMix64(seed: seed)
    }

    /// The whole interview's time, in seconds.
    public var budget: Double { minutes * 60 }

    /// Each question's share of the time, in seconds.
    public var perQuestion: Double { budget / Double(questionCount) }

    public func secondsLeft(at now: Date) -> Double { max(0, budget - now.timeIntervalSince(startedAt)) }

    /// Whether no question is left to ask: all were asked, or the time is up.
    public func isOver(at now: Date) -> Bool {
        current == nil && (asked.count >= questionCount || secondsLeft(at: now) <= 0 || planner.remaining.isEmpty)
    }

    /// The question to answer now: the current one, or the next when the last was answered;
    /// nil when the interview is over.
    public mutating func nextQuestion(at now: Date) -> Question? {
        if let current { return current }
        guard !isOver(at: now), let candidate = planner.next(after: previous, using: &generator) else { return nil }
        let followUp = previous?.weak == true && previous?.section == candidate.card.section
        current = Question(
            card: candidate.card, number: asked.count + 1, askedAt: now, seconds: min(perQuestion, secondsLeft(at: now)), followUp: followUp)
        return current
    }

    /// Grades the answer to the current question; nil when no question is waiting.
    public mutating func answer(_ text: String, at now: Date) -> (question: MockReport.Question, grade: AnswerGrader.Grade)? {
        guard let question = current else { return nil }
        let seconds = now.timeIntervalSince(question.askedAt)
        let grade = AnswerGrader.grade(text, for: question.card)
        let graded = MockReport.Question(
            cardID: question.card.id, prompt: question.card.prompt, section: question.card.section, answer: text, grade: grade,
            seconds: seconds, overTime: seconds > perQuestion, followUp: question.followUp)
        asked.append(graded)
        previous = (question.card.section, grade.rating.rawValue <= Rating.hard.rawValue)
        current = nil
        return (graded, grade)
    }

    /// The report on the questions answered so far, and the one left waiting, if any.
    public func report(at now: Date) -> MockReport {
        MockReport(
            startedAt: startedAt, minutes: minutes, secondsUsed: now.timeIntervalSince(startedAt), questions: asked,
            unanswered: current.map { [$0.card.prompt] } ?? [])
    }
}
