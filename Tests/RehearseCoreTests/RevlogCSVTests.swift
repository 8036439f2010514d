import Foundation
import Testing

@testable import RehearseCore

@Suite struct RevlogCSVTests {
    @Test func readsColumnsInAnyOrderAndGroupsCardsInFirstSeenOrder() throws {
        let text = "review_rating,extra,review_time,card_id\n3,x,1700000500000,2\n4,y,1700000000000,7\n1,z,1700000000000,2\n"
        let log = try RevlogCSV(text: text, fileName: "log.csv")
        #expect(log.rows.map(\.cardID) == [2, 7, 2])
        let histories = log.histories
        #expect(histories.map(\.cardID) == [2, 7])
        #expect(histories[0].reviews.map(\.rating) == [.again, .good])
        #expect(histories[0].reviews.map(\.line) == [4, 2])
    }

    @Test func namesTheFileAndLineOfBadInput() {
        #expect(throws: RevlogError(file: "log.csv", line: 1, message: "missing column review_rating; the header has card_id,review_time,review_state")) {
            try RevlogCSV(text: "card_id,review_time,review_state\n1,2,3\n", fileName: "log.csv")
        }
        #expect(throws: RevlogError(file: "log.csv", line: 3, message: "review_rating must be 1, 2, 3 or 4, got \"5\"")) {
            try RevlogCSV(text: "card_id,review_time,review_rating\n1,1700000000000,3\n1,1700000000001,5\n", fileName: "log.csv")
        }
        #expect(throws: RevlogError(file: "log.csv", line: 2, message: "review_time must be milliseconds since the Unix epoch, got \"yesterday\"")) {
            try RevlogCSV(text: "card_id,review_time,review_rating\n1,yesterday,3\n", fileName: "log.csv")
        }
        #expect(throws: RevlogError(file: "log.csv", line: 2, message: "expected at least 3 fields, found 2")) {
            try RevlogCSV(text: "card_id,review_time,review_rating\n1,1700000000000\n", fileName: "log.csv")
        }
        #expect(throws: RevlogError(file: "empty.csv", line: 1, message: "the file is empty; expected a header card_id,review_time,review_rating")) {
            try RevlogCSV(text: "\n", fileName: "empty.csv")
        }
    }

    @Test func sameDayReviewsUseShortTermStabilityAndAnHourCanStartTheDay() throws {
        // 23:00 and 01:00 UTC the next night: two calendar days at midnight, one day from 04:00.
        let first = Date(timeIntervalSince1970: 1_700_002_800)  // 2023-11-14 23:00 UTC
        let second = first.addingTimeInterval(2 * 3600)
        let reviews = [MemoryReplay.Review(time: first, rating: .good), MemoryReplay.Review(time: second, rating: .good)]
        #expect(MemoryReplay().states(for: reviews)[1].elapsedDays == 1)
        #expect(MemoryReplay(nextDayStartsAt: 4).states(for: reviews)[1].elapsedDays == 0)
    }
}
