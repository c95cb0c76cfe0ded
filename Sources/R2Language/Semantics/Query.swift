import R2Model

/// A query or later statement with its names and dates resolved, for the
/// session layer to execute. Dates are absolute continuous months
/// (`CalendarDate.continuousMonth`), months of adoption absolute months,
/// probabilities and quantile levels fractions.
public enum Query: Hashable, Sendable {
    /// The summary forecast.
    case forecast
    /// One metric (`p(...)`, `median release`, `mean release`, `adoption at DATE`).
    case metric(Metric)
    /// Release quantiles at these levels (default 10%, 50%, 90%), of either reading.
    case releaseQuantiles([Double], ReleaseReading)
    /// Adoption quantiles at the end of `month` at these levels.
    case adoptionQuantiles(month: Int, [Double])
    /// An expectation to check.
    case expect(Expectation)
    /// Scenarios side by side, with P(release by) each of `releaseBy` and
    /// mean adoption at each of `adoptionAt` (absolute months).
    case compare(scenarios: [String], releaseBy: [Double], adoptionAt: [Int])
    /// Which inputs move `metric` most (default the median release).
    case sensitivity(Metric)
    /// Condition later forecasts of the scenario on something known.
    case observe(Condition)
    /// Drop observations.
    case unobserve(Unobserve)
    /// The story of one trial.
    case trace(TraceSelector)
    /// Inputs with their values and citations.
    case explain(ExplainTarget)
    /// A text chart.
    case chart(Chart)
    /// An SVG plot written to `path`.
    case plot(PlotKind, path: String)
    /// A value's distribution (`x`, `mean x`).
    case value(ValueQuery)

    /// True when answering needs a simulation (and so a scenario with
    /// `r2 start` and `r2 needs`).
    public var needsForecast: Bool {
        switch self {
        case .observe, .unobserve, .explain, .value: return false
        default: return true
        }
    }
}

/// A number a forecast yields.
public enum Metric: Hashable, Sendable {
    /// P(release at or before `by`), or with `released` false P(no release
    /// by then), of the flagship release or the named one.
    case releaseProbability(by: Double, released: Bool, reading: ReleaseReading)
    /// P(A_month above/below threshold).
    case adoptionProbability(month: Int, Comparison, threshold: Double)
    /// The release time's quantile at `level` (a date; the median is 0.5).
    case releaseQuantile(Double, ReleaseReading)
    /// The mean release time of the uncensored trials (a date).
    case releaseMean(ReleaseReading)
    /// P(the programme folded at or before `by`), or with `folded` false
    /// P(it had not folded by then) (model v2).
    case foldedProbability(by: Double, folded: Bool)
    /// A statistic of a sector window over the trials where it is defined (model v2).
    case sector(SectorWindow, SectorStatistic)
    /// The share of trials released after the horizon.
    case censoredShare
    /// The mean adoption at the end of `month`.
    case adoptionMean(month: Int)
    /// Adoption's quantile at `level` at the end of `month`.
    case adoptionQuantile(month: Int, level: Double)

    /// The sector window the metric reads, if it reads one.
    public var sectorWindow: SectorWindow? {
        if case .sector(let w, _) = self { return w }
        return nil
    }

    /// The sector windows a run must compute for this metric besides the
    /// calendar years it always computes.
    public var extraSectorWindows: [SectorWindow] {
        // The calendar years are computed by units; a year by compute, or
        // any other window, is asked for.
        guard let w = sectorWindow, w.compute || !w.isWholeYear else { return [] }
        return [w]
    }

    /// True when the metric is a date (a release time) rather than a fraction.
    public var isReleaseTime: Bool {
        switch self {
        case .releaseQuantile, .releaseMean: return true
        default: return false
        }
    }
}

/// What a sector metric reads of a window's distribution over the trials.
public enum SectorStatistic: Hashable, Sendable {
    case mean
    case quantile(Double)
    case probability(Comparison, Double)
}

/// `expect METRIC [in SCENARIO] BOUND`, resolved.
public struct Expectation: Hashable, Sendable {
    public var metric: Metric
    /// The scenario the metric is computed on.
    public var scenario: String
    public var bound: Bound

    public init(metric: Metric, scenario: String, bound: Bound) {
        self.metric = metric
        self.scenario = scenario
        self.bound = bound
    }
}

/// What an expectation requires of its metric. For release-time metrics
/// the values are dates (`before D` is `.below(D)`, `after D` is
/// `.above(D)`); otherwise fractions.
public enum Bound: Hashable, Sendable {
    case between(Double, Double)
    case above(Double)
    case below(Double)
    /// The metric exceeds the same metric of `scenario` by at least `margin`
    /// (`later than S by D or more`, `above S by X or more`; margin 0 without `by`).
    case aboveScenario(String, margin: Double)
    /// The metric falls short of the same metric of `scenario` by at least `margin`.
    case belowScenario(String, margin: Double)
}

/// Which observations `unobserve` drops.
public enum Unobserve: Hashable, Sendable {
    /// The most recent one.
    case last
    case all
    /// Observation number n, counting from 1 in the order they were made.
    case number(Int)
}

/// Which trial `trace` tells the story of.
public enum TraceSelector: Hashable, Sendable {
    /// Trial n, counting from 1.
    case trial(Int)
    /// The first trial released after the date.
    case releaseAfter(Double)
    /// The first trial released before the date.
    case releaseBefore(Double)
    /// The first censored trial.
    case noRelease
}

/// What `explain` describes.
public enum ExplainTarget: Hashable, Sendable {
    case all
    case chip(Int)
    case variable(Int)
    case event(Int)
    case r2
    case pressure
}
