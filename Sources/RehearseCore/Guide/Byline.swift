/// The line a blog post or an article carries under its title, about the page and not part of
/// its content: who wrote it, when, how long it takes to read, how hard it is (`By Ana Ruiz ·
/// 8 min read`, `Last updated: 3 March 2025`, `*5 minute read*`, `Difficulty: Medium · Time:
/// 45 min`). Both readers drop such lines right under the title, where the flat reader would
/// otherwise make one a section's heading.
enum Byline {
    /// Where a guide goes on after the bylines that start at line `start` (blank lines
    /// between them allowed): the line after the last, or `start` when there is none.
    static func skipped(in lines: GuideLines, from start: Int) -> Int {
        var index = start
        var end = start
        while index < lines.count, index - start < 4 {
            // A Markdown quote under the title (`> Priority: HIGH · Last reviewed: …`) is read
            // without its markers.
            let text = lines[index].trimmingWhitespace().drop { $0 == ">" || $0 == " " }
            if !text.isEmpty {
                // A byline that states the guide's priority is read on: the priority counts.
                guard contains(text), ItemExtractor.statedPriority(text) == nil else { break }
                end = index + 1
            }
            index += 1
        }
        return end
    }

    /// Whether `text` (trimmed, emphasis markers allowed around it) is a byline.
    static func contains(_ text: Substring) -> Bool {
        let line = Substring(text.trimmed(of: "*_ "))
        guard line.utf8.count <= 120, !line.isEmpty else { return false }
        if readingTime(in: line) { return true }
        let lower = line.lowercased()
        if ["author:", "written by ", "posted ", "published ", "updated ", "updated:", "last updated", "last modified", "date:",
            "difficulty:", "level:", "tags:", "category:", "estimated time"]
            .contains(where: { lower.hasPrefix($0) })
        {
            return true
        }
        // `Difficulty: Medium · Time: 45 min`: facts about the page, side by side.
        let parts = line.split(separator: " · ").flatMap { $0.split(separator: " | ") }
        if parts.count >= 2, parts.allSatisfy({ $0.labelled.map { $0.label.wordCount <= 2 } ?? false }) { return true }
        guard line.hasPrefix("By ") else { return false }
        // `By default, the cache …` is a sentence; `By Ana Ruiz` and `By a practitioner · 2024` are not.
        let separated = [" · ", " | ", " • ", " — "].contains { line.contains($0) }
        return separated || line.wordCount <= 5 && !line.contains(",") && !".!?:".contains(line.last ?? " ")
    }

    /// `8 min read`, `5 minute read`, `12 mins read`.
    private static func readingTime(in line: Substring) -> Bool {
        let words = line.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        for (index, word) in words.enumerated() where word.allSatisfy(\.isNumber) && index + 2 < words.count {
            if ["min", "mins", "minute", "minutes"].contains(words[index + 1]), words[index + 2] == "read" { return true }
        }
        return false
    }
}
