import R2Model

/// A question asked of every forecast in a backtest: an event with the date
/// it was settled, the outcome observed later, and where that outcome comes from.
public struct BacktestQuestion: Hashable, Sendable {
    /// A short identifier for tables and JSON (`no-r2-2025`).
    public var id: String
    /// The question in plain words.
    public var text: String
    /// The event whose probability a forecast gives.
    public var event: BacktestEvent
    /// The date the outcome was settled: a forecast is scored only when its
    /// knowledge date (`as of`) comes strictly before it.
    public var resolvesOn: CalendarDate
    /// Whether the event happened.
    public var outcome: Bool
    /// The date of the latest source that reports the outcome.
    public var observedOn: CalendarDate
    /// The evidence cards (seeds/...) and other sources behind the outcome.
    public var sources: [String]
    /// How far to trust the outcome, and what it stands for.
    public var caveat: String
    /// Which reading of "R2" the question belongs to.
    public var reading: QuestionReading
    /// The date from which the outcome could be known, when later than the
    /// resolution (a year's sector share is known when it is published): a
    /// forecast is scored only when made before it. Nil: `resolvesOn`.
    public var knowableOn: CalendarDate?

    public init(
        id: String, text: String, event: BacktestEvent, resolvesOn: CalendarDate, outcome: Bool,
        observedOn: CalendarDate, sources: [String], caveat: String, reading: QuestionReading = .any,
        knowableOn: CalendarDate? = nil
    ) {
        self.knowableOn = knowableOn
        self.id = id
        self.text = text
        self.event = event
        self.resolvesOn = resolvesOn
        self.outcome = outcome
        self.observedOn = observedOn
        self.sources = sources
        self.caveat = caveat
        self.reading = reading
    }

    /// Whether the question counts in the main means.
    public var counted: Bool { reading.inMainReading }

    /// Whether a forecast known as of `knownAsOf` is scored on this question:
    /// only when its knowledge ends strictly before the question's
    /// resolution, or before the outcome's publication for a figure published
    /// later (each date taken at its end: `2025-12` is the end of December).
    /// A forecast without a knowledge date is never scored.
    public func isScored(knownAsOf: CalendarDate?) -> Bool {
        guard let knownAsOf else { return false }
        return knownAsOf.backtestEnd < (knowableOn ?? resolvesOn).backtestEnd
    }
}
