/// Mean scores of the model and of the reference over a set of scored
/// questions, and the skill scores 1 - model / reference.
public struct ScoreSummary: Sendable {
    public var count: Int
    public var brier: Double
    public var log: Double
    public var referenceBrier: Double
    public var referenceLog: Double

    /// Averages the scored questions among `scores` (every one, counted or not).
    public init(_ scores: some Sequence<QuestionScore>) {
        var n = 0
        var b = 0.0, l = 0.0, rb = 0.0, rl = 0.0
        for s in scores {
            guard let sb = s.score(.brier), let sl = s.score(.log),
                let xb = s.referenceScore(.brier), let xl = s.referenceScore(.log)
            else { continue }
            n += 1
            b += sb
            l += sl
            rb += xb
            rl += xl
        }
        let d = n > 0 ? Double(n) : .nan
        count = n
        brier = b / d
        log = l / d
        referenceBrier = rb / d
        referenceLog = rl / d
    }

    /// Brier skill score 1 - B / B_ref: 0 is no better than the reference,
    /// 1 perfect, negative worse than the reference.
    public var brierSkill: Double { referenceBrier > 0 ? 1 - brier / referenceBrier : .nan }

    /// The same for the log score.
    public var logSkill: Double { referenceLog > 0 ? 1 - log / referenceLog : .nan }
}
