import Foundation
import Hummingbird
import RehearseStore

/// Signing in with the password and out again, as plain HTML forms.
struct SignIn: Sendable {
    let store: Store

    func addRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context in try self.page(request, context: context) }
        router.post("/login") { request, context in try await self.signIn(request, context: context) }
        router.post("/logout") { _, context in try self.signOut(context: context) }
    }

    struct Form: Decodable {
        var password: String?
        var next: String?
    }

    func page(_ request: Request, context: WebContext) throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        if try store.webPasswordHash() == nil || context.visitor.isSignedIn { return AccessGuard.redirect(to: next) }
        return form(next: next, visitor: context.visitor, failed: false)
    }

    func form(next: String, visitor: Visitor, failed: Bool) -> Response {
        let body: String = """
            <h1>Sign in</h1>
            \(failed ? "<p class=\"error\" role=\"alert\">That is not the password. Try again.</p>" : "")
            <form method="post" action="/login" class="signin">
            <input type="hidden" name="csrf_token" value="\(Charts.escape(visitor.csrfToken))">
            <input type="hidden" name="next" value="\(Charts.escape(next))">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
            <button type="submit">Sign in</button>
            </form>
            """
        return Page.response(title: "sign in", tab: nil, visitor: visitor, body: body, status: failed ? .unauthorized : .ok)
    }

    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: AccessGuard.maximumForm)
        } catch {
            throw Problem(.contentTooLarge, "the form is larger than \(AccessGuard.maximumForm) bytes")
        }
        guard let form = try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: buffer)) else {
            throw Problem(.badRequest, "send the sign-in form: password and next, form-encoded")
        }
        let next = Self.safeNext(form.next)
        guard let hash = try store.webPasswordHash() else { return AccessGuard.redirect(to: next) }
        guard let password = form.password, try await Secrets.verifyPassword(password, hash: hash) else {
            return self.form(next: next, visitor: context.visitor, failed: true)
        }
        let session = Secrets.random()
        let now = Date()
        try store.addWebSession(idHash: Secrets.hash(session), at: now, expiresAt: now.addingTimeInterval(AccessGuard.sessionLifetime))
        var response = AccessGuard.redirect(to: next)
        response.setCookie(Cookie(
            name: AccessGuard.sessionCookie, value: session, maxAge: Int(AccessGuard.sessionLifetime), path: "/", httpOnly: true,
            sameSite: .strict))
        return response
    }

    func signOut(context: WebContext) throws -> Response {
        if case .signedIn(let session) = context.visitor.access { try store.removeWebSession(idHash: Secrets.hash(session)) }
        var response = AccessGuard.redirect(to: "/login")
        response.setCookie(Cookie(name: AccessGuard.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// Where to go after signing in: only a path on this server, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
