import ArgumentParser
import Foundation
import RehearseCore

/// Reading guide files from disk for the commands, with errors that name the file.
enum GuideFile {
    /// Reads the guide for a command: on bad input, prints the error and exits with status 2.
    static func readOrExit(_ path: String) throws -> Guide {
        do {
            return try read(path)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// Reads and parses the guide at `path`.
    static func read(_ path: String, reader: GuideReader = GuideReader()) throws(GuideError) -> Guide {
        try reader.read(contentsOfFile: path)
    }
}
