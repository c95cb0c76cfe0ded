/// The distribution of release times over the trials of one run (or the
/// trials kept by its observations): sorted release months after the
/// clock's start, with every censored trial counted, never dropped.
public struct ReleaseDistribution: Sendable {
    /// Release months of every kept trial, ascending; censored trials are
    /// `.infinity` or a value >= `horizon`.
    public let sorted: [Double]
    /// T, the number of months simulated: a release at or after it is censored.
    public let horizon: Double

    public init(releases: some Sequence<Double>, horizon: Int) {
        self.init(releases: Array(releases), horizon: horizon)
    }

    /// The usual case, a run's release times, without the generic
    /// sequence's per-element calls (a million trials spent more time there
    /// than in sorting), sorted by their bits (`RadixSort`).
    public init(releases: [Double], horizon: Int) {
        self.init(sorted: RadixSort.sortedNumbers(releases), horizon: Double(horizon))
    }

    /// Values already sorted ascending (no NaN).
    init(sorted: [Double], horizon: Double) {
        self.sorted = sorted
        self.horizon = horizon
        // Once, where the report is built (on its worker threads), not on
        // each reading: two passes over a million releases are 2 to 5 ms.
        self.uncensoredMean = Self.mean(sorted, below: horizon)
    }

    public var count: Int { sorted.count }

    /// Trials released before the horizon.
    public var releasedCount: Int { countBelow(horizon) }

    public var censoredCount: Int { count - releasedCount }

    public var censoredShare: Estimate { .proportion(censoredCount, of: count) }

    /// P(release <= month), with its binomial standard error.
    public func probability(by month: Double) -> Estimate {
        .proportion(countAtOrBelow(min(month, horizon.nextDown)), of: count)
    }

    /// The p-quantile (type 1: the smallest x with F(x) >= p); nil when it
    /// falls among the censored trials.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = Swift.max(0, Swift.min(count - 1, Int((p * Double(count)).rounded(.up)) - 1))
        let x = sorted[rank]
        return x < horizon ? x : nil
    }

    /// The quantile with a standard error from the order-statistic interval:
    /// half the spread between the ranks n p -+ sqrt(n p (1-p)). The error
    /// is nil when either rank is censored.
    public func quantileEstimate(_ p: Double) -> (value: Double?, standardError: Double?) {
        guard let x = quantile(p) else { return (nil, nil) }
        let (lo, hi) = Estimate.orderStatisticRanks(count: count, p)
        guard sorted[hi] < horizon else { return (x, nil) }
        return (x, (sorted[hi] - sorted[lo]) / 2)
    }

    /// Mean release of the uncensored trials, with its standard error.
    public let uncensoredMean: Estimate?

    /// The mean of the values below the horizon, in ascending order.
    static func mean(_ sorted: [Double], below horizon: Double) -> Estimate? {
        let k = countBelow(horizon, in: sorted)
        guard k > 0 else { return nil }
        var sum = 0.0
        for x in sorted[..<k] { sum += x }
        let mean = sum / Double(k)
        var ss = 0.0
        for x in sorted[..<k] { ss += (x - mean) * (x - mean) }
        let sd = k > 1 ? (ss / Double(k - 1)).squareRoot() : 0
        return Estimate(mean, standardError: sd / Double(k).squareRoot())
    }

    /// Number of trials with release < x (binary search).
    public func countBelow(_ x: Double) -> Int { Self.countBelow(x, in: sorted) }

    static func countBelow(_ x: Double, in sorted: [Double]) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Number of trials with release <= x.
    public func countAtOrBelow(_ x: Double) -> Int { countBelow(x.nextUp) }
}
