import R2Model

/// One statement of the language, as parsed.
public enum Statement: Hashable, Sendable {
    /// `scenario NAME [from PARENT]`
    case scenario(Name, parent: Name?)
    /// `use NAME`
    case use(Name)
    /// `as of DATE [flagship shipped]`
    case asOf(Quantity, flagshipShipped: Bool)
    /// `clock DATE to DATE`
    case clock(Quantity, Quantity)
    /// `trials COUNT`
    case trials(Quantity)
    /// `trials to ±X {, ±X} [max COUNT]`: the scenario's queries run to a precision.
    case trialsToPrecision(PrecisionSyntax)
    /// `seed INTEGER`
    case seed(Quantity)
    /// `let NAME = quantity`
    case letBinding(Name, Quantity)
    /// `chip NAME (foreign|domestic) [perf Q] [fail Q]`
    case chip(Name, Origin, perf: Quantity?, fail: Quantity?)
    /// `perf CHIP Q [from DATE]` and `fail CHIP Q [from DATE]`
    case chipInput(ChipInput, chip: Name, Quantity, from: Quantity?)
    /// `fleet CHIP Q`
    case fleet(Name, Quantity)
    /// `buy CHIP Q [per month] [from DATE]`
    case buy(Name, Quantity, from: Quantity?)
    /// `make CHIP Q [per month] [yield ...] [from DATE]`
    case make(Name, Quantity, yield: YieldSyntax?, from: Quantity?)
    /// `yield CHIP Y [rising G] [to CAP] [from DATE]`
    case yield(Name, YieldSyntax, from: Quantity?)
    /// `export CHIP (allowed | licensed P | banned) [from DATE]`
    case export(Name, ExportSyntax, from: Quantity?)
    /// `pressure P [from DATE]`
    case pressure(Quantity, from: Quantity?)
    /// `r2 CLAUSE {CLAUSE} [from DATE]`
    case r2([R2Clause], from: Quantity?)
    /// `sector ship|make|pressure|base ...` (model v2)
    case sector(SectorSyntax, from: Quantity?)
    /// `correlate NAME, NAME COEFFICIENT` (model v2)
    case correlate(Name, Name, Quantity)
    /// `event NAME P WINDOW: STMT {; STMT}`
    case event(Name, probability: Quantity, window: EventWindowSyntax, changes: [ParsedStatement])
    /// A query or a later statement (`forecast`, `expect`, `observe`, ...).
    case query(QuerySyntax)
    /// `include PATH`: another file's definitions, evaluated in place. The
    /// path is kept as written, with its range for diagnostics and `:save`.
    case include(Citation)
}

/// A sector statement (model v2).
public enum SectorSyntax: Hashable, Sendable {
    /// `sector ship CHIP Q [per month]`
    case ship(Name, Quantity)
    /// `sector make CHIP Q [per month]`
    case make(Name, Quantity)
    /// `sector pressure P`
    case pressure(Quantity)
    /// `sector base CHIP Q`
    case base(Name, Quantity)
}

/// The yield clause of `make` and `yield`: `Y [rising G [per month]] [to CAP]`.
public struct YieldSyntax: Hashable, Sendable {
    public var start: Quantity
    public var growth: Quantity?
    public var cap: Quantity?

    public init(start: Quantity, growth: Quantity? = nil, cap: Quantity? = nil) {
        self.start = start
        self.growth = growth
        self.cap = cap
    }
}

/// An export status as written.
public enum ExportSyntax: Hashable, Sendable {
    case allowed
    case licensed(Quantity)
    case banned
}

/// The date window of an event.
public enum EventWindowSyntax: Hashable, Sendable {
    /// `between A and B`
    case between(Quantity, Quantity)
    /// `at DATE`
    case at(Quantity)
    /// `in DATE`
    case inMonth(Quantity)
}

/// One clause of an `r2` statement, with the range from its keyword on.
public struct R2Clause: Hashable, Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public enum Kind: Hashable, Sendable {
        /// `start DATE`
        case start(Quantity)
        /// `needs Q [chip-months]`
        case needs(Quantity)
        /// `post D`
        case post(Quantity)
        /// `hold P for D`
        case hold(Quantity, for: Quantity)
        /// `switch after K failures [port D]`
        case switchAfter(Quantity, port: Quantity?)
        /// `switch never`
        case switchNever
        /// `restart P`
        case restart(Quantity)
        /// `fold P [per month]` (model v2)
        case fold(Quantity)

        /// The field name used for provenance and duplicate checks.
        var field: String {
            switch self {
            case .start: return "start"
            case .needs: return "needs"
            case .post: return "post"
            case .hold: return "hold"
            case .switchAfter, .switchNever: return "switch"
            case .restart: return "restart"
            case .fold: return "fold"
            }
        }
    }
}
