import Foundation
import RehearseCore
import RehearseStore

/// A Rehearse card's schedule in the columns of Anki's `cards` table.
///
/// New cards are type 0 in the new queue, due by position; (re)learning cards are type 1 or
/// 3 in the intraday learning queue, due at a time; review cards are type 2, due on a day
/// counted from the collection's creation, with their interval in days. Suspended cards are
/// in queue −1, buried ones in −3 (buried by the user). The FSRS memory state goes in `data`.
struct AnkiScheduleExport {
    var type = 0
    var queue = 0
    var due: Int64 = 0
    var interval = 0
    var factor = 0
    var left = 0
    private var schedule: CardSchedule?

    init(entry: CardArchive.Entry, position: Int, days: AnkiDayClock, now: Date) {
        schedule = entry.schedule
        if let schedule = entry.schedule {
            factor = 2500
            switch schedule.phase {
            case .learning, .relearning:
                type = schedule.phase == .learning ? 1 : 3
                queue = 1
                due = Int64(schedule.due.timeIntervalSince1970.rounded())
                left = max(1, 2 - (schedule.step ?? 0))
                interval = 0
            case .review:
                type = 2
                queue = 2
                due = Int64(days.day(of: schedule.due))
                let last = schedule.lastReview ?? schedule.due
                interval = max(1, days.day(of: schedule.due) - days.day(of: last))
            }
        } else {
            due = Int64(position + 1)
        }
        if entry.mark.suspended {
            queue = -1
        } else if entry.mark.isBuried(at: now) {
            queue = -3
        }
    }

    /// The `data` column: stability (4 places) and difficulty (3), as Anki rounds them, the
    /// desired retention and the last review time.
    func data(desiredRetention: Double) -> String {
        guard let schedule, let stability = schedule.stability, let difficulty = schedule.difficulty else { return "" }
        var data = "{\"s\":\(Self.rounded(stability, places: 4)),\"d\":\(Self.rounded(difficulty, places: 3)),\"dr\":\(Self.rounded(desiredRetention, places: 2))"
        if let last = schedule.lastReview { data += ",\"lrt\":\(Int64(last.timeIntervalSince1970))" }
        return data + "}"
    }

    private static func rounded(_ value: Double, places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded() / factor
    }

    /// A review's interval as the review log keeps it: days once in review, else negative seconds.
    static func revlogInterval(_ review: CardArchive.Review) -> Int {
        let seconds = review.due.timeIntervalSince(review.at)
        return seconds >= 86_400 ? Int((seconds / 86_400).rounded()) : -Int(seconds.rounded())
    }

    /// The review log's factor as Anki writes it for an FSRS answer: the difficulty after the
    /// answer, (D − 1) / 9 + 0.1, in thousandths (Anki reads a factor of 1100 or less as a
    /// difficulty).
    static func revlogFactor(_ review: CardArchive.Review) -> Int {
        Int((((review.difficulty - 1) / 9 + 0.1) * 1000).rounded())
    }

    /// The review log's type: 0 learning (first answers and learning steps), 1 review, 2 relearning.
    static func revlogType(_ review: CardArchive.Review) -> Int {
        switch review.phaseBefore {
        case nil, .learning: 0
        case .review: 1
        case .relearning: 2
        }
    }
}
