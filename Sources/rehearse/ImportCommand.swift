import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore

/// `rehearse import PATH…`: guides into the database.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import guides (files or folders of .md and .txt) or Anki packages into the trainer.",
        discussion: """
            A folder is read as a series, in the order of the guides' numbers (03-…, 04-…). \
            Importing a guide again updates it in place: cards whose answer changed keep \
            their history, cards no longer in the guide are retired (their reviews kept). \
            The guide's Python snippets are run in a sandbox (as `rehearse check` does): those \
            that print the same output twice become "What does this print?" cards. Snippets \
            and claims that have not changed since the guide's last import are not run again.

            An Anki deck package (.apkg), collection package (.colpkg), collection \
            (collection.anki2) or notes exported as plain text (Notes in Plain Text), \
            recognised by its content, becomes one guide per top-level \
            deck (sub-decks are sections) with its cards' schedules, flags and suspensions \
            and its review log; memory states are recomputed from the log. Media are \
            skipped (and counted). Importing the same file again changes nothing.

            Exit status: 0 when every guide was imported, 2 when one could not be read \
            (the others are still imported).
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Guide files, Anki files, or folders of them.")
    var paths: [String]

    @Flag(help: "Do not run the guide's snippets to make predict-the-output cards.")
    var noLab = false

    func run() async throws {
        GuideReader.prepare()
        let trainer = try store.trainer(lab: (run: !noLab, warm: true))
        var failed = false
        for file in try GuideFiles.expand(paths) {
            if Trainer.isAnkiFile(path: file) {
                do {
                    try await importAnki(file, trainer: trainer)
                } catch let error as TrainerError {
                    guard case .ankiPackage = error else { throw refusal(error) }
                    printError(error.description)
                    failed = true
                }
                continue
            }
            do {
                let outcome = try await trainer.importGuide(file: file)
                let report = outcome.report
                let outputs = outcome.predictOutputCards.map { ", \($0) predict-the-output" } ?? ""
                let edits = report.keptEdits > 0 ? ", \(report.keptEdits) of your edits kept" : ""
                print("\(outcome.guide.id): \(report.added) added, \(report.changed) changed, \(report.retired) retired, \(report.unchanged) unchanged\(outputs)\(edits)")
                for warning in outcome.guide.warnings.prefix(5) { print("  \(file):\(warning.line): \(warning.message)") }
            } catch let error as TrainerError {
                guard case .unreadableGuide = error else { throw refusal(error) }
                printError(error.description)
                failed = true
            }
        }
        if !noLab, await !trainer.runsLab {
            printError("warning: no sandbox to run snippets in (install bubblewrap); predict-the-output cards were left as they were")
        }
        if failed { throw ExitCode(2) }
    }
}

extension ImportCommand {
    private func importAnki(_ file: String, trainer: Trainer) async throws {
        let outcome = try await trainer.importAnki(file: file)
        let report = outcome.report
        print("\(file): \(report.guides.joined(separator: ", ")): \(report.addedCards) added, \(report.changedCards) changed, "
            + "\(report.unchangedCards) unchanged; \(report.addedReviews) reviews added, \(report.updatedSchedules) schedules taken from the file")
        if outcome.skippedMedia > 0 { print("  \(outcome.skippedMedia) media files skipped (Rehearse shows text only)") }
        if outcome.missingMedia > 0 { print("  warning: \(file): \(outcome.missingMedia) media files are listed but missing from the package") }
        if outcome.skippedReviews > 0 { print("  \(outcome.skippedReviews) review-log entries skipped (manual reschedules, or cards not imported)") }
        for note in outcome.skippedNotes.prefix(5) { print("  skipped \(note)") }
        if outcome.skippedNotes.count > 5 { print("  … and \(outcome.skippedNotes.count - 5) more notes skipped") }
    }
}

/// Expanding folders into the guide files they hold, in series order.
enum GuideFiles {
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                printError("\(path): no such file or folder")
                throw ExitCode(2)
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let guides = names.filter { Trainer.isGuideFileName($0) || Trainer.isAnkiFileName($0) }
            files += guides.sorted { seriesKey($0) < seriesKey($1) }.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Guides sort by their leading number, then by name.
    static func seriesKey(_ name: String) -> (Int, String) {
        (Int(name.prefix { $0.isNumber }) ?? Int.max, name)
    }
}
