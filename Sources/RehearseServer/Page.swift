import Foundation
import Hummingbird

/// The one shell of every HTML page: the navigation, the stylesheet, the page's scripts and
/// the CSRF token its scripts send back (`<meta name="csrf-token">`).
enum Page {
    enum Tab: String, CaseIterable {
        case study = "Study"
        case mock = "Mock interview"
        case progress = "Progress"
        case guides = "Guides"
        case cards = "Cards"
        case settings = "Settings"

        var path: String {
            switch self {
            case .study: "/"
            case .mock: "/mock"
            case .progress: "/dashboard"
            case .guides: "/guides"
            case .cards: "/cards"
            case .settings: "/settings"
            }
        }
    }

    static func response(
        title: String, tab: Tab?, visitor: Visitor, body: String, scripts: [String] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let links: String = Tab.allCases.map { item -> String in
            item == tab ? "<strong aria-current=\"page\">\(item.rawValue)</strong>" : "<a href=\"\(item.path)\">\(item.rawValue)</a>"
        }.joined(separator: " · ")
        let signOut: String =
            visitor.isSignedIn
            ? "<form method=\"post\" action=\"/logout\" class=\"signout\"><input type=\"hidden\" name=\"csrf_token\" value=\"\(Page.escape(visitor.csrfToken))\"><button type=\"submit\">Sign out</button></form>"
            : ""
        let scriptTags: String = scripts.map { "<script src=\"/static/\($0)\" defer></script>" }.joined()
        let html: String = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf-token" content="\(Page.escape(visitor.csrfToken))">
            <title>Rehearse — \(Page.escape(title))</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/static/style.css">\(scriptTags)</head><body><main>
            <nav>\(tab == nil ? "" : links)\(signOut)</nav>
            \(body)
            </main></body></html>
            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// Text made safe to put in HTML, between tags or in a quoted attribute.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The page bodies kept in the package's resources (`Public/pages/NAME.html`), read once.
    static let fragments: [String: String] = Dictionary(uniqueKeysWithValues: ["study", "mock"].compactMap { name in
        Bundle.module.url(forResource: "Public/pages/\(name)", withExtension: "html")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }.map { (name, $0) }
    })

    /// A page body from the package's resources.
    static func fragment(_ name: String) throws -> String {
        guard let text = fragments[name] else { throw Problem(.internalServerError, "the page \(name) is missing from the installation") }
        return text
    }
}
