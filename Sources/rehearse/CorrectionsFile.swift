import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore

/// The grader's corrections as JSON Lines, for `rehearse grade --export-corrections` and
/// `--import-corrections`: one `{"card_id", "keypoint", "phrase", "accepted"}` per line.
enum CorrectionsFile {
    struct Line: Codable {
        var card_id: String
        var keypoint: String
        var phrase: String
        var accepted: Bool
    }

    static func export(from trainer: Trainer) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        for correction in try await trainer.corrections() {
            output += try encoder.encode(Line(card_id: correction.cardID, keypoint: correction.keypoint, phrase: correction.phrase, accepted: correction.accepted))
            output += Data("\n".utf8)
        }
        FileHandle.standardOutput.write(output)
    }

    /// Reads every line first: a bad one stops the import with its line number, and nothing
    /// is stored; then stores them all in one transaction.
    static func importing(_ path: String, into trainer: Trainer) async throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("\(path): cannot read the file")
            throw ExitCode(2)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            printError("\(path): not valid UTF-8")
            throw ExitCode(2)
        }
        var corrections: [GradingCorrection] = []
        var lineOfCard: [String: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let parsed = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else {
                printError("\(path):\(index + 1): not a correction; each line is {\"card_id\", \"keypoint\", \"phrase\", \"accepted\"}")
                throw ExitCode(2)
            }
            corrections.append(GradingCorrection(cardID: parsed.card_id, keypoint: parsed.keypoint, phrase: parsed.phrase, accepted: parsed.accepted))
            lineOfCard[parsed.card_id] = lineOfCard[parsed.card_id] ?? index + 1
        }
        do {
            let stored = try await trainer.importCorrections(corrections)
            say("Stored \(stored) correction\(stored == 1 ? "" : "s").")
        } catch TrainerError.unknownCard(let id) {
            printError("\(path):\(lineOfCard[id] ?? 0): no card with id \(id) in this database; nothing was stored")
            throw ExitCode(2)
        }
    }
}
