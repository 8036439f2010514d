import Foundation
import RehearseCore

/// Benchmarks for Rehearse, run by the scripts in `Benchmarks/`.
///
///     rehearse-bench import FILE [--repeat N]     read a guide file N times, print MB/s
///     rehearse-bench synth FILE --mb N --out OUT  repeat a guide until it is N MB
///     rehearse-bench store [--cards N] [--answers N] [--db PATH]
///                                                 answer cards through the store; open and list due cards
///     rehearse-bench fsrs REVLOG.csv [--repeat N]  replay a review log through the memory model
///     rehearse-bench fsrs-simulate --out REVLOG.csv --reviews N [--days D] [--seed S] [--weights W]
///                                                 the review log of a simulated learner
///     rehearse-bench interview-day [--cards N] [--seeds K]
///                                                 expected recall on the interview day by policy (simulated learners)
///     rehearse-bench fsrs-optimize REVLOG.csv [--repeat N]
///                                                 fit FSRS-6's weights, print the best time (Benchmarks/fsrs/optimize.py)
///     rehearse-bench grade                        answers graded per second; latency of a 300-word answer
///     rehearse-bench lab GUIDE                    snippets checked per second: warm pool against one process each
///     rehearse-bench fuzz SEED… --count N [--seed S] [--keep DIR]
///                                                 mutated guides through both readers (Benchmarks/fuzz/run.sh)
///     rehearse-bench anki-data --db PATH [--cards N] [--reviews N]
///                                                 a collection of N cards and reviews for the Anki benchmark
///     rehearse-bench anki-export --db PATH --out FILE.apkg [--repeat N]
///     rehearse-bench anki-import FILE [--repeat N]
///                                                 Anki package export and import times (Benchmarks/anki/interop.py)
///     rehearse-bench fit-indentation TRAIN.jsonl --out MODEL.json [--steps N] [--l2 X] [--refine EPOCHS]
///                                    [--record-decisions FILE] [--record-finalists FILE]   (JSON Lines: FitRecords)
///                                                 fits the indentation model (Benchmarks/reindent/fit.sh)
let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("rehearse-bench: \(message)\n".utf8))
    exit(2)
}

if arguments.first == "grade" {
    GradingBenchmark.run()
    exit(0)
}

if arguments.first == "fit-indentation", arguments.count >= 2 {
    guard let out = option("--out") else { fail("fit-indentation needs --out MODEL.json") }
    do {
        try IndentationFitting.run(input: arguments[1], output: out, steps: option("--steps").flatMap(Int.init) ?? 400,
                                     l2: option("--l2").flatMap(Double.init) ?? 1e-5,
                                     refinementEpochs: option("--refine").flatMap(Int.init) ?? 0,
                                     records: FitRecords(decisions: option("--record-decisions").map(URL.init(fileURLWithPath:)),
                                                         finalists: option("--record-finalists").map(URL.init(fileURLWithPath:))))
    } catch {
        fail("\(error)")
    }
    exit(0)
}

if arguments.first?.hasPrefix("anki-") == true {
    let repeats = option("--repeat").flatMap(Int.init) ?? 1
    do {
        switch arguments[0] {
        case "anki-data":
            guard let db = option("--db") else { fail("anki-data needs --db PATH") }
            try AnkiBenchmark.build(path: db, cards: option("--cards").flatMap(Int.init) ?? 50_000,
                                    reviews: option("--reviews").flatMap(Int.init) ?? 500_000)
        case "anki-export":
            guard let db = option("--db"), let out = option("--out") else { fail("anki-export needs --db PATH --out FILE") }
            try AnkiBenchmark.export(path: db, output: out, repeats: repeats)
        case "anki-import" where arguments.count >= 2:
            try AnkiBenchmark.import(input: arguments[1], repeats: repeats)
        default:
            fail("unknown command \(arguments[0])")
        }
    } catch {
        fail("\(error)")
    }
    exit(0)
}

if arguments.first == "fsrs-simulate" {
    guard let out = option("--out"), let reviews = option("--reviews").flatMap(Int.init) else { fail("fsrs-simulate needs --out FILE --reviews N") }
    do {
        try FSRSFitting.simulate(weights: option("--weights"), reviews: reviews, days: option("--days").flatMap(Int.init) ?? 365,
                                 seed: option("--seed").flatMap(UInt64.init) ?? 1, output: out)
    } catch {
        fail("\(error)")
    }
    exit(0)
}

if arguments.first == "interview-day" {
    do {
        try InterviewDayComparison.run(cards: option("--cards").flatMap(Int.init) ?? 300, days: [14, 30], minutes: [10, 20],
                                       seeds: option("--seeds").flatMap(Int.init) ?? 5)
    } catch {
        fail("\(error)")
    }
    exit(0)
}

if arguments.first == "fsrs-optimize", arguments.count >= 2 {
    do {
        try FSRSFitting.optimize(path: arguments[1], repeats: option("--repeat").flatMap(Int.init) ?? 1)
    } catch {
        fail("\(error)")
    }
    exit(0)
}

if arguments.first == "fuzz" {
    let seeds = arguments.dropFirst().prefix { !$0.hasPrefix("--") }
    do {
        try ReaderFuzzing.run(seedPaths: Array(seeds), count: option("--count").flatMap(Int.init) ?? 10_000,
                              seed: option("--seed").flatMap(UInt64.init) ?? 1, keep: option("--keep"))
    } catch {
        fail("\(error)")
    }
    exit(0)
}

if arguments.first == "store" {
    do {
        try StoreBenchmark.run(arguments: arguments)
    } catch {
        fail("\(error)")
    }
    exit(0)
}

guard arguments.count >= 2 else {
    fail("usage: rehearse-bench import FILE [--repeat N] | synth FILE --mb N --out OUT")
}
let path = arguments[1]
/// The file's bytes.
func contents(of path: String) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read the file") }
    return data
}

switch arguments[0] {
case "import":
    let repeats = option("--repeat").flatMap(Int.init) ?? 5
    let reader = GuideReader()
    var best = Double.infinity
    var items = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            items = try reader.read(contentsOfFile: path).items.count
        } catch {
            fail(error.description)
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
    let megabytes = Double(size) / 1_000_000
    print(String(format: "%@\t%.2f MB\t%d items\tbest %.4f s\t%.1f MB/s", path, megabytes, items, best, megabytes / best))
case "synth":
    guard let megabytes = option("--mb").flatMap(Double.init), let out = option("--out") else {
        fail("synth needs --mb N and --out FILE")
    }
    let data = contents(of: path)
    let target = Int(megabytes * 1_000_000)
    var body = Data()
    body.reserveCapacity(target + data.count)
    while body.count < target { body.append(data) }
    guard FileManager.default.createFile(atPath: out, contents: body) else { fail("\(out): cannot write the file") }
case "lab":
    do {
        try LabBenchmark.run(path: path, data: contents(of: path))
    } catch {
        fail("\(error)")
    }
case "fsrs":
    let repeats = option("--repeat").flatMap(Int.init) ?? 5
    let log: RevlogCSV
    do {
        log = try RevlogCSV(text: String(decoding: contents(of: path), as: UTF8.self), fileName: path)
    } catch {
        fail(error.description)
    }
    let histories = log.histories.map { $0.reviews.map { MemoryReplay.Review(time: $0.time, rating: $0.rating) } }
    let replay = MemoryReplay()
    var best = Double.infinity
    var checksum = 0.0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        for history in histories { checksum += replay.states(for: history).last?.stability ?? 0 }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(String(format: "swift\t%d reviews\tbest %.4f s\t%.2f M reviews/s\t(checksum %.3f)", log.rows.count, best, Double(log.rows.count) / best / 1e6, checksum / Double(repeats)))
default:
    fail("unknown benchmark \(arguments[0])")
}
