/// Release counts binned by calendar month over the clock, merged into
/// groups of whole months when the clock is wider than the plot.
public struct MonthlyBins: Sendable {
    /// First absolute month of each bin.
    public var starts: [Int]
    /// Months per bin.
    public var monthsPerBin: Int
    /// Released trials per bin.
    public var counts: [Int]
    public var censored: Int
    public var total: Int

    public init(_ release: ReleaseDistribution, clockStart: Int, steps: Int, maxBins: Int) {
        let per = Swift.max(1, (steps + Swift.max(1, maxBins) - 1) / Swift.max(1, maxBins))
        let n = (steps + per - 1) / per
        var counts = Array(repeating: 0, count: n)
        for r in release.sorted where r < release.horizon {
            counts[Swift.min(n - 1, Int(r) / per)] += 1
        }
        self.starts = (0..<n).map { clockStart + $0 * per }
        self.monthsPerBin = per
        self.counts = counts
        self.censored = release.censoredCount
        self.total = release.count
    }
}
