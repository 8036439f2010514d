import Foundation
import Testing

@testable import RehearseCore

/// Mock interview planning and reports, and My Notes.
@Suite struct InterviewTests {
    static func card(_ id: String, section: String, priority: Priority = .medium, kind: Card.Kind = .qa) -> Card {
        Card(id: id, guideID: "g", kind: kind, section: ["Top", section], prompt: "Q \(id)?", answer: "A \(id)", keypoints: ["point \(id)"],
             priority: priority, position: 0)
    }

    @Test func aWeakAnswerIsFollowedByAQuestionFromTheSameSection() {
        let candidates = (0..<6).map { MockPlanner.Candidate(card: Self.card("a\($0)", section: "Async"), recall: 0.9, lapses: 0) }
            + (0..<6).map { MockPlanner.Candidate(card: Self.card("d\($0)", section: "Django"), recall: 0.9, lapses: 0) }
        for seed in 0..<20 {
            var planner = MockPlanner(candidates: candidates)
            var generator = SplitMix64(seed: UInt64(seed))
            let first = planner.next(after: nil, using: &generator)!
            let followUp = planner.next(after: (first.card.section, true), using: &generator)!
            #expect(followUp.card.section == first.card.section)
            let change = planner.next(after: (followUp.card.section, false), using: &generator)!
            #expect(change.card.section != followUp.card.section)
        }
    }

    @Test func highPriorityWeakAndUnseenCardsAreAskedMoreOften() {
        let strong = MockPlanner.Candidate(card: Self.card("s", section: "A", priority: .low), recall: 0.99, lapses: 0)
        let weak = MockPlanner.Candidate(card: Self.card("w", section: "A", priority: .high), recall: 0.3, lapses: 2)
        #expect(MockPlanner.weight(weak) > 5 * MockPlanner.weight(strong))
        var firstPicks: [String: Int] = [:]
        for seed in 0..<500 {
            var planner = MockPlanner(candidates: [strong, weak])
            var generator = SplitMix64(seed: UInt64(seed))
            firstPicks[planner.next(after: nil, using: &generator)!.card.id, default: 0] += 1
        }
        #expect(firstPicks["w", default: 0] > 4 * firstPicks["s", default: 0])
    }

    @Test func onlyOpenQuestionsAreAskedAndTheSameSeedAsksTheSame() {
        let candidates = [
            MockPlanner.Candidate(card: Self.card("t", section: "A", kind: .tableCell), recall: nil, lapses: 0),
            MockPlanner.Candidate(card: Self.card("q1", section: "A"), recall: nil, lapses: 0),
            MockPlanner.Candidate(card: Self.card("q2", section: "B"), recall: nil, lapses: 0),
        ]
        func draw(_ seed: UInt64) -> [String] {
            var planner = MockPlanner(candidates: candidates)
            var generator = SplitMix64(seed: seed)
            return [planner.next(after: nil, using: &generator), planner.next(after: nil, using: &generator), planner.next(after: nil, using: &generator)].compactMap { $0?.card.id }
        }
        #expect(Set(draw(3)) == ["q1", "q2"])
        #expect(draw(9) == draw(9))
    }

    @Test func theReportScoresSectionsAndNamesTheWeakestTopics() {
        let grader = AnswerGrader()
        func question(_ section: String, _ answer: String, keypoints: [String]) -> MockReport.Question {
            MockReport.Question(cardID: section, prompt: "Explain \(section)", section: ["Top", section], answer: answer,
                                grade: grader.grade(answer: answer, keypoints: keypoints), seconds: 30, overTime: false, followUp: false)
        }
        let report = MockReport(startedAt: Date(timeIntervalSince1970: 0), minutes: 10, secondsUsed: 95, questions: [
            question("GIL", "Only one thread runs bytecode at a time because of the global interpreter lock.", keypoints: ["one thread runs bytecode at a time"]),
            question("ORM", "I don't know", keypoints: ["select_related does a JOIN"]),
            question("Caching", "It caches.", keypoints: ["cache_page caches a whole view", "low-level cache.get and cache.set"]),
        ])
        #expect(report.sections.map(\.section) == ["GIL", "ORM", "Caching"])
        #expect(report.sections[0].score == 1)
        #expect(report.weakest.map(\.section) == ["ORM", "Caching"])
        #expect(report.weakest[0].review == ["select_related does a JOIN"])
        #expect(abs(report.score - 1.0 / 3.0) < 1e-9)
        let text = report.render()
        #expect(text.hasPrefix("Mock interview — 3 questions, score 33%, 1:35 of 10:00"))
        #expect(text.contains("Weakest topics — review:\n  ORM (0%)\n    - select_related does a JOIN"))
        // Each question says how it was rated, in words, and what was said.
        #expect(text.contains("GIL · Easy · score 100% · 0:30\n   You said: Only one thread runs bytecode"))
        #expect(text.contains("ORM · Again · score 0%"))
    }

    @Test func aQuestionLeftWaitingWhenTheInterviewEndsIsReported() throws {
        let candidates = (1...3).map { MockPlanner.Candidate(CardEvidence(
            card: Self.card("q\($0)", section: "S\($0)"), recall: nil, stability: nil, lastReview: nil, lapses: 0, recentRatings: [], meanGrade: nil)) }
        let start = Date(timeIntervalSince1970: 0)
        var interview = try #require(MockInterview(candidates: candidates, minutes: 9, questions: 3, seed: 1, at: start))
        let asked = interview.nextQuestion(at: start)
        let first = try #require(asked)
        _ = interview.answer("an answer", at: start.addingTimeInterval(20))
        let waiting = interview.nextQuestion(at: start.addingTimeInterval(21))
        let second = try #require(waiting)
        let report = interview.report(at: start.addingTimeInterval(30))
        #expect(report.questions.map(\.prompt) == [first.card.prompt])
        #expect(report.unanswered == [second.card.prompt])
        #expect(report.render().contains("–. \(second.card.prompt)  [not answered: the interview ended]"))
    }

    @Test func myNotesSortsCardsByEvidence() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let solid = CardEvidence(card: Self.card("solid", section: "GIL"), recall: 0.95, stability: 40, lastReview: now, lapses: 0, recentRatings: [3, 4], meanGrade: 0.9)
        let shaky = CardEvidence(card: Self.card("shaky", section: "ORM"), recall: 0.6, stability: 3, lastReview: now, lapses: 2, recentRatings: [1, 3], meanGrade: 0.2)
        let story = CardEvidence(card: Self.card("story", section: "Async", kind: .story), recall: 0.5, stability: 2, lastReview: now, lapses: 1, recentRatings: [2], meanGrade: nil)
        let unseen = CardEvidence(card: Self.card("new", section: "ORM"), recall: nil, stability: nil, lastReview: nil, lapses: 0, recentRatings: [], meanGrade: nil)
        let notes = NotesWriter(headings: ["Solid", "Review", "Can't explain"]).markdown(guideTitle: "g", entries: [solid, shaky, story, unseen], now: now)
        let sections = notes.components(separatedBy: "### ")
        #expect(sections[1].hasPrefix("Solid") && sections[1].contains("**Q solid?** (GIL)"))
        #expect(sections[2].hasPrefix("Review") && sections[2].contains("**Q shaky?** (ORM) — ratings Again, Good; typed answers 20%; 2 lapses; last reviewed 2026-05-28; predicted recall 60%"))
        #expect(sections[3].hasPrefix("Can't explain") && sections[3].contains("Q story?"))
        #expect(!notes.contains("Q new?"))
    }
}
