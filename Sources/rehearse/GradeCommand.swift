import ArgumentParser
import Foundation
import RehearseApp
import RehearseCore

/// `rehearse grade --jsonl`: grade typed answers in batch (spec/cli-contracts.md §2).
struct GradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade typed answers read as JSON Lines on standard input.",
        discussion: """
            Each input line is {"question": …, "reference": …, "keypoints": […], "answer": …}; \
            without "keypoints" they are derived from "reference" as for cards. Each output \
            line is {"rating": 1-4, "score": 0-1, "covered": […], "missed": […], "contradicted": \
            [{"keypoint": …, "evidence": …}]}, in input order (a contradicted point is also \
            missed); a line that cannot be read gets {"error": …} and the rest go on.

            What you teach the grader in typed study (t in the terminal, "I said this" on the \
            web) is kept per card: --export-corrections prints it as JSON Lines \
            ({"card_id", "keypoint", "phrase", "accepted"}), --import-corrections FILE stores \
            such a file in the database (all of it, or nothing when a line is bad).
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the corrections taught to the grader as JSON Lines, and grade nothing.")
    var exportCorrections = false

    @Option(help: "Store the corrections in this JSON Lines file (from --export-corrections), and grade nothing.")
    var importCorrections: String?

    @Flag(help: "Read and write JSON Lines (the only format; accepted for scripts that pass it).")
    var jsonl = false

    struct Input: Decodable {
        var question: String?
        var reference: String?
        var keypoints: [String]?
        var answer: String?
    }

    func validate() throws {
        if exportCorrections && importCorrections != nil { throw ValidationError("give --export-corrections or --import-corrections, not both") }
    }

    func run() async throws {
        if exportCorrections || importCorrections != nil {
            let trainer = try store.trainer()
            do {
                if let importCorrections { return try await CorrectionsFile.importing(importCorrections, into: trainer) }
                return try await CorrectionsFile.export(from: trainer)
            } catch let error as TrainerError {
                throw refusal(error)
            }
        }
        let grader = AnswerGrader()
        var pending = Data()
        var lineNumber = 0
        // Lines are graded as they arrive, so a script can write an answer and read its grade.
        func grade(_ line: Data) -> Data {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return Data() }
            return Self.result(for: line, line: lineNumber, grader: grader) + Data([0x0A])
        }
        while true {
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { break }
            pending += chunk
            var output = Data()
            while let newline = pending.firstIndex(of: 0x0A) {
                output += grade(Data(pending[pending.startIndex..<newline]))
                pending = Data(pending[(newline + 1)...])
            }
            if !output.isEmpty { FileHandle.standardOutput.write(output) }
        }
        if !pending.isEmpty { FileHandle.standardOutput.write(grade(pending)) }
    }

    static func result(for line: Data, line number: Int, grader: AnswerGrader) -> Data {
        func failure(_ message: String) -> Data {
            (try? JSONSerialization.data(withJSONObject: ["error": "line \(number): \(message)"], options: [.withoutEscapingSlashes])) ?? Data()
        }
        guard String(data: line, encoding: .utf8) != nil else { return failure("not valid UTF-8") }
        let input: Input
        do {
            input = try JSONDecoder().decode(Input.self, from: line)
        } catch {
            return failure("not a JSON object with string fields question, reference, keypoints, answer")
        }
        guard let answer = input.answer else { return failure("missing field \"answer\"") }
        let keypoints: [String]
        if let given = input.keypoints, !given.isEmpty {
            keypoints = given
        } else if let reference = input.reference {
            keypoints = KeypointExtractor.keypoints(from: reference)
        } else {
            return failure("missing field \"keypoints\" or \"reference\"")
        }
        let grade = grader.grade(answer: answer, keypoints: keypoints, question: input.question)
        let object: [String: Any] = [
            "rating": grade.rating.rawValue, "score": (grade.score * 1000).rounded() / 1000, "covered": grade.covered,
            "missed": grade.missed, "matched": grade.points.filter(\.covered).map(\.matched),
            "contradicted": grade.contradicted.map { ["keypoint": $0.keypoint, "evidence": $0.evidence ?? ""] },
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
