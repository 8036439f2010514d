import Foundation
import Hummingbird
import RehearseApp
import RehearseCore

/// The settings both doors share, in the browser: the interview date and the usual number of
/// new cards a day (`rehearse plan` in the terminal).
struct SettingsAPI: Sendable {
    let trainer: Trainer

    func addRoutes(to router: Router<WebContext>) {
        router.get("/settings") { _, context in try await self.page(visitor: context.visitor) }
        router.get("/api/settings") { _, _ in try Response.json(Self.object(try await self.trainer.settings()), status: .ok) }
        router.post("/api/settings") { request, _ in try await self.change(request) }
        router.post("/api/fsrs/optimize") { request, _ in
            try await request.expectEmptyOptions()
            return try await self.optimize()
        }
        router.post("/api/fsrs/reset") { request, _ in
            try await request.expectEmptyOptions()
            try await self.trainer.resetFSRSParameters()
            return try Response.json(["fitted": false, "parameters": FSRSParameters.default.weights], status: .ok)
        }
    }

    /// Fits FSRS-6 to the user's reviews and applies the fit when it passes the hold-out check.
    func optimize() async throws -> Response {
        let outcome = try await trainer.optimizeFSRS(apply: true)
        let optimization = outcome.optimization
        var object: [String: Any] = [
            "applied": outcome.applied, "parameters": optimization.fit.parameters.weights, "reviews": optimization.reviews,
            "predictions": optimization.fitted.predictions, "log_loss": optimization.fitted.logLoss,
            "default_log_loss": optimization.defaults.logLoss, "current_log_loss": optimization.current.logLoss,
        ]
        if let holdOut = optimization.holdOut {
            object["hold_out"] = ["predictions": holdOut.current.predictions, "current_log_loss": holdOut.current.logLoss, "fitted_log_loss": holdOut.fitted.logLoss]
        }
        return try Response.json(object, status: .ok)
    }

    struct Change: Decodable {
        /// `YYYY-MM-DD`, or an empty string to clear the date; absent leaves it.
        var interview_date: String?
        var new_cards_per_day: Int?
        /// Minutes of study a day (1 to 600), 0 to clear; absent leaves it.
        var minutes_per_day: Int?
        /// 0.7 to 0.97; absent leaves it.
        var desired_retention: Double?
        /// Guides' own daily limits of new cards (0 to 1000), null to clear one; guides absent are left.
        var guide_new_cards_per_day: [String: Int?]?
    }

    /// Changes what the body names and answers with the settings as they now are.
    func change(_ request: Request) async throws -> Response {
        let change = try await request.decodeJSON(
            Change.self, limit: StudyAPI.maximumBody,
            usage: "the body must be a JSON object with interview_date (\"YYYY-MM-DD\", or \"\" to clear), new_cards_per_day (0 to 1000), minutes_per_day (1 to 600, 0 to clear), desired_retention (0.7 to 0.97) and guide_new_cards_per_day (an object of guide ids to 0 to 1000, or null to clear), all optional")
        if let day = change.interview_date {
            if day.isEmpty {
                try await trainer.setInterviewDate(nil)
            } else {
                guard let date = DayFormat.parse(day) else { throw Problem(.badRequest, "interview_date must be a date as YYYY-MM-DD, got \"\(day)\"") }
                try await trainer.setInterviewDate(date)
            }
        }
        if let count = change.new_cards_per_day { try await trainer.setNewCardsPerDay(count) }
        if let minutes = change.minutes_per_day { try await trainer.setMinutesPerDay(minutes == 0 ? nil : minutes) }
        if let retention = change.desired_retention { try await trainer.setDesiredRetention(retention) }
        for (guide, count) in (change.guide_new_cards_per_day ?? [:]).sorted(by: { $0.key < $1.key }) {
            try await trainer.setGuideNewCardLimit(guide: guide, count: count)
        }
        return try Response.json(Self.object(try await trainer.settings()), status: .ok)
    }

    static func object(_ settings: Settings) -> [String: Any] {
        [
            "interview_date": settings.interviewDate.map { DayFormat.format($0) as Any } ?? NSNull(),
            "days_left": settings.daysLeft.map { $0 as Any } ?? NSNull(),
            "new_cards_per_day": settings.newCardsPerDay, "new_cards_today": settings.newCardsToday, "unseen_cards": settings.unseenCards,
            "minutes_per_day": settings.minutesPerDay.map { $0 as Any } ?? NSNull(), "desired_retention": settings.desiredRetention,
            "guide_new_cards_per_day": settings.guideNewCardLimits,
        ]
    }

    /// The password and the API tokens (`rehearse serve --set-password`, `--new-token`,
    /// `--revoke-tokens` do the same); only for a browser.
    func accessSection(visitor: Visitor) async throws -> String {
        guard visitor.access != .token else { return "" }
        let hasPassword = try await trainer.webPasswordHash() != nil
        let tokens = try await trainer.apiTokens()
        let list = tokens.isEmpty ? "<li>No API token.</li>" : tokens.map { token in
            "<li>\(Page.escape(token.label)) <span class=\"path\">made \(DayFormat.format(token.createdAt))</span></li>"
        }.joined()
        let current = hasPassword ? """
            <label for="current-password">Current password</label>
            <input id="current-password" type="password" autocomplete="current-password" required>
            """ : ""
        return """
            <h2>Web access</h2>
            <p>\(hasPassword ? "A password is set: browsers sign in, scripts send a token." : "No password is set: the app answers only on this computer (loopback). Set one to use it from another device.")</p>
            <form id="password-form">
            \(current)
            <label for="new-password">New password (8 characters or more; every browser signs in again)</label>
            <input id="new-password" type="password" autocomplete="new-password" minlength="8" required>
            <label for="new-password-again">New password again</label>
            <input id="new-password-again" type="password" autocomplete="new-password" minlength="8" required>
            <button type="submit">Set the password</button>
            </form>
            <p id="password-status" class="status" role="status"></p>
            <h3>API tokens</h3>
            <ul id="tokens">\(list)</ul>
            <form id="token-form">
            <label for="token-label">Label of a new token (what the script is)</label>
            <input id="token-label" maxlength="100" required>
            <button type="submit">Make a token</button>
            </form>
            <p id="token-status" class="status" role="status"></p>
            <p><button type="button" id="revoke-tokens">Revoke every token</button></p>
            """
    }

    func page(visitor: Visitor) async throws -> Response {
        let settings = try await trainer.settings()
        let fitted = try await trainer.fsrsParameters() != .default
        let guideLimits = try await trainer.guideTitles().enumerated().map { index, guide -> String in
            let limit = settings.guideNewCardLimits[guide.id].map(String.init) ?? ""
            return """
                <label for="guide-limit-\(index)">\(Page.escape(guide.title ?? guide.id)) <span class="path">\(Page.escape(guide.id))</span></label>
                <input id="guide-limit-\(index)" class="guide-limit" data-guide="\(Page.escape(guide.id))" type="number" min="0" max="1000" value="\(limit)">
                """
        }.joined(separator: "\n")
        let plan = settings.interviewDate.map { date in
            "Interview on \(DayFormat.format(date)), \(settings.daysLeft ?? 0) days left: \(settings.unseenCards) new cards at \(settings.newCardsToday) a day."
        } ?? "No interview date: \(settings.newCardsPerDay) new cards a day."
        let body: String = """
            <h1>Settings</h1>
            <p id="plan">\(Page.escape(plan))</p>
            <form id="settings">
            <label for="interview-date">Interview date (every interval ends before it; empty for none)</label>
            <input id="interview-date" name="interview_date" type="date" value="\(settings.interviewDate.map { DayFormat.format($0) } ?? "")">
            <label for="new-cards">New cards per day (the interview plan raises it when it needs more)</label>
            <input id="new-cards" name="new_cards_per_day" type="number" min="0" max="1000" value="\(settings.newCardsPerDay)" required>
            <label for="minutes">Minutes a day (with an interview date, each day's cards are chosen for the interview day; empty for none)</label>
            <input id="minutes" name="minutes_per_day" type="number" min="1" max="600" value="\(settings.minutesPerDay.map(String.init) ?? "")">
            <label for="retention">Desired retention (0.70 to 0.97: reviews fall due when predicted recall drops to it; higher means more reviews)</label>
            <input id="retention" name="desired_retention" type="number" min="0.7" max="0.97" step="0.01" value="\(String(format: "%.2f", settings.desiredRetention))" required>
            \(guideLimits.isEmpty ? "" : "<fieldset><legend>New cards per day for one guide (within the day's total; empty: no limit of its own)</legend>\n\(guideLimits)\n</fieldset>")
            <button type="submit">Save</button>
            </form>
            <p id="settings-status" class="status" role="status"></p>
            <h2>Memory model</h2>
            <p id="fsrs-state">\(fitted ? "Scheduling uses FSRS-6 parameters fitted to your reviews." : "Scheduling uses FSRS-6's default parameters.")</p>
            <p>Fitting learns how fast you forget from your own reviews (a few hundred a day or more apart are needed). The fit is kept only if it predicts your latest reviews at least as well as the parameters in use.</p>
            <p><button type="button" id="fsrs-optimize">Fit to my reviews</button> <button type="button" id="fsrs-reset">Use the defaults</button></p>
            <p id="fsrs-status" class="status" role="status"></p>
            \(try await accessSection(visitor: visitor))
            """
        return Page.response(title: "settings", tab: .settings, visitor: visitor, body: body, scripts: ["api.js", "settings.js"])
    }
}
