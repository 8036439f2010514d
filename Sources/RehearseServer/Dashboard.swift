import Foundation
import Hummingbird
import RehearseCore
import RehearseStore

/// The progress dashboard: readiness per guide and section (on the interview date when one
/// is set), retention over the weeks, reviews due in the next 30 days, and a calendar of
/// past reviews.
struct Dashboard: Sendable {
    let store: Store

    struct Data {
        var report: StatsReport
        var retention: [(weekStart: Date, retention: Double?)]
        var history: [(day: Date, count: Int)]
    }

    func data(at now: Date) throws -> Data {
        let scheduler = Scheduler(interviewDate: try store.interviewDate())
        let report = try store.stats(at: now, readinessDate: max(scheduler.interviewDate ?? now, now), days: 30, scheduler: scheduler)
        return Data(
            report: report, retention: try store.retentionPerWeek(weeks: 12, to: now),
            history: try store.reviewsPerDay(from: now.addingTimeInterval(-26 * 7 * 86_400), to: now))
    }

    func page(visitor: Visitor) throws -> Response {
        let data = try data(at: Date())
        let report = data.report
        let guides: String = report.groups.map { group -> String in
            let name = group.section.map { "&nbsp;&nbsp;" + Page.escape($0) } ?? "<strong>\(Page.escape(group.guide))</strong>"
            return "<tr><td>\(name)</td><td>\(group.new)</td><td>\(group.learning)</td><td>\(group.review)</td><td><meter min=\"0\" max=\"1\" value=\"\(group.readiness)\"></meter> \(Int((group.readiness * 100).rounded()))%</td></tr>"
        }.joined()
        let readinessDay = DayText.format(report.readinessDate)
        let due = Charts.bars(
            report.duePerDay.map(Double.init), labels: (0..<report.duePerDay.count).map { "+\($0)d" },
            title: "Reviews due per day, next 30 days", format: { "\(Int($0)) due" })
        let retention = Charts.bars(
            data.retention.map { $0.retention ?? 0 }, labels: data.retention.map { String(DayText.format($0.weekStart).dropFirst(5)) },
            maximum: 1, labelEvery: 3, title: "Retention per week", format: { "\(Int(($0 * 100).rounded()))%" })
        let body: String = """
            <h1>Progress</h1>
            \(report.interviewDate.map { "<p>Interview on \(DayText.format($0)).</p>" } ?? "")
            <h2>Readiness on \(readinessDay)</h2>
            <table><thead><tr><th>Guide / section</th><th>New</th><th>Learning</th><th>Review</th><th>Readiness</th></tr></thead><tbody>\(guides)</tbody></table>
            <h2>Reviews due, next 30 days</h2>\(due)
            <h2>Retention per week</h2>\(retention)
            <h2>Past 26 weeks</h2>\(Charts.heatmap(data.history))
            """
        return Page.response(title: "progress", tab: .progress, visitor: visitor, body: body)
    }

    /// The same figures as JSON, for scripts.
    func json() throws -> Response {
        let data = try data(at: Date())
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let report = try JSONSerialization.jsonObject(with: encoder.encode(data.report))
        let object: [String: Any] = [
            "report": report,
            "retention_per_week": data.retention.map { ["week_start": DayText.format($0.weekStart), "retention": $0.retention ?? NSNull()] as [String: Any] },
            "reviews_per_day": data.history.map { ["day": DayText.format($0.day), "count": $0.count] as [String: Any] },
        ]
        return try Response.json(object, status: .ok)
    }
}
