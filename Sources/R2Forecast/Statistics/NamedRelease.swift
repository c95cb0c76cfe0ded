/// The named reading of the release (model v2): R2 ships under its own name
/// only when the programme did not fold first. Over the kept trials: the
/// named release distribution (a folded trial never releases), the share
/// that folded and when, and the share still pending at the horizon.
public struct NamedRelease: Sendable {
    /// Named release months after the clock's start; +infinity for a trial
    /// that folded (it counts as never released under the name).
    public let release: ReleaseDistribution
    /// F, the fold step of each trial that folded, ascending.
    public let foldSteps: [Double]

    public init(releases: [Double], folds: [Float], horizon: Int) {
        self.init(flagship: ReleaseDistribution(releases: releases, horizon: horizon), releases: releases, folds: folds)
    }

    /// From the flagship's sorted releases: the named ones are those less
    /// the folded trials' (sorted apart, a fifth of them or so, and taken
    /// out in one merge), with +infinity for each folded trial.
    public init(flagship: ReleaseDistribution, releases: [Double], folds: [Float]) {
        // The folded trials' releases and fold steps, each read in place
        // and sorted (NaN for every other trial).
        let (removed, steps) = releases.withUnsafeBufferPointer { r in
            folds.withUnsafeBufferPointer { f in
                let n = Swift.min(r.count, f.count)
                return (
                    RadixSort.sortedNumbers(count: n) { i in f[i].isFinite ? r[i] : .nan },
                    RadixSort.sortedNumbers(count: n) { i in f[i].isFinite && !r[i].isNaN ? Double(f[i]) : .nan }
                )
            }
        }
        let kept = flagship.sorted
        let named = [Double](unsafeUninitializedCapacity: kept.count) { out, count in
            var j = 0
            var i = 0
            for x in kept {
                if j < removed.count && removed[j].bitPattern == x.bitPattern {
                    j &+= 1
                } else {
                    out[i] = x
                    i &+= 1
                }
            }
            for k in i..<kept.count { out[k] = .infinity }
            count = kept.count
        }
        self.release = ReleaseDistribution(sorted: named, horizon: flagship.horizon)
        self.foldSteps = steps
    }

    public var count: Int { release.count }
    public var foldedCount: Int { foldSteps.count }
    /// Trials neither released under the name nor folded by the horizon.
    public var pendingCount: Int { count - release.releasedCount - foldedCount }

    public var releasedShare: Estimate { .proportion(release.releasedCount, of: count) }
    public var foldedShare: Estimate { .proportion(foldedCount, of: count) }
    public var pendingShare: Estimate { .proportion(pendingCount, of: count) }

    /// P(folded by `month`), months after the clock's start (the end of
    /// the month or day named): a fold happens at the start of its step,
    /// so a fold in step t is by `month` when t < `month` (one in the next
    /// month, at the bound's very instant, is not).
    public func foldedProbability(by month: Double) -> Estimate {
        var lo = 0
        var hi = foldSteps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if foldSteps[mid] < month { lo = mid + 1 } else { hi = mid }
        }
        return .proportion(lo, of: count)
    }

    /// The p-quantile of the fold step over the trials that folded (type 1).
    public func foldQuantile(_ p: Double) -> Double? {
        guard !foldSteps.isEmpty else { return nil }
        let rank = Swift.max(0, Swift.min(foldSteps.count - 1, Int((p * Double(foldSteps.count)).rounded(.up)) - 1))
        return foldSteps[rank]
    }
}
