import Foundation

/// One card's reviews in time order, as the FSRS optimizer reads them: the rating of each,
/// the whole days since the card's previous review (0 for the first and for same-day
/// reviews) and the time it happened.
public struct ReviewSequence: Sendable, Equatable {
    public var cardID: Int64
    public var ratings: [Rating]
    public var elapsedDays: [Int]
    /// Milliseconds since the Unix epoch.
    public var times: [Int64]

    public init(cardID: Int64, ratings: [Rating], elapsedDays: [Int], times: [Int64]) {
        self.cardID = cardID
        self.ratings = ratings
        self.elapsedDays = elapsedDays
        self.times = times
    }

    /// One review of a log, before it is grouped by card.
    public struct Entry: Sendable {
        public var cardID: Int64
        public var time: Int64
        public var rating: Rating
        /// nil when the log does not say; the card's first review is then taken as its first learning.
        public var kind: ReviewKind?

        public init(cardID: Int64, time: Int64, rating: Rating, kind: ReviewKind? = nil) {
            self.cardID = cardID
            self.time = time
            self.rating = rating
            self.kind = kind
        }
    }

    /// Groups a log by card, as Anki's converter prepares reviews for FSRS: each card's reviews
    /// in time order, manual entries dropped, and everything before the card's last first
    /// learning dropped (a card that was reset starts again there). A card whose log has no
    /// learning review at all (first seen as already learnt, e.g. imported with its schedule)
    /// is left out, since its first recorded review says nothing about a first learning.
    /// Days are counted by UTC calendar date, starting at `nextDayStartsAt` o'clock.
    public static func sequences(from entries: [Entry], nextDayStartsAt: Int = 0) -> [ReviewSequence] {
        var order: [Int64] = []
        var byCard: [Int64: [Entry]] = [:]
        for entry in entries where entry.kind != .manual {
            if byCard[entry.cardID] == nil { order.append(entry.cardID) }
            byCard[entry.cardID, default: []].append(entry)
        }
        return order.compactMap { id in
            guard let unsorted = byCard[id] else { return nil }
            let sorted = unsorted.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
            guard let start = firstLearning(sorted) else { return nil }
            let kept = sorted[start...]
            var elapsed: [Int] = []
            elapsed.reserveCapacity(kept.count)
            var previousDay: Int?
            for entry in kept {
                let day = dayNumber(entry.time, nextDayStartsAt: nextDayStartsAt)
                elapsed.append(previousDay.map { max(day - $0, 0) } ?? 0)
                previousDay = day
            }
            return ReviewSequence(cardID: id, ratings: kept.map(\.rating), elapsedDays: elapsed, times: kept.map(\.time))
        }
    }

    /// Every card of a review-log file, as ``sequences(from:nextDayStartsAt:)`` groups them.
    public static func sequences(from log: RevlogCSV, nextDayStartsAt: Int = 0) -> [ReviewSequence] {
        sequences(from: log.rows.map { Entry(cardID: $0.cardID, time: $0.timeMilliseconds, rating: $0.rating, kind: $0.state) },
                  nextDayStartsAt: nextDayStartsAt)
    }

    /// The index of the first review of the last run of learning reviews (Anki's
    /// `remove_revlog_before_last_first_learn`); 0 when kinds are unknown, nil when none is learning.
    static func firstLearning(_ entries: [Entry]) -> Int? {
        guard let first = entries.first else { return nil }
        guard first.kind != nil else { return 0 }
        func isLearning(_ entry: Entry) -> Bool { entry.kind == .new || entry.kind == .learning }
        var start: Int?
        for index in entries.indices.reversed() {
            if isLearning(entries[index]) {
                start = index
            } else if start != nil {
                break
            }
        }
        return start
    }

    /// The day number of a time, days starting at `nextDayStartsAt` o'clock UTC.
    static func dayNumber(_ milliseconds: Int64, nextDayStartsAt: Int) -> Int {
        let shifted = milliseconds - Int64(nextDayStartsAt) * 3_600_000
        return Int((Double(shifted) / 86_400_000).rounded(.down))
    }
}
