import Foundation
import RehearseCore
import RehearseLab

/// Snippets checked per second on a guide: the warm fork-server pool against one sandboxed
/// process per snippet, in the same run.
enum LabBenchmark {
    static func run(path: String, data: Data) throws {
        guard let isolation = Isolation.detect() else {
            print("no sandbox available")
            return
        }
        let guide = try GuideReader().read(data, fileName: (path as NSString).lastPathComponent)
        let items = guide.items.filter { if case .code = $0.content { true } else if case .claim = $0.content { true } else { false } }.count
        func time(_ lab: CodeLab) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = lab.check(guide)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        let single = time(CodeLab(runner: OneProcessRunner(isolation: isolation)))
        let poolStart = DispatchTime.now().uptimeNanoseconds
        let pool = ForkServerPool(isolation: isolation)
        let startup = Double(DispatchTime.now().uptimeNanoseconds - poolStart) / 1e9
        let warm = time(CodeLab(runner: pool))
        print(String(format: "%@ (%@): %d snippets and claims", path, isolation.rawValue, items))
        print(String(format: "one process per snippet\t%.3f s\t%.1f items/s", single, Double(items) / single))
        print(String(format: "warm pool\t%.3f s\t%.1f items/s\t(pool start %.3f s)\tratio %.1fx", warm, Double(items) / warm, startup, single / warm))
    }
}
