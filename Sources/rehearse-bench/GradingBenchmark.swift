import Foundation
import RehearseCore

/// Grading speed: answers graded per second on one core, and the latency of one grade of a
/// 300-word answer.
enum GradingBenchmark {
    static let keypoints = [
        "CPU-bound threads are serialised by the GIL",
        "the GIL is released during blocking I/O, so I/O-bound threads overlap",
        "each process has its own GIL, so multiprocessing runs in parallel",
        "C extensions such as NumPy release the GIL",
        "asyncio runs many coroutines on one thread",
    ]

    static let sentences = [
        "Threads that only compute take turns because the global interpreter lock lets one run bytecode at a time.",
        "When a thread waits on a socket or a file it releases the lock, so other threads keep working.",
        "For heavy computation I start worker processes with multiprocessing or a ProcessPoolExecutor.",
        "Every process has its own interpreter and its own GIL, so they really run in parallel on several cores.",
        "NumPy and other C extensions drop the lock inside their loops.",
        "With asyncio a single thread juggles many coroutines that await I/O.",
    ]

    static func answer(words: Int) -> String {
        var text = ""
        var index = 0
        while text.split(separator: " ").count < words {
            text += sentences[index % sentences.count] + " "
            index += 1
        }
        return text
    }

    static func run() {
        let grader = AnswerGrader()
        let short = answer(words: 60)
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var covered = 0
        while DispatchTime.now().uptimeNanoseconds - start < 2_000_000_000 {
            covered += grader.grade(answer: short, keypoints: keypoints).covered.count
            count += 1
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "grade 60 words\t%.0f answers/s\t(covered %d)", Double(count) / seconds, covered / max(count, 1)))
        let long = answer(words: 300)
        var latencies: [Double] = []
        for _ in 0..<200 {
            let begin = DispatchTime.now().uptimeNanoseconds
            _ = grader.grade(answer: long, keypoints: keypoints)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
        }
        latencies.sort()
        print(String(format: "grade 300 words\tmedian %.2f ms\tp99 %.2f ms", latencies[100], latencies[197]))
    }
}
