import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore

/// `rehearse mock`: a timed mock interview with typed answers and a report at the end.
struct MockCommand: AsyncParsableCommand {
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

    func run() async throws {
        let trainer = try store.trainer()
        do {
            if history {
                try await printHistory(trainer)
                return
            }
            try await interview(trainer)
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }

    private func interview(_ trainer: Trainer) async throws {
        let started = Date()
        var step = try await trainer.startMock(
            minutes: minutes, questions: questions, guide: guide, seed: seed ?? UInt64(started.timeIntervalSince1970 * 1000), at: started)
        let terminal = Terminal()
        let count = step.interview.questionCount
        say("Mock interview: \(count) question\(count == 1 ? "" : "s") in \(MockReport.clock(step.interview.budget)). Finish each answer with an empty line.\n")
        while let question = step.question {
            let left = step.interview.secondsLeft(at: question.askedAt)
            say(terminal.dim("Question \(question.number)/\(count) · \(question.card.section.last ?? question.card.guideID) · about \(MockReport.clock(question.seconds)) for this one, \(MockReport.clock(left)) left"))
            say(terminal.bold(question.card.prompt))
            var typed = readAnswer(terminal, deadline: question.askedAt.addingTimeInterval(question.seconds))
            while let text = typed, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                say(terminal.dim("Type an answer first (an empty line ends it; Ctrl-D ends the interview)."))
                typed = readAnswer(terminal, deadline: question.askedAt.addingTimeInterval(question.seconds))
            }
            guard let text = typed else { break }
            step = try await trainer.answerMock(id: step.id, text: text)
            say("")
        }
        if step.report == nil { step = try await trainer.finishMock(id: step.id) }
        guard let report = step.report, let id = step.reportID else { return }
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

    private func printHistory(_ trainer: Trainer) async throws {
        let reports = try await trainer.mockReports()
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
