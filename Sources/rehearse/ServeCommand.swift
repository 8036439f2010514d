import ArgumentParser
import Foundation
import RehearseServer
import RehearseApp

/// `rehearse serve`: the web app on the same database as the command line.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the study, mock interview, progress and guides pages and the JSON API.",
        discussion: """
            Listens on 127.0.0.1:8080 by default, on the same database as the other commands \
            (both may run at once). Any other address needs a password first: run \
            `rehearse serve --set-password` (it asks twice, or reads one line from a pipe) and \
            then `rehearse serve --host 0.0.0.0`. With a password set, browsers sign in at \
            /login and scripts send `Authorization: Bearer TOKEN`, with a token from \
            `rehearse serve --new-token` (printed once; only its hash is kept). \
            --set-password, --new-token and --revoke-tokens change the settings and exit.

            The JSON API is described at /openapi.json. Exit status: 0 on a clean stop or a \
            setting changed, 1 when the server cannot start, 2 when a new password is too \
            short or not confirmed, 64 on bad options.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on; anything but loopback needs a password.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(name: .customLong("allow-host"), help: "Another name browsers use for this server (repeatable).")
    var allowedHosts: [String] = []

    @Flag(help: "Set the password for signing in (at least 8 characters), sign every session out, and exit.")
    var setPassword = false

    @Flag(help: "Make an API token for scripts, print it once, and exit.")
    var newToken = false

    @Option(help: "A name for the new token, to tell tokens apart.")
    var tokenLabel: String = "script"

    @Flag(help: "Revoke every API token and exit.")
    var revokeTokens = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535, got \(port)") }
        guard [setPassword, newToken, revokeTokens].filter({ $0 }).count <= 1 else {
            throw ValidationError("give only one of --set-password, --new-token and --revoke-tokens")
        }
    }

    func run() async throws {
        // Uploads are rare: each snippet gets a process of its own, and no sandbox sits idle
        // for as long as the server runs.
        let trainer = try store.trainer(lab: (run: true, warm: false))
        if setPassword { return try await changePassword(trainer) }
        if newToken {
            let token = Secrets.random()
            try await trainer.addAPIToken(hash: Secrets.hash(token), label: tokenLabel, at: Date())
            print(token)
            printError("Token \"\(tokenLabel)\" made; it is shown only this once. Send it as: Authorization: Bearer TOKEN")
            return
        }
        if revokeTokens {
            say("Revoked \(try await trainer.removeAPITokens()) token(s).")
            return
        }
        do {
            let app = try await buildApplication(ServerConfiguration(host: host, port: port, extraHosts: allowedHosts), trainer: trainer)
            let checkpoints = try trainer.checkpointInBackground()
            defer { checkpoints?.cancel() }
            say("Rehearse at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ — Ctrl-C stops it.")
            try await app.runService()
        } catch let error as ServerError {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    private func changePassword(_ trainer: Trainer) async throws {
        let terminal = Terminal()
        FileHandle.standardError.write(Data("New password: ".utf8))
        guard let password = terminal.readSecretLine(), password.count >= 8 else {
            printError("the password must have at least 8 characters; nothing was changed")
            throw ExitCode(2)
        }
        if terminal.isInteractive {
            FileHandle.standardError.write(Data("Again: ".utf8))
            guard terminal.readSecretLine() == password else {
                printError("the two passwords differ; nothing was changed")
                throw ExitCode(2)
            }
        }
        try await trainer.setWebPasswordHash(Secrets.hashPassword(password))
        say("Password set; every browser must sign in again.")
    }
}
