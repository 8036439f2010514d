import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore
import RehearseStore

/// `rehearse stats`: where the candidate stands.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show cards, retention, the coming workload and readiness per guide and section.",
        discussion: """
            Readiness is the mean predicted recall of a guide's cards on a date (never-seen \
            cards count as 0): today by default, the interview date when one is set with \
            `rehearse plan`, or the date given with --on.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Compute readiness on this date, YYYY-MM-DD (default: the interview date, else today).")
    var on: String?

    @Flag(help: "Instead of the report, compare predicted recall with what you recalled (the evidence behind readiness).")
    var calibration = false

    @Option(help: "With --calibration: only this guide's reviews.")
    var guide: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if guide != nil, !calibration { throw ValidationError("--guide goes with --calibration") }
        if let on, DayFormat.parse(on) == nil { throw ValidationError("--on must be a date as YYYY-MM-DD, got \"\(on)\"") }
    }

    func run() async throws {
        if calibration {
            try await printCalibration()
            return
        }
        let report = try await store.trainer().progress(readinessOn: on.flatMap { DayFormat.parse($0) }).report
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
            return
        }
        print(render(report))
    }

    func render(_ report: StatsReport) -> String {
        var lines: [String] = []
        if let interview = report.interviewDate { lines.append("Interview: \(DayFormat.format(interview))") }
        lines.append("Readiness on \(DayFormat.format(report.readinessDate)); reviews today: \(report.reviewsToday)\n")
        lines.append(pad("guide / section", 46) + pad("new", 6) + pad("learn", 6) + pad("review", 7) + pad("ret 7d", 8) + pad("ret 30d", 8) + "ready")
        for group in report.groups {
            let name = group.section.map { "  " + $0 } ?? group.guide
            lines.append(pad(String(name.prefix(44)), 46) + pad("\(group.new)", 6) + pad("\(group.learning)", 6) + pad("\(group.review)", 7)
                + pad(percent(group.retention7), 8) + pad(percent(group.retention30), 8) + percent(group.readiness))
        }
        lines.append("\nDue in the next \(report.duePerDay.count) days:")
        let peak = max(report.duePerDay.max() ?? 0, 1)
        for (day, count) in report.duePerDay.enumerated() {
            let date = Calendar.current.date(byAdding: .day, value: day, to: Date()) ?? Date()
            let bar = String(repeating: "█", count: Int((Double(count) / Double(peak) * 40).rounded(.up)))
            lines.append("\(DayFormat.format(date)) \(pad("\(count)", 5)) \(bar)")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    /// Predicted recall beside recalled, per bin of prediction.
    func printCalibration() async throws {
        let calibration: RecallCalibration
        do {
            calibration = try await store.trainer().calibration(guide: guide)
        } catch let error as TrainerError {
            throw refusal(error)
        }
        if json {
            let bins = calibration.bins.map {
                ["lower": $0.lower, "upper": $0.upper, "predicted": $0.predicted, "recalled": $0.observed, "reviews": $0.reviews] as [String: Any]
            }
            FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: ["bins": bins, "reviews": calibration.reviews], options: [.sortedKeys]) + Data("\n".utf8))
            return
        }
        guard !calibration.bins.isEmpty else {
            print("No reviews a day or more after the card's previous one yet: nothing to compare.")
            return
        }
        print("Predicted recall against recalled, over \(calibration.reviews) reviews a day or more after the card's previous one:")
        print("  predicted    mean   recalled   reviews")
        for bin in calibration.bins {
            let range = String(format: "%3.0f–%3.0f%%", bin.lower * 100, bin.upper * 100)
            print("  \(range)  " + String(format: "%5.1f%%    %5.1f%%   %7d", bin.predicted * 100, bin.observed * 100, bin.reviews)
                + (bin.reviews < 100 ? "   (few reviews)" : ""))
        }
    }
}
