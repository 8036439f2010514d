import Foundation
import Hummingbird
import RehearseApp
import RehearseCore
import RehearseStore

/// The card browser in the web app: the same search as `rehearse cards`, each card with its
/// state, due time, stability and lapses.
struct CardsPage: Sendable {
    let trainer: Trainer

    func addRoutes(to router: Router<WebContext>) {
        router.get("/cards") { request, context in try await self.page(request, visitor: context.visitor) }
    }

    func page(_ request: Request, visitor: Visitor) async throws -> Response {
        let form = SignIn.decodeForm(request.uri.query ?? "")
        let search = form["search"] ?? ""
        let guide = form["guide"].flatMap { $0.isEmpty ? nil : $0 }
        let dueOnly = form["due"] == "1"
        let now = Date()
        let cards = try await trainer.cards(CardQuery(search: search, guide: guide, dueOnly: dueOnly, limit: 200), at: now)
        let guides = try await trainer.guideTitles()
        let options = guides.map { item in
            "<option value=\"\(Page.escape(item.id))\"\(item.id == guide ? " selected" : "")>\(Page.escape(item.title ?? item.id))</option>"
        }.joined()
        let rows = cards.map { item -> String in
            let state = item.schedule.isNew ? "new" : item.schedule.phase == CardSchedule.Phase.review ? "review" : "learning"
            let due = item.schedule.isNew ? "–" : item.schedule.due <= now ? "now" : "in " + IntervalText.format(item.schedule.due.timeIntervalSince(now))
            let stability = item.schedule.stability.map { String(format: "%.1f d", $0) } ?? "–"
            let prompt = item.card.prompt.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return "<tr><td>\(Page.escape(prompt))<br><span class=\"path\">\(Page.escape(([item.card.guideID] + item.card.section).joined(separator: " › ")))</span></td>"
                + "<td data-label=\"State\">\(state)</td><td data-label=\"Due\">\(due)</td><td data-label=\"Stability\">\(stability)</td><td data-label=\"Lapses\">\(item.lapses)</td></tr>"
        }.joined()
        let body: String = """
            <h1>Cards</h1>
            <form method="get" action="/cards" class="search">
            <label for="search">Words in the prompt or answer</label>
            <input id="search" name="search" type="search" value="\(Page.escape(search))">
            <label for="guide">Guide</label>
            <select id="guide" name="guide"><option value="">All guides</option>\(options)</select>
            <p class="mode"><label><input type="checkbox" name="due" value="1"\(dueOnly ? " checked" : "")> Due now only</label></p>
            <button type="submit">Search</button>
            </form>
            <p class="counts">\(cards.count == 200 ? "The first 200 cards" : "\(cards.count) card\(cards.count == 1 ? "" : "s")")</p>
            \(cards.isEmpty ? "<p>No card matches.</p>" : "<table class=\"stack\"><thead><tr><th>Card</th><th>State</th><th>Due</th><th>Stability</th><th>Lapses</th></tr></thead><tbody>\(rows)</tbody></table>")
            """
        return Page.response(title: "cards", tab: .cards, visitor: visitor, body: body)
    }
}
