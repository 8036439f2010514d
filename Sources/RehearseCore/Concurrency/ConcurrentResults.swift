import Foundation

/// Results filled in from several threads, each into its own slot, read in order.
public final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    public func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    /// The values set, in the order of their slots.
    public var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}

extension Array where Element: Sendable {
    /// `transform` of each element, worked out on all cores at once, in the array's order.
    /// Worth it for pure work of a millisecond or more in all.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = ConcurrentResults<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, transform(self[index])) }
        return results.values
    }
}
