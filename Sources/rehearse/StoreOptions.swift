import ArgumentParser
import Foundation
import RehearseApp

/// `--db`, shared by every command that uses the database.
struct StoreOptions: ParsableArguments {
    @Option(help: "The database file (default: $REHEARSE_DB, else $XDG_DATA_HOME/rehearse/rehearse.sqlite, else ~/.local/share/rehearse/rehearse.sqlite).")
    var db: String?

    /// The database path from the option, the environment or the data folder.
    var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let db { return db }
        if let fromEnvironment = environment["REHEARSE_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("rehearse/rehearse.sqlite")
    }

    /// Opens the database under a ``Trainer``, or exits with status 2 and a message naming
    /// the file.
    /// - Parameter lab: whether imports run the guide's snippets, when a sandbox exists
    ///   (warm: with a pool of Python processes kept ready).
    func trainer(lab: (run: Bool, warm: Bool) = (false, false)) throws -> Trainer {
        do {
            return try Trainer(databasePath: path, lab: lab.run ? Trainer.sandboxLab(warm: lab.warm) : Task { nil })
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

/// The command line's form of the application layer's refusals: the message as it is, and
/// exit status 2 for bad input, 1 for work that could not be done.
func refusal(_ error: TrainerError) -> ExitCode {
    printError(error.description)
    switch error {
    case .unreadableGuide, .unknownGuide, .unknownCard, .invalidSetting, .ankiPackage: return ExitCode(2)
    default: return ExitCode(1)
    }
}
