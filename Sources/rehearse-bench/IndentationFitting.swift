import Foundation
import RehearseCore

/// `rehearse-bench fit-indentation TRAIN.jsonl --out MODEL.json`: fits the indentation
/// model to the snippets that `Benchmarks/reindent/training_set.py` cut from the standard
/// library's train half.
enum IndentationFitting {
    private struct Record: Decodable {
        var flat: [String]
        var roles: [String]
        var depths: [Int?]
        var part: Int?
    }

    static func run(input: String, output: String, steps: Int, l2: Double, refinementEpochs: Int, records: FitRecords) throws {
        guard let text = FileManager.default.contents(atPath: input) else { fail("\(input): cannot read the file") }
        var examples: [IndentationModelFitter.Example] = []
        let decoder = JSONDecoder()
        for (number, line) in text.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            do {
                let record = try decoder.decode(Record.self, from: Data(line))
                let depths = zip(record.roles, record.depths).map { role, depth in role == "stmt" ? depth : nil }
                examples.append(.init(lines: record.flat, depths: depths, part: record.part))
            } catch {
                fail("\(input):\(number + 1): not a training record: \(error)")
            }
        }
        let report = try IndentationModelFitter.fit(examples, steps: steps, l2: l2, refinementEpochs: refinementEpochs, trainedOn: "the train half of CPython's standard library (Benchmarks/reindent/training_set.py)", records: records) {
            FileHandle.standardError.write(Data("\($0)\n".utf8))
        }
        guard FileManager.default.createFile(atPath: output, contents: report.modelJSON) else { fail("\(output): cannot write the file") }
        print(String(format: "%d examples (%d skipped), %d decisions, training accuracy %.4f, loss %.4f -> %@",
                     report.examples, report.skippedExamples, report.decisions, report.trainingAccuracy, report.finalLoss, output))
    }
}
