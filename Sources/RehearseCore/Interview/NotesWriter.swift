import Foundation

/// Writes a guide's "My Notes" section from evidence: what the candidate is solid on, what
/// needs review, and the code or stories they use but cannot explain well. Each line names
/// the card and its evidence (recent ratings, typed-answer grades, last review, predicted
/// recall).
public struct NotesWriter: Sendable {
    /// The three headings, taken from the guide's own notes prompts when it has them.
    public var headings: [String]

    public init(headings: [String] = []) {
        let defaults = ["Concepts I'm solid on", "Concepts I need to review", "Code patterns I use but can't explain well"]
        self.headings = (0..<3).map { $0 < headings.count ? headings[$0] : defaults[$0] }
    }

    /// Solid: stable (three weeks or more), recalled, no recent failure, good typed answers.
    static func isSolid(_ entry: CardEvidence) -> Bool {
        guard let stability = entry.stability, let recall = entry.recall else { return false }
        return stability >= 21 && recall >= 0.85 && !entry.recentRatings.prefix(3).contains(1) && (entry.meanGrade ?? 1) >= 0.6
    }

    /// Needs review: recall falling, lapses, or weak typed answers.
    static func needsReview(_ entry: CardEvidence) -> Bool {
        guard entry.lastReview != nil else { return false }
        return (entry.recall ?? 0) < 0.8 || entry.lapses > 0 || entry.recentRatings.first.map { $0 <= 2 } == true
            || (entry.meanGrade ?? 1) < 0.5
    }

    /// Code and story cards answered poorly.
    static func cannotExplain(_ entry: CardEvidence) -> Bool {
        guard entry.card.kind == .story || entry.card.kind == .claim || entry.card.section.contains(where: { $0.lowercased().contains("code") }) else { return false }
        return needsReview(entry)
    }

    /// The section as Markdown.
    public func markdown(guideTitle: String, entries: [CardEvidence], now: Date) -> String {
        let patterns = entries.filter(Self.cannotExplain)
        let patternIDs = Set(patterns.map(\.card.id))
        let solid = entries.filter(Self.isSolid).sorted { ($0.stability ?? 0) > ($1.stability ?? 0) }
        let review = entries.filter { Self.needsReview($0) && !patternIDs.contains($0.card.id) }.sorted { ($0.recall ?? 0) < ($1.recall ?? 0) }
        var lines = ["## My Notes", "", "_Filled from your reviews of \(guideTitle) on \(Self.day(now))._", ""]
        for (heading, group) in zip(headings, [solid, review, patterns]) {
            lines.append("### \(heading)")
            lines.append("")
            if group.isEmpty {
                lines.append("- (nothing yet)")
            } else {
                lines += group.prefix(15).map { "- " + line(for: $0, now: now) }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    func line(for entry: CardEvidence, now: Date) -> String {
        var evidence: [String] = []
        if !entry.recentRatings.isEmpty {
            evidence.append("ratings " + entry.recentRatings.prefix(5).map { Rating(rawValue: $0)?.name ?? "?" }.joined(separator: ", "))
        }
        if let grade = entry.meanGrade { evidence.append("typed answers \(Int((grade * 100).rounded()))%") }
        if entry.lapses > 0 { evidence.append("\(entry.lapses) lapse\(entry.lapses == 1 ? "" : "s")") }
        if let last = entry.lastReview { evidence.append("last reviewed \(Self.day(last))") }
        if let recall = entry.recall { evidence.append("predicted recall \(Int((recall * 100).rounded()))%") }
        let place = entry.card.section.last.map { " (\($0))" } ?? ""
        return "**\(entry.card.prompt.replacingOccurrences(of: "\n", with: " "))**\(place) — " + evidence.joined(separator: "; ")
    }

    static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// A card with the evidence of how well it is known, as the store reports it.
public struct CardEvidence: Sendable, Equatable {
    public var card: Card
    /// Predicted recall now; nil when never reviewed.
    public var recall: Double?
    public var stability: Double?
    public var lastReview: Date?
    public var lapses: Int
    /// The last ratings, newest first.
    public var recentRatings: [Int]
    /// The mean grader score of typed answers, when there were any.
    public var meanGrade: Double?

    public init(card: Card, recall: Double?, stability: Double?, lastReview: Date?, lapses: Int, recentRatings: [Int], meanGrade: Double?) {
        self.card = card
        self.recall = recall
        self.stability = stability
        self.lastReview = lastReview
        self.lapses = lapses
        self.recentRatings = recentRatings
        self.meanGrade = meanGrade
    }
}
