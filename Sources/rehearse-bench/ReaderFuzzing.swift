import Foundation
import RehearseCore

/// `rehearse-bench fuzz SEED_FILE… --count N [--seed S] [--keep DIR]`: feeds both readers
/// guides made by cutting and mutating the seed files (lines dropped, repeated, swapped or
/// spliced from another seed; bytes flipped; Python, Markdown and guide markers inserted;
/// indentation stripped or added). Each input is read as flat text and as Markdown; a
/// thrown ``GuideError`` is fine, a crash ends the run, and the slowest inputs are kept.
enum ReaderFuzzing {
    /// Fragments a guide is made of, to splice into the inputs.
    static let tokens: [String] = [
        "→", ":", "(", ")", "[", "]", "{", "}", "\"\"\"", "'''", "#", "# ", "Q: ", "A: ", "```", "```python", "|", "| --- |",
        "\t", "    ", "def ", "class ", "if x:", "else:", "elif y:", "try:", "except:", "finally:", "return", "yield", "@", "\\",
        "**", "`", "- ", "1. ", "Table of Contents", "Priority: HIGH", "Next: 04-next.md", "Your answer: \"", "When asked",
        "SELECT ", "-- ", "$ ", "é", "—", "“", "”", "\u{FEFF}", "\r", "lambda x:", "async def f():", "await g()", "nonlocal x",
        "break", "continue", "pass", "...", "x = 1", "print(x)", ">>> ", "\u{0}",
    ]

    static func run(seedPaths: [String], count: Int, seed: UInt64, keep: String?) throws {
        var seeds: [[Substring]] = []
        for path in seedPaths {
            guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read the file") }
            let text = String(decoding: data, as: UTF8.self)
            seeds.append(text.split(separator: "\n", omittingEmptySubsequences: false))
        }
        guard !seeds.isEmpty else { fail("fuzz needs at least one seed guide") }
        var random = SplitMix64(seed: seed)
        let reader = GuideReader()
        var slowest: [(seconds: Double, input: String)] = []
        var rejected = 0
        var bytes = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for number in 0..<count {
            let input = mutate(cut(seeds, &random), seeds, &random)
            bytes += input.utf8.count
            for name in ["fuzz.txt", "fuzz.md"] {
                let began = DispatchTime.now().uptimeNanoseconds
                do {
                    _ = try reader.read(Array(input.utf8), fileName: name)
                } catch {
                    rejected += 1
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
                if slowest.count < 5 || seconds > slowest[slowest.count - 1].seconds {
                    slowest.append((seconds, input))
                    slowest.sort { $0.seconds > $1.seconds }
                    if slowest.count > 5 { slowest.removeLast() }
                }
            }
            if (number + 1) % 100_000 == 0 {
                FileHandle.standardError.write(Data("\(number + 1) inputs\n".utf8))
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "%d inputs (%d readings, %d rejected as bad input), %.1f MB, %.1f s; slowest reading %.4f s",
                     count, count * 2, rejected, Double(bytes) / 1e6, elapsed, slowest.first?.seconds ?? 0))
        if let keep {
            try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            for (rank, entry) in slowest.enumerated() {
                let path = (keep as NSString).appendingPathComponent("slow-\(seed)-\(rank + 1).txt")
                _ = FileManager.default.createFile(atPath: path, contents: Data(entry.input.utf8))
            }
        }
    }

    /// A window of 1 to 80 lines of a seed guide.
    static func cut(_ seeds: [[Substring]], _ random: inout SplitMix64) -> [Substring] {
        let seed = seeds[random.below(seeds.count)]
        let length = 1 + random.below(min(80, seed.count))
        let start = random.below(max(seed.count - length + 1, 1))
        return Array(seed[start..<min(start + length, seed.count)])
    }

    static func mutate(_ lines: [Substring], _ seeds: [[Substring]], _ random: inout SplitMix64) -> String {
        var lines = lines.map(String.init)
        for _ in 0..<(1 + random.below(6)) {
            guard !lines.isEmpty else { lines = ["x"]; continue }
            let line = random.below(lines.count)
            switch random.below(9) {
            case 0: lines.remove(at: line)
            case 1: lines.insert(lines[line], at: line)
            case 2: lines.swapAt(line, random.below(lines.count))
            case 3: lines.insert(contentsOf: cut(seeds, &random).map(String.init), at: line)
            case 4: lines[line] = lines[line].trimmingCharacters(in: .whitespaces)
            case 5: lines[line] = String(repeating: " ", count: random.below(9)) + lines[line]
            case 6:
                var scalars = Array(lines[line].unicodeScalars)
                let position = random.below(scalars.count + 1)
                scalars.insert(contentsOf: tokens[random.below(tokens.count)].unicodeScalars, at: position)
                lines[line] = String(String.UnicodeScalarView(scalars))
            case 7:
                var scalars = Array(lines[line].unicodeScalars)
                if !scalars.isEmpty { scalars.remove(at: random.below(scalars.count)) }
                lines[line] = String(String.UnicodeScalarView(scalars))
            default:
                lines.insert(tokens[random.below(tokens.count)], at: line)
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension SplitMix64 {
    /// A number in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }
}
