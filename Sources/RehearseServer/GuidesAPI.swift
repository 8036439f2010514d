import Foundation
import Hummingbird
import RehearseCore
import RehearseStore

/// Guides in the browser: the list, each guide's outline and My Notes, and uploading a
/// guide with the same checks and messages as `rehearse import`.
struct GuidesAPI<Context: RequestContext>: Sendable {
    let store: Store
    /// The largest guide accepted by upload, in bytes (a request body carries it as JSON).
    static var maximumUpload: Int { 4 << 20 }

    func addRoutes(to router: Router<Context>) {
        router.get("/guides") { _, _ in try self.listPage() }
        router.get("/guides/{id}") { _, context in try self.guidePage(id: context.parameters.get("id") ?? "") }
        router.get("/api/guides") { _, _ in try self.list() }
        router.post("/api/guides") { request, _ in try await self.upload(request) }
    }

    func list() throws -> Response {
        try StudyAPI<BasicRequestContext>.json(try store.guideIDs().map { ["id": $0] }, status: .ok)
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
        let report = try store.importGuide(guide, text: content, source: "upload:\(fileName)", at: Date())
        return try StudyAPI<BasicRequestContext>.json([
            "id": guide.id, "added": report.added, "changed": report.changed, "retired": report.retired, "unchanged": report.unchanged,
            "warnings": guide.warnings.map { "\(fileName):\($0.line): \($0.message)" },
        ], status: .created)
    }

    func listPage() throws -> Response {
        let rows: String = try store.guideIDs().map { id -> String in
            "<li><a href=\"/guides/\(Charts.escape(id))\">\(Charts.escape(id))</a></li>"
        }.joined()
        return Self.page(title: "Guides", body: "<h1>Guides</h1><ul>\(rows.isEmpty ? "<li>No guide yet: import one with <code>rehearse import PATH</code>.</li>" : rows)</ul>")
    }

    /// The guide's outline (as `rehearse inspect` prints it) and its My Notes from evidence.
    func guidePage(id: String) throws -> Response {
        guard let (text, fileName) = try store.guideText(id: id) else { throw Problem(.notFound, "no guide with id \(id)") }
        let guide = try GuideReader().read(text: text, fileName: fileName)
        let outline = GuideOutline(guide: guide, fileName: fileName).render()
        let scheduler = Scheduler(interviewDate: try store.interviewDate())
        let notes = NotesWriter(headings: try store.notesHeadings(guide: id))
            .markdown(guideTitle: id, entries: try store.cardEvidence(at: Date(), guide: id, scheduler: scheduler), now: Date())
        let body: String = "<h1>\(Charts.escape(guide.title ?? id))</h1><h2>Outline</h2><pre>\(Charts.escape(outline))</pre><h2>My Notes</h2><pre>\(Charts.escape(notes))</pre>"
        return Self.page(title: guide.title ?? id, body: body)
    }

    static func page(title: String, body: String) -> Response {
        let html: String = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Rehearse — \(Charts.escape(title))</title><link rel="stylesheet" href="/static/style.css"></head><body><main>
            <nav><a href="/">Study</a> · <a href="/dashboard">Progress</a> · <a href="/guides">Guides</a></nav>
            \(body)
            </main></body></html>
            """
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
