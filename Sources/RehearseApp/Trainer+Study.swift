import Foundation
import RehearseCore
import RehearseStore

extension Trainer {
    /// The next card of a session: due cards first, the least likely to be recalled first;
    /// then new cards within today's budget, by guide priority and document order; then,
    /// once nothing else is left, cards in learning due within the learn-ahead limit. With an
    /// interview date and a daily study time set (and no session limit of new cards), the
    /// interview-day plan chooses instead: learning steps due now, then the cards whose study
    /// today adds most to expected recall on the day (``dailyPlan(filter:at:)``). Once
    /// the session has drawn its limit of cards, only those it has seen come back. Nil when
    /// nothing is left today.
    ///
    /// The four next states are worked out here, once, and remembered: an answer to this
    /// card stores the state its button showed.
    /// - Throws: ``TrainerError/unknownGuide(_:known:)`` when the session names a guide that
    ///   is not imported (rather than saying nothing is due).
    public func nextCard(in session: StudySession, at now: Date = Date()) async throws -> StudyTurn? {
        let found = try await database { store -> (StudyCard, due: Int, new: Int)? in
            if let guide = session.filter.guide {
                let known = try store.guideIDs()
                if !known.contains(guide) { throw TrainerError.unknownGuide(guide, known: known) }
            }
            let scheduler = try Self.scheduler(store)
            let seen = Set(session.answered)
            let allowed = { (id: String) in !session.isFull || seen.contains(id) }
            if session.newCardsPerDay == nil, let plan = try Self.dailyPlan(store, filter: session.filter, scheduler: scheduler, at: now) {
                // Learning steps due now first, then the cards the interview-day plan chose.
                let stepping = try store.learningCardIDs(dueAfter: .distantPast, until: now, filter: session.filter).filter(allowed)
                let planned = plan.cardIDs.filter { allowed($0) && !stepping.contains($0) }
                if let id = (stepping + planned).first, let card = try store.studyCards(ids: [id], now: now).first {
                    return (card, stepping.count + plan.reviews, plan.newCards)
                }
                let early = try store.learningCardIDs(dueAfter: now, until: now.addingTimeInterval(session.learnAhead), filter: session.filter)
                return try early.first(where: allowed).flatMap { try store.studyCards(ids: [$0], now: now).first }.map { ($0, 0, 0) }
            }
            let due = try store.dueCardIDs(at: now, filter: session.filter, scheduler: scheduler).filter(allowed)
            let budget = session.isFull ? 0 : try Self.newCardsLeft(store, session: session, scheduler: scheduler, at: now)
            let new = try Self.newCards(store, limit: min(budget, session.limit.map { $0 - seen.count } ?? budget), filter: session.filter, at: now)
            if let id = due.first, let card = try store.studyCards(ids: [id], now: now).first { return (card, due.count, new.count) }
            if let card = new.first { return (card, 0, new.count) }
            let early = try store.learningCardIDs(dueAfter: now, until: now.addingTimeInterval(session.learnAhead), filter: session.filter)
            return try early.first(where: allowed).flatMap { try store.studyCards(ids: [$0], now: now).first }.map { ($0, 0, 0) }
        }
        guard let (card, due, new) = found else { return nil }
        let states = try await nextStates(of: card, at: now)
        return StudyTurn(card: card, states: states, dueCount: due, newCount: new)
    }

    /// What each rating would do to `card` now, remembered so that the answer stores
    /// exactly the state its button showed.
    public func nextStates(of card: StudyCard, at now: Date = Date()) async throws -> NextStates {
        let states = try await scheduler().nextStates(of: card.schedule, cardID: card.card.id, reviewCount: card.reps, at: now)
        await shown.remember(states, for: card.card.id)
        return states
    }

    /// New cards in queue order, at most `limit`, none from a guide whose own daily limit is
    /// reached.
    static func newCards(_ store: Store, limit: Int, filter: StudyFilter, at now: Date) throws -> [StudyCard] {
        let limits = try store.guideNewCardLimits()
        guard !limits.isEmpty else { return try store.newCards(limit: limit, filter: filter, now: now) }
        var left = limits.mapValues { $0 }
        for (guide, count) in try store.newCardsIntroducedPerGuide(on: now) where left[guide] != nil {
            left[guide, default: 0] -= count
        }
        // Capped guides may hold the front of the queue: read further than the limit.
        let candidates = try store.newCards(limit: limit + limits.values.reduce(0, +) + 100, filter: filter, now: now)
        var chosen: [StudyCard] = []
        for card in candidates where chosen.count < limit {
            if let remaining = left[card.card.guideID] {
                guard remaining > 0 else { continue }
                left[card.card.guideID] = remaining - 1
            }
            chosen.append(card)
        }
        return chosen
    }

    /// How many new cards may still be introduced today: the session's own number, else the
    /// daily limit (raised by the interview plan when it needs more), less those already
    /// introduced today.
    static func newCardsLeft(_ store: Store, session: StudySession, scheduler: Scheduler, at now: Date) throws -> Int {
        let perDay = try session.newCardsPerDay ?? newCardsPerDay(store, scheduler: scheduler, at: now)
        return max(0, perDay - (try store.newCardsIntroduced(on: now)))
    }

    /// The daily budget of new cards from the settings and the interview plan, with today's
    /// "more new cards" added.
    static func newCardsPerDay(_ store: Store, scheduler: Scheduler, at now: Date) throws -> Int {
        let usual = try store.newCardsPerDay() ?? Settings.defaultNewCardsPerDay
        let extra = try store.extraNewCards().flatMap { $0.day == DayFormat.format(now) ? $0.count : nil } ?? 0
        guard let interview = scheduler.interviewDate else { return usual + extra }
        return InterviewPlan(interviewDate: interview, today: now, newCards: try store.newCardCount(), minimumPerDay: usual).newCardsPerDay + extra
    }

    /// Adds `count` new cards (1 to 200) to today's budget only: "more new cards today".
    public func addNewCardsToday(_ count: Int, at now: Date = Date()) async throws {
        guard (1...200).contains(count) else { throw TrainerError.invalidSetting("more new cards today must be 1 to 200, got \(count)") }
        try await database { store in
            let today = DayFormat.format(now)
            let already = try store.extraNewCards().flatMap { $0.day == today ? $0.count : nil } ?? 0
            try store.setExtraNewCards(day: today, count: min(already + count, 1000))
        }
    }

    /// A card and its schedule, by id.
    public func card(id: String, at now: Date = Date()) async throws -> StudyCard {
        guard let card = try await database({ store in try store.studyCard(id: id, now: now) }) else { throw TrainerError.unknownCard(id) }
        return card
    }

    /// Grades a typed answer without recording anything, with what the learner taught the
    /// grader for this card: the feedback shown before rating.
    public func grade(_ typed: String, cardID: String) async throws -> AnswerGrader.Grade {
        let card = try await card(id: cardID).card
        let corrections = try await database { store in try store.gradingCorrections(cardID: cardID) }
        return AnswerGrader.grade(typed, for: card, corrections: corrections)
    }

    /// When the next card falls due, if any card has been answered: what an empty session
    /// tells the user.
    public func nextDueDate() async throws -> Date? {
        try await database { store in try store.nextDueDate() }
    }
}

extension Trainer {
    /// What an empty session tells the learner (see ``StudyOutlook``).
    public func outlook(for session: StudySession, at now: Date = Date()) async throws -> StudyOutlook {
        try await database { store in
            let scheduler = try Self.scheduler(store)
            let perDay = try session.newCardsPerDay ?? Self.newCardsPerDay(store, scheduler: scheduler, at: now)
            return StudyOutlook(
                nextDue: try store.nextDueDate(), newWaiting: try store.newCardCount(filter: session.filter),
                newPerDay: perDay, newToday: try store.newCardsIntroduced(on: now))
        }
    }
}
