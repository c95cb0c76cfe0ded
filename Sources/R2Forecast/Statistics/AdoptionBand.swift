/// The domestic share of the lab's compute capacity at the end of one
/// month, over the kept trials: its mean (with standard error) and quantiles.
public struct AdoptionBand: Hashable, Sendable {
    /// Absolute month.
    public var month: Int
    public var mean: Estimate
    public var p10: Double
    public var p50: Double
    public var p90: Double

    public init(month: Int, mean: Estimate, p10: Double, p50: Double, p90: Double) {
        self.month = month
        self.mean = mean
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }
}
