import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse mock`: a timed mock interview with typed answers and a report at the end.
struct MockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run a timed mock interview: typed answers, graded at the end.",
        discussion: """
            Questions come as an interviewer would ask them: more from high-priority guides, \
            weak sections and unseen cards, with a follow-up from the same section after a \
            weak answer. Each question shows its share of the time and counts it down while you \
            type the answer; finish it with an empty line. Nothing is revealed until the end; \
            then the report shows each grade and the missed points, a score per section, the \
            three weakest topics with what to review, and the time used. Every answer counts \
            as a review. Reports are saved; --history lists them.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Length of the interview in minutes.")
    var minutes: Double = 30

    @Option(help: "Number of questions (default: one per three minutes).")
    var questions: Int?

    @Option(help: "Only questions of this guide (its id).")
    var guide: String?

    @Option(help: "Seed for choosing questions, to repeat an interview (default: from the clock).")
    var seed: UInt64?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "List the saved reports instead of starting an interview.")
    var history = false

    func validate() throws {
        guard minutes > 0, minutes <= 600 else { throw ValidationError("--minutes must be between 0 and 600, got \(minutes)") }
        if let questions, questions < 1 { throw ValidationError("--questions must be 1 or more, got \(questions)") }
    }

    func run() throws {
        let database = try store.open()
        if history {
            try printHistory(database)
            return
        }
        let scheduler = try store.scheduler(for: database)
        let started = Date()
        let evidence = try database.cardEvidence(at: started, guide: guide, scheduler: scheduler)
        var planner = MockPlanner(candidates: evidence.map { MockPlanner.Candidate(card: $0.card, recall: $0.recall, lapses: $0.lapses) })
        guard !planner.remaining.isEmpty else {
            printError("no questions to ask: import a guide first (rehearse import PATH)")
            throw ExitCode(1)
        }
        let count = min(questions ?? max(1, Int(minutes / 3)), planner.remaining.count)
        let budget = minutes * 60
        let perQuestion = budget / Double(count)
        var generator = SplitMix64(seed: seed ?? UInt64(started.timeIntervalSince1970 * 1000))
        let terminal = Terminal()
        let grader = AnswerGrader()
        var asked: [MockReport.Question] = []
        var previous: (section: [String], weak: Bool)?
        say("Mock interview: \(count) question\(count == 1 ? "" : "s") in \(MockReport.clock(budget)). Finish each answer with an empty line.\n")
        for number in 1...count {
            let left = budget - Date().timeIntervalSince(started)
            guard left > 0, let candidate = planner.next(after: previous, using: &generator) else { break }
            let followUp = previous?.weak == true && previous?.section == candidate.card.section
            say(terminal.dim("Question \(number)/\(count) · \(candidate.card.section.last ?? candidate.card.guideID) · about \(MockReport.clock(perQuestion)) for this one, \(MockReport.clock(left)) left"))
            say(terminal.bold(candidate.card.prompt))
            let questionStart = Date()
            guard let answer = readAnswer(terminal, deadline: questionStart.addingTimeInterval(min(perQuestion, left))) else { break }
            let seconds = Date().timeIntervalSince(questionStart)
            let grade = grader.grade(answer: answer, keypoints: candidate.card.keypoints, question: candidate.card.prompt)
            try database.record(
                cardID: candidate.card.id, rating: grade.rating, at: Date(), scheduler: scheduler, answerText: answer,
                grade: grade.json, durationMS: Int(seconds * 1000))
            asked.append(MockReport.Question(
                cardID: candidate.card.id, prompt: candidate.card.prompt, section: candidate.card.section, answer: answer,
                grade: grade, seconds: seconds, overTime: seconds > perQuestion, followUp: followUp))
            previous = (candidate.card.section, grade.rating.rawValue <= Rating.hard.rawValue)
            say("")
        }
        let report = MockReport(startedAt: started, minutes: minutes, secondsUsed: Date().timeIntervalSince(started), questions: asked)
        let id = try database.saveMockReport(report)
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        } else {
            say(report.render())
            say("\nSaved as report #\(id); list reports with `rehearse mock --history`.")
        }
    }

    /// Lines up to an empty line (or the end of input), under a live countdown to the
    /// question's deadline; nil when nothing was typed at all.
    private func readAnswer(_ terminal: Terminal, deadline: Date) -> String? {
        var lines: [String] = []
        while let line = terminal.readLine(countingDownTo: deadline) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return lines.joined(separator: "\n") }
            lines.append(line)
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private func printHistory(_ database: Store) throws {
        let reports = try database.mockReports()
        guard !reports.isEmpty else {
            say("No mock interview yet: run `rehearse mock`.")
            return
        }
        for (id, report) in reports {
            let weakest = report.weakest.map(\.section).joined(separator: ", ")
            say("#\(id)  \(DayFormat.format(report.startedAt))  \(report.questions.count) questions  score \(MockReport.percent(report.score))  \(MockReport.clock(report.secondsUsed))" + (weakest.isEmpty ? "" : "  weakest: \(weakest)"))
        }
    }
}
