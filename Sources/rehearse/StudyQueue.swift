import Foundation
import RehearseStore

/// The cards of a session in order: due cards (loaded a batch at a time, so a large backlog
/// costs nothing until it is reached), then new cards; cards still in learning are put back
/// at the end of what is loaded.
struct StudyQueue {
    var ready: [StudyCard]
    var pendingDue: ArraySlice<String>
    var newCards: [StudyCard]
    static let batch = 100

    init(dueIDs: [String], newCards: [StudyCard], limit: Int?, store: Store, now: Date) throws {
        var due = dueIDs[...]
        var new = newCards
        if let limit {
            due = due.prefix(limit)
            new = Array(new.prefix(max(0, limit - due.count)))
        }
        ready = try store.studyCards(ids: Array(due.prefix(Self.batch)), now: now)
        pendingDue = due.dropFirst(Self.batch)
        self.newCards = new
    }

    var count: Int { ready.count + pendingDue.count + newCards.count }
    var isEmpty: Bool { count == 0 }

    /// Loads the next due cards, or the new ones, when nothing loaded is left.
    mutating func refill(from store: Store, now: Date) throws {
        guard ready.isEmpty else { return }
        if !pendingDue.isEmpty {
            ready = try store.studyCards(ids: Array(pendingDue.prefix(Self.batch)), now: now)
            pendingDue = pendingDue.dropFirst(Self.batch)
        } else if !newCards.isEmpty {
            ready = newCards
            newCards = []
        }
    }
}
