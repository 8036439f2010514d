import Foundation
import RehearseCore

/// Expected recall on the interview day and reviews spent, by how each day's cards are
/// chosen (plain FSRS, FSRS capped at the date, the interview-day planner), averaged over
/// seeds, for simulated learners near and far from the default weights.
enum InterviewDayComparison {
    static let learners: [(name: String, weights: [Double])] = [
        ("default", FSRSParameters.defaultWeights),
        ("steady", [0.4, 1.8, 4.5, 15.0, 6.0, 0.6, 2.2, 0.01, 1.6, 0.12, 1.1, 1.8, 0.08, 0.35, 1.2, 0.45, 2.4, 0.6, 0.2, 0.1, 0.3]),
        ("forgetful", [0.1, 0.6, 1.5, 5.0, 7.0, 0.9, 2.5, 0.02, 1.3, 0.2, 0.7, 2.2, 0.1, 0.25, 1.9, 0.5, 1.6, 0.7, 0.3, 0.05, 0.2]),
    ]

    static func run(cards: Int, days: [Int], minutes: [Double], seeds: Int) throws {
        print("cards \(cards), \(seeds) seeds each; the scheduler knows the learner's weights (fitted) or uses the defaults")
        print("learner     scheduler  days  min/day  policy          recall on day   reviews")
        for learner in learners {
            let truth = try FSRSParameters(weights: learner.weights)
            for (schedulerName, scheduler) in [("fitted", truth), ("defaults", FSRSParameters.default)] where learner.name != "default" || schedulerName == "fitted" {
                for dayCount in days {
                    for budget in minutes {
                        let simulation = InterviewDaySimulation(learner: truth, scheduler: scheduler, cards: cards, days: dayCount, minutesPerDay: budget)
                        for policy in InterviewDaySimulation.Policy.allCases {
                            var recall = 0.0, reviews = 0
                            for seed in 1...seeds {
                                let outcome = simulation.run(policy, seed: UInt64(seed))
                                recall += outcome.recallOnTheDay
                                reviews += outcome.reviews
                            }
                            let line = learner.name.padding(toLength: 11, withPad: " ", startingAt: 0)
                                + schedulerName.padding(toLength: 11, withPad: " ", startingAt: 0)
                                + String(format: "%4d  %7.0f  ", dayCount, budget) + policy.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)
                                + String(format: "  %6.1f%%      %7.0f", recall / Double(seeds) * 100, Double(reviews) / Double(seeds))
                            print(line)
                        }
                    }
                }
            }
        }
    }
}
