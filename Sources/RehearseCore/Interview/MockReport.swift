import Foundation

/// What a mock interview showed: each question's grade and missed points, a score per
/// section, the weakest topics with what to review, and the time used.
public struct MockReport: Sendable, Codable, Equatable {
    public struct Question: Sendable, Codable, Equatable {
        public var cardID: String
        public var prompt: String
        public var section: [String]
        public var answer: String
        public var rating: Int
        public var score: Double
        public var covered: [String]
        public var missed: [String]
        public var seconds: Double
        /// Answered after the question's share of the time had run out.
        public var overTime: Bool
        /// Asked because the previous answer in the same section was weak.
        public var followUp: Bool

        public init(
            cardID: String, prompt: String, section: [String], answer: String, grade: AnswerGrader.Grade, seconds: Double,
            overTime: Bool, followUp: Bool
        ) {
            self.cardID = cardID
            self.prompt = prompt
            self.section = section
            self.answer = answer
            rating = grade.rating.rawValue
            score = grade.score
            covered = grade.covered
            missed = grade.missed
            self.seconds = seconds
            self.overTime = overTime
            self.followUp = followUp
        }
    }

    public struct SectionScore: Sendable, Codable, Equatable {
        public var section: String
        public var score: Double
        public var questions: Int
    }

    public struct WeakTopic: Sendable, Codable, Equatable {
        public var section: String
        public var score: Double
        /// The key points missed there: what to review.
        public var review: [String]
    }

    public var startedAt: Date
    public var minutes: Double
    public var secondsUsed: Double
    public var questions: [Question]
    public var sections: [SectionScore]
    public var weakest: [WeakTopic]
    /// Mean score over the questions, in [0, 1].
    public var score: Double
    /// Questions asked but not answered when the interview ended (nil in reports saved
    /// before this was kept).
    public var unanswered: [String]?

    public init(startedAt: Date, minutes: Double, secondsUsed: Double, questions: [Question], unanswered: [String] = []) {
        self.startedAt = startedAt
        self.minutes = minutes
        self.secondsUsed = secondsUsed
        self.questions = questions
        self.unanswered = unanswered
        score = questions.isEmpty ? 0 : questions.map(\.score).reduce(0, +) / Double(questions.count)
        var order: [String] = []
        var bySection: [String: [Question]] = [:]
        for question in questions {
            let name = question.section.last ?? "(guide)"
            if bySection[name] == nil { order.append(name) }
            bySection[name, default: []].append(question)
        }
        sections = order.map { name in
            let asked = bySection[name] ?? []
            return SectionScore(section: name, score: asked.map(\.score).reduce(0, +) / Double(max(asked.count, 1)), questions: asked.count)
        }
        weakest = sections.filter { $0.score < 0.8 }.sorted { $0.score < $1.score }.prefix(3).map { section in
            let missed = (bySection[section.section] ?? []).flatMap(\.missed)
            return WeakTopic(section: section.section, score: section.score, review: Array(NSOrderedSet(array: missed).compactMap { $0 as? String }))
        }
    }

    /// The report as text for the terminal.
    public func render() -> String {
        var lines = ["Mock interview — \(questions.count) questions, score \(Self.percent(score)), \(Self.clock(secondsUsed)) of \(Self.clock(minutes * 60))", ""]
        for (index, question) in questions.enumerated() {
            let flags = [question.followUp ? "follow-up" : nil, question.overTime ? "over time" : nil].compactMap { $0 }
            lines.append("\(index + 1). \(question.prompt)" + (flags.isEmpty ? "" : "  [\(flags.joined(separator: ", "))]"))
            let rating = Rating(rawValue: question.rating)?.name ?? "rating \(question.rating)"
            lines.append("   \((question.section.last ?? "")) · \(rating) · score \(Self.percent(question.score)) · \(Self.clock(question.seconds))")
            let said = question.answer.split(whereSeparator: \.isNewline).joined(separator: " ")
            lines.append("   You said: " + (said.isEmpty ? "(nothing)" : said.count > 240 ? String(said.prefix(240)) + "…" : said))
            for point in question.missed { lines.append("   ✗ \(point)") }
        }
        for prompt in unanswered ?? [] {
            lines.append("–. \(prompt)  [not answered: the interview ended]")
        }
        lines.append("")
        lines.append("By section:")
        for section in sections { lines.append("  \(section.section): \(Self.percent(section.score)) over \(section.questions) question\(section.questions == 1 ? "" : "s")") }
        if !weakest.isEmpty {
            lines.append("")
            lines.append("Weakest topics — review:")
            for topic in weakest {
                lines.append("  \(topic.section) (\(Self.percent(topic.score)))")
                for point in topic.review.prefix(4) { lines.append("    - \(point)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `0.75` → `75%`.
    public static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// Seconds as `m:ss`.
    public static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
