import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore

/// `rehearse plan --interview DATE`: study towards an interview.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Set the interview date the schedule works towards.",
        discussion: """
            Without options, shows the plan. With a date, every review interval ends before the interview and new cards are \
            introduced fast enough to see all of them in time; the derived daily budget is \
            shown. `--clear` removes the date. `--new-per-day` sets the usual number of new \
            cards a day, in the terminal and the web app alike.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The interview date, YYYY-MM-DD (local time).")
    var interview: String?

    @Flag(help: "Remove the interview date.")
    var clear = false

    @Option(help: "The usual number of new cards per day (kept for later sessions; the plan raises it when it needs more).")
    var newPerDay: Int?

    func validate() throws {
        if let interview {
            guard let date = DayFormat.parse(interview) else { throw ValidationError("--interview must be a date as YYYY-MM-DD, got \"\(interview)\"") }
            guard date > Date() else { throw ValidationError("--interview \(interview) is not in the future") }
        }
    }

    func run() async throws {
        let trainer = try store.trainer()
        do {
            if let newPerDay { try await trainer.setNewCardsPerDay(newPerDay) }
            if clear {
                try await trainer.setInterviewDate(nil)
                print("Interview date cleared.")
            } else if let interview, let date = DayFormat.parse(interview) {
                try await trainer.setInterviewDate(date)
            }
            let settings = try await trainer.settings()
            if let date = settings.interviewDate, let daysLeft = settings.daysLeft {
                print("Interview on \(DayFormat.format(date)): \(daysLeft) days left.")
                print("Every review now comes back before that day; \(settings.unseenCards) new cards at \(settings.newCardsToday) a day.")
            } else if !clear {
                print("No interview date set (set one with --interview YYYY-MM-DD).")
            }
            if newPerDay != nil || interview == nil && !clear {
                print("New cards per day: \(settings.newCardsPerDay).")
            }
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }
}
