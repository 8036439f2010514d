import Foundation
import Testing

@testable import RehearseCore

/// Properties FSRS-6 must keep whatever the history.
@Suite struct FSRSPropertyTests {
    /// Random cards reached by random histories.
    static func randomCards(count: Int) -> [(CardSchedule, Date)] {
        // Seeded, so that a failure can be replayed.
        var generator = SplitMix64(seed: 42)
        let scheduler = Scheduler(enableFuzzing: false)
        var result: [(CardSchedule, Date)] = []
        for _ in 0..<count {
            var now = Date(timeIntervalSince1970: 1_780_000_000)
            var card = CardSchedule.new(due: now)
            for _ in 0..<Int.random(in: 1...10, using: &generator) {
                now = now.addingTimeInterval(Double.random(in: 60...(86_400 * 60), using: &generator))
                card = scheduler.review(card, rating: Rating.allCases.randomElement(using: &generator) ?? .good, at: now)
            }
            result.append((card, now.addingTimeInterval(Double.random(in: 0...(86_400 * 90), using: &generator))))
        }
        return result
    }

    @Test func aHigherRatingNeverGivesAShorterInterval() {
        let scheduler = Scheduler(enableFuzzing: false)
        for (card, now) in Self.randomCards(count: 2_000) where card.phase == .review {
            let dues = [Rating.hard, .good, .easy].map { scheduler.review(card, rating: $0, at: now).due }
            #expect(dues[0] <= dues[1] && dues[1] <= dues[2])
        }
    }

    @Test func stabilityIsPositiveDifficultyInRangeAndDueAfterTheReview() {
        let scheduler = Scheduler()
        for (index, (card, now)) in Self.randomCards(count: 2_000).enumerated() {
            for rating in Rating.allCases {
                let next = scheduler.review(card, rating: rating, at: now, fuzz: Fuzz.factor(seed: 7, cardHash: UInt64(index), reviewCount: 1))
                #expect((next.stability ?? 0) > 0)
                #expect(MemoryModel.difficultyRange.contains(next.difficulty ?? 0))
                #expect(next.due > now)
                #expect(next.lastReview == now)
            }
        }
    }

    @Test func fuzzIsDeterministicUnderASeed() {
        let first = (0..<100).map { Fuzz.factor(seed: 1, cardHash: 99, reviewCount: $0) }
        let again = (0..<100).map { Fuzz.factor(seed: 1, cardHash: 99, reviewCount: $0) }
        #expect(first == again)
        #expect(first.allSatisfy { (0..<1).contains($0) })
        #expect(Set(first).count == 100)
    }

    @Test func anInterviewDateCapsEveryReviewInterval() {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let interview = start.addingTimeInterval(10 * 86_400)
        let scheduler = Scheduler(enableFuzzing: false, interviewDate: interview)
        var card = CardSchedule.new(due: start)
        var now = start
        for _ in 0..<6 {
            card = scheduler.review(card, rating: .easy, at: now)
            #expect(card.due <= interview)
            now = card.due
            if now >= interview.addingTimeInterval(-86_400) { break }
        }
    }

    @Test func parametersReportEveryViolationAtOnce() {
        var weights = FSRSParameters.defaultWeights
        weights[4] = 20
        weights[20] = 0
        #expect(throws: FSRSParameterError(problems: [
            "w[4] = 20.0 is outside [1.0, 10.0]", "w[20] = 0.0 is outside [0.1, 0.8]",
        ])) { try FSRSParameters(weights: weights) }
        #expect(throws: FSRSParameterError(problems: ["expected 21 weights, got 2"])) { try FSRSParameters(parsing: "0.1,0.2") }
        #expect(throws: FSRSParameterError(problems: ["w[1] = \"x\" is not a number"])) { try FSRSParameters(parsing: "0.1,x") }
    }
}
