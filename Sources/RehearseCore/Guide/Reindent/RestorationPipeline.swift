import Dispatch
import Foundation

/// A flat Python block as the segmenter found it, before its indentation is restored.
struct FlatPythonSource: Sendable {
    /// Each line's text and its 1-based line number in the file.
    let lines: [(text: Substring, line: Int)]
    /// Each line already read as Python.
    let lexed: [PythonLine]
    /// The names the claims right after the block read (``ClaimParser/ClaimLine/namesRead``).
    var readAfter: [String] = []

    /// A restored block, the warnings about it, and how sure the restoration is.
    typealias Restored = (block: GuideBlock, warnings: [GuideWarning], guess: IndentationGuess?)

    /// The block with its indentation restored.
    func restored() -> Restored {
        let result = PythonReindenter.reindent(lines, lexed: lexed, readAfter: readAfter)
        let fileLines = (lines.first?.line ?? 1)...(lines.last?.line ?? 1)
        let guess = result.runs.map { IndentationGuess(lines: fileLines, runs: $0) }
        return (.code(language: "python", code: result.code, lines: fileLines), result.warnings, guess)
    }
}

/// Hands a flat guide's blocks to a sink in the guide's order while their Python is
/// restored on other cores.
///
/// Restoring a block is a pure function of its lines and is about half the work of reading a
/// flat guide; finding the blocks and extracting items must run in order. So each Python
/// block is restored on a worker queue as soon as it is found (one worker per core but the
/// reader's, taken in turn), and the blocks after it wait in order behind it. At most
/// ``inFlight`` restorations are outstanding: the oldest is waited for before another starts,
/// so memory stays bounded whatever the guide's size. While it waits, the reader restores
/// the newest blocks no worker has started (the workers take the oldest first), so that no
/// core idles while blocks wait. On one core every block is restored in place.
struct RestorationPipeline<Sink: GuideBlockSink> {
    /// Restorations outstanding at once before the reader waits for the oldest.
    static var inFlight: Int { 64 }

    private enum Entry {
        case ready(GuideBlock)
        case restoring(RestorationJob)
        /// An entry handed to the sink: its block was moved out, so dropping it releases nothing.
        case delivered
    }

    private var sink: Sink
    private var entries: [Entry] = []
    /// The first entry not yet handed to the sink.
    private var head = 0
    private var outstanding = 0
    /// How many blocks were sent to the workers: which worker takes the next.
    private var sent = 0
    private(set) var warnings: [GuideWarning] = []
    private(set) var guesses: [IndentationGuess] = []

    init(sink: Sink) {
        self.sink = sink
    }

    /// Hands `block` to the sink after the blocks before it.
    mutating func consume(_ block: GuideBlock) {
        if head == entries.count {
            sink.consume(block)
        } else {
            entries.append(.ready(block))
        }
    }

    /// Restores `source` and hands it to the sink after the blocks before it.
    mutating func restore(_ source: FlatPythonSource) {
        let workers = RestorationJob.workers
        guard !workers.isEmpty else { return deliver(source.restored()) }
        entries.append(.restoring(RestorationJob(source, on: workers[sent % workers.count])))
        sent += 1
        outstanding += 1
        if outstanding > Self.inFlight { deliverOldestRestoration() }
    }

    /// Waits for every restoration and returns the sink with all blocks handed to it.
    mutating func finish() -> Sink {
        while outstanding > 0 { deliverOldestRestoration() }
        return sink
    }

    /// Hands the sink the entries up to the oldest restoration, waits for that one, then
    /// hands it the ready blocks behind it.
    private mutating func deliverOldestRestoration() {
        var delivered = false
        while head < entries.count {
            if delivered, case .restoring = entries[head] { return compact() }
            switch takeHead() {
            case .ready(let block):
                sink.consume(block)
            case .restoring(let job):
                // While a worker finishes this one, restore the newest waiting ones here.
                var newest = entries.count - 1
                while !job.isDone, newest > head {
                    if case .restoring(let later) = entries[newest] { later.restoreIfWaiting() }
                    newest -= 1
                }
                deliver(job.result())
                outstanding -= 1
                delivered = true
            case .delivered:
                break
            }
            head += 1
        }
        compact()
    }

    /// The entry at ``head``, moved out of the buffer: the block is not copied to be handed
    /// on, and compacting the buffer later has nothing to release.
    private mutating func takeHead() -> Entry {
        var taken = Entry.delivered
        swap(&taken, &entries[head])
        return taken
    }

    private mutating func deliver(_ restored: FlatPythonSource.Restored) {
        sink.consume(restored.block)
        warnings += restored.warnings
        if let guess = restored.guess { guesses.append(guess) }
    }

    /// Drops the delivered entries: all of them once everything is delivered, else once they
    /// are most of the buffer.
    private mutating func compact() {
        if head == entries.count {
            entries.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 256, head * 2 > entries.count {
            entries.removeSubrange(..<head)
            head = 0
        }
    }
}

/// One block's restoration, started on a worker queue; the reader restores it itself when
/// it needs the result before any worker has started it, so that neither waits for the other
/// while there is work.
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

    /// The block, until it is restored: then it is let go on the thread that restored it, not
    /// on the reader's, which frees the job. Only the thread that claimed the job touches it.
    private var source: FlatPythonSource?
    private let condition = NSCondition()
    private var state = State.waiting

    init(_ source: FlatPythonSource, on worker: DispatchQueue) {
        self.source = source
        worker.async { [self] in restoreIfWaiting() }
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
        guard claim(), let source else { return }
        let restored = source.restored()
        self.source = nil
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
