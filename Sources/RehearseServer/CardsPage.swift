import Foundation
import Hummingbird
import RehearseApp
import RehearseCore
import RehearseStore

/// The card browser in the web app: the same search as `rehearse cards`, each card with its
/// state, due time, stability, lapses and marks, and buttons to suspend, bury, reset or flag it.
struct CardsPage: Sendable {
    let trainer: Trainer

    func addRoutes(to router: Router<WebContext>) {
        router.get("/cards") { request, context in try await self.page(request, visitor: context.visitor) }
        router.post("/api/cards/actions") { request, _ in try await self.act(request) }
    }

    struct Action: Decodable {
        var action: String
        var ids: [String]
    }

    /// Applies one action to cards, all or none: `suspend`, `unsuspend`, `bury` (until
    /// tomorrow), `unbury`, `reset` (new again) or `flag-0` … `flag-4`.
    func act(_ request: Request) async throws -> Response {
        let usage = "the body must be a JSON object with action (suspend, unsuspend, bury, unbury, reset, flag-0 to flag-4) and ids (card ids)"
        let input = try await request.decodeJSON(Action.self, limit: StudyAPI.maximumBody, usage: usage)
        guard let action = CardAction(name: input.action) else { throw Problem(.badRequest, "unknown action \"\(input.action)\"; " + usage) }
        guard !input.ids.isEmpty, input.ids.count <= 1000 else { throw Problem(.badRequest, "ids must name 1 to 1000 cards") }
        try await trainer.apply(action, to: input.ids)
        return try Response.json(["changed": input.ids.count], status: .ok)
    }

    /// A card's marks in words, for its row.
    static func markText(_ mark: CardMark?, at now: Date) -> String {
        mark?.words(at: now).joined(separator: ", ") ?? ""
    }

    /// The buttons of a card's row.
    static func actions(for id: String, mark: CardMark?, at now: Date) -> String {
        let suspended = mark?.suspended ?? false
        let buried = mark?.isBuried(at: now) ?? false
        let flag = mark?.flag ?? 0
        func button(_ action: String, _ label: String) -> String {
            "<button type=\"button\" class=\"card-action\" data-action=\"\(action)\" data-id=\"\(Page.escape(id))\">\(label)</button>"
        }
        let flagOptions = (0...4).map { "<option value=\"flag-\($0)\"\($0 == flag ? " selected" : "")>\($0 == 0 ? "no flag" : CardMark.flagNames[$0])</option>" }.joined()
        return button(suspended ? "unsuspend" : "suspend", suspended ? "Unsuspend" : "Suspend")
            + button(buried ? "unbury" : "bury", buried ? "Unbury" : "Bury")
            + button("reset", "Reset")
            + "<select class=\"card-flag\" data-id=\"\(Page.escape(id))\" aria-label=\"Flag\">\(flagOptions)</select>"
    }

    /// Cards listed on one page: a page stays well under 50 KB, actions included.
    static let pageSize = 40

    static func pageText(page: Int, count: Int, hasNext: Bool) -> String {
        guard page > 1 || hasNext else { return "\(count) card\(count == 1 ? "" : "s")" }
        let first = (page - 1) * pageSize + 1
        return count == 0 ? "No card on page \(page)" : "Cards \(first)–\(first + count - 1)" + (hasNext ? ", more on the next page" : "")
    }

    /// Links to the previous and next pages, keeping the search.
    static func pageLinks(form: [String: String], page: Int, hasNext: Bool) -> String {
        func link(_ number: Int, _ label: String) -> String {
            var query = form
            query["page"] = String(number)
            let encoded = query.sorted { $0.key < $1.key }.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&amp;")
            return "<a href=\"/cards?\(encoded)\">\(label)</a>"
        }
        let links = [page > 1 ? link(page - 1, "Previous page") : nil, hasNext ? link(page + 1, "Next page") : nil].compactMap { $0 }
        return links.isEmpty ? "" : "<p class=\"pages\">\(links.joined(separator: " · "))</p>"
    }

    func page(_ request: Request, visitor: Visitor) async throws -> Response {
        let form = SignIn.decodeForm(request.uri.query ?? "")
        let search = form["search"] ?? ""
        let guide = form["guide"].flatMap { $0.isEmpty ? nil : $0 }
        let dueOnly = form["due"] == "1"
        let marked = form["marked"].flatMap { CardQuery.MarkFilter(rawValue: $0) }
        let now = Date()
        let pageNumber = try form["page"].map { text in
            guard let number = Int(text), (1...1_000_000).contains(number) else {
                throw Problem(.badRequest, "page must be a whole number from 1 to 1000000, got \"\(text)\"")
            }
            return number
        } ?? 1
        // One more than a page is asked for, to know whether another page follows.
        var cards = try await trainer.cards(
            CardQuery(search: search, guide: guide, dueOnly: dueOnly, mark: marked, limit: Self.pageSize + 1, offset: (pageNumber - 1) * Self.pageSize),
            at: now)
        let hasNext = cards.count > Self.pageSize
        cards = Array(cards.prefix(Self.pageSize))
        let marks = try await trainer.marks(of: cards.map(\.card.id))
        let markOptions = CardQuery.MarkFilter.allCases.map {
            "<option value=\"\($0.rawValue)\"\($0 == marked ? " selected" : "")>\($0.rawValue.capitalized)</option>"
        }.joined()
        let guides = try await trainer.guideTitles()
        let options = guides.map { item in
            "<option value=\"\(Page.escape(item.id))\"\(item.id == guide ? " selected" : "")>\(Page.escape(item.title ?? item.id))</option>"
        }.joined()
        let rows = cards.map { item -> String in
            let state = item.schedule.isNew ? "new" : item.schedule.phase == CardSchedule.Phase.review ? "review" : "learning"
            let due = item.schedule.isNew ? "–" : item.schedule.due <= now ? "now" : "in " + IntervalText.format(item.schedule.due.timeIntervalSince(now))
            let stability = item.schedule.stability.map { String(format: "%.1f d", $0) } ?? "–"
            let prompt = item.card.prompt.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return "<tr><td><a href=\"/cards/\(Page.escape(item.card.id))\">\(Page.escape(prompt))</a><br><span class=\"path\">\(Page.escape(([item.card.guideID] + item.card.section).joined(separator: " › ")))</span></td>"
                + "<td data-label=\"State\">\(state)</td><td data-label=\"Due\">\(due)</td><td data-label=\"Stability\">\(stability)</td><td data-label=\"Lapses\">\(item.lapses)</td>"
                + "<td data-label=\"Marks\">\(Self.markText(marks[item.card.id], at: now))</td>"
                + "<td data-label=\"Change\" class=\"card-actions\">\(Self.actions(for: item.card.id, mark: marks[item.card.id], at: now))</td></tr>"
        }.joined()
        let body: String = """
            <h1>Cards</h1>
            <form method="get" action="/cards" class="search">
            <label for="search">Words in the prompt or answer</label>
            <input id="search" name="search" type="search" value="\(Page.escape(search))">
            <label for="guide">Guide</label>
            <select id="guide" name="guide"><option value="">All guides</option>\(options)</select>
            <label for="marked">Marked</label>
            <select id="marked" name="marked"><option value="">Any</option>\(markOptions)</select>
            <p class="mode"><label><input type="checkbox" name="due" value="1"\(dueOnly ? " checked" : "")> Due now only</label></p>
            <button type="submit">Search</button>
            </form>
            <p class="counts">\(Self.pageText(page: pageNumber, count: cards.count, hasNext: hasNext))</p>
            <p id="card-status" class="status" role="status"></p>
            \(cards.isEmpty ? "<p>No card matches.</p>" : "<table class=\"stack\"><thead><tr><th>Card</th><th>State</th><th>Due</th><th>Stability</th><th>Lapses</th><th>Marks</th><th>Change</th></tr></thead><tbody>\(rows)</tbody></table>")
            \(Self.pageLinks(form: form, page: pageNumber, hasNext: hasNext))
            """
        return Page.response(title: "cards", tab: .cards, visitor: visitor, body: body, scripts: ["api.js", "cards.js"])
    }
}
