import Foundation
import Hummingbird
import NIOPosix
import RehearseCore
import RehearseLab
import RehearseStore

/// Guides in the browser: the list, each guide's outline, code lab results and My Notes,
/// and uploading a guide with the same checks and messages as `rehearse import`.
struct GuidesAPI: Sendable {
    let store: Store
    /// Runs an uploaded guide's snippets, as `rehearse import` does; nil when there is no sandbox.
    let lab: CodeLab?
    /// The largest guide accepted by upload, in bytes (a request body carries it as JSON).
    static var maximumUpload: Int { 4 << 20 }

    func addRoutes(to router: Router<WebContext>) {
        router.get("/guides") { _, context in try self.listPage(visitor: context.visitor) }
        router.get("/guides/{id}") { _, context in try self.guidePage(id: context.parameters.get("id") ?? "", visitor: context.visitor) }
        router.get("/api/guides") { _, _ in try self.list() }
        router.get("/api/guides/{id}") { _, context in try self.details(id: context.parameters.get("id") ?? "") }
        router.post("/api/guides") { request, _ in try await self.upload(request) }
    }

    func list() throws -> Response {
        try Response.json(try store.guideIDs().map { ["id": $0] }, status: .ok)
    }

    struct Upload: Decodable {
        var name: String?
        var content: String?
    }

    /// Imports a guide sent as `{"name": "03-….txt", "content": "…"}`.
    func upload(_ request: Request) async throws -> Response {
        let usage = "send {\"name\": \"guide file name\", \"content\": \"the guide's text\"}"
        let upload = try await request.decodeJSON(Upload.self, limit: Self.maximumUpload, usage: usage)
        guard let name = upload.name, let content = upload.content else { throw Problem(.badRequest, usage) }
        let fileName = (name as NSString).lastPathComponent
        guard !fileName.isEmpty, fileName.hasSuffix(".md") || fileName.hasSuffix(".txt") || fileName.hasSuffix(".markdown") else {
            throw Problem(.badRequest, "name must be a .md or .txt file name, got \"\(name)\"")
        }
        let guide: Guide
        do {
            guide = try GuideReader().read(text: content, fileName: fileName)
        } catch {
            throw Problem(.badRequest, error.description)
        }
        // The snippets run in a sandbox, twice (only steady output makes cards), off the event loops.
        let checks: (LabReport, LabReport)? =
            if let lab { try await NIOThreadPool.singleton.runIfActive { (lab.check(guide), lab.check(guide)) } } else { nil }
        let outputCards = checks.map { PredictOutputCards.cards(guide: guide, first: $0.0, second: $0.1) }
        let report = try store.importGuide(
            guide, text: content, outputCards: outputCards, labReport: checks?.0, source: "upload:\(fileName)", fileName: fileName, at: Date())
        return try Response.json([
            "id": guide.id, "added": report.added, "changed": report.changed, "retired": report.retired, "unchanged": report.unchanged,
            "warnings": guide.warnings.map { "\(fileName):\($0.line): \($0.message)" },
            "lab": checks.map { Self.labSummary($0.0) } ?? NSNull(),
        ], status: .created)
    }

    /// How many snippets had each verdict, and how many claims held.
    static func labSummary(_ report: LabReport) -> [String: Any] {
        var snippets: [String: Int] = [:]
        for snippet in report.snippets { snippets[snippet.status.rawValue, default: 0] += 1 }
        return ["snippets": snippets, "claims_holding": report.claims.filter { $0.status == .holds }.count, "claims": report.claims.count]
    }

    func listPage(visitor: Visitor) throws -> Response {
        let rows: String = try store.guideIDs().map { id -> String in
            "<li><a href=\"/guides/\(Page.escape(id))\">\(Page.escape(id))</a></li>"
        }.joined()
        let body: String = """
            <h1>Guides</h1>
            <ul>\(rows.isEmpty ? "<li>No guide yet: upload one below, or run <code>rehearse import PATH</code>.</li>" : rows)</ul>
            <h2>Import a guide</h2>
            <form id="upload" class="upload">
            <label for="guide-file">Guide file (.md or .txt, up to 4 MB)</label>
            <input id="guide-file" name="guide" type="file" accept=".md,.markdown,.txt,text/plain,text/markdown" required>
            <button type="submit">Import</button>
            </form>
            <section id="upload-result" aria-live="polite"></section>
            """
        return Page.response(title: "guides", tab: .guides, visitor: visitor, body: body, scripts: ["api.js", "guides.js"])
    }

    /// A stored guide read again, with its My Notes written from the evidence so far.
    func stored(id: String) throws -> (guide: Guide, fileName: String, notes: String) {
        guard let (text, fileName) = try store.guideText(id: id) else { throw Problem(.notFound, "no guide with id \(id)") }
        let guide = try GuideReader().read(text: text, fileName: fileName)
        let scheduler = Scheduler(interviewDate: try store.interviewDate())
        let notes = NotesWriter(headings: try store.notesHeadings(guide: id))
            .markdown(guideTitle: id, entries: try store.cardEvidence(at: Date(), guide: id, scheduler: scheduler), now: Date())
        return (guide, fileName, notes)
    }

    /// What the guide page shows, for scripts: the guide as `rehearse inspect --json` prints
    /// it (spec/cli-contracts.md §1), the code lab's report (§4) or null, and My Notes.
    func details(id: String) throws -> Response {
        let (guide, _, notes) = try stored(id: id)
        let lab = try store.labReport(guide: id).map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) }
        return try Response.json(
            ["guide": try JSONSerialization.jsonObject(with: guide.jsonData()), "lab": lab ?? NSNull(), "notes": notes], status: .ok)
    }

    /// The guide's outline (as `rehearse inspect` prints it), the code lab's verdicts and its
    /// My Notes from evidence.
    func guidePage(id: String, visitor: Visitor) throws -> Response {
        let (guide, fileName, notes) = try stored(id: id)
        let outline = GuideOutline(guide: guide, fileName: fileName).render()
        let body: String = """
            <h1>\(Page.escape(guide.title ?? id))</h1><h2>Outline</h2><pre>\(Page.escape(outline))</pre>
            <h2>Code lab</h2>\(Self.labTable(try store.labReport(guide: id), guide: guide))
            <h2>My Notes</h2><pre>\(Page.escape(notes))</pre>
            """
        return Page.response(title: guide.title ?? id, tab: .guides, visitor: visitor, body: body)
    }

    /// The code lab's verdict on each snippet and claim, with the guide line it starts on.
    static func labTable(_ report: LabReport?, guide: Guide) -> String {
        guard let report else { return "<p>The code lab has not run on this guide: import it where bubblewrap is installed.</p>" }
        let lines = Dictionary(guide.items.map { ($0.id, $0.lines.lowerBound) }, uniquingKeysWith: { first, _ in first })
        let snippets: String = report.snippets.map { snippet -> String in
            let detail = snippet.package.map { "needs \($0)" } ?? (snippet.status == .runs ? "" : snippet.error ?? "")
            return "<tr class=\"\(snippet.status.rawValue)\"><td>\(lines[snippet.id].map(String.init) ?? "")</td><td>\(snippet.status.rawValue)</td><td><code>\(Page.escape(snippet.firstLine))</code></td><td>\(Page.escape(String(detail.prefix(200))))</td></tr>"
        }.joined()
        let claims: String = report.claims.map { claim -> String in
            "<tr class=\"\(claim.status.rawValue)\"><td><code>\(Page.escape(claim.expr))</code></td><td><code>\(Page.escape(claim.expected))</code></td><td>\(claim.status.rawValue)\(claim.status == .holds ? "" : ": " + Page.escape(claim.actual))</td></tr>"
        }.joined()
        return """
            <p>Python \(Page.escape(report.python)), isolation: \(Page.escape(report.isolation)).</p>
            <table><thead><tr><th>Line</th><th>Verdict</th><th>Snippet</th><th>Detail</th></tr></thead><tbody>\(snippets)</tbody></table>
            \(claims.isEmpty ? "" : "<table><thead><tr><th>Claim</th><th>Expected</th><th>Verdict</th></tr></thead><tbody>\(claims)</tbody></table>")
            """
    }
}
