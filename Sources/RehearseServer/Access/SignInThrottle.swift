import Foundation

/// Slows password guessing: after `limit` wrong passwords within `window`, sign-in is
/// refused until the oldest of them leaves the window. One password guards the whole
/// server, so the count is for the server, not per address.
actor SignInThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [Date] = []

    init(limit: Int = 10, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before the next attempt; nil when one may be made now.
    func wait(at now: Date) -> TimeInterval? {
        failures.removeAll { now.timeIntervalSince($0) >= window }
        guard failures.count >= limit, let oldest = failures.first else { return nil }
        return window - now.timeIntervalSince(oldest)
    }

    func recordFailure(at now: Date) {
        failures.append(now)
    }
}
