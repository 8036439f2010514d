import Foundation
import HTTPTypes
import Hummingbird
import RehearseApp

/// Lets people and scripts in, and keeps forged requests out.
///
/// - An `Authorization: Bearer` token must be one made by `rehearse serve --new-token`.
/// - When a password is set, everything but the sign-in page, static files, `/healthz` and
///   `/openapi.json` needs a signed-in session (pages redirect to `/login`, the API answers
///   401) or a token.
/// - A request that changes data and comes from a browser (it carries a cookie, an `Origin`
///   or a `Sec-Fetch-Site`) must carry the CSRF token of its page, in `X-CSRF-Token` or a
///   form's `csrf_token` field: 403 without it. Scripts without cookies do not need one.
/// - A page visited without cookies gets a visit cookie, which the CSRF token signs until
///   the visitor signs in.
struct AccessGuard: RouterMiddleware {
    typealias Context = WebContext

    static let sessionCookie = "rehearse_session"
    static let visitCookie = "rehearse_visit"
    /// How long a signed-in session lasts.
    static let sessionLifetime: TimeInterval = 30 * 86_400
    /// The largest form accepted (sign-in and sign-out forms are tiny).
    static let maximumForm = 8 * 1024

    let trainer: Trainer
    let key: SigningKey
    let password: PasswordSetting

    init(trainer: Trainer, key: SigningKey) {
        self.trainer = trainer
        self.key = key
        password = PasswordSetting(trainer: trainer)
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var request = request
        var context = context
        let passwordSet = try await password.isSet()
        var visitor = Visitor(key: key)
        if let authorization = request.headers[.authorization] {
            // The scheme's name is case-insensitive (RFC 9110 §11.1).
            let token = authorization.lowercased().hasPrefix("bearer ") ? String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces) : ""
            guard !token.isEmpty, try await trainer.hasAPIToken(hash: Secrets.hash(token)) else {
                throw Problem(
                    .unauthorized, "the Authorization header must be \"Bearer TOKEN\" with a token made by `rehearse serve --new-token`",
                    headers: [.wwwAuthenticate: "Bearer"])
            }
            visitor.access = .token
        } else if let session = Self.cookie(Self.sessionCookie, in: request),
            try await trainer.hasWebSession(idHash: Secrets.hash(session), at: Date())
        {
            visitor.access = .signedIn(session: session)
            visitor.csrfSubject = session
        } else if !passwordSet {
            visitor.access = .open
        }
        if visitor.csrfSubject == nil {
            visitor.csrfSubject = Self.cookie(Self.visitCookie, in: request)
            if visitor.csrfSubject == nil, request.method == .get, Self.isPage(request.uri.path) {
                visitor.newVisit = Secrets.random()
                visitor.csrfSubject = visitor.newVisit
            }
        }
        if Self.changesData(request), visitor.access != .token, Self.comesFromBrowser(request) {
            let token = try await Self.csrfToken(in: &request)
            guard let token, let subject = visitor.csrfSubject, key.verify(token, of: subject) else {
                throw Problem(.forbidden, "this form or call is missing its CSRF token or the token is stale: reload the page and try again")
            }
        }
        if visitor.access == .none, !Self.isPublic(request.uri.path) {
            if request.method == .get, Self.isPage(request.uri.path) {
                let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
                return Self.redirect(to: "/login?next=\(target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
            }
            throw Problem(.unauthorized, "sign in at /login, or send an API token as \"Authorization: Bearer TOKEN\"", headers: [.wwwAuthenticate: "Bearer"])
        }
        context.visitor = visitor
        var response = try await next(request, context)
        if let visit = visitor.newVisit {
            response.setCookie(Cookie(name: Self.visitCookie, value: visit, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// A cookie's value when it looks like one of ours (43 base64url characters).
    static func cookie(_ name: String, in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, value.utf8.count == 43,
            value.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return nil }
        return value
    }

    static func changesData(_ request: Request) -> Bool {
        ![.get, .head, .options].contains(request.method)
    }

    static func comesFromBrowser(_ request: Request) -> Bool {
        request.headers[.cookie] != nil || request.headers[.origin] != nil || request.headers[.secFetchSite] != nil
    }

    /// The CSRF token from the header, or from the `csrf_token` field of a form body.
    static func csrfToken(in request: inout Request) async throws -> String? {
        if let header = request.headers[.csrfToken] { return header }
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else { return nil }
        return try await SignIn.formFields(from: &request)["csrf_token"]
    }

    /// Paths open to everyone even when a password is set.
    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path == "/healthz" || path == "/openapi.json" || path.hasPrefix("/static/")
    }

    /// Paths that answer with an HTML page.
    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path.hasPrefix("/static/") || path == "/healthz" || path == "/openapi.json")
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension HTTPField.Name {
    // Valid header names written as literals: the initialiser only fails on invalid ones.
    static let csrfToken = HTTPField.Name("X-CSRF-Token") ?? .contentType
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site") ?? .contentType
}
