/// The 21 weights of the FSRS-6 memory model.
///
/// Defaults and bounds are those of py-fsrs 6.3 (`DEFAULT_PARAMETERS`,
/// `LOWER_BOUNDS_PARAMETERS`, `UPPER_BOUNDS_PARAMETERS`), so that optimised weights from
/// the FSRS tools can be used as they are.
public struct FSRSParameters: Sendable, Equatable {
    public let weights: [Double]

    /// FSRS-6 default weights (py-fsrs 6.3, fsrs-rs 2.0).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let `default` = FSRSParameters(uncheckedWeights: defaultWeights)

    static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0,
        0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0,
        2.0, 2.0, 0.8, 0.8,
    ]

    /// Checks the weights against the bounds, reporting every violation at once.
    public init(weights: [Double]) throws(FSRSParameterError) {
        guard weights.count == Self.lowerBounds.count else {
            throw FSRSParameterError(problems: ["expected \(Self.lowerBounds.count) weights, got \(weights.count)"])
        }
        var problems: [String] = []
        for (index, weight) in weights.enumerated() where !(Self.lowerBounds[index]...Self.upperBounds[index]).contains(weight) {
            problems.append("w[\(index)] = \(weight) is outside [\(Self.lowerBounds[index]), \(Self.upperBounds[index])]")
        }
        guard problems.isEmpty else { throw FSRSParameterError(problems: problems) }
        self.weights = weights
    }

    private init(uncheckedWeights: [Double]) {
        weights = uncheckedWeights
    }

    /// Parses 21 comma-separated weights, as `--params` takes them.
    public init(parsing text: String) throws(FSRSParameterError) {
        var weights: [Double] = []
        var problems: [String] = []
        for (index, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let trimmed = part.trimmingWhitespace()
            if let value = Double(trimmed), value.isFinite {
                weights.append(value)
            } else {
                problems.append("w[\(index)] = \"\(trimmed)\" is not a number")
            }
        }
        guard problems.isEmpty else { throw FSRSParameterError(problems: problems) }
        try self.init(weights: weights)
    }
}

/// Weights that cannot be used, with every reason.
public struct FSRSParameterError: Error, Equatable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "invalid FSRS parameters: " + problems.joined(separator: "; ") }
}
