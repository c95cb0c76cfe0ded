import R2Model

/// One sector window over the kept trials (model v2): the domestic share's
/// mean (with standard error) and quantiles over the trials where it is
/// defined; trials in which nothing was received are counted apart.
public struct SectorBand: Sendable {
    public var window: SectorWindow
    /// The window covers only part of its calendar year (the clock cuts it).
    public var partial: Bool
    /// The defined values, ascending (single precision, as the engine keeps them).
    public let sorted: [Float]
    /// Kept trials in which the window's share is undefined (nothing received).
    public var undefined: Int

    public init(window: SectorWindow, values: some Sequence<Float>, partial: Bool = false) {
        // A rejected trial is NaN too: the caller passes kept trials only.
        let all = Array(values)
        let sorted = RadixSort.sortedNumbers(all)
        self.init(window: window, sorted: sorted, undefined: all.count - sorted.count, partial: partial)
    }

    /// From the defined values already sorted ascending and the count of
    /// undefined ones.
    init(window: SectorWindow, sorted: [Float], undefined: Int, partial: Bool) {
        self.window = window
        self.partial = partial
        self.sorted = sorted
        self.undefined = undefined
        self.mean = Self.mean(sorted)
    }

    public var count: Int { sorted.count }

    /// The mean share over the trials that define it, with its standard error.
    public let mean: Estimate

    static func mean(_ sorted: [Float]) -> Estimate {
        guard !sorted.isEmpty else { return Estimate(.nan, standardError: .nan) }
        var sum = 0.0
        for x in sorted { sum += Double(x) }
        let m = sum / Double(sorted.count)
        var ss = 0.0
        for x in sorted { ss += (Double(x) - m) * (Double(x) - m) }
        let sd = sorted.count > 1 ? (ss / Double(sorted.count - 1)).squareRoot() : 0
        return Estimate(m, standardError: sd / Double(sorted.count).squareRoot())
    }

    /// The p-quantile (type 1), nil when no trial defines the share.
    public func quantile(_ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Swift.max(0, Swift.min(count - 1, Int((p * Double(count)).rounded(.up)) - 1))
        return Double(sorted[rank])
    }

    /// The quantile with the order-statistic interval's half width as its error.
    public func quantileEstimate(_ p: Double) -> (value: Double?, standardError: Double?) {
        guard let x = quantile(p) else { return (nil, nil) }
        let (lo, hi) = Estimate.orderStatisticRanks(count: count, p)
        return (x, Double(sorted[hi] - sorted[lo]) / 2)
    }

    /// P(share > x) over the trials that define it.
    public func probabilityAbove(_ x: Double) -> Estimate {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Double(sorted[mid]) <= x { lo = mid + 1 } else { hi = mid }
        }
        return .proportion(sorted.count - lo, of: sorted.count)
    }

    /// P(share < x) over the trials that define it.
    public func probabilityBelow(_ x: Double) -> Estimate {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Double(sorted[mid]) < x { lo = mid + 1 } else { hi = mid }
        }
        return .proportion(lo, of: sorted.count)
    }
}
