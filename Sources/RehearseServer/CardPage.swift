import Foundation
import Hummingbird
import RehearseApp
import RehearseCore
import RehearseStore

/// One card in the web app: its wording (editable, the guide's own beside an edit), its
/// memory today and on the interview day, its marks and its history.
struct CardPage: Sendable {
    let trainer: Trainer

    func addRoutes(to router: Router<WebContext>) {
        router.get("/cards/{id}") { _, context in try await self.page(id: context.parameters.get("id") ?? "", visitor: context.visitor) }
        router.post("/api/cards/{id}/edit") { request, context in try await self.edit(request, id: context.parameters.get("id") ?? "") }
        router.post("/api/cards/{id}/revert") { request, context in
            let id = context.parameters.get("id") ?? ""
            try await request.expectEmptyOptions()
            let reverted = try await self.trainer.revertCard(id: id)
            return try Response.json(["id": id, "reverted": reverted], status: .ok)
        }
    }

    struct Edit: Decodable {
        var prompt: String
        var answer: String
        var keypoints: [String]?
    }

    func edit(_ request: Request, id: String) async throws -> Response {
        let input = try await request.decodeJSON(
            Edit.self, limit: StudyAPI.maximumBody, usage: "the body must be a JSON object with prompt and answer (strings) and keypoints (strings, optional)")
        try await trainer.editCard(id: id, prompt: input.prompt, answer: input.answer, keypoints: input.keypoints ?? [])
        return try Response.json(["id": id], status: .ok)
    }

    func page(id: String, visitor: Visitor) async throws -> Response {
        let now = Date()
        let item = try await trainer.card(id: id, at: now)
        let card = item.card
        let scheduler = try await trainer.scheduler()
        let mark = try await trainer.marks(of: [id])[id]
        let edit = try await trainer.edit(ofCard: id)
        let history = try await trainer.history(ofCard: id)
        func recall(on date: Date) -> String {
            guard let last = item.schedule.lastReview, let stability = item.schedule.stability else { return "–" }
            let days = max(0, Scheduler.wholeDays(from: last, to: date))
            return "\(Int((scheduler.memory.retrievability(elapsedDays: Double(days), stability: stability) * 100).rounded()))%"
        }
        let interview = scheduler.interviewDate.map { "<tr><th>Recall on the interview day (\(DayFormat.format($0)))</th><td>\(recall(on: $0))</td></tr>" } ?? ""
        let memory = """
            <table class="stack"><tbody>
            <tr><th>State</th><td>\(item.schedule.isNew ? "new" : item.schedule.phase == .review ? "review" : "learning")</td></tr>
            <tr><th>Stability</th><td>\(item.schedule.stability.map { String(format: "%.1f days", $0) } ?? "–")</td></tr>
            <tr><th>Difficulty</th><td>\(item.schedule.difficulty.map { String(format: "%.1f of 10", $0) } ?? "–")</td></tr>
            <tr><th>Recall today</th><td>\(recall(on: now))</td></tr>\(interview)
            <tr><th>Reviews, lapses</th><td>\(item.reps), \(item.lapses)</td></tr>
            <tr><th>Marks</th><td>\(Page.escape(CardsPage.markText(mark, at: now).isEmpty ? "none" : CardsPage.markText(mark, at: now)))</td></tr>
            </tbody></table>
            <p class="card-actions">\(CardsPage.actions(for: id, mark: mark, at: now))</p>
            <p id="card-status" class="status" role="status"></p>
            """
        let rows = history.map { review -> String in
            let rating = Rating(rawValue: review.rating)?.name ?? "\(review.rating)"
            return "<tr><td data-label=\"When\">\(Page.escape(review.at.formatted(.iso8601)))</td><td data-label=\"Rating\">\(rating)</td>"
                + "<td data-label=\"Stability\">\(String(format: "%.1f d", review.stability))</td><td data-label=\"Due\">\(DayFormat.format(review.due))</td></tr>"
        }.joined()
        let edited = edit.map { edit in
            """
            <div class="edited"><p>You edited this card on \(DayFormat.format(edit.editedAt)); re-importing the guide keeps your wording. The guide says:</p>
            <p><strong>\(Page.escape(edit.guidePrompt))</strong></p><pre>\(Page.escape(edit.guideAnswer))</pre>
            <p><button type="button" id="revert-card" data-id="\(Page.escape(id))">Use the guide's wording</button></p></div>
            """
        } ?? ""
        let body: String = """
            <h1>\(Page.escape(card.prompt))</h1>
            <p class="path">\(Page.escape(([card.guideID] + card.section).joined(separator: " › ")))</p>
            <pre class="answer">\(Page.escape(card.answer))</pre>
            \(card.keypoints.isEmpty ? "" : "<h2>Key points</h2><ul>" + card.keypoints.map { "<li>\(Page.escape($0))</li>" }.joined() + "</ul>")
            <h2>Memory</h2>\(memory)
            <h2>Edit</h2>\(edited)
            <form id="edit-card" data-id="\(Page.escape(id))">
            <label for="edit-prompt">Prompt</label><textarea id="edit-prompt" rows="2" required>\(Page.escape(card.prompt))</textarea>
            <label for="edit-answer">Answer</label><textarea id="edit-answer" rows="6" required>\(Page.escape(card.answer))</textarea>
            <label for="edit-keypoints">Key points, one per line (the grader checks each)</label><textarea id="edit-keypoints" rows="4">\(Page.escape(card.keypoints.joined(separator: "\n")))</textarea>
            <button type="submit">Save</button>
            </form>
            <p id="edit-status" class="status" role="status"></p>
            <h2>History</h2>
            \(rows.isEmpty ? "<p>No reviews yet.</p>" : "<table class=\"stack\"><thead><tr><th>When</th><th>Rating</th><th>Stability</th><th>Due</th></tr></thead><tbody>\(rows)</tbody></table>")
            """
        return Page.response(title: "card", tab: .cards, visitor: visitor, body: body, scripts: ["api.js", "cards.js"])
    }
}
