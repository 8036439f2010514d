import Foundation
import RehearseCore

/// The mock interviews under way, by id, and those that ended in the last hour (so that a
/// late answer hears "ended" rather than "unknown"). Abandoned ones are dropped an hour after
/// their time ran out.
actor MockInterviews {
    private var running: [String: MockInterview] = [:]
    private var ended: [String: Date] = [:]
    /// The most interviews kept at once.
    static let limit = 64

    func add(_ interview: MockInterview, at now: Date) throws -> String {
        running = running.filter { now.timeIntervalSince($0.value.startedAt) < $0.value.budget + 3600 }
        ended = ended.filter { now.timeIntervalSince($0.value) < 3600 }
        guard running.count < Self.limit else { throw TrainerError.tooManyInterviews(limit: Self.limit) }
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max) }
        let id = bytes.map { String(format: "%02x", $0) }.joined()
        running[id] = interview
        return id
    }

    func get(_ id: String) throws -> MockInterview {
        guard let interview = running[id] else { throw missing(id) }
        return interview
    }

    /// Grades the answer to interview `id`'s current question and asks the next, in one step.
    func answer(_ id: String, _ text: String, at now: Date) throws -> (MockInterview, MockReport.Question, AnswerGrader.Grade) {
        guard var interview = running[id] else { throw missing(id) }
        guard let (answered, grade) = interview.answer(text, at: now) else { throw TrainerError.interviewWaiting(id) }
        _ = interview.nextQuestion(at: now)
        running[id] = interview
        return (interview, answered, grade)
    }

    /// Ends an interview; it must be under way.
    func remove(_ id: String, at now: Date) throws -> MockInterview {
        guard let interview = running.removeValue(forKey: id) else { throw missing(id) }
        ended[id] = now
        return interview
    }

    private func missing(_ id: String) -> TrainerError {
        ended[id] != nil ? .interviewEnded(id) : .noInterview(id)
    }
}
