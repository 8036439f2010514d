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
        try readWithText(path, reader: reader).guide
    }

    /// Reads and parses the guide at `path`, keeping its text.
    static func readWithText(_ path: String, reader: GuideReader = GuideReader()) throws(GuideError) -> (guide: Guide, text: String) {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isFolder.boolValue { throw .unreadable(file: path, reason: "it is a folder; name a guide file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > reader.maximumSize {
            throw .tooLarge(file: path, bytes: size, limit: reader.maximumSize)
        }
        let text: String
        do {
            // Decoded in its own step so the bytes are released before the guide is built.
            text = try GuideReader.decode(try Data(contentsOf: url), fileName: url.lastPathComponent)
        } catch let error as GuideError {
            throw error
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        return (try reader.read(text: text, fileName: url.lastPathComponent), text)
    }
}
