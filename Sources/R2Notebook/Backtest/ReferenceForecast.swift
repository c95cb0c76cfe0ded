/// The naive forecast the model is scored against.
///
/// The default, `coinFlip`, says 50% to every binary question: the forecast
/// of someone who knows only that the question is open. It needs no
/// judgement, it is the same for every file (so the reference's scores do not
/// depend on the model or on which files were scored), and its scores are
/// the "no skill" line of both rules: Brier 0.25 and log ln 2 = 0.693,
/// whatever the outcome. A base rate would be a stronger reference, but the
/// evidence holds no reference class for it: there is no count of announced,
/// then delayed, flagship models that shipped under their announced name,
/// and the only sector figure known before the as-of dates (TrendForce, 37%
/// by units in 2024) measures the sector, not the lab (docs/BACKTEST.md).
public struct ReferenceForecast: Sendable {
    public var name: String
    /// What the reference is and why, in a sentence.
    public var summary: String
    public var probability: @Sendable (BacktestQuestion) -> Double

    public init(name: String, summary: String, probability: @escaping @Sendable (BacktestQuestion) -> Double) {
        self.name = name
        self.summary = summary
        self.probability = probability
    }

    /// 50% on every question.
    public static let coinFlip = ReferenceForecast(
        name: "coin flip",
        summary: "50% on every question (Brier 0.250, log 0.693 whatever the outcome)",
        probability: { _ in 0.5 })
}
