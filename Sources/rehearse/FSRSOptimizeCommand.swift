import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore

/// Where the reviews to fit come from: a review-log CSV, or the user's own reviews.
struct ReviewSource: ParsableArguments {
    @Option(help: "A review-log CSV (card_id, review_time, review_rating; review_state when present) instead of your own reviews.")
    var input: String?

    @Option(help: "With --input: the hour (0-23, UTC) at which a new day starts (default: 0).")
    var nextDayHour: Int = 0

    @Option(help: "Use only the reviews of this guide's cards.")
    var guide: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...23).contains(nextDayHour) else { throw ValidationError("--next-day-hour must be 0 to 23, got \(nextDayHour)") }
        if input != nil, guide != nil { throw ValidationError("--guide chooses among your own reviews; it cannot be combined with --input") }
    }

    /// The reviews, and the weights they are compared against: the stored ones for your own
    /// reviews, FSRS-6's defaults for a file.
    func load() async throws -> (sequences: [ReviewSequence], current: FSRSParameters) {
        if let input {
            let log = try readRevlog(input)
            let sequences = ReviewSequence.sequences(from: log, nextDayStartsAt: nextDayHour)
            let kept = sequences.reduce(0) { $0 + $1.ratings.count }
            if kept < log.rows.count {
                printError("\(input): \(log.rows.count - kept) of \(log.rows.count) reviews left out (manual entries, reviews before a card's "
                    + "last first learning, cards with no learning review in the log)")
            }
            return (sequences, .default)
        }
        let trainer = try store.trainer()
        do {
            return (try await trainer.reviewSequences(guide: guide), try await trainer.fsrsParameters())
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }
}

extension FSRSCommand {
    /// `rehearse fsrs optimize`: fit FSRS-6's weights to a review log (spec §3b).
    struct Optimize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit FSRS-6's 21 parameters to your reviews (or a review-log CSV).",
            discussion: """
                Follows fsrs-rs: initial stabilities from each card's first interval, then gradient \
                descent on the recency-weighted log loss of recall. Prints the log loss and RMSE(bins) \
                of the default, current and fitted parameters on the same reviews (those a day or \
                more after the card's previous one).

                --apply first fits the earlier 80% of your reviews and compares it with the current \
                parameters on the latest 20%; the new parameters are stored only when they do no \
                worse there. They then schedule every guide. `--reset` returns to the defaults.

                Exit status: 0 on success, 1 with too little history (fewer than \
                \(FSRSOptimization.minimumPredictions) reviews a day or more apart; the current \
                parameters are kept) or when --apply refused the fit, 2 on bad input.
                """
        )

        @OptionGroup var source: ReviewSource

        @Flag(help: "Store the fitted parameters for scheduling, if they pass the hold-out check.")
        var apply = false

        @Flag(help: "Return scheduling to FSRS-6's default parameters.")
        var reset = false

        @Flag(help: "Print JSON (spec/cli-contracts.md §3b).")
        var json = false

        func validate() throws {
            if apply, source.input != nil { throw ValidationError("--apply fits your own reviews; it cannot be combined with --input") }
            if reset, apply { throw ValidationError("--reset and --apply cannot be combined") }
        }

        func run() async throws {
            if reset {
                do { try await source.store.trainer().resetFSRSParameters() } catch let error as TrainerError { throw refusal(error) }
                print("Scheduling uses FSRS-6's default parameters again.")
                return
            }
            let optimization: FSRSOptimization
            var applied: Bool?
            do {
                if apply {
                    let outcome = try await source.store.trainer().optimizeFSRS(guide: source.guide, apply: true)
                    optimization = outcome.optimization
                    applied = outcome.applied
                } else {
                    let (sequences, current) = try await source.load()
                    optimization = try FSRSOptimization.run(on: sequences, current: current, holdOut: false)
                }
            } catch let error as FSRSOptimizationError {
                printError(error.description)
                throw ExitCode(1)
            } catch let error as TrainerError {
                throw refusal(error)
            }
            if json {
                try printJSON(optimization, applied: applied)
            } else {
                printReport(optimization, applied: applied)
            }
            if applied == false { throw ExitCode(1) }
        }

        func printJSON(_ optimization: FSRSOptimization, applied: Bool?) throws {
            var object: [String: Any] = [
                "parameters": optimization.fit.parameters.weights, "reviews": optimization.reviews,
                "predictions": optimization.fitted.predictions, "cards": optimization.cards, "method": optimization.fit.method.rawValue,
                "log_loss": optimization.fitted.logLoss, "rmse_bins": optimization.fitted.rmseBins,
                "default_log_loss": optimization.defaults.logLoss, "default_rmse_bins": optimization.defaults.rmseBins,
                "current_log_loss": optimization.current.logLoss,
            ]
            if let auc = optimization.fitted.auc { object["auc"] = auc }
            if let applied { object["applied"] = applied }
            if let holdOut = optimization.holdOut {
                object["hold_out"] = [
                    "from": holdOut.from, "predictions": holdOut.current.predictions,
                    "current_log_loss": holdOut.current.logLoss, "fitted_log_loss": holdOut.fitted.logLoss,
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }

        func printReport(_ optimization: FSRSOptimization, applied: Bool?) {
            print("Fitted FSRS-6 to \(optimization.reviews) reviews of \(optimization.cards) cards "
                + "(\(optimization.fitted.predictions) a day or more after the previous one; \(optimization.fit.method.rawValue)).")
            // The current row only when the parameters in use are not the defaults.
            let current = optimization.current == optimization.defaults ? [] : [("current", optimization.current)]
            print(EvaluationTable(rows: [("default", optimization.defaults)] + current + [("fitted", optimization.fitted)]).text)
            print("Parameters: " + optimization.fit.parameters.weights.map { String(format: "%.4f", $0) }.joined(separator: ", "))
            if let holdOut = optimization.holdOut {
                print("Hold-out (latest \(holdOut.current.predictions) reviews, fitted without them): log loss "
                    + String(format: "%.4f fitted against %.4f current.", holdOut.fitted.logLoss, holdOut.current.logLoss))
            }
            switch applied {
            case true?: print("Applied: these parameters now schedule your cards.")
            case false?: print("Not applied: on the latest reviews the fit predicts worse than the current parameters, which are kept.")
            case nil: if source.input == nil { print("Run again with --apply to schedule with them.") }
            }
        }
    }

    /// `rehearse fsrs evaluate`: current against fitted parameters on a time-ordered split.
    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the current and fitted parameters on your latest reviews.",
            discussion: """
                Fits the earlier 80% of the reviews (by time) and scores both the current parameters \
                (yours, --params, or the defaults for a file) and the fitted ones on the latest 20%: \
                log loss, RMSE(bins) and AUC. Lower log loss and RMSE are better; higher AUC is better.

                Exit status: 0 on success, 1 with too little history, 2 on bad input.
                """
        )

        @OptionGroup var source: ReviewSource

        @Option(help: "21 comma-separated FSRS-6 weights to evaluate as the current ones.")
        var params: String?

        func run() async throws {
            var (sequences, current) = try await source.load()
            if let params {
                do { current = try FSRSParameters(parsing: params) } catch {
                    printError("--params: \(error.problems.joined(separator: "; "))")
                    throw ExitCode(2)
                }
            }
            let optimization: FSRSOptimization
            do {
                optimization = try FSRSOptimization.run(on: sequences, current: current, holdOut: true)
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
            guard let holdOut = optimization.holdOut else {
                printError("too few reviews after the split to evaluate")
                throw ExitCode(1)
            }
            print("Latest \(holdOut.current.predictions) of \(optimization.fitted.predictions) reviews held out, "
                + "from \(DayFormat.format(Date(timeIntervalSince1970: Double(holdOut.from) / 1000))):")
            print(EvaluationTable(rows: [("current", holdOut.current), ("fitted", holdOut.fitted)]).text)
            print(holdOut.fitIsNoWorse ? "The fit predicts the held-out reviews no worse than the current parameters."
                : "The fit predicts the held-out reviews worse than the current parameters: keep them.")
        }
    }
}

/// Log loss, RMSE(bins) and AUC of named parameter sets, as a text table.
struct EvaluationTable {
    var rows: [(name: String, evaluation: FSRSEvaluation)]

    var text: String {
        var lines = ["             log loss   RMSE(bins)   AUC"]
        for (name, evaluation) in rows {
            let auc = evaluation.auc.map { String(format: "%.4f", $0) } ?? "n/a"
            lines.append(name.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: " %8.4f   %10.4f   ", evaluation.logLoss, evaluation.rmseBins) + auc)
        }
        return lines.joined(separator: "\n")
    }
}
