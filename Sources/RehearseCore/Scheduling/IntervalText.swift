import Foundation

/// Intervals as Anki shows them on its buttons: `<1m`, `10m`, `3h`, `4d`, `2.5mo`, `1.2y`.
public enum IntervalText {
    /// `seconds` rounded to the unit that fits.
    public static func format(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<60: "<1m"
        case ..<3600: "\(Int((seconds / 60).rounded()))m"
        case ..<86_400: "\(Int((seconds / 3600).rounded()))h"
        case ..<(30 * 86_400): "\(Int((seconds / 86_400).rounded()))d"
        case ..<(365 * 86_400): String(format: "%.1fmo", seconds / (30 * 86_400))
        default: String(format: "%.1fy", seconds / (365 * 86_400))
        }
    }
}
