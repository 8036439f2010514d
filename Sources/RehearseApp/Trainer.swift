import Foundation
import RehearseCore
import RehearseLab
import RehearseStore

/// Rehearse's application layer: every user-level operation, written once, under both doors
/// (the command line and the web app). The doors parse input, call a `Trainer` and render
/// what it returns; they never reach the store or the code lab themselves, so a rule that
/// holds in one door holds in the other.
///
/// Every operation is `async`: the store's SQLite work runs on threads of its own
/// (``database(_:)``), never on the tasks that serve requests.
///
/// ```swift
/// let trainer = Trainer(store: try Store(path: path), lab: nil)
/// if let card = try await trainer.nextCard(in: StudySession(), at: .now) { … }
/// ```
public final class Trainer: Sendable {
    let store: Store
    /// Runs a guide's snippets at import; nil where there is no sandbox. Perhaps still being
    /// found (``sandboxLab(warm:)``).
    let lab: Task<CodeLab?, Never>
    let recorder: AnswerRecorder
    let shown = ShownCards()
    let interviews = MockInterviews()

    /// - Parameter lab: the code lab, or the task finding it (``sandboxLab(warm:)``).
    public init(store: Store, lab: Task<CodeLab?, Never>) {
        self.store = store
        self.lab = lab
        recorder = AnswerRecorder(store: store)
    }

    /// A trainer whose code lab is known already (nil: imports run no snippets).
    public convenience init(store: Store, lab: CodeLab?) {
        self.init(store: store, lab: Task { lab })
    }

    /// Opens (creating if needed) the database at `path`.
    /// - Throws: ``StoreError/unusable(path:reason:)`` naming the file.
    public convenience init(databasePath path: String, lab: Task<CodeLab?, Never>) throws(StoreError) {
        self.init(store: try Store(path: path), lab: lab)
    }

    /// Where the database lives, for messages; nil in memory.
    public var databasePath: String? { store.path }

    /// Runs synchronous store work on a thread outside Swift's cooperative pool, so that a
    /// slow disk never holds up the tasks serving other requests.
    func database<T: Sendable>(_ work: @escaping @Sendable (Store) throws -> T) async throws -> T {
        let store = self.store
        return try await withCheckedThrowingContinuation { continuation in
            Self.storeQueue.async { continuation.resume(with: Result { try work(store) }) }
        }
    }

    /// Where store work runs: the request handlers' and the group commit's alike.
    static let storeQueue = DispatchQueue(label: "rehearse.store", qos: .userInitiated, attributes: .concurrent)

    /// The scheduler for the user's settings: the one place a `Scheduler` is made.
    public func scheduler() async throws -> Scheduler {
        try await database { store in try Self.scheduler(store) }
    }

    static func scheduler(_ store: Store) throws -> Scheduler {
        Scheduler(
            parameters: try fsrsParameters(store), desiredRetention: try store.desiredRetention() ?? Settings.defaultDesiredRetention,
            interviewDate: try store.interviewDate())
    }
}

extension Trainer {
    /// A code lab on the strongest sandbox this machine has; nil when there is none. Found on
    /// a thread of its own from this call on: trying a sandbox takes a process start (16 ms
    /// under bubblewrap), which an import spends opening the database and reading the guide.
    /// - Parameter warm: keep a pool of Python processes, started on the first snippet, ready
    ///   for the rest (for a burst of imports); otherwise each snippet starts its own (for a
    ///   server that imports now and then).
    public static func sandboxLab(warm: Bool) -> Task<CodeLab?, Never> {
        Task {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    let lab = Isolation.detect().map { isolation in
                        CodeLab(runner: warm ? ForkServerPool(isolation: isolation) : OneProcessRunner(isolation: isolation))
                    }
                    continuation.resume(returning: lab)
                }
            }
        }
    }

    /// Whether imports run the guide's snippets.
    public var runsLab: Bool {
        get async { await lab.value != nil }
    }
}
