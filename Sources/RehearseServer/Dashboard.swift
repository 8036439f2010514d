import Foundation
import Hummingbird
import RehearseApp
import RehearseCore
import RehearseStore

/// The progress dashboard: readiness per guide and section (on the interview date when one
/// is set), retention over the weeks, reviews due in the next 30 days, and a calendar of
/// past reviews.
struct Dashboard: Sendable {
    let trainer: Trainer

    func data(at now: Date) async throws -> StudyProgress {
        try await trainer.progress(at: now, days: 30, retentionWeeks: 12, calendarWeeks: 26)
    }

    func page(visitor: Visitor) async throws -> Response {
        let now = Date()
        let data = try await data(at: now)
        let report = data.report
        let calibration = try await trainer.calibration()
        let leeches = try await trainer.cards(CardQuery(mark: .leech, limit: 1000), at: now).count
        let leechNote = leeches == 0 ? "" : "<p class=\"warning\"><a href=\"/cards?marked=leech\">\(leeches) leech\(leeches == 1 ? "" : "es")</a> (forgotten 8 times or more) \(leeches == 1 ? "is" : "are") suspended: reword or split \(leeches == 1 ? "it" : "them") on the card's page, then unsuspend.</p>"
        let settings = try await trainer.settings(at: now)
        let outlook = try await trainer.outlook(for: StudySession(), at: now)
        let newLeft = max(0, outlook.newPerDay - outlook.newToday)
        let dueToday = report.duePerDay.first ?? 0
        let daysLeft = settings.daysLeft.map { " · \($0) day\($0 == 1 ? "" : "s") to the interview" } ?? ""
        let guides: String = report.groups.map { group -> String in
            let name = group.section.map { "&nbsp;&nbsp;" + Page.escape($0) } ?? "<strong>\(Page.escape(group.guide))</strong>"
            return "<tr><td>\(name)</td><td data-label=\"New\">\(group.new)</td><td data-label=\"Learning\">\(group.learning)</td><td data-label=\"Review\">\(group.review)</td><td data-label=\"Readiness\"><meter min=\"0\" max=\"1\" value=\"\(group.readiness)\"></meter> \(Int((group.readiness * 100).rounded()))%</td></tr>"
        }.joined()
        let readinessDay = DayFormat.format(report.readinessDate)
        let due = Charts.bars(
            report.duePerDay.map(Double.init), labels: (0..<report.duePerDay.count).map { "+\($0)d" },
            title: "Reviews due per day, next 30 days", format: { "\(Int($0))" })
        let retention = Charts.bars(
            data.retentionPerWeek.map(\.retention), labels: data.retentionPerWeek.map { String(DayFormat.format($0.weekStart).dropFirst(5)) },
            maximum: 1, labelEvery: 3, title: "Retention per week", format: { "\(Int(($0 * 100).rounded()))%" })
        let body: String = """
            <h1>Progress</h1>
            <p class="next-step"><a class="button" href="/">Study now: \(dueToday) due today, \(min(newLeft, outlook.newWaiting)) new</a>\(daysLeft)</p>
            \(report.interviewDate.map { "<p>Interview on \(DayFormat.format($0)).</p>" } ?? "")
            \(leechNote)
            <h2>Readiness on <span class="nowrap">\(readinessDay)</span></h2>
            <table class="stack"><thead><tr><th>Guide / section</th><th>New</th><th>Learning</th><th>Review</th><th>Readiness</th></tr></thead><tbody>\(guides)</tbody></table>
            <h2>Reviews due, next 30 days</h2>\(due)
            <h2>Retention per week</h2>\(retention)
            <h2>Past 26 weeks</h2>\(Charts.heatmap(data.reviewsPerDay))
            <h2>Is predicted recall right?</h2>
            <p>Readiness is predicted recall. Here is how your reviews a day or more apart compare with what the model predicted for them.</p>
            \(Charts.calibration(calibration))
            """
        return Page.response(title: "progress", tab: .progress, visitor: visitor, body: body)
    }

    /// The same figures as JSON, for scripts.
    func json() async throws -> Response {
        let data = try await data(at: Date())
        let calibration = try await trainer.calibration()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let report = try JSONSerialization.jsonObject(with: encoder.encode(data.report))
        let object: [String: Any] = [
            "report": report,
            "retention_per_week": data.retentionPerWeek.map { ["week_start": DayFormat.format($0.weekStart), "retention": $0.retention ?? NSNull()] as [String: Any] },
            "reviews_per_day": data.reviewsPerDay.map { ["day": DayFormat.format($0.day), "count": $0.count] as [String: Any] },
            "calibration": calibration.bins.map {
                ["lower": $0.lower, "upper": $0.upper, "predicted": $0.predicted, "recalled": $0.observed, "reviews": $0.reviews] as [String: Any]
            },
        ]
        return try Response.json(object, status: .ok)
    }
}
