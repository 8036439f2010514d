import Foundation

/// The optimizer's objective and its exact gradient: the weighted binary cross-entropy of
/// predicted recall over each card's history, the memory state carried through the card's
/// reviews as fsrs-rs's training model carries it (states clamped to S ∈ [0.001, 36500],
/// D ∈ [1, 10], same-day reviews through short-term stability, predictions clamped to
/// [1e-7, 1 − 1e-7]).
///
/// The gradient is reverse-mode, written out by hand: a forward pass over a card keeps what
/// each step needs, and a backward pass walks the steps in reverse, adding each weight's share.
/// Clamps pass gradient only inside their interval (bounds included), as in PyTorch and Burn.
struct RecallLoss {
    static let minimumStability = 0.001
    static let maximumStability = 36_500.0
    static let minimumProbability = 1e-7

    let w: [Double]
    let decay: Double
    let factor: Double
    /// d factor / d decay.
    let factorSlope: Double
    let expW8: Double
    let failureFloorDivisor: Double
    /// D₀(Easy), not clamped: the target of mean reversion.
    let easyDifficulty: Double

    init(weights: [Double]) {
        w = weights
        decay = -weights[20]
        let power = pow(0.9, 1 / decay)
        factor = power - 1
        factorSlope = power * log(0.9) * (-1 / (decay * decay))
        expW8 = exp(weights[8])
        failureFloorDivisor = exp(weights[17] * weights[18])
        easyDifficulty = weights[4] - exp(3 * weights[5]) + 1
    }

    /// What the backward pass needs of one forward step.
    struct Step {
        enum Branch { case first, sameDay, forgot, recalled }
        var branch: Branch
        var rating: Double
        var elapsed: Double
        var lastS: Double
        var lastD: Double
        var retrievability: Double
        var base: Double
        /// The branch's raw value: short-term factor, or failure stability before the floor.
        var raw: Double
        var rawActive: Bool
        var stabilityBeforeClamp: Double
        var difficultyBeforeClamp: Double
        var nextD: Double
    }

    struct State {
        var s: Double
        var d: Double
    }

    /// Recall probability after `elapsed` days at stability `s`, with the curve's base.
    @inline(__always)
    func curve(elapsed: Double, s: Double) -> (r: Double, base: Double) {
        let base = max(elapsed, 0) / s * factor + 1
        return (pow(base, decay), base)
    }

    /// One review: the state after it, and what its backward step needs. `state` is nil for
    /// the card's first review.
    @inline(__always)
    func step(_ state: State?, elapsed: Double, rating: Double) -> (State, Step) {
        guard let state else {
            let index = Int(min(max(rating, 1), 4))
            let s = w[index - 1]
            let d = w[4] - exp(w[5] * Double(index - 1)) + 1
            let step = Step(branch: .first, rating: Double(index), elapsed: 0, lastS: 0, lastD: 0, retrievability: 0, base: 1,
                            raw: 0, rawActive: false, stabilityBeforeClamp: s, difficultyBeforeClamp: d, nextD: 0)
            return (State(s: Self.clamp(s, Self.minimumStability, Self.maximumStability), d: Self.clamp(d, 1, 10)), step)
        }
        let lastS = state.s, lastD = state.d
        let (r, base) = curve(elapsed: elapsed, s: lastS)
        var step = Step(branch: .recalled, rating: rating, elapsed: elapsed, lastS: lastS, lastD: lastD, retrievability: r, base: base,
                        raw: 0, rawActive: true, stabilityBeforeClamp: 0, difficultyBeforeClamp: 0, nextD: 0)
        let newS: Double
        if elapsed == 0 {
            step.branch = .sameDay
            let raw = exp(w[17] * (rating - 3 + w[18])) * pow(lastS, -w[19])
            step.raw = raw
            step.rawActive = !(rating >= 2 && raw < 1)
            newS = lastS * (rating >= 2 ? max(raw, 1) : raw)
        } else if rating == 1 {
            step.branch = .forgot
            let raw = w[11] * pow(lastD, -w[12]) * (pow(lastS + 1, w[13]) - 1) * exp((1 - r) * w[14])
            let floor = lastS / failureFloorDivisor
            step.raw = raw
            step.rawActive = !(floor < raw)
            newS = step.rawActive ? raw : floor
        } else {
            newS = lastS * (1 + successIncrease(lastS: lastS, lastD: lastD, r: r, rating: rating))
        }
        let deltaD = -w[6] * (rating - 3)
        let nextD = lastD + (10 - lastD) * deltaD / 9
        let meanD = w[7] * (easyDifficulty - nextD) + nextD
        step.nextD = nextD
        step.stabilityBeforeClamp = newS
        step.difficultyBeforeClamp = meanD
        return (State(s: Self.clamp(newS, Self.minimumStability, Self.maximumStability), d: Self.clamp(meanD, 1, 10)), step)
    }

    @inline(__always)
    func successIncrease(lastS: Double, lastD: Double, r: Double, rating: Double) -> Double {
        let hardPenalty = rating == 2 ? w[15] : 1
        let easyBonus = rating == 4 ? w[16] : 1
        return expW8 * (11 - lastD) * pow(lastS, -w[9]) * (exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus
    }

    /// Weighted cross-entropy of one prediction, and its derivative by the raw prediction.
    @inline(__always)
    static func crossEntropy(_ raw: Double, recalled: Bool, weight: Double) -> (loss: Double, slope: Double) {
        guard weight != 0 else { return (0, 0) }
        let r = clamp(raw, minimumProbability, 1 - minimumProbability)
        let label = recalled ? 1.0 : 0.0
        let loss = -(label * log(r) + (1 - label) * log(1 - r)) * weight
        let inside = raw > minimumProbability && raw < 1 - minimumProbability
        return (loss, inside ? -weight * (label / r - (1 - label) / (1 - r)) : 0)
    }

    /// The summed weighted loss of one card's reviews (`ratings`, `elapsed` and `weights` of
    /// equal length; a review of weight 0 is not predicted), adding its gradient to `gradient`
    /// when given. `steps` and `slopes` are scratch space reused between cards.
    func cardLoss(
        ratings: ArraySlice<Double>, elapsed: ArraySlice<Double>, weights: ArraySlice<Double>,
        gradient: UnsafeMutablePointer<Double>?, steps: inout [Step], slopes: inout [Double]
    ) -> Double {
        let count = ratings.count
        guard count > 0 else { return 0 }
        let ratingBase = ratings.startIndex, elapsedBase = elapsed.startIndex, weightBase = weights.startIndex
        steps.removeAll(keepingCapacity: true)
        slopes.removeAll(keepingCapacity: true)
        var loss = 0.0
        var state: State?
        // The last review is predicted but moves nothing that is scored afterwards.
        for t in 0..<(count - 1) {
            let (next, step) = self.step(state, elapsed: elapsed[elapsedBase + t], rating: ratings[ratingBase + t])
            var slope = 0.0
            if t > 0 {
                let scored = Self.crossEntropy(step.retrievability, recalled: ratings[ratingBase + t] > 1, weight: weights[weightBase + t])
                loss += scored.loss
                slope = scored.slope
            }
            steps.append(step)
            slopes.append(slope)
            state = next
        }
        var gS = 0.0, gD = 0.0
        if count > 1, let state {
            let t = count - 1
            let (r, base) = curve(elapsed: elapsed[elapsedBase + t], s: state.s)
            let scored = Self.crossEntropy(r, recalled: ratings[ratingBase + t] > 1, weight: weights[weightBase + t])
            loss += scored.loss
            if let gradient, scored.slope != 0 {
                gS = curveBackward(r: r, base: base, elapsed: elapsed[elapsedBase + t], s: state.s, slope: scored.slope, gradient: gradient)
            }
        }
        guard let gradient else { return loss }
        for t in steps.indices.reversed() {
            (gS, gD) = backward(steps[t], gS: gS, gD: gD, slope: slopes[t], gradient: gradient)
        }
        return loss
    }

    /// Backward through R(t, S): adds d/dw20 and returns d/dS.
    @inline(__always)
    func curveBackward(r: Double, base: Double, elapsed: Double, s: Double, slope: Double, gradient: UnsafeMutablePointer<Double>) -> Double {
        let t = max(elapsed, 0)
        let dBaseDS = -t * factor / (s * s)
        let dBaseDDecay = t / s * factorSlope
        let dRDDecay = r * (log(base) + decay / base * dBaseDDecay)
        gradient[20] -= slope * dRDDecay
        return slope * r * decay / base * dBaseDS
    }

    /// Backward through one step: adds the weights' shares and returns the derivatives by
    /// the state before the step. `slope` is d(loss)/dR of this review's own prediction.
    @inline(__always)
    func backward(_ step: Step, gS: Double, gD: Double, slope: Double, gradient g: UnsafeMutablePointer<Double>) -> (Double, Double) {
        let gPreS = gS * Self.clampSlope(step.stabilityBeforeClamp, Self.minimumStability, Self.maximumStability)
        if step.branch == .first {
            let index = Int(step.rating) - 1
            g[index] += gPreS
            let gRawD = gD * Self.clampSlope(step.difficultyBeforeClamp, 1, 10)
            g[4] += gRawD
            g[5] -= gRawD * exp(w[5] * Double(index)) * Double(index)
            return (0, 0)
        }
        let s = step.lastS, d = step.lastD, r = step.retrievability, rating = step.rating
        var gLastS = 0.0, gLastD = 0.0, gR = slope
        switch step.branch {
        case .sameDay:
            if step.rawActive {
                let raw = step.raw
                gLastS += gPreS * raw * (1 - w[19])
                g[17] += gPreS * s * raw * (rating - 3 + w[18])
                g[18] += gPreS * s * raw * w[17]
                g[19] -= gPreS * s * raw * log(s)
            } else {
                gLastS += gPreS
            }
        case .forgot:
            if step.rawActive {
                let raw = step.raw
                let core = pow(d, -w[12]) * exp((1 - r) * w[14])
                let grown = pow(s + 1, w[13])
                g[11] += gPreS * core * (grown - 1)
                g[12] -= gPreS * raw * log(d)
                g[13] += gPreS * w[11] * core * grown * log(s + 1)
                g[14] += gPreS * raw * (1 - r)
                gLastD -= gPreS * raw * w[12] / d
                gLastS += gPreS * w[11] * core * w[13] * pow(s + 1, w[13] - 1)
                gR -= gPreS * raw * w[14]
            } else {
                let floor = s / failureFloorDivisor
                gLastS += gPreS / failureFloorDivisor
                g[17] -= gPreS * floor * w[18]
                g[18] -= gPreS * floor * w[17]
            }
        case .recalled:
            let hardPenalty = rating == 2 ? w[15] : 1
            let easyBonus = rating == 4 ? w[16] : 1
            let power = pow(s, -w[9])
            let growth = exp((1 - r) * w[10])
            let common = expW8 * (11 - d) * power * hardPenalty * easyBonus
            let increase = common * (growth - 1)
            g[8] += gPreS * s * increase
            g[9] -= gPreS * s * increase * log(s)
            g[10] += gPreS * s * common * growth * (1 - r)
            if rating == 2 { g[15] += gPreS * s * expW8 * (11 - d) * power * (growth - 1) * easyBonus }
            if rating == 4 { g[16] += gPreS * s * expW8 * (11 - d) * power * (growth - 1) * hardPenalty }
            gLastD -= gPreS * s * expW8 * power * (growth - 1) * hardPenalty * easyBonus
            gLastS += gPreS * (1 + increase * (1 - w[9]))
            gR -= gPreS * s * common * growth * w[10]
        case .first:
            break
        }
        if gR != 0 {
            gLastS += curveBackward(r: r, base: step.base, elapsed: step.elapsed, s: s, slope: gR, gradient: g)
        }
        let gMean = gD * Self.clampSlope(step.difficultyBeforeClamp, 1, 10)
        if gMean != 0 {
            let gNext = gMean * (1 - w[7])
            g[7] += gMean * (easyDifficulty - step.nextD)
            g[4] += gMean * w[7]
            g[5] -= gMean * w[7] * 3 * exp(3 * w[5])
            g[6] += gNext * (10 - d) * (3 - rating) / 9
            gLastD += gNext * (1 + w[6] * (rating - 3) / 9)
        }
        return (gLastS, gLastD)
    }

    @inline(__always)
    static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double { min(max(value, low), high) }

    @inline(__always)
    static func clampSlope(_ value: Double, _ low: Double, _ high: Double) -> Double { value >= low && value <= high ? 1 : 0 }
}
