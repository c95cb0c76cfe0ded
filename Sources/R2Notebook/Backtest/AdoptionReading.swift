import R2Engine

/// A forecast's adoption (the lab's domestic share of compute, weighted by
/// perf) at one month: its mean, its 10/50/90% quantiles, and the share of
/// trials above each of some levels (the sector's figures).
public struct AdoptionReading: Sendable {
    public var month: Int
    public var mean: Double
    public var p10: Double
    public var p50: Double
    public var p90: Double
    /// The levels compared with and, for each, the share of trials above it.
    public var levels: [Double]
    public var shareAbove: [Double]

    /// Reads adoption at absolute month `month`; nil outside the run's clock.
    public init?(_ result: SimulationResult, month: Int, levels: [Double] = []) {
        let step = month - result.clockStart
        guard (0..<result.steps).contains(step), result.accepted > 0 else { return nil }
        self.month = month
        mean = result.adoptionMean(step: step)
        p10 = result.adoptionQuantile(step: step, 0.1)
        p50 = result.adoptionQuantile(step: step, 0.5)
        p90 = result.adoptionQuantile(step: step, 0.9)
        self.levels = levels
        shareAbove = levels.map { result.adoptionShareAbove(step: step, $0) }
    }
}
