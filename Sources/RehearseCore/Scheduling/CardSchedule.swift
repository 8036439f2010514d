import Foundation

/// Where a card stands in the scheduler: its phase, memory state and due time.
///
/// Mirrors py-fsrs's `Card` (without the id): a new card is `learning` at step 0 with no
/// memory state yet.
public struct CardSchedule: Sendable, Equatable, Codable {
    public var phase: Phase
    /// Index into the learning or relearning steps; nil in the review phase.
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    /// The phases of py-fsrs's `State`, with its raw values.
    public enum Phase: Int, Sendable, Codable {
        case learning = 1, review = 2, relearning = 3
    }

    /// A card never reviewed, due at `due`.
    public static func new(due: Date) -> CardSchedule {
        CardSchedule(phase: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }

    public init(phase: Phase, step: Int?, stability: Double?, difficulty: Double?, due: Date, lastReview: Date?) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// Whether the card has never been reviewed.
    public var isNew: Bool { lastReview == nil }
}
