import Foundation
import RehearseCore
import RehearseStore

/// One sitting of study in the terminal: shows each card with its section path, reveals on
/// Space or Enter, rates with 1–4 (showing each rating's next interval), undoes with `u`,
/// quits with `q`. Each answer is stored before the next card is shown.
struct StudySession {
    let store: Store
    let scheduler: Scheduler
    let terminal: Terminal
    let typed: Bool
    /// Cards answered Again or still in learning come back within this many seconds.
    let learnAhead: TimeInterval = 20 * 60

    struct Summary {
        var reviewed = 0
        var passed = 0
        var started = Date()
        var nextDue: Date?
    }

    private enum Key {
        case reveal, quit, undo, rate(Rating), other

        init(_ byte: UInt8?) {
            switch byte {
            case nil, UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x1B: self = .quit
            case UInt8(ascii: " "), 0x0A, 0x0D: self = .reveal
            case UInt8(ascii: "u"), UInt8(ascii: "U"): self = .undo
            case let byte? where (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(byte):
                self = .rate(Rating(rawValue: Int(byte - UInt8(ascii: "0"))) ?? .good)
            default: self = .other
            }
        }
    }

    func run(queue initial: StudyQueue) throws -> Summary {
        var queue = initial
        var summary = Summary()
        var answered: [(reviewID: Int64, card: StudyCard, passed: Bool)] = []
        terminal.enterRawMode()
        defer { terminal.restore() }
        session: while true {
            try queue.refill(from: store, now: Date())
            guard let current = queue.ready.first else { break }
            show(current, position: summary.reviewed + 1, remaining: queue.count)
            var typedAnswer: String?
            if typed {
                terminal.write(terminal.dim("Your answer (Enter when done): "))
                typedAnswer = terminal.readLine()
                if typedAnswer == nil { break session }
            } else {
                terminal.write(terminal.dim("[Space] show answer   [u] undo   [q] quit\n"))
            }
            var revealed = typed
            while !revealed {
                switch Key(terminal.readKey()) {
                case .reveal: revealed = true
                case .quit: break session
                case .undo:
                    if let last = answered.popLast() {
                        try undo(last, queue: &queue, summary: &summary)
                        continue session
                    }
                default: continue
                }
            }
            showAnswer(current)
            var grade: AnswerGrader.Grade?
            if let typedAnswer {
                grade = AnswerGrader.grade(typedAnswer, for: current.card)
                showFeedback(grade)
            }
            let shownAt = Date()
            while true {
                var key = Key(terminal.readKey())
                if case .reveal = key, let suggested = grade?.rating { key = .rate(suggested) }
                switch key {
                case .rate(let rating):
                    let now = Date()
                    let review = try store.record(
                        cardID: current.card.id, rating: rating, at: now, scheduler: scheduler, answerText: typedAnswer,
                        grade: grade?.json, durationMS: Int(now.timeIntervalSince(shownAt) * 1000))
                    answered.append((review.id, current, rating != .again))
                    summary.reviewed += 1
                    summary.passed += rating == .again ? 0 : 1
                    queue.ready.removeFirst()
                    var updated = current
                    updated.schedule = review.schedule
                    if review.schedule.due.timeIntervalSince(now) < learnAhead { queue.ready.append(updated) }
                    terminal.write(terminal.green("saved: \(rating.name), next in \(IntervalText.format(review.schedule.due.timeIntervalSince(now)))") + "\n\n")
                    continue session
                case .undo:
                    if let last = answered.popLast() {
                        try undo(last, queue: &queue, summary: &summary)
                        continue session
                    }
                case .quit: break session
                default: continue
                }
            }
        }
        summary.nextDue = try store.nextDueDate()
        return summary
    }

    private func undo(_ last: (reviewID: Int64, card: StudyCard, passed: Bool), queue: inout StudyQueue, summary: inout Summary) throws {
        _ = try store.undo(reviewID: last.reviewID)
        queue.ready.removeAll { $0.card.id == last.card.card.id }
        queue.ready.insert(last.card, at: 0)
        summary.reviewed -= 1
        summary.passed -= last.passed ? 1 : 0
        terminal.write(terminal.dim("undone: the last answer was removed\n\n"))
    }

    /// Each key point ticked or missed, with the words that matched, and the suggested rating.
    private func showFeedback(_ grade: AnswerGrader.Grade?) {
        guard let grade else { return }
        var lines = ["Key points:"]
        for point in grade.points {
            if point.covered {
                lines.append("  " + terminal.green("✓ \(point.keypoint)") + terminal.dim("  (\(point.matched.joined(separator: ", ")))"))
            } else {
                lines.append("  " + terminal.red("✗ \(point.keypoint)"))
            }
        }
        if let note = grade.note { lines.append(terminal.dim("  note: \(note)")) }
        lines.append("Suggested: \(grade.rating.rawValue) \(grade.rating.name) (score \(Int((grade.score * 100).rounded()))%) — Enter accepts, 1–4 to choose")
        terminal.write(lines.joined(separator: "\n") + "\n")
    }

    private func show(_ item: StudyCard, position: Int, remaining: Int) {
        let path = ([item.card.guideID] + item.card.section).joined(separator: " › ")
        let state = item.schedule.isNew ? "new" : (item.schedule.phase == .review ? "review" : "learning")
        terminal.write(terminal.dim("[\(position)] \(remaining) left · \(state) · \(path)") + "\n")
        terminal.write(terminal.bold(item.card.prompt) + "\n")
    }

    private func showAnswer(_ item: StudyCard) {
        terminal.write("\n" + item.card.answer + "\n\n")
        let now = Date()
        let buttons = Rating.allCases.map { rating -> String in
            let next = scheduler.review(item.schedule, rating: rating, at: now)
            return "[\(rating.rawValue)] \(rating.name) \(IntervalText.format(next.due.timeIntervalSince(now)))"
        }
        terminal.write(buttons.joined(separator: "   ") + "   [u] undo   [q] quit\n")
    }
}
