import Dispatch
import Foundation

/// A flat Python block as the segmenter found it, before its indentation is restored.
struct FlatPythonSource: Sendable {
    /// Each line's text and its 1-based line number in the file.
    let lines: [(text: Substring, line: Int)]
    /// Each line already read as Python.
    let lexed: [PythonLine]

    /// A restored block, the warnings about it, and how sure the restoration is.
    typealias Restored = (block: GuideBlock, warnings: [GuideWarning], guess: IndentationGuess?)

    /// The block with its indentation restored.
    func restored() -> Restored {
        let result = PythonReindenter.reindent(lines, lexed: lexed)
        let fileLines = (lines.first?.line ?? 1)...(lines.last?.line ?? 1)
        let guess = result.runs.map { IndentationGuess(lines: fileLines, runs: $0) }
        return (.code(language: "python", code: result.code, lines: fileLines), result.warnings, guess)
    }
}

/// Hands a flat guide's blocks to a sink in the guide's order while their Python is
/// restored, and the sink takes them, on other cores.
///
/// Finding the blocks must run in order, and so must the sink (the item extractor); restoring
/// a block is a pure function of its lines. Three things therefore run at once: the reader
/// finds blocks on its own thread; each Python block is restored on a worker queue as soon
/// as it is found (one worker per core but the reader's, taken in turn); and a delivery
/// queue hands the blocks to the sink in order, each Python block once it is restored. The
/// reader passes blocks on in batches of ``batchSize``, so that handing one on costs no
/// more than appending it; at most ``batchesInFlight`` batches wait, so memory stays bounded
/// whatever the guide's size. While the delivery queue waits for a restoration a worker has
/// started, it restores the newest blocks of its batch that no worker has (the workers take
/// the oldest first), so that no core idles while blocks wait. On one core there is no worker
/// and every block is restored where it is delivered.
struct RestorationPipeline<Sink: GuideBlockSink> {
    /// Blocks the reader passes on at once.
    static var batchSize: Int { 64 }
    /// Batches passed on and not yet delivered before the reader waits.
    static var batchesInFlight: Int { 8 }
    /// Blocks passed on and not yet delivered, at most: restorations outstanding among them.
    static var inFlight: Int { batchSize * batchesInFlight }

    private let stage: DeliveryStage<Sink>
    private var batch: [DeliveryStage<Sink>.Entry] = []
    /// How many blocks were sent to the workers: which worker takes the next.
    private var sent = 0
    private(set) var warnings: [GuideWarning] = []
    private(set) var guesses: [IndentationGuess] = []

    init(sink: Sink) {
        stage = DeliveryStage(sink: sink, batchesInFlight: Self.batchesInFlight)
        batch.reserveCapacity(Self.batchSize)
    }

    /// Hands `block` to the sink after the blocks before it.
    mutating func consume(_ block: GuideBlock) {
        append(.ready(block))
    }

    /// Restores `source` and hands it to the sink after the blocks before it.
    mutating func restore(_ source: FlatPythonSource) {
        let workers = RestorationJob.workers
        append(.restoring(RestorationJob(source, on: workers.isEmpty ? nil : workers[sent % workers.count])))
        sent += 1
    }

    /// Waits for every block to be delivered and returns the sink with all of them handed to it.
    mutating func finish() -> Sink {
        passOn()
        let delivered = stage.finish()
        warnings = delivered.warnings
        guesses = delivered.guesses
        return delivered.sink
    }

    private mutating func append(_ entry: DeliveryStage<Sink>.Entry) {
        batch.append(entry)
        if batch.count == Self.batchSize { passOn() }
    }

    private mutating func passOn() {
        guard !batch.isEmpty else { return }
        stage.deliver(batch)
        batch.removeAll(keepingCapacity: true)
    }
}

/// The delivery queue of a ``RestorationPipeline``: owns the sink and hands it the blocks of
/// each batch in order, waiting for (or doing) each restoration.
///
/// `@unchecked Sendable`: ``sink``, ``warnings`` and ``guesses`` are touched only on ``queue``.
private final class DeliveryStage<Sink: GuideBlockSink>: @unchecked Sendable {
    enum Entry {
        case ready(GuideBlock)
        case restoring(RestorationJob)
    }

    private let queue = DispatchQueue(label: "rehearse.delivery", qos: .userInitiated)
    /// One per batch that may wait on ``queue``.
    private let slots: DispatchSemaphore
    private var sink: Sink
    private var warnings: [GuideWarning] = []
    private var guesses: [IndentationGuess] = []

    init(sink: Sink, batchesInFlight: Int) {
        self.sink = sink
        slots = DispatchSemaphore(value: batchesInFlight)
    }

    /// Queues `entries` for delivery; waits first while too many batches wait.
    func deliver(_ entries: [Entry]) {
        slots.wait()
        queue.async { [self] in
            for position in entries.indices { deliver(entries, at: position) }
            slots.signal()
        }
    }

    /// The sink once every queued batch is delivered, and the restorations' warnings and
    /// guesses in the guide's order.
    func finish() -> (sink: Sink, warnings: [GuideWarning], guesses: [IndentationGuess]) {
        queue.sync { (sink, warnings, guesses) }
    }

    private func deliver(_ entries: [Entry], at position: Int) {
        switch entries[position] {
        case .ready(let block):
            sink.consume(block)
        case .restoring(let job):
            // While a worker finishes this one, restore the newest waiting ones here.
            var newest = entries.count - 1
            while newest > position, !job.isDone {
                if case .restoring(let later) = entries[newest] { later.restoreIfWaiting() }
                newest -= 1
            }
            let restored = job.result()
            sink.consume(restored.block)
            warnings += restored.warnings
            if let guess = restored.guess { guesses.append(guess) }
        }
    }
}

/// One block's restoration, started on a worker queue; the delivery queue restores it itself
/// when it needs the result before any worker has started it, so that neither waits for the
/// other while there is work.
///
/// `@unchecked Sendable`: ``state`` is read and written only while ``condition`` is locked.
private final class RestorationJob: @unchecked Sendable {
    private enum State {
        case waiting, running
        case done(FlatPythonSource.Restored)
    }

    /// One serial queue per core but the one the reader runs on; none on a single core.
    static let workers: [DispatchQueue] = (1..<max(ProcessInfo.processInfo.activeProcessorCount, 1)).map {
        DispatchQueue(label: "rehearse.restoration.\($0)", qos: .userInitiated)
    }

    private let source: FlatPythonSource
    private let condition = NSCondition()
    private var state = State.waiting

    /// A restoration of `source`, started on `worker` when there is one.
    init(_ source: FlatPythonSource, on worker: DispatchQueue?) {
        self.source = source
        worker?.async { [self] in restoreIfWaiting() }
    }

    /// Whether the block is restored.
    var isDone: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .done = state { return true }
        return false
    }

    /// Restores the block on the calling thread unless someone has started it.
    func restoreIfWaiting() {
        guard claim() else { return }
        let restored = source.restored()
        condition.lock()
        state = .done(restored)
        condition.broadcast()
        condition.unlock()
    }

    /// The restored block: restored here if nobody has started it, else waited for.
    func result() -> FlatPythonSource.Restored {
        restoreIfWaiting()
        condition.lock()
        defer { condition.unlock() }
        while true {
            if case .done(let restored) = state { return restored }
            condition.wait()
        }
    }

    /// Takes the job if nobody has: whether the caller is to restore it.
    private func claim() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard case .waiting = state else { return false }
        state = .running
        return true
    }
}
