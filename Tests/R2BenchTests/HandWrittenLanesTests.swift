import R2Engine
import Testing

@testable import R2Bench

/// The lane-parallel hand-written loop computes the scalar loop's model:
/// other draws, the same distributions.
@Suite struct HandWrittenLanesTests {
    /// P(release by 2026-06) and the mean adoption at 2025-12 (from the
    /// histograms' bin centres) agree within 4 standard errors of the
    /// difference; at 40,000 trials each, about 1.2 and 0.3 points.
    @Test func lanesAgreeWithTheScalarLoopWithinMonteCarloError() {
        let n = 40_000
        let hand = HandWrittenBaseline.run(trials: n, seed: 5)
        let lanes = HandWrittenLanes.run(trials: n, seed: 5)
        let (p, q) = (lanes.share(releasedBy: 18), hand.share(releasedBy: 18))
        let se = ((p * (1 - p) + q * (1 - q)) / Double(n)).squareRoot()
        #expect(abs(p - q) <= 4 * se, "lanes \(p), hand \(q), se \(se)")
        let step = 11
        let (a, b) = (meanAdoption(lanes, step: step), meanAdoption(hand, step: step))
        #expect(abs(a.mean - b.mean) <= 4 * (a.variance / Double(n) + b.variance / Double(n)).squareRoot(), "\(a) \(b)")
        // Every trial counts once in every month's histogram.
        #expect(lanes.adoptionCounts.reduce(0) { $0 + Int($1) } == n * HandWrittenBaseline.steps)
    }

    /// Trial i's draws depend on (seed, i) only: a run cut inside a group
    /// of lanes gives its trials the releases they have in a longer run.
    @Test func aTrialsReleaseDoesNotDependOnItsGroup() {
        let short = HandWrittenLanes.run(trials: 6, seed: 9)
        let long = HandWrittenLanes.run(trials: 11, seed: 9)
        #expect(short.releases == Array(long.releases.prefix(6)))
        #expect(short.adoptionCounts.reduce(0) { $0 + Int($1) } == 6 * HandWrittenBaseline.steps)
        #expect(HandWrittenLanes.run(trials: 6, seed: 10).releases != short.releases)
    }

    /// Mean and variance of A at `step` from the histogram (bin centres).
    func meanAdoption(_ o: HandWrittenBaseline.Outcome, step: Int) -> (mean: Double, variance: Double) {
        let stride = AdoptionSink.binStride
        var (total, squares, count) = (0.0, 0.0, 0.0)
        for bin in 0..<stride {
            let a = bin == 0 ? 0 : (bin == stride - 1 ? 1 : (Double(bin) - 0.5) / Double(stride - 2))
            let c = Double(o.adoptionCounts[step * stride + bin])
            total += c * a
            squares += c * a * a
            count += c
        }
        let mean = total / count
        return (mean, squares / count - mean * mean)
    }
}
