import Foundation

/// Anki's days: review cards fall due on a day number counted from the collection's creation,
/// and a day starts at the rollover hour (4 am by default) in local time. This is rslib's
/// `sched_timing_today_v2_new`: the day of a time is its local date, less one before the
/// rollover hour, minus the local date of the creation time.
struct AnkiDayClock: Equatable {
    /// The collection's creation time (`col.crt`), seconds since the epoch.
    var created: Int64
    /// Minutes west of UTC where the collection was created (`creationOffset`).
    var creationMinutesWest: Int
    /// Minutes west of UTC now (local time, as Anki reads it).
    var minutesWest: Int
    var rolloverHour: Int

    /// The day number of `time`.
    func day(of time: Date) -> Int {
        // Times from a damaged file are kept within ±30 million years, where the arithmetic holds.
        let seconds = time.timeIntervalSince1970.isFinite ? min(max(time.timeIntervalSince1970, -1e15), 1e15) : 0
        let local = Int64(seconds.rounded(.down)) - Int64(minutesWest * 60) - Int64(rolloverHour * 3600)
        return Int(Self.floorDiv(local, 86_400) - Self.floorDiv(created - Int64(creationMinutesWest * 60), 86_400))
    }

    /// The moment day number `day` starts (its rollover).
    func start(ofDay day: Int) -> Date {
        let day = Int64(min(max(day, -10_000_000), 10_000_000))
        let creationDate = Self.floorDiv(created - Int64(creationMinutesWest * 60), 86_400)
        let seconds = (creationDate + day) * 86_400 + Int64(minutesWest * 60) + Int64(rolloverHour * 3600)
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// A clock for a collection created now: created at the start of today, as Anki does.
    static func new(at now: Date, timeZone: TimeZone = .current, rolloverHour: Int = 4) -> AnkiDayClock {
        let west = -timeZone.secondsFromGMT(for: now) / 60
        var clock = AnkiDayClock(created: 0, creationMinutesWest: west, minutesWest: west, rolloverHour: rolloverHour)
        clock.created = Int64(clock.start(ofDay: clock.day(of: now)).timeIntervalSince1970)
        return clock
    }

    private static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
