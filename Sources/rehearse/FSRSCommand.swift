import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse fsrs …`: the FSRS-6 model on its own, for scripts and comparisons.
struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "Run the FSRS-6 memory model on review logs.",
        subcommands: [States.self, Optimize.self, Evaluate.self]
    )

    /// `rehearse fsrs states --input REVLOG.csv [--params …] --jsonl`.
    struct States: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay review histories and print the memory state after every review.",
            discussion: """
                REVLOG.csv has a header with card_id, review_time (milliseconds since the Unix \
                epoch, UTC) and review_rating (1-4); other columns are ignored. Each card's \
                reviews are replayed in time order, elapsed time counted in whole UTC calendar \
                days. Prints one JSON object per review (spec/cli-contracts.md §3).

                Exit status: 0 on success, 2 on bad input (the error names the file and line).
                """
        )

        @Option(help: "The review-log CSV to replay.")
        var input: String

        @Option(help: "21 comma-separated FSRS-6 weights (default: the FSRS-6 defaults).")
        var params: String?

        @Option(help: "The hour (0-23, UTC) at which a new day starts (default: 0, midnight UTC).")
        var nextDayHour: Int = 0

        @Flag(help: "Print JSON Lines (the only format; accepted for scripts that pass it).")
        var jsonl = false

        func validate() throws {
            guard (0...23).contains(nextDayHour) else { throw ValidationError("--next-day-hour must be 0 to 23, got \(nextDayHour)") }
        }

        func run() throws {
            let parameters: FSRSParameters
            do {
                parameters = try params.map { text throws(FSRSParameterError) in try FSRSParameters(parsing: text) } ?? .default
            } catch {
                printError("--params: \(error.problems.joined(separator: "; "))")
                throw ExitCode(2)
            }
            let log = try readRevlog(input)
            let replay = MemoryReplay(model: MemoryModel(parameters: parameters), nextDayStartsAt: nextDayHour)
            var output = ""
            output.reserveCapacity(log.rows.count * 140)
            for history in log.histories {
                let states = replay.states(for: history.reviews.map { MemoryReplay.Review(time: $0.time, rating: $0.rating) })
                for (review, state) in zip(history.reviews, states) {
                    output += "{\"card_id\":\(history.cardID),\"review_time\":\(review.timeMilliseconds),\"rating\":\(review.rating.rawValue),"
                    output += "\"elapsed_days\":\(state.elapsedDays),\"retrievability\":\(state.retrievability.map { "\($0)" } ?? "null"),"
                    output += "\"stability\":\(state.stability),\"difficulty\":\(state.difficulty)}\n"
                }
                if output.utf8.count > 1 << 20 {
                    FileHandle.standardOutput.write(Data(output.utf8))
                    output.removeAll(keepingCapacity: true)
                }
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}

/// Reads a review-log CSV, or exits with status 2 and a message naming the file and line.
func readRevlog(_ path: String) throws -> RevlogCSV {
    do {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try RevlogCSV(text: text, fileName: path)
    } catch let error as RevlogError {
        printError(error.description)
        throw ExitCode(2)
    } catch {
        printError("\(path): cannot read the file: \((error as NSError).localizedDescription)")
        throw ExitCode(2)
    }
}
