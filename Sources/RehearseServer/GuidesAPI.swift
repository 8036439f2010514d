import Foundation
import Hummingbird
import RehearseApp
import RehearseCore

/// Guides in the browser: the list, each guide's outline, code lab results and My Notes,
/// and uploading a guide through the same checked reader, pipeline and messages as
/// `rehearse import`.
struct GuidesAPI: Sendable {
    let trainer: Trainer

    func addRoutes(to router: Router<WebContext>) {
        router.get("/guides") { _, context in try await self.listPage(visitor: context.visitor) }
        router.get("/guides/{id}") { _, context in try await self.guidePage(id: context.parameters.get("id") ?? "", visitor: context.visitor) }
        router.get("/api/guides") { _, _ in try await self.list() }
        router.get("/api/guides/{id}") { _, context in try await self.details(id: context.parameters.get("id") ?? "") }
        router.post("/api/guides") { request, _ in try await self.upload(request) }
        router.post("/api/guides/{id}/delete") { request, context in
            try await request.expectEmptyOptions()
            let deleted = try await self.trainer.deleteGuide(id: context.parameters.get("id") ?? "")
            return try Response.json(["cards": deleted.cards, "reviews": deleted.reviews], status: .ok)
        }
        router.get("/api/guides/{id}/anki.apkg") { _, context in
            try await AnkiUpload(trainer: self.trainer).download(guide: context.parameters.get("id") ?? "")
        }
        router.get("/api/guides/{id}/reviews.csv") { _, context in
            let id = context.parameters.get("id") ?? ""
            let known = try await self.trainer.guideIDs()
            guard known.contains(id) else { throw Problem(TrainerError.unknownGuide(id, known: known)) }
            let export = try await self.trainer.reviewLogCSV(guide: id)
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(id)-reviews.csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: export.csv)))
        }
    }

    /// The body types an upload may have: the file's bytes, unchanged.
    static let uploadTypes: Set<String> = ["application/octet-stream", "text/plain", "text/markdown"]

    func list() async throws -> Response {
        try Response.json(try await trainer.guideIDs().map { ["id": $0] }, status: .ok)
    }

    /// Imports a guide sent as its file's bytes, `POST /api/guides?name=04-sql.md`. The
    /// bytes are checked as they arrive, as `rehearse import` checks a file (size first from
    /// `Content-Length`, then while streaming), and only their text is held. An Anki file
    /// (by its name or its first bytes) is imported as `rehearse import` imports one.
    func upload(_ request: Request) async throws -> Response {
        guard let name = request.uri.queryParameters.get("name"), !name.isEmpty else {
            throw Problem(.badRequest, "name the file: POST /api/guides?name=FILE.md with the file's bytes as the body")
        }
        let fileName = (name as NSString).lastPathComponent
        var body = request.body.makeAsyncIterator()
        let first = try await body.next()
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if Trainer.isAnkiFileName(fileName) || Trainer.isAnkiFile(head: Data(first?.readableBytesView.prefix(16) ?? [])) {
            return try await AnkiUpload(trainer: trainer).receive(fileName: fileName, declaredSize: declared, first: first, rest: &body)
        }
        guard Trainer.isGuideFileName(fileName) else {
            throw Problem(.badRequest, "name must be a .md or .txt file name (or an Anki .apkg), got \"\(name)\"")
        }
        var decoder = Trainer.uploadDecoder(fileName: fileName)
        let text: String
        do {
            if let declared { try decoder.checkDeclaredSize(declared) }
            if let first { try decoder.consume(first.readableBytesView) }
            while let buffer = try await body.next() { try decoder.consume(buffer.readableBytesView) }
            text = try decoder.finish()
        } catch let error as GuideError {
            throw Problem(TrainerError.unreadableGuide(error))
        }
        let outcome = try await trainer.importGuide(text: text, fileName: fileName, source: "upload:\(fileName)")
        let report = outcome.report
        return try Response.json([
            "id": outcome.guide.id, "added": report.added, "changed": report.changed, "retired": report.retired, "unchanged": report.unchanged,
            "warnings": outcome.guide.warnings.map { "\(fileName):\($0.line): \($0.message)" },
            "lab": outcome.lab.map { Self.labSummary($0) } ?? NSNull(),
        ], status: .created)
    }

    /// How many snippets had each verdict, and how many claims held.
    static func labSummary(_ report: LabReport) -> [String: Any] {
        var snippets: [String: Int] = [:]
        for snippet in report.snippets { snippets[snippet.status.rawValue, default: 0] += 1 }
        return ["snippets": snippets, "claims_holding": report.claims.filter { $0.status == .holds }.count, "claims": report.claims.count]
    }

    func listPage(visitor: Visitor) async throws -> Response {
        let rows: String = try await trainer.guideTitles().map { guide -> String in
            let name = guide.title.map { "\(Page.escape($0)) <span class=\"path\">\(Page.escape(guide.id))</span>" } ?? Page.escape(guide.id)
            return "<li><a href=\"/guides/\(Page.escape(guide.id))\">\(name)</a></li>"
        }.joined()
        let body: String = """
            <h1>Guides</h1>
            <ul>\(rows.isEmpty ? "<li>No guide yet: upload one below, or run <code>rehearse import PATH</code>.</li>" : rows)</ul>
            <h2>Import a guide</h2>
            <form id="upload" class="upload">
            <label for="guide-file">Guide file (.md or .txt, up to \(Trainer.maximumGuideSize >> 20) MB), or an Anki deck (.apkg, .colpkg)</label>
            <input id="guide-file" name="guide" type="file" accept=".md,.markdown,.txt,.apkg,.colpkg,.anki2,text/plain,text/markdown" required>
            <button type="submit">Import</button>
            </form>
            <section id="upload-result" aria-live="polite"></section>
            """
        return Page.response(title: "guides", tab: .guides, visitor: visitor, body: body, scripts: ["api.js", "guides.js"])
    }

    /// What the guide page shows, for scripts: the guide as `rehearse inspect --json` prints
    /// it (spec/cli-contracts.md §1), the code lab's report (§4) or null, and My Notes.
    func details(id: String) async throws -> Response {
        let stored = try await trainer.storedGuide(id: id)
        let lab = try stored.lab.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) }
        return try Response.json(
            ["guide": try JSONSerialization.jsonObject(with: stored.guide.jsonData()), "lab": lab ?? NSNull(), "notes": stored.notes], status: .ok)
    }

    /// The guide's outline (as `rehearse inspect` prints it), the code lab's verdicts and its
    /// My Notes from evidence.
    func guidePage(id: String, visitor: Visitor) async throws -> Response {
        let titles = try await trainer.guideTitles()
        if let deck = titles.first(where: { $0.id == id }), try await trainer.guideHasText(id: id) == false {
            return try await deckPage(id: id, title: deck.title ?? id, visitor: visitor)
        }
        let stored = try await trainer.storedGuide(id: id)
        let guide = stored.guide
        let outline = GuideOutline(guide: guide, fileName: stored.fileName).render()
        let body: String = """
            <h1>\(Page.escape(guide.title ?? id))</h1><h2>Outline</h2><pre>\(Page.escape(outline))</pre>
            <h2>Code lab</h2>\(Self.labTable(stored.lab, guide: guide))
            <h2>My Notes</h2><pre>\(Page.escape(stored.notes))</pre>
            \(Self.ankiSection(id: id))
            <h2>Delete this guide</h2>
            <p>Its cards and their reviews go with it. <a href="/api/guides/\(Page.escape(id))/reviews.csv" download>Download its reviews</a> first to keep them.</p>
            <p><button type="button" id="delete-guide" data-id="\(Page.escape(id))">Delete \(Page.escape(guide.title ?? id))</button></p>
            <p id="delete-status" class="status" role="status"></p>
            """
        return Page.response(title: guide.title ?? id, tab: .guides, visitor: visitor, body: body, scripts: ["api.js", "guides.js"])
    }

    /// A guide imported from Anki has no text to outline: its cards, its notes and the same
    /// download and delete as any guide.
    func deckPage(id: String, title: String, visitor: Visitor) async throws -> Response {
        let notes = try await trainer.notes(guide: id)
        let body: String = """
            <h1>\(Page.escape(title))</h1>
            <p>Imported from an Anki file. <a href="/cards?guide=\(Page.escape(id))">Browse its cards</a>.</p>
            <h2>My Notes</h2><pre>\(Page.escape(notes))</pre>
            \(Self.ankiSection(id: id))
            <h2>Delete this guide</h2>
            <p>Its cards and their reviews go with it. <a href="/api/guides/\(Page.escape(id))/reviews.csv" download>Download its reviews</a> first to keep them.</p>
            <p><button type="button" id="delete-guide" data-id="\(Page.escape(id))">Delete \(Page.escape(title))</button></p>
            <p id="delete-status" class="status" role="status"></p>
            """
        return Page.response(title: title, tab: .guides, visitor: visitor, body: body, scripts: ["api.js", "guides.js"])
    }

    /// The link to a guide's Anki package.
    static func ankiSection(id: String) -> String {
        """
        <h2>Anki</h2>
        <p><a href="/api/guides/\(Page.escape(id))/anki.apkg" download>Download for Anki</a> (.apkg: its cards with their schedules, \
        memory states and reviews; importing a later download into Anki updates the same notes).</p>
        """
    }

    /// The code lab's verdict on each snippet and claim, with the guide line it starts on.
    static func labTable(_ report: LabReport?, guide: Guide) -> String {
        guard let report else { return "<p>The code lab has not run on this guide: import it where bubblewrap is installed.</p>" }
        let lines = Dictionary(guide.items.map { ($0.id, $0.lines.lowerBound) }, uniquingKeysWith: { first, _ in first })
        let snippets: String = report.snippets.map { snippet -> String in
            let detail = snippet.package.map { "needs \($0)" } ?? (snippet.status == .runs ? "" : snippet.error ?? "")
            return "<tr class=\"\(snippet.status.rawValue)\"><td data-label=\"Line\">\(lines[snippet.id].map(String.init) ?? "")</td><td>\(snippet.status.rawValue)</td><td><code>\(Page.escape(snippet.firstLine))</code></td><td>\(Page.escape(String(detail.prefix(200))))</td></tr>"
        }.joined()
        let claims: String = report.claims.map { claim -> String in
            "<tr class=\"\(claim.status.rawValue)\"><td><code>\(Page.escape(claim.expr))</code></td><td><code>\(Page.escape(claim.expected))</code></td><td>\(claim.status.rawValue)\(claim.status == .holds ? "" : ": " + Page.escape(claim.actual))</td></tr>"
        }.joined()
        return """
            <p>Python \(Page.escape(report.python)), isolation: \(Page.escape(report.isolation)).</p>
            <table class="stack"><thead><tr><th>Line</th><th>Verdict</th><th>Snippet</th><th>Detail</th></tr></thead><tbody>\(snippets)</tbody></table>
            \(claims.isEmpty ? "" : "<table class=\"stack\"><thead><tr><th>Claim</th><th>Expected</th><th>Verdict</th></tr></thead><tbody>\(claims)</tbody></table>")
            """
    }
}
