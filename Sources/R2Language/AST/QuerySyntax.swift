import R2Model

/// A query or later statement as parsed; the workspace resolves it into a
/// `Query`.
public indirect enum QuerySyntax: Hashable, Sendable {
    /// `forecast`
    case forecast
    /// `p(...)`, `median release`, `mean release`, `adoption at DATE`
    case metric(MetricSyntax)
    /// `quantile [named] release [P {, P}]`
    case quantileRelease([Quantity], ReleaseReading)
    /// `quantile adoption at DATE [P {, P}]`
    case quantileAdoption(Quantity, [Quantity])
    /// `expect METRIC [in SCENARIO] BOUND`
    case expect(MetricSyntax, scenario: Name?, BoundSyntax)
    /// `compare NAME NAME {NAME} [by DATE {, DATE}] [at DATE {, DATE}]`
    case compare([Name], by: [Quantity], at: [Quantity])
    /// `sensitivity [of METRIC]`
    case sensitivity(MetricSyntax?)
    /// `observe ...`
    case observe(ObservationSyntax)
    /// `unobserve [all | N]`; nil is the last observation, `.all` every one.
    case unobserve(UnobserveSyntax)
    /// `trace ...`
    case trace(TraceSyntax)
    /// `explain [NAME]`
    case explain(Name?)
    /// `hist release`, `cdf release`, `fan adoption`, `tornado`
    case chart(Chart)
    /// `plot KIND to PATH`
    case plot(PlotKind, path: Citation)
    /// `QUERY in SCENARIO`: a forecast, metric, quantile, sensitivity, trace
    /// or chart query about another scenario than the current one.
    case inScenario(QuerySyntax, Name)
    /// A value typed on its own (`x`, `ascend_output_2025 / 12`), or
    /// `mean EXPR`: its distribution over the draws.
    case value(Quantity, meanOnly: Bool)
    /// `QUERY to ±X {, ±X} [max COUNT]`: a forecast, metric, quantile or
    /// expectation run to a precision instead of a trial count.
    case toPrecision(QuerySyntax, PrecisionSyntax)

    /// Whether `in SCENARIO` may follow this query.
    var takesScenario: Bool {
        switch self {
        case .forecast, .metric, .quantileRelease, .quantileAdoption, .sensitivity, .trace, .chart, .explain:
            return true
        default: return false
        }
    }

    /// Whether `to ±X` may follow this query.
    var takesPrecision: Bool {
        switch self {
        case .forecast, .metric, .quantileRelease, .quantileAdoption, .expect: return true
        case .inScenario(let inner, _): return inner.takesPrecision
        default: return false
        }
    }
}

/// `±X {, ±X} [max COUNT]` as written: each target a share (`±0.5%`) or a
/// time (`±3 days`), and the most trials the run may take.
public struct PrecisionSyntax: Hashable, Sendable {
    public var targets: [Quantity]
    public var cap: Quantity?
    public var range: SourceRange

    public init(targets: [Quantity], cap: Quantity?, range: SourceRange) {
        self.targets = targets
        self.cap = cap
        self.range = range
    }

    var dump: String {
        "(precision" + targets.map { " " + $0.dump }.joined() + (cap.map { " max \($0.dump)" } ?? "") + ")"
    }
}

/// A forecast metric as written.
public enum MetricSyntax: Hashable, Sendable {
    /// `p([named] release by DATE)`, or with `released` false `p(no [named] release by DATE)`
    case releaseProbability(by: Quantity, released: Bool, reading: ReleaseReading)
    /// `p(adoption at DATE above X)`
    case adoptionProbability(at: Quantity, Comparison, Quantity)
    case medianRelease(ReleaseReading)
    case meanRelease(ReleaseReading)
    /// `quantile P [named] release`
    case releaseQuantile(Quantity, ReleaseReading)
    /// `p(folded by DATE)`, or with `folded` false `p(not folded by DATE)` (model v2)
    case foldedProbability(by: Quantity, folded: Bool)
    /// `sector share in ...`, `installed share at ...` and their median,
    /// quantiles and probabilities (model v2)
    case sector(SectorWindowSyntax, SectorStatisticSyntax)
    /// `censored`: the share of trials that release after the horizon.
    case censored
    /// `adoption at DATE` (the mean)
    case adoptionMean(at: Quantity)
    /// `median adoption at DATE`
    case adoptionMedian(at: Quantity)
    /// `quantile P adoption at DATE`
    case adoptionQuantile(Quantity, at: Quantity)
}

/// A sector window as written: `share in YEAR`, `share in DATE to DATE`,
/// `installed share at DATE`, each optionally `by compute`.
public struct SectorWindowSyntax: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case share(Quantity, to: Quantity?)
        case installed(Quantity)
    }
    public var kind: Kind
    public var compute: Bool

    public init(_ kind: Kind, compute: Bool) {
        self.kind = kind
        self.compute = compute
    }
}

/// What is read of a sector window's distribution over the trials.
public enum SectorStatisticSyntax: Hashable, Sendable {
    case mean
    case median
    case quantile(Quantity)
    case probability(Comparison, Quantity)
}

/// The bound of an expectation as written.
public enum BoundSyntax: Hashable, Sendable {
    case between(Quantity, Quantity)
    /// `above X`, or with `by`, `above SCENARIO by X or more`.
    case above(Quantity, by: Quantity?)
    case below(Quantity, by: Quantity?)
    case before(Quantity)
    case after(Quantity)
    /// `later than SCENARIO [by D or more]`
    case laterThan(Name, by: Quantity?)
    /// `earlier than SCENARIO [by D or more]`
    case earlierThan(Name, by: Quantity?)
}

/// What `observe` states as known.
public enum ObservationSyntax: Hashable, Sendable {
    /// `observe release by DATE` / `observe no release by DATE`
    case release(by: Quantity, happened: Bool)
    /// `observe adoption at DATE (above|below) X`
    case adoption(at: Quantity, Comparison, Quantity)
    /// `observe export CHIP STATUS at DATE`
    case export(Name, ExportKind, at: Quantity)
    /// `observe event NAME [not] fired`
    case event(Name, fired: Bool)
    /// `observe [not] folded by DATE` (model v2)
    case folded(by: Quantity, happened: Bool)
}

/// Which observations `unobserve` drops.
public enum UnobserveSyntax: Hashable, Sendable {
    case last
    case all
    case number(Quantity)
}

/// Which trial `trace` tells the story of.
public enum TraceSyntax: Hashable, Sendable {
    /// `trace N`
    case trial(Quantity)
    /// `trace where release after DATE`
    case releaseAfter(Quantity)
    /// `trace where release before DATE`
    case releaseBefore(Quantity)
    /// `trace where no release`
    case noRelease
}

/// A text chart.
public enum Chart: String, Hashable, Sendable {
    /// `hist release`
    case releaseHistogram = "hist release"
    /// `cdf release`
    case releaseCDF = "cdf release"
    /// `fan adoption`
    case adoptionFan = "fan adoption"
    /// `hist named release` (model v2)
    case namedReleaseHistogram = "hist named release"
    /// `cdf named release` (model v2)
    case namedReleaseCDF = "cdf named release"
    /// `fan sector`: the sector's share by calendar year (model v2)
    case sectorFan = "fan sector"
    /// `tornado`
    case tornado
}

/// What `plot` draws to an SVG file.
public enum PlotKind: String, Hashable, Sendable, CaseIterable {
    case release, cdf, adoption, sensitivity, sector
}
