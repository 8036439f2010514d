import Foundation
import RehearseCore
import RehearseStore

/// An Anki card's scheduling and review log as a Rehearse schedule and history.
enum AnkiScheduleImport {
    /// The archive entry for `card`, whose log is `reviews` (oldest first). With
    /// `preferStoredMemory` (a card Rehearse exported), the memory state the card carries is
    /// kept: it is what the exporting scheduler computed, where a replay would count days
    /// differently.
    static func entry(
        card: Card, from anki: AnkiCollection.Card, reviews log: [AnkiCollection.RevlogEntry], days: AnkiDayClock, memory: MemoryModel,
        preferStoredMemory: Bool, now: Date
    ) -> CardArchive.Entry {
        let counted = reviewsForMemory(log)
        // Days start at Anki's rollover in local time: shifting every time back by it lets the
        // replay count whole UTC days.
        let shift = Double(days.minutesWest * 60 + days.rolloverHour * 3600)
        let replay = MemoryReplay(model: memory).states(for: counted.map {
            MemoryReplay.Review(time: Date(timeIntervalSince1970: Double($0.entry.id) / 1000 - shift), rating: $0.rating)
        })
        var reviews: [CardArchive.Review] = []
        for (index, item) in counted.enumerated() {
            let at = Date(timeIntervalSince1970: Double(item.entry.id) / 1000)
            let interval = item.entry.interval
            reviews.append(CardArchive.Review(
                at: at, rating: item.rating, durationMS: item.entry.time > 0 ? item.entry.time : nil,
                phaseBefore: index == 0 ? nil : phase(ofRevlogType: item.entry.type), stability: replay[index].stability,
                difficulty: replay[index].difficulty,
                due: at.addingTimeInterval(interval >= 0 ? Double(interval) * 86_400 : -Double(interval))))
        }
        var mark = CardMark(flag: anki.flags & 7 <= 4 ? anki.flags & 7 : 0)
        switch anki.queue {
        case -1: mark.suspended = true
        case -2, -3: mark.buriedUntil = days.start(ofDay: days.day(of: now) + 1)
        default: break
        }
        return CardArchive.Entry(
            card: card,
            schedule: schedule(of: anki, replayed: replay.last, preferStoredMemory: preferStoredMemory, lastReview: reviews.last?.at, days: days),
            reps: anki.reps,
            lapses: anki.lapses, mark: mark, reviews: reviews, modifiedAt: now)
    }

    /// The entries that count for memory, as Anki's `reviews_for_fsrs` keeps them: answers
    /// (1–4) of learning, review, relearning and filtered reviews, after the card's last reset
    /// to new (a manual entry with no interval).
    static func reviewsForMemory(_ log: [AnkiCollection.RevlogEntry]) -> [(entry: AnkiCollection.RevlogEntry, rating: Rating)] {
        let start = (log.lastIndex { $0.type == 4 && $0.ease == 0 && $0.interval == 0 }).map { $0 + 1 } ?? 0
        return log[start...].compactMap { entry in
            guard (0...3).contains(entry.type), let rating = Rating(rawValue: entry.ease) else { return nil }
            return (entry, rating)
        }
    }

    private static func phase(ofRevlogType type: Int) -> CardSchedule.Phase? {
        switch type {
        case 0: .learning
        case 2: .relearning
        default: .review
        }
    }

    /// The schedule: phase from the card type, due from its queue (a timestamp while in
    /// (re)learning, else a day), memory from the replay or from the state the card carries.
    private static func schedule(
        of card: AnkiCollection.Card, replayed: MemoryReplay.State?, preferStoredMemory: Bool, lastReview: Date?, days: AnkiDayClock
    ) -> CardSchedule? {
        guard card.type != 0 else { return nil }
        let data = (try? JSONSerialization.jsonObject(with: Data(card.data.utf8)) as? [String: Any]) ?? [:]
        let stored = ((data["s"] as? NSNumber)?.doubleValue, (data["d"] as? NSNumber)?.doubleValue)
        let last = lastReview ?? (data["lrt"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        let kept = preferStoredMemory ? stored : (nil, nil)
        let stability = kept.0 ?? replayed?.stability ?? stored.0 ?? Double(max(card.interval, 1))
        let difficulty = kept.1 ?? replayed?.difficulty ?? stored.1 ?? 5
        let phase: CardSchedule.Phase = switch card.type {
        case 1: .learning
        case 3: .relearning
        default: .review
        }
        let rawDue = card.originalDeckID != 0 && card.originalDue != 0 ? card.originalDue : card.due
        let due: Date
        if rawDue > 1_000_000_000 {
            due = Date(timeIntervalSince1970: Double(rawDue))
        } else {
            let dayStart = days.start(ofDay: Int(rawDue))
            // The exact time is the last review plus the interval when that falls on the due day.
            let exact = last.map { $0.addingTimeInterval(Double(card.interval) * 86_400) }
            due = exact.map { days.day(of: $0) == Int(rawDue) } == true ? exact ?? dayStart : dayStart
        }
        return CardSchedule(
            phase: phase, step: phase == .review ? nil : 0, stability: stability, difficulty: difficulty, due: due,
            lastReview: last ?? due.addingTimeInterval(-Double(max(card.interval, 1)) * 86_400))
    }
}
