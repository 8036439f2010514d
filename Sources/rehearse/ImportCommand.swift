import ArgumentParser
import Foundation
import RehearseCore
import RehearseLab
import RehearseStore

/// `rehearse import PATH…`: guides into the database.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import guides (files or folders of .md and .txt) into the trainer.",
        discussion: """
            A folder is read as a series, in the order of the guides' numbers (03-…, 04-…). \
            Importing a guide again updates it in place: cards whose answer changed keep \
            their history, cards no longer in the guide are retired (their reviews kept). \
            The guide's Python snippets are run in a sandbox (as `rehearse check` does): those \
            that print the same output twice become "What does this print?" cards.

            Exit status: 0 when every guide was imported, 2 when one could not be read \
            (the others are still imported).
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Guide files or folders.")
    var paths: [String]

    @Flag(help: "Do not run the guide's snippets to make predict-the-output cards.")
    var noLab = false

    func run() throws {
        let database = try store.open()
        let lab = noLab ? nil : Isolation.detect().flatMap { try? CodeLab(runner: ForkServerPool(isolation: $0)) }
        if !noLab && lab == nil {
            printError("warning: no sandbox to run snippets in (install bubblewrap); predict-the-output cards are left as they were")
        }
        var failed = false
        for file in try GuideFiles.expand(paths) {
            do {
                let (guide, text) = try GuideFile.readWithText(file)
                // Run twice: only snippets that print the same both times make cards.
                let checks = lab.map { ($0.check(guide), $0.check(guide)) }
                let outputCards = checks.map { PredictOutputCards.cards(guide: guide, first: $0.0, second: $0.1) }
                let report = try database.importGuide(
                    guide, text: text, outputCards: outputCards, labReport: checks?.0, source: file, at: Date())
                let outputs = outputCards.map { ", \($0.count) predict-the-output" } ?? ""
                print("\(guide.id): \(report.added) added, \(report.changed) changed, \(report.retired) retired, \(report.unchanged) unchanged\(outputs)")
                for warning in guide.warnings.prefix(5) { print("  \(file):\(warning.line): \(warning.message)") }
            } catch let error as GuideError {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
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
            let guides = names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") || $0.hasSuffix(".markdown") }
            files += guides.sorted { seriesKey($0) < seriesKey($1) }.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Guides sort by their leading number, then by name.
    static func seriesKey(_ name: String) -> (Int, String) {
        (Int(name.prefix { $0.isNumber }) ?? Int.max, name)
    }
}
