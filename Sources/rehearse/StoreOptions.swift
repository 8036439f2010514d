import ArgumentParser
import Foundation
import RehearseCore
import RehearseStore

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

    /// Opens the store, or exits with status 2 and a message naming the file.
    func open() throws -> Store {
        do {
            return try Store(path: path)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// The scheduler, with the interview date stored by `rehearse plan`.
    func scheduler(for store: Store) throws -> Scheduler {
        Scheduler(interviewDate: try store.interviewDate())
    }
}

/// Dates as `rehearse` reads them: `YYYY-MM-DD` in local time.
enum DayFormat {
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        guard let date = Calendar.current.date(from: components),
            Calendar.current.component(.day, from: date) == parts[2]
        else { return nil }
        return date
    }

    static func format(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
