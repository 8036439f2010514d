import Foundation
import NIOConcurrencyHelpers
import RehearseApp

/// Whether a password is set, read from the store at most once a second: every request
/// asks, and `rehearse serve --set-password` may change it while the server runs.
final class PasswordSetting: Sendable {
    private let trainer: Trainer
    private let checked = NIOLockedValueBox<(at: Date, isSet: Bool)?>(nil)
    /// How long an answer is trusted.
    static let lifetime: TimeInterval = 1

    init(trainer: Trainer) {
        self.trainer = trainer
    }

    func isSet(at now: Date = Date()) async throws -> Bool {
        if let last = checked.withLockedValue({ $0 }), now.timeIntervalSince(last.at) < Self.lifetime { return last.isSet }
        let isSet = try await trainer.webPasswordHash() != nil
        checked.withLockedValue { $0 = (now, isSet) }
        return isSet
    }
}
