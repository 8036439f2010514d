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
    /// Runs a guide's snippets at import; nil where there is no sandbox.
    let lab: CodeLab?
    let recorder: AnswerRecorder
    let shown = ShownCards()
    let interviews = MockInterviews()

    public init(store: Store, lab: CodeLab?) {
        self.store = store
        self.lab = lab
        recorder = AnswerRecorder(store: store)
    }

    /// Opens (creating if needed) the database at `path`.
    /// - Throws: ``StoreError/unusable(path:reason:)`` naming the file.
    public convenience init(databasePath path: String, lab: CodeLab?) throws(StoreError) {
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
    /// A code lab on the strongest sandbox this machine has; nil when there is none.
    /// - Parameter warm: keep a pool of Python processes, started on the first snippet, ready
    ///   for the rest (for a burst of imports); otherwise each snippet starts its own (for a
    ///   server that imports now and then).
    public static func sandboxLab(warm: Bool) -> CodeLab? {
        guard let isolation = Isolation.detect() else { return nil }
        return CodeLab(runner: warm ? ForkServerPool(isolation: isolation) : OneProcessRunner(isolation: isolation))
    }

    /// Whether imports run the guide's snippets.
    public var runsLab: Bool { lab != nil }
}
