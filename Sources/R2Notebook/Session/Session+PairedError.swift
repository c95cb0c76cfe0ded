import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// The standard error of a metric's difference between two runs of the
    /// same trials and seed (common random numbers): per-trial differences
    /// for probabilities and the sector's mean share, 20 batches of trials
    /// for release quantiles and means. Nil when the runs are not paired or
    /// the metric has no paired form here (then the errors combine as
    /// independent).
    func pairedError(_ metric: Metric, _ a: SimulationResult, _ b: SimulationResult) -> Double? {
        guard a.trials == b.trials, a.firstTrial == b.firstTrial, a.seed == b.seed, a.trials > 1 else { return nil }
        var paired = PairedDifference()
        func kept(_ i: Int) -> Bool { !a.isRejected(i) && !b.isRejected(i) }
        switch metric {
        case .releaseProbability(let by, _, let reading):
            let ra = reading == .named ? a.namedReleases : a.releases
            let rb = reading == .named ? b.namedReleases : b.releases
            let (xa, xb) = (by - Double(a.clockStart), by - Double(b.clockStart))
            for i in 0..<a.trials where kept(i) {
                paired.add((ra[i] <= xa ? 1 : 0) - (rb[i] <= xb ? 1 : 0))
            }
        case .foldedProbability(let by, _):
            let (xa, xb) = (by - Double(a.clockStart), by - Double(b.clockStart))
            for i in 0..<a.trials where kept(i) {
                // A fold is by the bound when its step starts before it.
                let fa = a.folds.map { Double($0[i]) < xa } ?? false
                let fb = b.folds.map { Double($0[i]) < xb } ?? false
                paired.add((fa ? 1 : 0) - (fb ? 1 : 0))
            }
        case .sector(let w, .mean):
            guard let sa = a.sector, let sb = b.sector, let ja = sa.windows.firstIndex(of: w),
                let jb = sb.windows.firstIndex(of: w)
            else { return nil }
            for i in 0..<a.trials where kept(i) {
                let x = sa.values[i * sa.windows.count + ja]
                let y = sb.values[i * sb.windows.count + jb]
                if !x.isNaN && !y.isNaN { paired.add(Double(x) - Double(y)) }
            }
        case .releaseQuantile(let level, let reading):
            return batchError(a, b, reading) { $0.quantile(level) }
        case .releaseMean(let reading):
            return batchError(a, b, reading) { $0.uncensoredMean?.value }
        default:
            return nil
        }
        return paired.standardError
    }

    /// The standard error of a release statistic's difference by batch
    /// means over 20 contiguous batches of the same trials; nil when a
    /// batch's statistic is not defined (a quantile among the censored).
    func batchError(
        _ a: SimulationResult, _ b: SimulationResult, _ reading: ReleaseReading,
        _ statistic: (ReleaseDistribution) -> Double?
    ) -> Double? {
        let ra = reading == .named ? a.namedReleases : a.releases
        let rb = reading == .named ? b.namedReleases : b.releases
        let n = Swift.min(ra.count, rb.count)
        let batches = 20
        guard n >= batches * 10 else { return nil }
        var diffs: [Double] = []
        for k in 0..<batches {
            let range = (k * n / batches)..<((k + 1) * n / batches)
            guard let x = statistic(ReleaseDistribution(releases: Array(ra[range]), horizon: a.steps)),
                let y = statistic(ReleaseDistribution(releases: Array(rb[range]), horizon: b.steps))
            else { return nil }
            diffs.append((x + Double(a.clockStart)) - (y + Double(b.clockStart)))
        }
        let mean = diffs.reduce(0, +) / Double(batches)
        let variance = diffs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(batches - 1)
        return (variance / Double(batches)).squareRoot()
    }
}
