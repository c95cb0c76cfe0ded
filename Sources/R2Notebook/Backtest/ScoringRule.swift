import Foundation

/// A proper scoring rule for a binary question, oriented as a loss: lower is
/// better, 0 is a certain forecast that came true.
///
/// - Brier: (p - o)^2 with o = 1 when the event happened, 0 otherwise.
///   Ranges over [0, 1]; a 50% forecast always scores 0.25.
/// - Log: -ln p when the event happened, -ln(1 - p) when it did not, with p
///   clipped to [0.001, 0.999] first so that a Monte Carlo estimate of 0 or 1
///   costs at most -ln 0.001 = 6.91 instead of infinity. A 50% forecast
///   always scores ln 2 = 0.693.
///
/// Both are strictly proper: a forecaster whose belief is q minimises the
/// expected score only by reporting p = q (for Brier, E = q(1-p)^2 +
/// (1-q)p^2 has its minimum at p = q; for log, -q ln p - (1-q) ln(1-p)
/// likewise). Clipping keeps the log score proper for beliefs inside
/// [0.001, 0.999]; beyond them it only caps the cost of an estimate that no
/// trial contradicted.
public enum ScoringRule: String, Sendable, CaseIterable {
    case brier
    case log

    /// The bounds a probability is clipped to before the log score.
    public static let logClip: ClosedRange<Double> = 0.001...0.999

    /// The score of forecast `p` for an event whose outcome is `outcome`.
    public func score(_ p: Double, outcome: Bool) -> Double {
        switch self {
        case .brier:
            let o = outcome ? 1.0 : 0.0
            return (p - o) * (p - o)
        case .log:
            let q = Swift.min(Swift.max(p, Self.logClip.lowerBound), Self.logClip.upperBound)
            return -Foundation.log(outcome ? q : 1 - q)
        }
    }
}
