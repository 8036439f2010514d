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
            With --cards, lists each item with the line it starts on and the cards it makes. \
            With --json, prints the document described in spec/cli-contracts.md §1.

            Exit status: 0 when the guide was read, 2 when it could not be (the error names \
            the file and line).
            """
    )

    @Argument(help: "The guide file to read (.txt flattened text, .md Markdown).")
    var path: String

    @Flag(help: "Print the guide's structure as JSON instead of an outline.")
    var json = false

    @Flag(help: "List each item with the cards it makes (their prompts) instead of the outline.")
    var cards = false

    func validate() throws {
        if json && cards { throw ValidationError("--json and --cards are two different views; choose one") }
    }

    func run() throws {
        let guide = try GuideFile.readOrExit(path)
        if json {
            var data = try guide.jsonData()
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else if cards {
            print(Self.cardList(guide, fileName: path))
        } else {
            print(GuideOutline(guide: guide, fileName: path).render())
        }
    }

    /// Each item, where it starts, and the first line of each card's prompt, under its section.
    static func cardList(_ guide: Guide, fileName: String) -> String {
        var lines: [String] = []
        var section: [String]?
        var total = 0
        for (item, cards) in CardFactory.cardsByItem(from: guide) {
            if item.section != section {
                section = item.section
                lines.append(item.section.isEmpty ? "(before the first heading)" : item.section.joined(separator: " › "))
            }
            let place = "  \(fileName):\(item.lines.lowerBound)  \(item.kind.rawValue)"
            guard !cards.isEmpty else {
                lines.append(place + "  (no card)")
                continue
            }
            for card in cards {
                let prompt = card.prompt.split(separator: "\n").first.map(String.init) ?? ""
                let kind = card.kind.rawValue == item.kind.rawValue ? "" : "\(card.kind.rawValue): "
                lines.append(place + "  → \(kind)\(prompt.count > 90 ? prompt.prefix(89) + "…" : prompt)")
            }
            total += cards.count
        }
        lines.append("")
        lines.append("\(guide.items.count) items, \(total) cards")
        return lines.joined(separator: "\n")
    }
}

/// Writes `rehearse: message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("rehearse: \(message)\n".utf8))
}
