import HTTPTypes
import Hummingbird
import RehearseApp

/// Treats the browser as hostile even on localhost: other sites can send requests there, and
/// DNS rebinding can make them same-origin.
///
/// - the `Host` must be one of the names the server is bound to (rebinding sends the
///   attacker's name);
/// - a state-changing request must come from the server's own origin when it names one;
/// - JSON API writes must say `Content-Type: application/json` (forms cannot); a guide
///   upload carries the file's bytes as they are, and a browser's cross-site form still
///   cannot send it without the page's CSRF token;
/// - every response carries a Content-Security-Policy without inline scripts,
///   `X-Content-Type-Options: nosniff` and `frame-ancestors 'none'`.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// The names accepted in `Host`.
    let hosts: AcceptedHosts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request)
            response = try await next(request, context)
        } catch let problem as Problem {
            response = try problem.response(from: request, context: context)
        } catch let error as TrainerError {
            response = try Problem(error).response(from: request, context: context)
        } catch let error as HTTPResponseError {
            response = try Problem(error.status, "\(error.status.reasonPhrase)").response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.frameOptions] = "DENY"
        return response
    }

    /// The methods each path answers, for 405 with an `Allow` header instead of a 404.
    static func allowedMethods(_ path: String) -> [HTTPRequest.Method]? {
        switch path {
        case "/api/reviews", "/api/reviews/undo", "/api/grade", "/api/corrections", "/api/mock", "/api/fsrs/optimize", "/api/fsrs/reset", "/api/study/more-new", "/logout": [.post]
        case "/api/guides", "/api/settings", "/login": [.get, .head, .post]
        case "/", "/healthz", "/openapi.json", "/dashboard", "/guides", "/mock", "/settings", "/cards", "/api/study/next", "/api/study/outlook", "/api/stats", "/api/mock/reports": [.get, .head]
        case "/api/cards/actions": [.post]
        case _ where path.hasPrefix("/api/cards/") && (path.hasSuffix("/edit") || path.hasSuffix("/revert")): [.post]
        case _ where path.hasPrefix("/cards/"): [.get, .head]
        case _ where path.hasPrefix("/api/guides/") && path.hasSuffix("/delete"): [.post]
        case _ where path.hasPrefix("/guides/") || path.hasPrefix("/static/") || path.hasPrefix("/api/guides/"): [.get, .head]
        case _ where path.hasPrefix("/api/mock/") && (path.hasSuffix("/answers") || path.hasSuffix("/finish")): [.post]
        case _ where path.hasPrefix("/api/mock/") && path.split(separator: "/").count == 3: [.get, .head]
        default: nil
        }
    }

    func check(_ request: Request) throws {
        if let allowed = Self.allowedMethods(request.uri.path), !allowed.contains(request.method) {
            throw Problem(
                .methodNotAllowed, "\(request.method) is not supported here; use \(allowed.map(\.rawValue).joined(separator: " or "))",
                headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")])
        }
        let host = request.head.authority ?? ""
        guard hosts.contains(Self.hostName(host)) else {
            throw Problem(.misdirectedRequest, "the Host \"\(host)\" is not a name this server answers to")
        }
        guard request.method != .get && request.method != .head else { return }
        if let origin = request.headers[.origin], Self.authority(ofOrigin: origin).lowercased() != host.lowercased() {
            throw Problem(.forbidden, "requests that change data must come from this server's own pages, not from \(origin)")
        }
        if request.uri.path.hasPrefix("/api/") {
            let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if request.uri.path == "/api/guides" {
                guard let type, GuidesAPI.uploadTypes.contains(type) else {
                    throw Problem(.unsupportedMediaType, "send the guide file's bytes unchanged, with Content-Type: application/octet-stream, text/plain or text/markdown")
                }
            } else if type != "application/json" {
                throw Problem(.unsupportedMediaType, "send the request body as JSON with Content-Type: application/json")
            }
        }
    }

    /// `localhost:8080` → `localhost`; `[::1]:8080` → `[::1]`.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return String(authority[...end]).lowercased() }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "").lowercased()
    }

    /// `http://localhost:8080` → `localhost:8080`.
    static func authority(ofOrigin origin: String) -> String {
        guard let range = origin.range(of: "://") else { return origin }
        return String(origin[range.upperBound...].split(separator: "/").first ?? "")
    }
}

extension HTTPField.Name {
    // Valid header names written as literals: the initialiser only fails on invalid ones.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .contentType
    static let frameOptions = HTTPField.Name("X-Frame-Options") ?? .contentType
}
