import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse grade --jsonl`: grade typed answers in batch (spec/cli-contracts.md §2).
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade typed answers read as JSON Lines on standard input.",
        discussion: """
            Each input line is {"question": …, "reference": …, "keypoints": […], "answer": …}; \
            without "keypoints" they are derived from "reference" as for cards. Each output \
            line is {"rating": 1-4, "score": 0-1, "covered": […], "missed": […]}, in input \
            order; a line that cannot be read gets {"error": …} and the rest go on.
            """
    )

    @Flag(help: "Read and write JSON Lines (the only format; accepted for scripts that pass it).")
    var jsonl = false

    struct Input: Decodable {
        var question: String?
        var reference: String?
        var keypoints: [String]?
        var answer: String?
    }

    func run() throws {
        let grader = AnswerGrader()
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var output = Data()
        var lineNumber = 0
        for line in input.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            output += Self.result(for: Data(line), line: lineNumber, grader: grader)
            output.append(0x0A)
            if output.count > 1 << 16 {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(output)
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
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
