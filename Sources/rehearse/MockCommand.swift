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
        guard
            var interview = MockInterview(
                candidates: evidence.map(MockPlanner.Candidate.init), minutes: minutes, questions: questions,
                seed: seed ?? UInt64(started.timeIntervalSince1970 * 1000), at: started)
        else {
            printError("no questions to ask: import a guide first (rehearse import PATH)")
            throw ExitCode(1)
        }
        let terminal = Terminal()
        let count = interview.questionCount
        say("Mock interview: \(count) question\(count == 1 ? "" : "s") in \(MockReport.clock(interview.budget)). Finish each answer with an empty line.\n")
        while let question = interview.nextQuestion(at: Date()) {
            let left = interview.secondsLeft(at: question.askedAt)
            say(terminal.dim("Question \(question.number)/\(count) · \(question.card.section.last ?? question.card.guideID) · about \(MockReport.clock(question.seconds)) for this one, \(MockReport.clock(left)) left"))
            say(terminal.bold(question.card.prompt))
            guard let text = readAnswer(terminal, deadline: question.askedAt.addingTimeInterval(question.seconds)),
                let (answered, grade) = interview.answer(text, at: Date())
            else { break }
            try database.record(
                cardID: answered.cardID, rating: grade.rating, at: Date(), scheduler: scheduler, answerText: text, grade: grade.json,
                durationMS: Int(answered.seconds * 1000))
            say("")
        }
        let report = interview.report(at: Date())
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
