import Foundation
import Testing

@testable import RehearseCore

/// Choosing each day's cards for the interview day, against plain FSRS and FSRS capped at
/// the date, on simulated learners (fixed seeds; `rehearse-bench interview-day` prints the table).
@Suite struct InterviewDayTests {
    static let forgetful = try! FSRSParameters(weights: [
        0.1, 0.6, 1.5, 5.0, 7.0, 0.9, 2.5, 0.02, 1.3, 0.2, 0.7, 2.2, 0.1, 0.25, 1.9, 0.5, 1.6, 0.7, 0.3, 0.05, 0.2,
    ])

    static func meanRecall(_ simulation: InterviewDaySimulation, _ policy: InterviewDaySimulation.Policy) -> Double {
        (1...3).map { simulation.run(policy, seed: UInt64($0)).recallOnTheDay }.reduce(0, +) / 3
    }

    /// When the daily time is short, the planner's cards give at least 5 points more expected
    /// recall on the day than either FSRS schedule; when it is generous, never less.
    @Test(arguments: [(FSRSParameters.default, 14, 10.0, 0.05), (forgetful, 30, 10.0, 0.05), (forgetful, 14, 20.0, 0.05), (FSRSParameters.default, 30, 20.0, 0.0)])
    func plannerBeatsBothFSRSSchedules(learner: FSRSParameters, days: Int, minutes: Double, margin: Double) {
        let simulation = InterviewDaySimulation(learner: learner, scheduler: learner, cards: 300, days: days, minutesPerDay: minutes)
        let planned = Self.meanRecall(simulation, .interviewDay)
        let plain = Self.meanRecall(simulation, .fsrs)
        let capped = Self.meanRecall(simulation, .fsrsCappedAtDate)
        #expect(planned >= max(plain, capped) + margin, "planner \(planned), FSRS \(plain), capped \(capped)")
    }

    @Test func gainIsWhatAReviewTodayAddsOnTheDay() {
        let model = MemoryModel()
        let planner = InterviewDayPlanner(model: model, interviewDay: 10, secondsPerReview: 10, secondsPerNewCard: 25)
        let fresh = InterviewDayPlanner.Card(stability: 30, difficulty: 5, lastReview: -1)
        let fading = InterviewDayPlanner.Card(stability: 2, difficulty: 5, lastReview: -6)
        let today = InterviewDayPlanner.Card(stability: 2, difficulty: 5, lastReview: 0)
        #expect(planner.gain(today, on: 0) == 0)
        #expect(planner.gain(fading, on: 0) > planner.gain(fresh, on: 0))
        #expect(planner.gain(fresh, on: 0) > 0)
        let learnt = model.shortTermStability(model.initialStability(.good), rating: .good)
        #expect(planner.gain(.unseen, on: 0) == model.retrievability(elapsedDays: 10, stability: learnt))
        #expect(planner.recallOnTheDay(.unseen) == 0)
        // Nothing is chosen on or after the day, and the budget is kept.
        #expect(planner.choose([fading, .unseen], on: 10, budget: 1000).isEmpty)
        let chosen = planner.choose(Array(repeating: .unseen, count: 10) + [fading, fresh], on: 0, budget: 60)
        let cost = chosen.reduce(0.0) { $0 + ($1 < 10 ? 25 : 10) }
        #expect(cost <= 60 && !chosen.isEmpty)
        // With time for one review of two fading cards, the first is taken.
        #expect(planner.choose([fading, fading], on: 0, budget: 10) == [0])
        // With time for everything, a card worth as much tomorrow waits; on the eve nothing waits.
        #expect(planner.gain(fading, on: 1) >= planner.gain(fading, on: 0))
        #expect(planner.choose([fading], on: 0, budget: 100).isEmpty)
        #expect(planner.choose([fading], on: 9, budget: 100) == [0])
        #expect(planner.choose([fresh], on: 9, budget: 100).isEmpty == (planner.gain(fresh, on: 9) < planner.minimumGain))
    }
}
