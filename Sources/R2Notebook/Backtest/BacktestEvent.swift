import R2Engine
import R2Forecast
import R2Model

/// A binary event a forecast gives a probability to.
public enum BacktestEvent: Hashable, Sendable {
    /// No release by the end of the date (of its day, or of its month when
    /// written at month precision).
    case noReleaseBy(CalendarDate)
    /// A release by the end of the date.
    case releaseBy(CalendarDate)
    /// Adoption at the end of `month` between `low` and `high` (inclusive).
    case adoptionBetween(month: CalendarDate, low: Double, high: Double)
    /// No model named R2 by the end of the date: the named release (model
    /// v2), which a fold rules out.
    case noNamedReleaseBy(CalendarDate)
    /// A model named R2 by the end of the date (model v2).
    case namedReleaseBy(CalendarDate)
    /// The sector's domestic share of a calendar year's units between `low`
    /// and `high` (inclusive), over the trials where it is defined (model v2).
    case sectorShareBetween(year: Int, low: Double, high: Double)

    /// The event as the language would write it.
    public var text: String {
        switch self {
        case .noReleaseBy(let d): return "p(no release by \(d))"
        case .releaseBy(let d): return "p(release by \(d))"
        case .adoptionBetween(let m, let lo, let hi):
            return "p(adoption at \(m) between \(Format.percent(lo, digits: 0)) and \(Format.percent(hi, digits: 0)))"
        case .noNamedReleaseBy(let d): return "p(no named release by \(d))"
        case .namedReleaseBy(let d): return "p(named release by \(d))"
        case .sectorShareBetween(let y, let lo, let hi):
            return
                "p(sector share in \(y) between \(Format.percent(lo, digits: 0)) and \(Format.percent(hi, digits: 0)))"
        }
    }

    /// Why the event cannot be read from a run on `clock`, or nil when it can.
    public func unavailableReason(clock: Clock, hasSector: Bool = true) -> String? {
        switch self {
        case .noReleaseBy(let d), .releaseBy(let d), .noNamedReleaseBy(let d), .namedReleaseBy(let d):
            // A release after the horizon is censored: whether it came before d is unknown.
            if d.backtestEnd > Double(clock.end + 1) {
                return "\(d) is after the clock's end (\(Format.month(clock.end)))"
            }
            return nil
        case .adoptionBetween(let m, _, _):
            if m.absoluteMonth < clock.start || m.absoluteMonth > clock.end {
                return
                    "\(Format.month(m.absoluteMonth)) is outside the clock (\(Format.month(clock.start)) to \(Format.month(clock.end)))"
            }
            return nil
        case .sectorShareBetween(let y, _, _):
            if !hasSector { return "the scenario does not describe the sector" }
            if y * 12 < clock.start || y * 12 + 11 > clock.end { return "\(y) is not wholly inside the clock" }
            return nil
        }
    }

    /// The event's probability in a run, with its binomial standard error
    /// sqrt(p(1-p)/n) over the n accepted trials; nil when it cannot be read.
    public func probability(
        _ result: SimulationResult, releases: ReleaseDistribution, named: ReleaseDistribution? = nil
    ) -> Estimate? {
        guard unavailableReason(clock: result.clock, hasSector: result.sector != nil) == nil, result.accepted > 0 else {
            return nil
        }
        let n = result.accepted
        switch self {
        case .noReleaseBy(let d), .releaseBy(let d), .noNamedReleaseBy(let d), .namedReleaseBy(let d):
            var distribution = releases
            var released = false
            switch self {
            case .noNamedReleaseBy: distribution = named ?? releases
            case .namedReleaseBy: (distribution, released) = (named ?? releases, true)
            case .releaseBy: released = true
            default: break
            }
            let by = distribution.probability(by: d.backtestEnd - Double(result.clockStart))
            let p = released ? by.value : 1 - by.value
            return Estimate(p, standardError: by.standardError)
        case .sectorShareBetween(let y, let lo, let hi):
            guard let values = result.sector,
                let j = values.windows.firstIndex(of: SectorWindow.year(y))
            else { return nil }
            let band = ForecastReport.band(values, j, result)
            let p = band.probabilityAbove(lo.nextDown).value - band.probabilityAbove(hi).value
            return Estimate(p, standardError: (p * (1 - p) / Double(max(1, band.count))).squareRoot())
        case .adoptionBetween(let m, let lo, let hi):
            let step = m.absoluteMonth - result.clockStart
            // P(lo <= A <= hi): the share above lo less the share above hi;
            // the histogram interpolates within its 1/2000-wide bins.
            let p = Swift.min(
                1, Swift.max(0, result.adoptionShareAbove(step: step, lo) - result.adoptionShareAbove(step: step, hi)))
            return Estimate(p, standardError: (p * (1 - p) / Double(n)).squareRoot())
        }
    }
}

extension CalendarDate {
    /// The end of the date as a continuous month: the end of its day, or of
    /// its month when written without a day (`by 2025-12` is by the end of
    /// December, as in the language).
    var backtestEnd: Double {
        guard let day else { return Double(absoluteMonth + 1) }
        let days = Double(CalendarDate.daysIn(year: year, month: month))
        return Double(absoluteMonth) + Double(day) / days
    }
}
