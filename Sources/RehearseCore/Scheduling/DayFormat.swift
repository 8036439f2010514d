import Foundation

/// Calendar days as Rehearse reads and writes them: `YYYY-MM-DD` in local time, in every
/// door (the command line's options and output, the web app's pages).
public enum DayFormat {
    /// The start of the day `YYYY-MM-DD` in local time; nil for anything else, including
    /// days that do not exist (`2026-02-30`).
    public static func parse(_ text: String, calendar: Calendar = .current) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == parts[2] else { return nil }
        return date
    }

    /// The local day of `date` as `YYYY-MM-DD`.
    public static func format(_ date: Date, calendar: Calendar = .current) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
