import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore
import RehearseStore

/// `rehearse study`: today's cards in the terminal.
struct StudyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study today's due and new cards.",
        discussion: """
            Shows each card with its section path. Space or Enter reveals the answer (with \
            --type, type your answer first: it is graded, each key point shown ticked or \
            missed, and Enter accepts the suggested rating; t corrects the grader on one point, \
            for this card from then on); 1 Again, 2 Hard, 3 Good, 4 Easy rate it, each \
            button showing when the card comes back; u undoes the last answer; q quits. Every \
            answer is saved before the next card appears. Due cards come first, the least \
            likely to be recalled first; then new cards by guide priority and document order.
            With no guide imported, the bundled starter guide is imported first.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Only cards of this guide (its id, e.g. 03-python-deep-dive).")
    var guide: String?

    @Option(help: "Only cards under a section whose title contains this text.")
    var section: String?

    @Option(name: .customLong("new"), help: "New cards today (default: the daily limit set with `rehearse plan --new-per-day`, 20 unless set, or the interview plan's budget).")
    var newCards: Int?

    @Option(help: "At most this many cards in this session (default: no limit).")
    var limit: Int?

    @Flag(help: "Type each answer before seeing the reference answer.")
    var type = false

    func validate() throws {
        if let newCards, newCards < 0 { throw ValidationError("--new must be 0 or more, got \(newCards)") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more, got \(limit)") }
    }

    func run() async throws {
        let trainer = try store.trainer()
        do {
            if try await trainer.importStarterGuideIfEmpty() {
                say("No guide imported yet: studying the bundled starter guide. Add yours with `rehearse import PATH`.\n")
            }
            let session = StudySession(filter: StudyFilter(guide: guide, section: section), newCardsPerDay: newCards, limit: limit)
            guard let first = try await trainer.nextCard(in: session) else {
                say(try await trainer.outlook(for: session).message(at: Date()))
                return
            }
            let summary = try await TerminalStudy(trainer: trainer, terminal: Terminal(), typed: type).run(session, first: first)
            let minutes = Date().timeIntervalSince(summary.started) / 60
            let correct = summary.reviewed == 0 ? 0 : Int((Double(summary.passed) / Double(summary.reviewed) * 100).rounded())
            say("Reviewed \(summary.reviewed) card\(summary.reviewed == 1 ? "" : "s"), \(correct)% correct, in \(String(format: "%.1f", minutes)) min.")
            if let next = summary.nextDue {
                say("Next card due in \(IntervalText.format(max(0, next.timeIntervalSince(Date())))).")
            }
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }
}

/// Writes a line to standard output unbuffered, in order with the session's own output.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
