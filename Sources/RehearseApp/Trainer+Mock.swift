import Foundation
import RehearseCore
import RehearseStore

/// Where a mock interview stands after a step: the question waiting, or the saved report
/// once it has ended.
public struct MockStep: Sendable {
    public var id: String
    public var interview: MockInterview
    public var question: MockInterview.Question?
    public var report: MockReport?
    /// The saved report's number, once the interview has ended.
    public var reportID: Int64?
}

extension Trainer {
    /// Starts a timed mock interview and asks its first question: questions weighted by
    /// priority and weakness, from one guide or all.
    /// - Parameter seed: repeats an interview; random by default.
    public func startMock(minutes: Double, questions: Int?, guide: String?, seed: UInt64? = nil, at now: Date = Date()) async throws -> MockStep {
        guard minutes > 0, minutes <= 600 else { throw TrainerError.invalidSetting("minutes must be more than 0 and at most 600, got \(minutes)") }
        if let questions, !(1...1000).contains(questions) { throw TrainerError.invalidSetting("questions must be 1 to 1000, got \(questions)") }
        // Suspended and buried cards are left out of interviews as out of study.
        let evidence = try await database { store in
            let all = try store.cardEvidence(at: now, guide: guide, scheduler: try Self.scheduler(store))
            let marks = try store.marks(of: all.map(\.card.id))
            return all.filter { !(marks[$0.card.id]?.holdsBack(at: now) ?? false) }
        }
        guard
            var interview = MockInterview(
                candidates: evidence.map(MockPlanner.Candidate.init), minutes: minutes, questions: questions,
                seed: seed ?? UInt64.random(in: .min ... .max), at: now)
        else { throw TrainerError.noQuestions(guide: guide) }
        let question = interview.nextQuestion(at: now)
        let id = try await interviews.add(interview, at: now)
        return MockStep(id: id, interview: interview, question: question)
    }

    /// Grades and stores the answer to the current question (as a review, through the same
    /// group commit as every answer), then asks the next; ends the interview with its report
    /// when no question is left or the time is up.
    /// - Throws: ``TrainerError/emptyAnswer`` for an answer with nothing in it (it is not
    ///   recorded as a failed review).
    public func answerMock(id: String, text: String, at now: Date = Date()) async throws -> MockStep {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw TrainerError.emptyAnswer }
        let (interview, answered, grade) = try await interviews.answer(id, text, at: now)
        do {
            _ = try await recorder.record(Store.Answer(
                cardID: answered.cardID, rating: grade.rating, at: now, answerText: text, grade: grade.json, durationMS: Int(answered.seconds * 1000)))
        } catch StoreError.unknownCard {
            // The card's guide was deleted during the interview: the answer stays in the report only.
        }
        guard let question = interview.current else { return try await finishMock(id: id, at: now) }
        return MockStep(id: id, interview: interview, question: question)
    }

    /// Where an interview under way stands: for a page reloaded mid-interview.
    public func mockStep(id: String) async throws -> MockStep {
        let interview = try await interviews.get(id)
        return MockStep(id: id, interview: interview, question: interview.current)
    }

    /// Ends an interview under way and saves its report.
    public func finishMock(id: String, at now: Date = Date()) async throws -> MockStep {
        let interview = try await interviews.remove(id, at: now)
        let report = interview.report(at: now)
        let reportID = try await database { store in try store.saveMockReport(report) }
        return MockStep(id: id, interview: interview, question: nil, report: report, reportID: reportID)
    }

    /// The saved mock interview reports, oldest first.
    public func mockReports() async throws -> [(id: Int64, report: MockReport)] {
        try await database { store in try store.mockReports() }
    }
}
