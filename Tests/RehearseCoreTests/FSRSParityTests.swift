import Foundation
import Testing

@testable import RehearseCore

/// FSRS-6 against py-fsrs 6.3.2: vectors made by `Benchmarks/fsrs/generate-parity-vectors.py`.
@Suite struct FSRSParityTests {
    struct Vectors: Decodable {
        var reference: String
        var scheduler: [SchedulerCase]
        var fuzz_ranges: [FuzzRange]
        var memory_states: [MemoryCase]
    }

    struct SchedulerCase: Decodable {
        struct Settings: Decodable {
            var weights: [Double]
            var desired_retention: Double
            var learning_steps: [Double]
            var relearning_steps: [Double]
            var maximum_interval: Int
        }

        struct Review: Decodable {
            var time_ms: Int64
            var rating: Int
            var retrievability: Double
            var stability: Double
            var difficulty: Double
            var due_ms: Int64
            var phase: Int
            var step: Int?
        }

        var settings: Settings
        var reviews: [Review]
    }

    struct FuzzRange: Decodable {
        var days: Int
        var maximum_interval: Int
        var lower: Int
        var upper: Int
    }

    struct MemoryCase: Decodable {
        struct Row: Decodable {
            var review_time: Int64
            var rating: Int
            var retrievability: Double?
            var stability: Double
            var difficulty: Double
        }

        var weights: [Double]
        var reviews: [Row]
    }

    static let vectors: Vectors? = try? JSONDecoder().decode(Vectors.self, from: TestFiles.fixtureData("fsrs-parity.json"))

    static func close(_ actual: Double, _ expected: Double, tolerance: Double = 1e-6) -> Bool {
        abs(actual - expected) <= tolerance * max(abs(expected), 1e-9)
    }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    @Test func schedulerMatchesPyFSRSOnRandomHistories() throws {
        let vectors = try #require(Self.vectors)
        #expect(vectors.scheduler.count >= 1000)
        var reviews = 0
        var mismatches: [String] = []
        for (caseIndex, testCase) in vectors.scheduler.enumerated() {
            let settings = testCase.settings
            let scheduler = Scheduler(
                parameters: try FSRSParameters(weights: settings.weights), desiredRetention: settings.desired_retention,
                learningSteps: settings.learning_steps, relearningSteps: settings.relearning_steps,
                maximumInterval: settings.maximum_interval, enableFuzzing: false)
            var card = CardSchedule.new(due: Self.date(testCase.reviews[0].time_ms))
            for (index, expected) in testCase.reviews.enumerated() {
                let now = Self.date(expected.time_ms)
                let retrievability = scheduler.retrievability(of: card, at: now)
                card = scheduler.review(card, rating: try #require(Rating(rawValue: expected.rating)), at: now)
                reviews += 1
                let due = Int64((card.due.timeIntervalSince1970 * 1000).rounded())
                let matches = Self.close(retrievability, expected.retrievability)
                    && Self.close(card.stability ?? -1, expected.stability)
                    && Self.close(card.difficulty ?? -1, expected.difficulty)
                    && abs(due - expected.due_ms) <= 1 && card.phase.rawValue == expected.phase && card.step == expected.step
                if !matches && mismatches.count < 5 {
                    mismatches.append("case \(caseIndex) review \(index): got S \(card.stability ?? -1) D \(card.difficulty ?? -1) R \(retrievability) due \(due) phase \(card.phase) step \(String(describing: card.step)); expected \(expected)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(reviews > 10_000)
    }

    @Test func fuzzRangesMatchPyFSRS() throws {
        let vectors = try #require(Self.vectors)
        for range in vectors.fuzz_ranges {
            let scheduler = Scheduler(maximumInterval: range.maximum_interval)
            #expect(scheduler.fuzzRange(days: range.days) == range.lower...range.upper, "days \(range.days) max \(range.maximum_interval)")
        }
    }

    @Test func fuzzedIntervalsStayInsideTheirRange() {
        let scheduler = Scheduler()
        for days in 3...400 {
            let range = scheduler.fuzzRange(days: days)
            for factor in stride(from: 0.0, to: 1.0, by: 0.01) {
                #expect(range.contains(scheduler.fuzzed(days, factor: factor)))
            }
            #expect(scheduler.fuzzed(days, factor: 0) == range.lowerBound)
            #expect(scheduler.fuzzed(days, factor: 0.999_999) == range.upperBound)
        }
    }

    @Test func memoryStatesMatchPyFSRSFormulasByCalendarDay() throws {
        let vectors = try #require(Self.vectors)
        for testCase in vectors.memory_states {
            let replay = MemoryReplay(model: MemoryModel(parameters: try FSRSParameters(weights: testCase.weights)))
            let states = replay.states(for: testCase.reviews.map {
                MemoryReplay.Review(time: Self.date($0.review_time), rating: Rating(rawValue: $0.rating) ?? .again)
            })
            for (state, expected) in zip(states, testCase.reviews) {
                #expect(Self.close(state.stability, expected.stability))
                #expect(Self.close(state.difficulty, expected.difficulty))
                if let expectedR = expected.retrievability {
                    #expect(Self.close(state.retrievability ?? -1, expectedR))
                } else {
                    #expect(state.retrievability == nil)
                }
            }
        }
    }
}
