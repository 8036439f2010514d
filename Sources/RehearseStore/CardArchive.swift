import Foundation
import RehearseCore

/// Guides with their cards, schedules, marks and review history, as they leave for another
/// program (an Anki package) or arrive from one. ``Store/archive(guide:)`` makes one and
/// ``Store/restore(_:source:at:)`` stores one, so that export then import gives back the same
/// cards, states and history.
public struct CardArchive: Sendable, Equatable {
    public var guides: [Guide]

    public init(guides: [Guide]) {
        self.guides = guides
    }

    /// One guide and its cards.
    public struct Guide: Sendable, Equatable {
        public var id: String
        public var title: String?
        public var priority: Priority
        /// Where the guide was read from (its file), to show beside it.
        public var source: String
        public var entries: [Entry]

        public init(id: String, title: String?, priority: Priority, source: String, entries: [Entry]) {
            self.id = id
            self.title = title
            self.priority = priority
            self.source = source
            self.entries = entries
        }
    }

    /// A card with everything the user did to it.
    public struct Entry: Sendable, Equatable {
        public var card: Card
        /// nil for a card never reviewed.
        public var schedule: CardSchedule?
        public var reps: Int
        public var lapses: Int
        public var mark: CardMark
        /// Oldest first; empty when the history was not carried.
        public var reviews: [Review]
        /// When the card's wording last changed (its guide's import, or the user's edit).
        public var modifiedAt: Date

        public init(
            card: Card, schedule: CardSchedule?, reps: Int, lapses: Int, mark: CardMark, reviews: [Review], modifiedAt: Date
        ) {
            self.card = card
            self.schedule = schedule
            self.reps = reps
            self.lapses = lapses
            self.mark = mark
            self.reviews = reviews
            self.modifiedAt = modifiedAt
        }
    }

    /// One answer of a card's history, with the state it left.
    public struct Review: Sendable, Equatable {
        public var at: Date
        public var rating: Rating
        public var durationMS: Int?
        /// The phase before the answer; nil when the card was new.
        public var phaseBefore: CardSchedule.Phase?
        public var stability: Double
        public var difficulty: Double
        public var due: Date

        public init(
            at: Date, rating: Rating, durationMS: Int?, phaseBefore: CardSchedule.Phase?, stability: Double, difficulty: Double,
            due: Date
        ) {
            self.at = at
            self.rating = rating
            self.durationMS = durationMS
            self.phaseBefore = phaseBefore
            self.stability = stability
            self.difficulty = difficulty
            self.due = due
        }
    }
}

/// What storing an archive changed.
public struct RestoreReport: Sendable, Equatable {
    public var guides: [String] = []
    public var addedCards = 0
    public var changedCards = 0
    public var unchangedCards = 0
    /// Cards whose schedule was taken from the archive (it was newer than the stored one).
    public var updatedSchedules = 0
    public var addedReviews = 0

    public init() {}
}
