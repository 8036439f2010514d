import Hummingbird

/// Who is making a request, as far as the server can tell, and the CSRF token their pages
/// must send back with every change.
struct Visitor: Sendable {
    enum Access: Sendable, Equatable {
        /// No password is set: the server is on loopback and anyone on this machine may use it.
        case open
        /// Signed in with the password; the session cookie's value.
        case signedIn(session: String)
        /// A script with an API token.
        case token
        /// A password is set and this request has neither a session nor a token.
        case none
    }

    var access: Access = .none
    /// What the CSRF token signs: the session cookie when signed in, else the visit cookie.
    var csrfSubject: String?
    /// Made on this request, to be set as the visit cookie on the response.
    var newVisit: String?
    var key: SigningKey?

    /// The token pages put in `<meta name="csrf-token">` and forms in `csrf_token`.
    var csrfToken: String {
        guard let csrfSubject, let key else { return "" }
        return key.sign(csrfSubject)
    }

    var isSignedIn: Bool {
        if case .signedIn = access { return true }
        return false
    }
}

/// The request context of the web app: Hummingbird's core storage and the visitor.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var visitor = Visitor()

    init(source: Source) {
        coreContext = .init(source: source)
    }
}
