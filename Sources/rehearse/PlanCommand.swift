import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

/// `rehearse plan --interview DATE`: study towards an interview.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Set the interview date the schedule works towards.",
        discussion: """
            With a date, every review interval ends before the interview and new cards are \
            introduced fast enough to see all of them in time; the derived daily budget is \
            shown. `--clear` removes the date.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The interview date, YYYY-MM-DD (local time).")
    var interview: String?

    @Flag(help: "Remove the interview date.")
    var clear = false

    @Option(help: "The usual number of new cards per day.")
    var newPerDay: Int = 20

    func validate() throws {
        if let interview {
            guard let date = DayFormat.parse(interview) else { throw ValidationError("--interview must be a date as YYYY-MM-DD, got \"\(interview)\"") }
            guard date > Date() else { throw ValidationError("--interview \(interview) is not in the future") }
        }
        guard interview != nil || clear else { throw ValidationError("give --interview YYYY-MM-DD or --clear") }
    }

    func run() throws {
        let database = try store.open()
        if clear {
            try database.setInterviewDate(nil)
            print("Interview date cleared.")
            return
        }
        guard let interview, let date = DayFormat.parse(interview) else { return }
        try database.setInterviewDate(date)
        let plan = InterviewPlan(interviewDate: date, today: Date(), newCards: try database.newCardCount(), minimumPerDay: newPerDay)
        print("Interview on \(DayFormat.format(date)): \(plan.daysLeft) days left.")
        print("Every review now comes back before that day; \(try database.newCardCount()) new cards at \(plan.newCardsPerDay) a day.")
    }
}
