/// A readable outline of a guide: its sections with what each holds, and the reader's warnings.
public struct GuideOutline: Sendable {
    public let guide: Guide
    /// The file name warnings are reported against.
    public let fileName: String

    public init(guide: Guide, fileName: String) {
        self.guide = guide
        self.fileName = fileName
    }

    /// The outline as lines of text, one section a line.
    public func render() -> String {
        var lines: [String] = []
        let heading = [guide.number, guide.title].compactMap { $0 }.joined(separator: " — ")
        lines.append(heading.isEmpty ? guide.id : heading)
        var facts = ["id \(guide.id)", guide.format.rawValue]
        if let priority = guide.priority { facts.append("priority \(priority.rawValue)") }
        if let next = guide.next { facts.append("next \(next)") }
        lines.append("  " + facts.joined(separator: " · "))
        lines.append("")
        // Counted once per section path: a guide may hold thousands of sections and items.
        var counts: [[String]: [ItemKind: Int]] = [:]
        for item in guide.items { counts[item.section, default: [:]][item.kind, default: 0] += 1 }
        if let unfiled = counts[[]] { lines.append(row(indent: 0, title: "(before the first heading)", counts: unfiled)) }
        appendSections(guide.sections, path: [], depth: 0, counts: counts, into: &lines)
        lines.append("")
        let totals = Dictionary(grouping: guide.items, by: \.kind)
        let summary = ItemKind.allCases.compactMap { kind in totals[kind].map { "\($0.count) \(kind.rawValue)" } }
        lines.append("\(guide.items.count) items: " + summary.joined(separator: ", "))
        let guessed = guide.indentationGuesses.filter(\.isGuessed)
        if !guessed.isEmpty {
            lines.append("")
            lines.append("\(guessed.count) code block\(guessed.count == 1 ? "" : "s") with guessed indentation:")
            for guess in guessed {
                lines.append("  \(fileName):\(guess.lines.lowerBound): \(guess.note), confidence \(Int((guess.confidence * 100).rounded()))%")
            }
        }
        if !guide.warnings.isEmpty {
            lines.append("")
            lines.append("\(guide.warnings.count) warning\(guide.warnings.count == 1 ? "" : "s"):")
            for warning in guide.warnings { lines.append("  \(fileName):\(warning.line): \(warning.message)") }
        }
        return lines.joinedLines()
    }

    private func appendSections(_ sections: [Section], path: [String], depth: Int, counts: [[String]: [ItemKind: Int]], into lines: inout [String]) {
        for section in sections {
            let sectionPath = path + [section.title]
            lines.append(row(indent: depth, title: section.title, counts: counts[sectionPath] ?? [:]))
            appendSections(section.children, path: sectionPath, depth: depth + 1, counts: counts, into: &lines)
        }
    }

    private func row(indent: Int, title: String, counts: [ItemKind: Int]) -> String {
        let label = String(repeating: "  ", count: indent) + title
        let parts = ItemKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
        let padded = label.count < 44 ? label + String(repeating: " ", count: 44 - label.count) : label + "  "
        return padded + parts.joined(separator: " · ")
    }
}
