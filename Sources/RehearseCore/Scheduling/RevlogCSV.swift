import Foundation

/// A review-log CSV as the FSRS optimizer tools write it: a header naming `card_id`,
/// `review_time` (milliseconds since the Unix epoch, UTC) and `review_rating` (1–4), in any
/// column order; `review_state` (0 new, 1 learning, 2 review, 3 relearning, 4 filtered, 5 manual)
/// and `review_duration` (milliseconds) are read when present, other columns ignored.
public struct RevlogCSV: Sendable {
    public struct Row: Sendable, Equatable {
        public var cardID: Int64
        public var time: Date
        public var timeMilliseconds: Int64
        public var rating: Rating
        /// The card's state when reviewed (`review_state`), when the file has the column.
        public var state: ReviewKind?
        /// Time spent answering, in milliseconds (`review_duration`), when the file has it.
        public var durationMilliseconds: Int64?
        /// 1-based line in the file.
        public var line: Int
    }

    /// The rows in file order.
    public let rows: [Row]

    /// Parses the file's text; `fileName` names it in errors.
    public init(text: String, fileName: String) throws(RevlogError) {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        while let last = lines.last, last.trimmingWhitespace().isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else { throw RevlogError(file: fileName, line: 1, message: "the file is empty; expected a header card_id,review_time,review_rating") }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace().trimming("\"").lowercased() }
        var columns: [String: Int] = [:]
        for name in ["card_id", "review_time", "review_rating"] {
            guard let index = header.firstIndex(of: name) else {
                throw RevlogError(file: fileName, line: 1, message: "missing column \(name); the header has \(header.joined(separator: ","))")
            }
            columns[name] = index
        }
        let stateColumn = header.firstIndex(of: "review_state")
        let durationColumn = header.firstIndex(of: "review_duration")
        let needed = ([stateColumn, durationColumn].compactMap { $0 } + Array(columns.values)).max().map { $0 + 1 } ?? 3
        var rows: [Row] = []
        rows.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingWhitespace().isEmpty {
            let number = offset + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace().trimming("\"") }
            guard fields.count >= needed else {
                throw RevlogError(file: fileName, line: number, message: "expected at least \(needed) fields, found \(fields.count)")
            }
            let cardField = fields[columns["card_id"] ?? 0]
            let timeField = fields[columns["review_time"] ?? 1]
            let ratingField = fields[columns["review_rating"] ?? 2]
            guard let cardID = Int64(cardField) else {
                throw RevlogError(file: fileName, line: number, message: "card_id must be an integer, got \"\(cardField)\"")
            }
            guard let time = Int64(timeField) ?? Double(timeField).flatMap({ $0.isFinite ? Int64(exactly: $0.rounded()) : nil }) else {
                throw RevlogError(file: fileName, line: number, message: "review_time must be milliseconds since the Unix epoch, got \"\(timeField)\"")
            }
            guard let value = Int(ratingField), let rating = Rating(rawValue: value) else {
                throw RevlogError(file: fileName, line: number, message: "review_rating must be 1, 2, 3 or 4, got \"\(ratingField)\"")
            }
            var state: ReviewKind?
            if let stateColumn {
                guard let value = Int(fields[stateColumn]), let kind = ReviewKind(rawValue: value) else {
                    throw RevlogError(file: fileName, line: number, message: "review_state must be 0 to 5, got \"\(fields[stateColumn])\"")
                }
                state = kind
            }
            var duration: Int64?
            if let durationColumn, !fields[durationColumn].isEmpty {
                guard let value = Int64(fields[durationColumn]) ?? Double(fields[durationColumn]).flatMap({ $0.isFinite && $0 >= 0 ? Int64($0.rounded()) : nil }),
                      value >= 0 else {
                    throw RevlogError(file: fileName, line: number, message: "review_duration must be milliseconds (0 or more), got \"\(fields[durationColumn])\"")
                }
                duration = value
            }
            rows.append(Row(
                cardID: cardID, time: Date(timeIntervalSince1970: Double(time) / 1000), timeMilliseconds: time, rating: rating,
                state: state, durationMilliseconds: duration, line: number))
        }
        self.rows = rows
    }

    /// Rows grouped by card, cards in order of first appearance, each card's reviews in time order.
    public var histories: [(cardID: Int64, reviews: [Row])] {
        var order: [Int64] = []
        var byCard: [Int64: [Row]] = [:]
        for row in rows {
            if byCard[row.cardID] == nil { order.append(row.cardID) }
            byCard[row.cardID, default: []].append(row)
        }
        return order.map { id in
            (id, (byCard[id] ?? []).enumerated().sorted { ($0.element.timeMilliseconds, $0.offset) < ($1.element.timeMilliseconds, $1.offset) }.map(\.element))
        }
    }
}

/// What kind of review a review-log row records, as the FSRS optimizer tools number it.
public enum ReviewKind: Int, Sendable {
    case new = 0, learning, review, relearning, filtered, manual
}

/// A review log that cannot be read, naming the file and line.
public struct RevlogError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}
