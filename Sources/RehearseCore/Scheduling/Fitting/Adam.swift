import Foundation

/// Adam with bias correction (β1 0.9, β2 0.999, ε 1e-8): the step the FSRS optimizer and the
/// indentation model's fits take.
struct Adam {
    private var first: [Double]
    private var second: [Double]
    private var steps = 0

    /// An optimizer for `count` weights.
    init(count: Int) {
        first = [Double](repeating: 0, count: count)
        second = first
    }

    mutating func step(_ weights: inout [Double], gradient: [Double], rate: Double) {
        steps += 1
        let correction1 = 1 - pow(0.9, Double(steps))
        let correction2 = 1 - pow(0.999, Double(steps))
        for index in weights.indices {
            first[index] = 0.9 * first[index] + 0.1 * gradient[index]
            second[index] = 0.999 * second[index] + 0.001 * gradient[index] * gradient[index]
            weights[index] -= rate * (first[index] / correction1) / ((second[index] / correction2).squareRoot() + 1e-8)
        }
    }
}
