import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse inspect PATH [--json]`: what the importer understood of a guide.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what Rehearse understood of a guide.",
        discussion: """
            Reads a guide (flattened plain text or GitHub Markdown, detected from the name \
            and the content) and prints its outline: the sections with the items each holds, \
            and warnings such as a code block whose indentation could not be restored.
            With --json, prints the document described in spec/cli-contracts.md §1.

            Exit status: 0 when the guide was read, 2 when it could not be (the error names \
            the file and line).
            """
    )

    @Argument(help: "The guide file to read (.txt flattened text, .md Markdown).")
    var path: String

    @Flag(help: "Print the guide's structure as JSON instead of an outline.")
    var json = false

    func run() throws {
        let guide = try GuideFile.readOrExit(path)
        if json {
            var data = try guide.jsonData()
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            print(GuideOutline(guide: guide, fileName: path).render())
        }
    }
}

/// Writes `rehearse: message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("rehearse: \(message)\n".utf8))
}
