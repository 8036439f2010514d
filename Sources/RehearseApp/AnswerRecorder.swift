import Foundation
import RehearseCore
import RehearseStore

/// Group commit: answers that arrive while a transaction is being written wait and are
/// written together in the next one. Each caller still gets its answer only after the
/// transaction holding it has committed, so a returned answer is always durable.
actor AnswerRecorder {
    private let store: Store
    private var pending: [(answer: Store.Answer, continuation: CheckedContinuation<RecordedReview, any Error>)] = []
    private var writing = false
    /// The most answers written in one transaction.
    static let batchLimit = 256

    init(store: Store) {
        self.store = store
    }

    func record(_ answer: Store.Answer) async throws -> RecordedReview {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((answer, continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.batchLimit))
            pending.removeFirst(batch.count)
            let store = self.store
            let answers = batch.map(\.answer)
            // SQLite blocks: write on the store's threads, not on the cooperative pool.
            let results: Result<[Result<RecordedReview, StoreError>], any Error> = await withCheckedContinuation { done in
                Trainer.storeQueue.async {
                    done.resume(returning: Result { try store.recordAll(answers, scheduler: Trainer.scheduler(store)) })
                }
            }
            switch results {
            case .success(let outcomes):
                for (item, outcome) in zip(batch, outcomes) { item.continuation.resume(with: outcome.mapError { $0 as any Error }) }
            case .failure(let error):
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}
