import R2Forecast

/// One question asked of one forecast: the probability it gave and, when
/// the forecast was made before the question resolved, its scores.
public struct QuestionScore: Sendable {
    public var question: BacktestQuestion
    /// The forecast's probability with its Monte Carlo standard error; nil
    /// when the run cannot express the event (say, a date after its clock).
    public var probability: Estimate?
    /// Why the question is not scored, or nil when it is.
    public var unscoredReason: String?
    /// The reference forecast's probability.
    public var referenceProbability: Double

    public init(
        question: BacktestQuestion, probability: Estimate?, unscoredReason: String?, referenceProbability: Double
    ) {
        self.question = question
        self.probability = probability
        self.unscoredReason = unscoredReason
        self.referenceProbability = referenceProbability
    }

    public var isScored: Bool { unscoredReason == nil && probability != nil }

    /// The forecast's score under `rule`, when scored.
    public func score(_ rule: ScoringRule) -> Double? {
        guard isScored, let p = probability?.value else { return nil }
        return rule.score(p, outcome: question.outcome)
    }

    /// The reference forecast's score under `rule`, when scored.
    public func referenceScore(_ rule: ScoringRule) -> Double? {
        guard isScored else { return nil }
        return rule.score(referenceProbability, outcome: question.outcome)
    }
}
