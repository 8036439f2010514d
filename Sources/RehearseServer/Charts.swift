import Foundation
import RehearseCore

/// Charts drawn as SVG on the server: no script, font or CDN. Colours come from classes in
/// style.css, so they follow the light or dark scheme.
enum Charts {
    /// Vertical bars with a label under each, scaled to the largest value, each value written
    /// above its bar where there is room (a phone has no hover). A nil value has no data: it
    /// is drawn as a dash, not as a zero.
    /// - Parameter labelEvery: label one bar in so many, so that labels never overlap.
    static func bars(_ values: [Double?], labels: [String], maximum: Double? = nil, labelEvery: Int = 5, title: String, format: (Double) -> String) -> String {
        let width = max(values.count * 22, 200)
        let height = 140
        let top = max(maximum ?? values.compactMap { $0 }.max() ?? 1, 1e-9)
        var svg = "<svg class=\"chart\" viewBox=\"0 -14 \(width) \(height + 44)\" role=\"img\" aria-label=\"\(Page.escape(title))\"><title>\(Page.escape(title))</title>"
        for (index, value) in values.enumerated() {
            let x = index * 22 + 2
            let labelled = index % labelEvery == 0
            if let value {
                let barHeight = Int((value / top * Double(height)).rounded())
                svg += "<rect class=\"bar\" x=\"\(x)\" y=\"\(height - barHeight)\" width=\"18\" height=\"\(barHeight)\"><title>\(Page.escape(labels[index])): \(Page.escape(format(value)))</title></rect>"
                if labelled || values.count <= 12 {
                    svg += "<text class=\"value\" x=\"\(x + 9)\" y=\"\(height - barHeight - 3)\" text-anchor=\"middle\">\(Page.escape(format(value)))</text>"
                }
            } else {
                svg += "<text class=\"value none\" x=\"\(x + 9)\" y=\"\(height - 3)\" text-anchor=\"middle\"><title>\(Page.escape(labels[index])): no data</title>–</text>"
            }
            if labelled {
                svg += "<text class=\"label\" x=\"\(x + 9)\" y=\"\(height + 14)\" text-anchor=\"middle\">\(Page.escape(labels[index]))</text>"
            }
        }
        svg += "<line class=\"axis\" x1=\"0\" y1=\"\(height)\" x2=\"\(width)\" y2=\"\(height)\"/>"
        return svg + "</svg>"
    }

    /// Predicted recall beside observed recall, one pair of bars per bin of prediction, the
    /// number of reviews under each pair. Bins with fewer than `minimum` reviews are left out.
    static func calibration(_ calibration: RecallCalibration, minimum: Int = 20) -> String {
        let bins = calibration.bins.filter { $0.reviews >= minimum }
        guard !bins.isEmpty else { return "<p>Not enough reviews yet: each bar needs \(minimum) reviews a day or more apart.</p>" }
        let title = "Predicted recall against recalled, per bin of prediction"
        let width = max(bins.count * 40, 200), height = 140
        var svg = "<svg class=\"chart\" viewBox=\"0 -14 \(width) \(height + 58)\" role=\"img\" aria-label=\"\(Page.escape(title))\"><title>\(Page.escape(title))</title>"
        func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
        for (index, bin) in bins.enumerated() {
            let x = index * 40 + 3
            let label = "\(percent(bin.lower))–\(percent(bin.upper))"
            for (offset, value, kind) in [(0, bin.predicted, "predicted"), (17, bin.observed, "recalled")] {
                let barHeight = Int((value * Double(height)).rounded())
                svg += "<rect class=\"bar \(kind)\" x=\"\(x + offset)\" y=\"\(height - barHeight)\" width=\"15\" height=\"\(barHeight)\"><title>\(label): \(kind) \(percent(value))</title></rect>"
                svg += "<text class=\"value\" x=\"\(x + offset + 7)\" y=\"\(height - barHeight - 3)\" text-anchor=\"middle\">\(percent(value))</text>"
            }
            svg += "<text class=\"label\" x=\"\(x + 16)\" y=\"\(height + 14)\" text-anchor=\"middle\">\(label)</text>"
            svg += "<text class=\"label\" x=\"\(x + 16)\" y=\"\(height + 27)\" text-anchor=\"middle\">n=\(bin.reviews)</text>"
        }
        svg += "<line class=\"axis\" x1=\"0\" y1=\"\(height)\" x2=\"\(width)\" y2=\"\(height)\"/>"
        svg += "<rect class=\"bar predicted\" x=\"3\" y=\"\(height + 36)\" width=\"10\" height=\"8\"/><text class=\"label\" x=\"16\" y=\"\(height + 43)\">predicted</text>"
        svg += "<rect class=\"bar recalled\" x=\"73\" y=\"\(height + 36)\" width=\"10\" height=\"8\"/><text class=\"label\" x=\"86\" y=\"\(height + 43)\">recalled</text>"
        return svg + "</svg>"
    }

    /// A calendar of past days, one square a day, weeks as columns, darker with more reviews.
    static func heatmap(_ days: [(day: Date, count: Int)], calendar: Calendar = .current) -> String {
        let peak = max(days.map(\.count).max() ?? 0, 1)
        let weeks = (days.count + 6) / 7 + 1
        var svg = "<svg class=\"chart heatmap\" viewBox=\"0 0 \(weeks * 13 + 4) \(7 * 13 + 4)\" role=\"img\" aria-label=\"Reviews per day\"><title>Reviews per day</title>"
        guard let first = days.first?.day else { return svg + "</svg>" }
        let offset = (calendar.component(.weekday, from: first) + 5) % 7  // Monday first
        for (index, entry) in days.enumerated() {
            let slot = index + offset
            let level = entry.count == 0 ? 0 : 1 + min(3, entry.count * 4 / (peak + 1))
            svg += "<rect class=\"level\(level)\" x=\"\(slot / 7 * 13 + 2)\" y=\"\(slot % 7 * 13 + 2)\" width=\"11\" height=\"11\" rx=\"2\"><title>\(DayFormat.format(entry.day)): \(entry.count) reviews</title></rect>"
        }
        return svg + "</svg>"
    }
}
