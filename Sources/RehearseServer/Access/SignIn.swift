import Foundation
import Hummingbird
import RehearseApp

/// Signing in with the password and out again, as plain HTML forms.
struct SignIn: Sendable {
    let trainer: Trainer
    let throttle = SignInThrottle()

    func addRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context in try await self.page(request, context: context) }
        router.post("/login") { request, context in try await self.signIn(request, context: context) }
        router.post("/logout") { request, context in try await self.signOut(request, context: context) }
    }

    func page(_ request: Request, context: WebContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        if try await trainer.webPasswordHash() == nil || context.visitor.isSignedIn { return AccessGuard.redirect(to: next) }
        return form(next: next, visitor: context.visitor, failed: false)
    }

    func form(next: String, visitor: Visitor, failed: Bool) -> Response {
        let body: String = """
            <h1>Sign in</h1>
            \(failed ? "<p class=\"error\" role=\"alert\">That is not the password. Try again.</p>" : "")
            <form method="post" action="/login" class="signin">
            <input type="hidden" name="csrf_token" value="\(Page.escape(visitor.csrfToken))">
            <input type="hidden" name="next" value="\(Page.escape(next))">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
            <button type="submit">Sign in</button>
            </form>
            """
        return Page.response(title: "sign in", tab: nil, visitor: visitor, body: body, status: failed ? .unauthorized : .ok)
    }

    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        var request = request
        let form = try await Self.formFields(from: &request)
        guard let password = form["password"], form["csrf_token"] != nil else {
            throw Problem(.badRequest, "the sign-in form needs its password and csrf_token fields")
        }
        let next = Self.safeNext(form["next"])
        guard let hash = try await trainer.webPasswordHash() else { return AccessGuard.redirect(to: next) }
        let now = Date()
        if let wait = await throttle.wait(at: now) {
            throw Problem(
                .tooManyRequests, "too many wrong passwords; try again in \(Int(wait.rounded(.up))) seconds",
                headers: [.retryAfter: "\(Int(wait.rounded(.up)))"])
        }
        guard try await Secrets.verifyPassword(password, hash: hash) else {
            await throttle.recordFailure(at: now)
            return self.form(next: next, visitor: context.visitor, failed: true)
        }
        let session = Secrets.random()
        try await trainer.addWebSession(idHash: Secrets.hash(session), at: now, expiresAt: now.addingTimeInterval(AccessGuard.sessionLifetime))
        var response = AccessGuard.redirect(to: next)
        response.setCookie(Cookie(
            name: AccessGuard.sessionCookie, value: session, maxAge: Int(AccessGuard.sessionLifetime), path: "/", httpOnly: true,
            sameSite: .strict))
        return response
    }

    func signOut(_ request: Request, context: WebContext) async throws -> Response {
        var request = request
        guard try await Self.formFields(from: &request)["csrf_token"] != nil else {
            throw Problem(.badRequest, "the sign-out form needs its csrf_token field")
        }
        if case .signedIn(let session) = context.visitor.access { try await trainer.removeWebSession(idHash: Secrets.hash(session)) }
        var response = AccessGuard.redirect(to: "/login")
        response.setCookie(Cookie(name: AccessGuard.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// The fields of a form-encoded body (unknown fields are kept and ignored): 415 when it
    /// is not a form, 413 past the size limit. The request keeps the collected body, for
    /// whoever reads it next.
    static func formFields(from request: inout Request) async throws -> [String: String] {
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            throw Problem(.unsupportedMediaType, "send the form as application/x-www-form-urlencoded")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: AccessGuard.maximumForm)
        } catch {
            throw Problem(.contentTooLarge, "the form is larger than \(AccessGuard.maximumForm) bytes")
        }
        return decodeForm(String(buffer: buffer))
    }

    /// `a=1&b=x+y` as fields: `+` is a space, `%2B` a plus, as browsers encode forms (in a
    /// body or, for GET, in the query).
    static func decodeForm(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String? { part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decoded(parts[0]) else { continue }
            fields[name] = parts.count == 2 ? decoded(parts[1]) : ""
        }
        return fields
    }

    /// Where to go after signing in: only a path on this server, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
