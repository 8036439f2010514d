import Foundation

/// Each card's first review on a later day, grouped by the card's first rating and the days
/// since: what fsrs-rs uses to estimate the four initial stabilities and to drop outliers.
struct FirstIntervals {
    struct Key: Hashable {
        var firstRating: Int
        var elapsedDays: Int
    }

    /// Recalls and reviews per first rating and first interval, for the groups kept.
    private(set) var kept: [Key: (recalled: Int, count: Int)] = [:]
    /// Groups dropped as outliers: the rarest first intervals (5% of each first rating, at
    /// least 20 reviews), groups under 6 reviews, and intervals over 100 days (365 after Easy).
    private(set) var removed: Set<Key> = []

    init(sequences: [ReviewSequence]) {
        var groups: [Key: (recalled: Int, count: Int)] = [:]
        for sequence in sequences {
            guard let key = Self.key(of: sequence), let position = Self.firstLaterDay(in: sequence) else { continue }
            let recalled = sequence.ratings[position] != .again ? 1 : 0
            groups[key, default: (0, 0)].recalled += recalled
            groups[key, default: (0, 0)].count += 1
        }
        for rating in Set(groups.keys.map(\.firstRating)).sorted() {
            let subgroups = groups.filter { $0.key.firstRating == rating }
            let total = subgroups.values.reduce(0) { $0 + $1.count }
            // Rarest first; among equally rare, the shorter interval first.
            let ordered = subgroups.sorted { ($0.value.count, $0.key.elapsedDays) < ($1.value.count, $1.key.elapsedDays) }
            var removedSoFar = 0
            for (key, value) in ordered {
                if removedSoFar + value.count >= max(20, total / 20) {
                    if value.count >= 6 && key.elapsedDays <= (rating != 4 ? 100 : 365) {
                        kept[key] = value
                    } else {
                        removed.insert(key)
                    }
                } else {
                    removedSoFar += value.count
                    removed.insert(key)
                }
            }
        }
    }

    /// Whether the card's first interval falls in a group kept (cards with no later-day
    /// review have nothing to lose).
    func keeps(_ sequence: ReviewSequence) -> Bool {
        guard let key = Self.key(of: sequence) else { return true }
        return !removed.contains(key)
    }

    /// Cards counted per first rating, in the groups kept.
    var countPerFirstRating: [Int: Int] {
        kept.reduce(into: [:]) { $0[$1.key.firstRating, default: 0] += $1.value.count }
    }

    static func firstLaterDay(in sequence: ReviewSequence) -> Int? {
        sequence.elapsedDays.indices.dropFirst().first { sequence.elapsedDays[$0] > 0 }
    }

    static func key(of sequence: ReviewSequence) -> Key? {
        guard let first = sequence.ratings.first, let position = firstLaterDay(in: sequence) else { return nil }
        return Key(firstRating: first.rawValue, elapsedDays: sequence.elapsedDays[position])
    }
}
