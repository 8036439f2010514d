import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore

/// `rehearse guides`: the imported guides; `--delete` removes one.
struct GuidesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guides",
        abstract: "List the imported guides, or delete one with its cards.",
        discussion: """
            --delete ID removes the guide, its cards and their reviews, after writing the reviews \
            to a CSV beside the database (card_id, review_time, review_rating, review_duration: the \
            review-log format `rehearse fsrs` reads). Asks for confirmation unless --yes is given.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The id of a guide to delete.")
    var delete: String?

    @Flag(help: "Delete without asking.")
    var yes = false

    func run() async throws {
        let trainer = try store.trainer()
        guard let id = delete else {
            let guides = try await trainer.guideTitles()
            if guides.isEmpty { say("No guide is imported yet (rehearse import PATH).") }
            for guide in guides { say("\(guide.id)\(guide.title.map { "  \($0)" } ?? "")") }
            return
        }
        do {
            let known = try await trainer.guideIDs()
            guard known.contains(id) else { throw TrainerError.unknownGuide(id, known: known) }
            let export = try await trainer.reviewLogCSV(guide: id)
            let folder = (store.path as NSString).deletingLastPathComponent
            let file = (folder as NSString).appendingPathComponent("deleted-\(id)-\(DayFormat.format(Date())).csv")
            if !yes {
                print("Delete guide \(id) with its cards and their \(export.reviews) reviews? The reviews are written to \(file) first. [y/N] ", terminator: "")
                guard let reply = readLine(), reply.lowercased().hasPrefix("y") else {
                    say("Nothing deleted.")
                    return
                }
            }
            do {
                try Data(export.csv.utf8).write(to: URL(fileURLWithPath: file))
            } catch {
                printError("\(file): cannot write the reviews' export, so nothing was deleted: \((error as NSError).localizedDescription)")
                throw ExitCode(1)
            }
            let deleted = try await trainer.deleteGuide(id: id)
            say("Deleted \(id): \(deleted.cards) cards and \(deleted.reviews) reviews (kept in \(file)).")
        } catch let error as TrainerError {
            throw refusal(error)
        }
    }
}
