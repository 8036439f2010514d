import Foundation
import RehearseApp
import RehearseCore
import RehearseStore

/// One sitting of study in the terminal: shows each card with its section path, reveals on
/// Space or Enter, rates with 1–4 (each button showing when the card comes back: the state
/// that will be stored), undoes with `u`, quits with `q`. The cards and their order come from
/// the ``Trainer``, as in the web app; each answer is stored before the next card is shown.
struct TerminalStudy {
    let trainer: Trainer
    let terminal: Terminal
    let typed: Bool

    struct Summary {
        var reviewed = 0
        var passed = 0
        var started = Date()
        var nextDue: Date?
    }

    private enum Key {
        case reveal, quit, undo, teach, rate(Rating), other

        init(_ byte: UInt8?) {
            switch byte {
            case nil, UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x1B: self = .quit
            case UInt8(ascii: " "), 0x0A, 0x0D: self = .reveal
            case UInt8(ascii: "u"), UInt8(ascii: "U"): self = .undo
            case UInt8(ascii: "t"), UInt8(ascii: "T"): self = .teach
            case let byte? where (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(byte):
                self = .rate(Rating(rawValue: Int(byte - UInt8(ascii: "0"))) ?? .good)
            default: self = .other
            }
        }
    }

    /// Runs the session from its first card until it is finished, nothing is left or the
    /// user quits.
    func run(_ initial: StudySession, first: StudyTurn) async throws -> Summary {
        var session = initial
        var summary = Summary()
        var answered: [(reviewID: Int64, passed: Bool)] = []
        var next: StudyTurn? = first
        terminal.enterRawMode()
        defer { terminal.restore() }
        session: while let turn = next {
            show(turn, position: summary.reviewed + 1)
            var typedAnswer: String?
            if typed {
                terminal.write(terminal.dim("Your answer (Enter when done; q alone quits): "))
                typedAnswer = terminal.readLine()
                if typedAnswer == nil || typedAnswer?.trimmingCharacters(in: .whitespaces) == "q" { break session }
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
                        try await undo(last, session: &session, summary: &summary)
                        next = try await trainer.nextCard(in: session)
                        continue session
                    }
                default: continue
                }
            }
            showAnswer(turn)
            var grade: AnswerGrader.Grade?
            if let typedAnswer {
                grade = try await trainer.grade(typedAnswer, cardID: turn.card.card.id)
                showFeedback(grade)
            }
            let shownAt = Date()
            // One id per shown card: the answer is stored once, whatever happens to the call.
            let requestID = UUID().uuidString
            while true {
                var key = Key(terminal.readKey())
                if case .reveal = key, let suggested = grade?.rating { key = .rate(suggested) }
                switch key {
                case .rate(let rating):
                    let now = Date()
                    let outcome = try await trainer.answer(AnswerInput(
                        cardID: turn.card.card.id, rating: rating, typed: typedAnswer, durationMS: Int(now.timeIntervalSince(shownAt) * 1000),
                        requestID: requestID), at: now)
                    answered.append((outcome.reviewID, rating != .again))
                    session.noteAnswer(cardID: turn.card.card.id)
                    summary.reviewed += 1
                    summary.passed += rating == .again ? 0 : 1
                    terminal.write(terminal.green("saved: \(rating.name), next in \(IntervalText.format(outcome.due.timeIntervalSince(turn.states.at)))") + "\n\n")
                    next = try await trainer.nextCard(in: session)
                    continue session
                case .undo:
                    if let last = answered.popLast() {
                        try await undo(last, session: &session, summary: &summary)
                        next = try await trainer.nextCard(in: session)
                        continue session
                    }
                case .teach:
                    if let typedAnswer, let current = grade {
                        grade = try await teach(current, answer: typedAnswer, cardID: turn.card.card.id)
                        showFeedback(grade)
                    }
                case .quit: break session
                default: continue
                }
            }
        }
        summary.nextDue = try await trainer.nextDueDate()
        return summary
    }

    private func undo(_ last: (reviewID: Int64, passed: Bool), session: inout StudySession, summary: inout Summary) async throws {
        try await trainer.undo(reviewID: last.reviewID)
        session.forgetLastAnswer()
        summary.reviewed -= 1
        summary.passed -= last.passed ? 1 : 0
        terminal.write(terminal.dim("undone: the last answer was removed\n\n"))
    }

    /// Each key point, numbered, ticked or missed, with the words that matched, and the
    /// suggested rating.
    private func showFeedback(_ grade: AnswerGrader.Grade?) {
        guard let grade else { return }
        var lines = ["Key points:"]
        for (number, point) in zip(1..., grade.points) {
            let taught = point.taught ? terminal.dim("  (you taught this)") : ""
            if point.covered {
                lines.append("  \(number) " + terminal.green("✓ \(point.keypoint)") + terminal.dim("  (\(point.matched.joined(separator: ", ")))") + taught)
            } else if point.verdict == .contradicted {
                lines.append("  \(number) " + terminal.red("✗ \(point.keypoint)") + terminal.dim("  — you said: “\(point.evidence ?? "")”") + taught)
            } else {
                lines.append("  \(number) " + terminal.red("✗ \(point.keypoint)"))
            }
        }
        if let note = grade.note { lines.append(terminal.dim("  note: \(note)")) }
        lines.append("Suggested: \(grade.rating.rawValue) \(grade.rating.name) (score \(Int((grade.score * 100).rounded()))%) — Enter accepts, 1–4 to choose, t to correct a point")
        terminal.write(lines.joined(separator: "\n") + "\n")
    }

    /// Asks which point the grader got wrong and teaches it: a missed point was said, a
    /// ticked one was not. Returns the answer graded again, or the same grade when nothing
    /// usable was typed.
    private func teach(_ grade: AnswerGrader.Grade, answer: String, cardID: String) async throws -> AnswerGrader.Grade {
        terminal.write(terminal.dim("Point to correct (its number; a missed one becomes said, a ticked one not said): "))
        guard let line = terminal.readLine(), let number = Int(line.trimmingCharacters(in: .whitespaces)),
            grade.points.indices.contains(number - 1)
        else {
            terminal.write(terminal.dim("nothing corrected\n"))
            return grade
        }
        let point = grade.points[number - 1]
        do {
            let regraded = try await trainer.teach(cardID: cardID, keypoint: point.keypoint, answer: answer, accepted: !point.covered)
            terminal.write(terminal.green("learnt for this card: \(point.covered ? "not said" : "said"): \(point.keypoint)") + "\n")
            return regraded
        } catch let error as TrainerError {
            terminal.write(terminal.red("not learnt: \(error.description)") + "\n")
            return grade
        }
    }

    private func show(_ turn: StudyTurn, position: Int) {
        let item = turn.card
        let path = ([item.card.guideID] + item.card.section).joined(separator: " › ")
        let state = item.schedule.isNew ? "new" : (item.schedule.phase == .review ? "review" : "learning")
        terminal.write(terminal.dim("[\(position)] \(turn.dueCount) due · \(turn.newCount) new · \(state) · \(path)") + "\n")
        terminal.write(terminal.bold(item.card.prompt) + "\n")
    }

    private func showAnswer(_ turn: StudyTurn) {
        terminal.write("\n" + turn.card.card.answer + "\n\n")
        let buttons = Rating.allCases.map { "[\($0.rawValue)] \($0.name) \(IntervalText.format(turn.interval(for: $0)))" }
        terminal.write(buttons.joined(separator: "   ") + "   [u] undo   [q] quit\n")
    }
}
