import Foundation
import GRDB

extension Store {
    /// For a long-running server: moves WAL checkpoints out of the commit path. The writer
    /// stops checkpointing on commit, and a connection of its own checkpoints (PASSIVE: it
    /// never blocks readers or the writer) every `interval` until the task is cancelled.
    ///
    /// Without this, one commit in a thousand pages copies the log into the database and
    /// syncs it, and every answer waiting behind it waits too. Does nothing in memory.
    public func checkpointInBackground(every interval: Duration = .milliseconds(500)) throws -> Task<Void, Never>? {
        guard let path else { return nil }
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let checkpointer = try DatabaseQueue(path: path, configuration: configuration)
        return Task.detached(priority: .background) {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                _ = try? await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
        }
    }
}
