import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse study`: today's cards in the terminal.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study today's due and new cards.",
        discussion: """
            Shows each card with its section path. Space or Enter reveals the answer (with \
            --type, type your answer first: it is graded, each key point shown ticked or \
            missed, and Enter accepts the suggested rating); 1 Again, 2 Hard, 3 Good, 4 Easy rate it, each \
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

    @Option(name: .customLong("new"), help: "New cards per day (default: 20, or the interview plan's budget).")
    var newCards: Int?

    @Option(help: "At most this many cards in this session (default: no limit).")
    var limit: Int?

    @Flag(help: "Type each answer before seeing the reference answer.")
    var type = false

    func validate() throws {
        if let newCards, newCards < 0 { throw ValidationError("--new must be 0 or more, got \(newCards)") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more, got \(limit)") }
    }

    func run() throws {
        let database = try store.open()
        if try database.guideIDs().isEmpty {
            let starter = try StarterGuide.pythonDeepDive()
            _ = try database.importGuide(starter, source: "bundled:\(StarterGuide.pythonDeepDiveFileName)", at: Date())
            say("No guide imported yet: studying the bundled starter guide. Add yours with `rehearse import PATH`.\n")
        }
        let scheduler = try store.scheduler(for: database)
        let now = Date()
        let filter = StudyFilter(guide: guide, section: section)
        var dailyNew = newCards ?? 20
        if newCards == nil, let interview = scheduler.interviewDate {
            dailyNew = InterviewPlan(interviewDate: interview, today: now, newCards: try database.newCardCount(), minimumPerDay: 20).newCardsPerDay
        }
        let newToday = max(0, dailyNew - (try database.newCardsIntroduced(on: now)))
        let queue = try StudyQueue(
            dueIDs: database.dueCardIDs(at: now, filter: filter, scheduler: scheduler),
            newCards: database.newCards(limit: newToday, filter: filter, now: now), limit: limit, store: database, now: now)
        guard !queue.isEmpty else {
            say("Nothing is due and no new card is left for today.")
            return
        }
        let terminal = Terminal()
        let summary = try StudySession(store: database, scheduler: scheduler, terminal: terminal, typed: type).run(queue: queue)
        let minutes = Date().timeIntervalSince(summary.started) / 60
        let correct = summary.reviewed == 0 ? 0 : Int((Double(summary.passed) / Double(summary.reviewed) * 100).rounded())
        say("Reviewed \(summary.reviewed) card\(summary.reviewed == 1 ? "" : "s"), \(correct)% correct, in \(String(format: "%.1f", minutes)) min.")
        if let next = summary.nextDue {
            say("Next card due in \(IntervalText.format(max(0, next.timeIntervalSince(Date())))).")
        }
    }
}

/// Writes a line to standard output unbuffered, in order with the session's own output.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
