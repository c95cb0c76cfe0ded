/// A scenario, resolved and checked: every input of model v1
/// (spec/model-v1.md), with dates as absolute months. The language builds it;
/// the engine compiles it to flat arrays and simulates it.
public struct Scenario: Hashable, Sendable {
    public var name: String
    /// The scenario this one was derived from, if any.
    public var parent: String?
    public var clock: Clock
    public var trials: Int
    /// `trials to ±X`: the scenario's forecasts, metrics, quantiles and
    /// expectations run to this precision instead of `trials`.
    public var precision: Precision?
    public var seed: UInt64
    /// The date of knowledge the scenario represents, when it records one.
    /// Unless `flagshipShipped`, the forecast is conditioned on no flagship
    /// release before it (spec/model-v2.md, section 3).
    public var knownAsOf: CalendarDate?
    /// The scenario states that the flagship had shipped by `knownAsOf`:
    /// then the as-of date conditions nothing.
    public var flagshipShipped: Bool
    /// Where the `as of` statement stands, for diagnostics and `explain`.
    public var asOfProvenance: Provenance?
    /// `let`-bound quantities; `Value.variable(i)` refers to `variables[i]`,
    /// and a variable only refers to earlier ones.
    public var variables: [Variable]
    public var chips: [Chip]
    /// The scenario's own timeline statements, in file order.
    public var timeline: [TimelineEntry]
    public var r2: R2Programme
    public var events: [Event]
    /// Rank correlations between `let` inputs (a Gaussian copula, spec/model-v2.md section 5).
    public var correlations: [Correlation]

    public static let defaultTrials = 20_000
    public static let defaultSeed: UInt64 = 1
    /// The largest trial count one run accepts (use shards beyond it).
    public static let maximumTrials = 50_000_000
    /// The largest magnitude of a constant value: the engine computes in
    /// single precision, whose products of larger values overflow
    /// (docs/MODEL.md, "Precision").
    public static let largestValue = 1e30

    public init(name: String, clock: Clock) {
        self.name = name
        self.parent = nil
        self.clock = clock
        self.trials = Scenario.defaultTrials
        self.precision = nil
        self.seed = Scenario.defaultSeed
        self.knownAsOf = nil
        self.flagshipShipped = false
        self.asOfProvenance = nil
        self.variables = []
        self.chips = []
        self.timeline = []
        self.r2 = R2Programme()
        self.events = []
        self.correlations = []
    }

    /// The bound, in months after the clock's start, below which a flagship
    /// release is ruled out by the as-of date (r >= bound is kept); nil when
    /// the scenario states no date or says the flagship had shipped.
    public var asOfBound: Double? {
        guard let knownAsOf, !flagshipShipped else { return nil }
        return knownAsOf.continuousMonth - Double(clock.start)
    }

    public func chipIndex(named name: String) -> Int? {
        chips.firstIndex { $0.name == name }
    }
}

/// The simulated months: `start` and `end` are absolute months, inclusive.
public struct Clock: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    /// T, the number of monthly steps.
    public var steps: Int { end - start + 1 }
}

/// Where a statement came from and the evidence it cites, for `explain`.
public struct Provenance: Hashable, Sendable {
    /// `file:line` of the statement.
    public var location: String
    /// The statement's source text.
    public var text: String
    /// Evidence cards the statement cites (`cite seeds/...`).
    public var cites: [String]
    public init(location: String = "", text: String = "", cites: [String] = []) {
        self.location = location
        self.text = text
        self.cites = cites
    }
}

public struct Variable: Hashable, Sendable {
    public var name: String
    public var value: Value
    public var provenance: Provenance
    public init(name: String, value: Value, provenance: Provenance = Provenance()) {
        self.name = name
        self.value = value
        self.provenance = provenance
    }
}

public enum Origin: String, Hashable, Sendable {
    /// Subject to export rules.
    case foreign
    /// Subject to yields.
    case domestic
}

public struct Chip: Hashable, Sendable {
    public var name: String
    public var origin: Origin
    /// Units held at step 0.
    public var fleet: Value
    public var provenance: Provenance
    public var fleetProvenance: Provenance?
    /// Units installed in China at the clock's start (the sector's base, default 0).
    public var base: Value
    public var baseProvenance: Provenance?
    public init(name: String, origin: Origin, fleet: Value = .constant(0), provenance: Provenance = Provenance()) {
        self.name = name
        self.origin = origin
        self.fleet = fleet
        self.provenance = provenance
        self.fleetProvenance = nil
        self.base = .constant(0)
        self.baseProvenance = nil
    }
}

/// A chip input that can change over time (a timeline of its own).
public enum ChipInput: String, Hashable, Sendable, CaseIterable {
    /// Training throughput per unit relative to the reference chip (default 1).
    case perf
    /// Monthly probability of a fatal training failure on this chip (default 0).
    case fail
    /// Units ordered per month of a foreign chip (default 0).
    case buy
    /// Dies per month allocated of a domestic chip (default 0).
    case make
    /// Good-die fraction y0 at step 0 (default 1).
    case yieldStart
    /// Monthly rise g of the yield (default 0).
    case yieldGrowth
    /// Cap ymax of the yield (default 1).
    case yieldCap
    /// Units per month a foreign chip's vendor would deliver to the whole
    /// sector in China (default 0; model v2).
    case ship
    /// Dies per month of a domestic chip for the whole sector (default 0;
    /// model v2), distinct from the lab's `make`.
    case sectorMake

    public var defaultValue: Double {
        switch self {
        case .perf, .yieldStart, .yieldCap: return 1
        case .fail, .buy, .make, .yieldGrowth, .ship, .sectorMake: return 0
        }
    }

    /// The statement that sets it, as a user writes it (`yield ... rising`).
    public var statement: String {
        switch self {
        case .perf: return "perf"
        case .fail: return "fail"
        case .buy: return "buy"
        case .make: return "make"
        case .yieldStart: return "yield"
        case .yieldGrowth: return "yield rising"
        case .yieldCap: return "yield cap"
        case .ship: return "sector ship"
        case .sectorMake: return "sector make"
        }
    }

    /// True for the sector's inputs (model v2).
    package var isSector: Bool { self == .ship || self == .sectorMake }
}

public enum ExportStatus: Hashable, Sendable {
    case allowed
    /// An order is approved with probability p.
    case licensed(Value)
    case banned
}

public enum TimelineTarget: Hashable, Sendable {
    /// Government pressure level in [0, 1] (default 0).
    case pressure
    /// A foreign chip's export status (default allowed).
    case export(chip: Int)
    case chip(Int, ChipInput)
    /// A programme input of the R2 programme from a date (model v2).
    case programme(ProgrammeInput)
    /// The share of the sector's foreign purchases Beijing's guidance stops (model v2).
    case sectorPressure

    /// True for the targets model v2 added: their statements draw from
    /// streams of their own, so adding one never moves a v1 draw.
    public var isV2: Bool {
        switch self {
        case .pressure, .export: return false
        case .chip(_, let input): return input.isSector
        case .programme, .sectorPressure: return true
        }
    }
}

/// A programme input that can change over time (spec/model-v2.md, section 1).
public enum ProgrammeInput: String, Hashable, Sendable, CaseIterable {
    /// C, the compute training needs.
    case needs
    /// P, months of post-training.
    case post
    /// h, the probability a hold delays the release.
    case holdProbability
    /// H, the months each hold adds.
    case holdMonths
    /// rho, the probability a failure wipes all progress.
    case restart
    /// phi, the monthly probability of folding the programme into another line.
    case fold

    /// The statement that sets it, as a user writes it.
    public var statement: String {
        switch self {
        case .needs: return "r2 needs"
        case .post: return "r2 post"
        case .holdProbability: return "r2 hold (probability)"
        case .holdMonths: return "r2 hold (months)"
        case .restart: return "r2 restart"
        case .fold: return "r2 fold"
        }
    }
}

public enum TimelineSetting: Hashable, Sendable {
    case number(Value)
    case export(ExportStatus)
}

/// One statement of a timeline: from month `from` on, `target` is `setting`.
public struct TimelineEntry: Hashable, Sendable {
    public var target: TimelineTarget
    public var setting: TimelineSetting
    /// The absolute month (a date value) from which it applies; nil means
    /// from the clock's start, or, inside an event, from the event's month.
    public var from: Value?
    public var provenance: Provenance
    /// A part the statement leaves out, at its default (a `yield` without
    /// `rising` has growth 0 from its month): a constant that draws nothing,
    /// numbered apart so that no other statement's stream moves.
    public var isImplied = false
    public init(
        target: TimelineTarget, setting: TimelineSetting, from: Value? = nil, provenance: Provenance = Provenance(),
        isImplied: Bool = false
    ) {
        self.target = target
        self.setting = setting
        self.from = from
        self.provenance = provenance
        self.isImplied = isImplied
    }
}

/// Something that happens with probability `probability` in a month drawn
/// uniformly among the whole months of [windowStart, windowEnd], and then
/// changes timelines from that month on.
public struct Event: Hashable, Sendable {
    public var name: String
    public var probability: Value
    public var windowStart: Value
    public var windowEnd: Value
    /// Changes applied from the event's month (their `from` is nil).
    public var changes: [TimelineEntry]
    public var provenance: Provenance
    public init(
        name: String, probability: Value, windowStart: Value, windowEnd: Value, changes: [TimelineEntry],
        provenance: Provenance = Provenance()
    ) {
        self.name = name
        self.probability = probability
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.changes = changes
        self.provenance = provenance
    }
}

/// The R2 programme.
public struct R2Programme: Hashable, Sendable {
    /// The absolute month training starts (a date value); required.
    public var start: Value?
    /// C, compute needed in reference chip-months; required.
    public var needs: Value?
    /// P, months of post-training after training completes (default 0).
    public var post: Value = .constant(0)
    /// h, probability the release gate holds the release (default 0).
    public var holdProbability: Value = .constant(0)
    /// H, months each hold adds (default 0).
    public var holdMonths: Value = .constant(0)
    /// k, failures on a domestic chip before trying to move (nil: never).
    public var switchAfter: Value? = nil
    /// D, months a port stalls training (default 0).
    public var portMonths: Value = .constant(0)
    /// rho, probability a failure wipes all progress (default 0).
    public var restart: Value = .constant(0)
    /// phi, the monthly probability of folding into another product line
    /// (default 0; model v2).
    public var fold: Value = .constant(0)
    /// Provenance per field name ("start", "needs", "post", "hold", "switch", "restart", "fold").
    public var provenance: [String: Provenance] = [:]
    public init() {}
}

/// A rank correlation between two `let` inputs (model v2): the indices of
/// the variables and Spearman's coefficient in (-1, 1).
public struct Correlation: Hashable, Sendable {
    public var first: Int
    public var second: Int
    public var coefficient: Double
    public var provenance: Provenance
    public init(first: Int, second: Int, coefficient: Double, provenance: Provenance = Provenance()) {
        self.first = first
        self.second = second
        self.coefficient = coefficient
        self.provenance = provenance
    }
}
