import RehearseCore

/// The next states last shown for each card, until it is answered: the answer stores the
/// state its button showed. Bounded: the oldest are forgotten first (their answers then
/// work the states out again).
actor ShownCards {
    private var states: [String: NextStates] = [:]
    private var order: [String] = []
    /// The most cards remembered at once.
    static let limit = 4096

    func remember(_ next: NextStates, for cardID: String) {
        if states.updateValue(next, forKey: cardID) == nil { order.append(cardID) }
        if order.count > Self.limit {
            let forgotten = order.prefix(order.count - Self.limit)
            for id in forgotten { states.removeValue(forKey: id) }
            order.removeFirst(forgotten.count)
        }
    }

    /// The states shown for a card, forgotten as they are taken.
    func take(for cardID: String) -> NextStates? {
        states.removeValue(forKey: cardID)
    }
}
