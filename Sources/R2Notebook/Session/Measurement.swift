import R2Engine
import R2Forecast
import R2Language
import R2Model

/// A metric measured on one forecast: release times are months after the
/// clock's start (nil when the quantile falls after the horizon), other
/// metrics fractions.
struct Measurement {
    var value: Double?
    var standardError: Double?
    var isTime: Bool
    var clockStart: Int
    var steps: Int
    /// For a sector metric: the kept trials whose share is undefined
    /// (nothing received in the window), left out of the value, and the
    /// window's phrase (model v2 §4: "the count is shown").
    var undefined: (count: Int, of: Int, what: String)?
    /// A mean of the released trials: with none released it is undefined
    /// ("n/a"), not a date after the horizon as a quantile is.
    var isMeanOfReleased = false
    /// A quantile of the named reading: the shares that folded and that
    /// are still pending, which a quantile past the horizon is made of.
    var namedNotReleased: (folded: Double, pending: Double)?

    /// The note a sector metric prints when trials were left out.
    var undefinedNote: String? {
        guard let u = undefined, u.count > 0 else { return nil }
        return
            "\(Figures.count(u.count)) of \(Figures.count(u.of)) kept trials \(u.what) and are left out"
    }

    /// Why the value is missing, said beside it: a quantile after the
    /// horizon, or a mean of released trials when none was released.
    var missingNote: String? {
        guard isTime, value == nil else { return nil }
        if isMeanOfReleased { return "no kept trial released by the end of \(Format.month(clockStart + steps - 1))" }
        if let n = namedNotReleased {
            // Not "after the horizon" alone: a folded trial never ships as R2.
            return
                "not reached by the horizon: \(Format.percent(n.folded)) folded, \(Format.percent(n.pending)) pending"
        }
        return "the quantile falls after the horizon"
    }

    /// The value as printed: a date, or a percentage.
    var text: String {
        if isTime, value == nil, isMeanOfReleased { return "n/a" }
        if isTime { return Format.date(value, clockStart: clockStart, steps: steps) }
        return value.map { Format.percent($0) } ?? "n/a"
    }

    /// The standard error as printed: days for a date, points for a percentage.
    var errorText: String? {
        guard let se = standardError, se.isFinite else { return nil }
        if isTime { return Format.days(se) }
        return Format.percent(se, digits: se < 0.001 ? 3 : 2)
    }

    var json: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if isTime {
            members.append(("date", value.map { .string(Format.date($0, clockStart: clockStart)) } ?? .null))
            members.append(("months", .finite(value)))
            members.append(("se_months", .finite(standardError)))
        } else {
            members.append(("value", .finite(value)))
            members.append(("se", .finite(standardError)))
        }
        if let u = undefined { members.append(("undefined_trials", .integer(u.count))) }
        return members
    }
}

extension Metric {
    /// Measures the metric on a report (and its run, for adoption histograms).
    func measure(_ report: ForecastReport, _ result: SimulationResult) -> Measurement? {
        var m = Measurement(
            value: nil, standardError: nil, isTime: isReleaseTime, clockStart: report.clockStart, steps: report.steps)
        func step(_ month: Int) -> Int? {
            let s = month - report.clockStart
            return (0..<report.steps).contains(s) ? s : nil
        }
        switch self {
        case .releaseProbability(let by, let released, let reading):
            let e = report.release(reading).probability(by: by - Double(report.clockStart))
            m.value = released ? e.value : 1 - e.value
            m.standardError = e.standardError
        case .foldedProbability(let by, let folded):
            // A scenario that cannot fold never folds.
            let e =
                report.named?.foldedProbability(by: by - Double(report.clockStart))
                ?? .proportion(0, of: report.kept)
            m.value = folded ? e.value : 1 - e.value
            m.standardError = e.standardError
        case .sector(let window, let statistic):
            guard let band = report.sectorBand(window, result) else { return nil }
            let what: String
            if case .installed(let month) = window.kind {
                what = "had nothing installed by the end of \(CalendarDate.month(month))"
            } else {
                what = "received nothing in \(window)"
            }
            m.undefined = (band.undefined, band.count + band.undefined, what)
            switch statistic {
            case .mean:
                m.value = band.mean.value
                m.standardError = band.mean.standardError
            case .quantile(let level):
                let q = band.quantileEstimate(level)
                m.value = q.value
                m.standardError = q.standardError
            case .probability(let comparison, let x):
                let e = comparison == .above ? band.probabilityAbove(x) : band.probabilityBelow(x)
                m.value = e.value
                m.standardError = e.standardError
            }
        case .adoptionProbability(let month, let comparison, let threshold):
            guard let s = step(month) else { return nil }
            let above = result.adoptionShareAbove(step: s, threshold)
            let p = comparison == .above ? above : 1 - above
            m.value = p
            m.standardError = (p * (1 - p) / Double(max(1, result.accepted))).squareRoot()
        case .releaseQuantile(let level, let reading):
            let q = report.release(reading).quantileEstimate(level)
            m.value = q.value
            m.standardError = q.standardError
            if reading == .named, let named = report.named {
                m.namedNotReleased = (named.foldedShare.value, named.pendingShare.value)
            }
        case .releaseMean(let reading):
            let mean = report.release(reading).uncensoredMean
            m.isMeanOfReleased = true
            m.value = mean?.value
            m.standardError = mean?.standardError
        case .censoredShare:
            m.value = report.release.censoredShare.value
            m.standardError = report.release.censoredShare.standardError
        case .adoptionMean(let month):
            guard let s = step(month) else { return nil }
            m.value = report.adoption[s].mean.value
            m.standardError = report.adoption[s].mean.standardError
        case .adoptionQuantile(let month, let level):
            guard let s = step(month) else { return nil }
            m.value = result.adoptionQuantile(step: s, level)
            // Order-statistic interval: the quantiles at level -+ sqrt(p(1-p)/n).
            let half = (level * (1 - level) / Double(max(1, result.accepted))).squareRoot()
            let lo = result.adoptionQuantile(step: s, max(0, level - half))
            let hi = result.adoptionQuantile(step: s, min(1, level + half))
            m.standardError = (hi - lo) / 2
        }
        return m
    }

    /// The absolute month the metric reads adoption at, if it does.
    var adoptionMonth: Int? {
        switch self {
        case .adoptionProbability(let month, _, _), .adoptionMean(let month), .adoptionQuantile(let month, _):
            return month
        default: return nil
        }
    }
}

extension ForecastReport {
    /// The band of a sector window: a year of the report, or the run's
    /// own column for another window; nil when the run has no sector or
    /// did not compute the window.
    func sectorBand(_ window: SectorWindow, _ result: SimulationResult) -> SectorBand? {
        if let band = sector.first(where: { $0.window == window }) { return band }
        guard let values = result.sector, let j = values.windows.firstIndex(of: window) else { return nil }
        return ForecastReport.band(values, j, result)
    }
}

extension SimulationResult {
    /// The share of accepted trials whose adoption at `step` exceeds `x`,
    /// interpolating within the histogram bin that holds x.
    func adoptionShareAbove(step: Int, _ x: Double) -> Double {
        guard accepted > 0 else { return .nan }
        let counts = adoptionHistogram(step: step)
        let base = counts.startIndex
        let bins = SimulationResult.adoptionBins
        var above = 0.0
        // The exact-one bin.
        if x < 1 { above += Double(counts[base + bins + 1]) }
        if x < 0 { above += Double(counts[base]) }
        for j in 1...bins {
            let lo = Double(j - 1) / Double(bins)
            let hi = Double(j) / Double(bins)
            let c = Double(counts[base + j])
            if c == 0 || hi <= x { continue }
            above += lo >= x ? c : c * (hi - x) / (hi - lo)
        }
        return above / Double(accepted)
    }
}
