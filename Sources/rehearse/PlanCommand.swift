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

            With a date and `--minutes-per-day`, each day's study is chosen for the interview \
            day itself: within that many minutes (at your measured pace per card), the cards \
            whose study today adds most to the expected number recalled on the day. \
            `--minutes-per-day 0` goes back to the daily new-card limit.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The interview date, YYYY-MM-DD (local time).")
    var interview: String?

    @Flag(help: "Remove the interview date.")
    var clear = false

    @Option(help: "The usual number of new cards per day (kept for later sessions; the plan raises it when it needs more); with --guide, that guide's own limit.")
    var newPerDay: Int?

    @Option(help: "With --new-per-day or --clear-guide-limit: the guide whose own daily limit of new cards to set.")
    var guide: String?

    @Flag(help: "With --guide: the guide follows the usual limit again.")
    var clearGuideLimit = false

    @Option(help: "Minutes of study a day; with an interview date, each day's cards are chosen for the interview day (0 clears it).")
    var minutesPerDay: Int?

    @Option(help: "Desired retention, 0.7 to 0.97 (default 0.9): reviews fall due when predicted recall drops to it; higher means more reviews.")
    var retention: Double?

    func validate() throws {
        if guide != nil, newPerDay == nil, !clearGuideLimit { throw ValidationError("--guide goes with --new-per-day N or --clear-guide-limit") }
        if clearGuideLimit, guide == nil { throw ValidationError("--clear-guide-limit needs --guide ID") }
        if let interview {
            guard let date = DayFormat.parse(interview) else { throw ValidationError("--interview must be a date as YYYY-MM-DD, got \"\(interview)\"") }
            guard date > Date() else { throw ValidationError("--interview \(interview) is not in the future") }
        }
    }

    func run() async throws {
        let trainer = try store.trainer()
        do {
            if let guide {
                try await trainer.setGuideNewCardLimit(guide: guide, count: clearGuideLimit ? nil : newPerDay)
            } else if let newPerDay {
                try await trainer.setNewCardsPerDay(newPerDay)
            }
            if let minutesPerDay { try await trainer.setMinutesPerDay(minutesPerDay == 0 ? nil : minutesPerDay) }
            if let retention {
                let settings = try await trainer.setDesiredRetention(retention)
                print("Desired retention: \(Int((settings.desiredRetention * 100).rounded()))%: reviews fall due when predicted recall drops to it.")
            }
            if clear {
                try await trainer.setInterviewDate(nil)
                print("Interview date cleared.")
            } else if let interview, let date = DayFormat.parse(interview) {
                try await trainer.setInterviewDate(date)
            }
            let settings = try await trainer.settings()
            let plan = try await trainer.dailyPlan()
            if let date = settings.interviewDate, let daysLeft = settings.daysLeft {
                print("Interview on \(DayFormat.format(date)): \(daysLeft) days left.")
                if let plan {
                    print(Self.explain(plan))
                } else {
                    print("Every review now comes back before that day; \(settings.unseenCards) new cards at \(settings.newCardsToday) a day.")
                }
            } else if !clear {
                print("No interview date set (set one with --interview YYYY-MM-DD).")
            }
            if plan == nil, newPerDay != nil || interview == nil && !clear {
                print("New cards per day: \(settings.newCardsPerDay).")
            }
            for (id, count) in settings.guideNewCardLimits.sorted(by: { $0.key < $1.key }) {
                print("\(id): at most \(count) new card\(count == 1 ? "" : "s") a day (within the day's total).")
            }
            if settings.interviewDate == nil, let minutes = settings.minutesPerDay {
                print("\(minutes) minutes a day are set: they choose each day's cards once an interview date is set.")
            }
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }

    /// The daily budget in words: the pace it assumes, what it buys, and today's share.
    static func explain(_ plan: DailyPlan) -> String {
        let perDay = Double(plan.minutesPerDay) * 60
        let left = max(0, perDay - plan.spentToday)
        func seconds(_ value: Double) -> String { "\(Int(value.rounded())) s" }
        return """
            Daily budget: \(plan.minutesPerDay) minutes. At your pace (about \(seconds(plan.secondsPerReview)) a review, \
            \(seconds(plan.secondsPerNewCard)) a new card with its learning steps) that is about \(Int(perDay / plan.secondsPerReview)) \
            reviews or \(Int(perDay / plan.secondsPerNewCard)) new cards a day.
            Each day the plan picks the cards whose study that day adds most to how many you will recall on \
            the interview day, and no card whose study would add less than 2 points to its recall on the day.
            Today: \(plan.reviews) review\(plan.reviews == 1 ? "" : "s") and \(plan.newCards) new card\(plan.newCards == 1 ? "" : "s") in the \(Int((left / 60).rounded())) minutes left \
            (\(Int((plan.spentToday / 60).rounded())) already studied).
            If you stopped now, you would recall about \(Int((plan.recallOnTheDay * 100).rounded()))% of the \(plan.cards) cards on the day.
            """
    }
}
