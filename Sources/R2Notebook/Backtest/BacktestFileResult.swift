import R2Model

/// The backtest of one scenario file: its main scenario (the one current at
/// the end of the file), the run it was scored on, and every question's score.
public struct BacktestFileResult: Sendable {
    public var path: String
    /// The main scenario's name, its knowledge date, and the run's size and seed.
    public var scenario: String?
    public var knownAsOf: CalendarDate?
    public var trials: Int
    public var seed: UInt64
    /// Trials kept by the file's observations (all when there are none).
    public var accepted: Int
    public var scores: [QuestionScore]
    /// The continuous questions' scores (model v2).
    public var continuous: [ContinuousScore] = []
    public var adoption: AdoptionReading?
    /// Why the file could not be backtested, when it could not.
    public var error: String?

    public init(
        path: String, scenario: String? = nil, knownAsOf: CalendarDate? = nil, trials: Int = 0, seed: UInt64 = 0,
        accepted: Int = 0, scores: [QuestionScore] = [], adoption: AdoptionReading? = nil, error: String? = nil
    ) {
        self.path = path
        self.scenario = scenario
        self.knownAsOf = knownAsOf
        self.trials = trials
        self.seed = seed
        self.accepted = accepted
        self.scores = scores
        self.adoption = adoption
        self.error = error
    }

    /// The file's name without its folder.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Mean scores over the scored questions of the main reading (a model named R2).
    public var summary: ScoreSummary { ScoreSummary(scores.filter(\.question.reading.inMainReading)) }

    /// Mean scores over the scored questions of the alternative reading (the next flagship).
    public var alternativeSummary: ScoreSummary { ScoreSummary(scores.filter(\.question.reading.inAlternativeReading)) }
}
