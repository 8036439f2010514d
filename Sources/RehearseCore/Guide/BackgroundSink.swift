import Dispatch
import Foundation

/// Hands a reader's blocks to a sink that runs on a queue of its own, so that finding blocks
/// and building items from them (``ItemExtractor``, about a quarter of reading a guide) run on
/// two cores at once.
///
/// Blocks go over in batches, in order, and the sink sees exactly the blocks it would have
/// seen on the reader's thread: only the thread differs. At most ``batchesInFlight`` batches
/// wait at once: the reader waits for the sink before it sends another, so memory stays
/// bounded whatever the guide's size. On one core the sink runs in place.
struct BackgroundSink<Sink: GuideBlockSink & SendableMetatype>: GuideBlockSink {
    /// Blocks sent at once: waking the sink's queue costs about as much as a few blocks.
    static var batchSize: Int { 256 }
    /// Batches sent and not yet consumed before the reader waits.
    static var batchesInFlight: Int { 4 }

    private let box: Box
    private let queue: DispatchQueue?
    private let room = DispatchSemaphore(value: Self.batchesInFlight)
    private var batch: [GuideBlock] = []

    init(_ sink: Sink) {
        box = Box(sink)
        queue = ProcessInfo.processInfo.activeProcessorCount > 1
            ? DispatchQueue(label: "rehearse.items", qos: .userInitiated) : nil
        batch.reserveCapacity(Self.batchSize)
    }

    mutating func consume(_ block: GuideBlock) {
        guard queue != nil else { return box.sink.consume(block) }
        batch.append(block)
        if batch.count == Self.batchSize { send() }
    }

    /// Waits until the sink has consumed every block, and returns it.
    mutating func finish() -> Sink {
        send()
        queue?.sync {}
        return box.sink
    }

    private mutating func send() {
        guard let queue, !batch.isEmpty else { return }
        room.wait()
        let blocks = batch
        batch.removeAll(keepingCapacity: true)
        queue.async { [box, room] in
            for block in blocks { box.sink.consume(block) }
            room.signal()
        }
    }

    /// The sink, changed only on the queue (or, with no queue, on the reader's thread) and read
    /// by ``finish()`` after the queue is drained.
    ///
    /// `@unchecked Sendable`: the queue is serial and ``finish()`` waits for it before it reads.
    private final class Box: @unchecked Sendable {
        var sink: Sink
        init(_ sink: Sink) { self.sink = sink }
    }
}
