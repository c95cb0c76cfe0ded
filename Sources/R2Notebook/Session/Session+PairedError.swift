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
        guard Self.onTheSameTrials(a, b) else { return nil }
        switch metric {
        case .releaseProbability(let by, _, let reading):
            let ra = reading == .named ? a.namedReleases : a.releases
            let rb = reading == .named ? b.namedReleases : b.releases
            let (xa, xb) = (by - Double(a.clockStart), by - Double(b.clockStart))
            return Self.keptMeansDifferenceError(
                trials: a.trials,
                { a.isRejected($0) ? nil : (ra[$0] <= xa ? 1 : 0) },
                { b.isRejected($0) ? nil : (rb[$0] <= xb ? 1 : 0) })
        case .foldedProbability(let by, _):
            // A fold is by the bound when its step starts before it.
            let (xa, xb) = (by - Double(a.clockStart), by - Double(b.clockStart))
            func folded(_ r: SimulationResult, _ i: Int, by x: Double) -> Double? {
                if r.isRejected(i) { return nil }
                guard let folds = r.folds else { return 0 }
                return Double(folds[i]) < x ? 1 : 0
            }
            return Self.keptMeansDifferenceError(
                trials: a.trials, { folded(a, $0, by: xa) }, { folded(b, $0, by: xb) })
        case .sector(let w, .mean):
            guard let sa = a.sector, let sb = b.sector, let ja = sa.windows.firstIndex(of: w),
                let jb = sb.windows.firstIndex(of: w)
            else { return nil }
            return Self.sectorDifferenceError(sa, ja, sb, jb, trials: a.trials)
        case .releaseQuantile(let level, let reading):
            return batchError(a, b, reading) { $0.quantile(level) }
        case .releaseMean(let reading):
            return batchError(a, b, reading) { $0.uncensoredMean?.value }
        default:
            return nil
        }
    }

    /// Whether two runs are of the same trials of the same seed, so that
    /// their differences can be paired trial by trial (common random numbers).
    static func onTheSameTrials(_ a: SimulationResult, _ b: SimulationResult) -> Bool {
        a.trials == b.trials && a.firstTrial == b.firstTrial && a.seed == b.seed && a.trials > 1
    }

    /// The paired error of a sector window's mean share (windows `ja` of
    /// `a`, `jb` of `b`): a rejected trial's share is NaN, as an undefined one.
    static func sectorDifferenceError(
        _ a: SectorValues, _ ja: Int, _ b: SectorValues, _ jb: Int, trials: Int
    ) -> Double? {
        func share(_ s: SectorValues, _ j: Int, _ i: Int) -> Double? {
            let x = s.values[i * s.windows.count + j]
            return x.isNaN ? nil : Double(x)
        }
        return keptMeansDifferenceError(trials: trials, { share(a, ja, $0) }, { share(b, jb, $0) })
    }

    /// The standard error of the difference of two means over one set of
    /// n trials (common random numbers), each over the trials where its
    /// run keeps and defines a value (`x` and `y`, nil elsewhere). By the
    /// delta method each trial adds a_i (x_i - mean x) / a - b_i (y_i -
    /// mean y) / b (a_i, b_i: whether each run has trial i; a, b: the
    /// shares of trials they have); the spread of these over sqrt(n) is
    /// the error. Where both runs have every trial, this is the spread of
    /// the per-trial differences. Where they keep different trials (they
    /// are conditioned apart), each run's own trials count; differences
    /// over the trials both kept made the error a dozen times too small.
    /// Nil when either run has fewer than two values.
    static func keptMeansDifferenceError(trials n: Int, _ x: (Int) -> Double?, _ y: (Int) -> Double?) -> Double? {
        var (ka, kb, sa, sb) = (0, 0, 0.0, 0.0)
        for i in 0..<n {
            if let v = x(i) { (ka, sa) = (ka + 1, sa + v) }
            if let v = y(i) { (kb, sb) = (kb + 1, sb + v) }
        }
        guard ka > 1, kb > 1, n > 1 else { return nil }
        let (ma, mb) = (sa / Double(ka), sb / Double(kb))
        let (shareA, shareB) = (Double(ka) / Double(n), Double(kb) / Double(n))
        var (sum, squares) = (0.0, 0.0)
        for i in 0..<n {
            let psi = (x(i).map { ($0 - ma) / shareA } ?? 0) - (y(i).map { ($0 - mb) / shareB } ?? 0)
            sum += psi
            squares += psi * psi
        }
        let count = Double(n)
        let variance = Swift.max(0, squares - sum * sum / count) / (count - 1)
        return (variance / count).squareRoot()
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
