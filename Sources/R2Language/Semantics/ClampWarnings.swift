#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import R2Model

/// Warnings about values the engine will clamp: an uncertain input whose
/// distribution puts a noticeable share of its draws outside what its role
/// allows (a probability outside [0, 1], a negative amount). Constants and
/// written ranges outside the allowed values are errors (`Elaborator`);
/// these are the tails of unbounded distributions, which the engine clamps
/// (docs/MODEL.md), so the statement still applies.
enum ClampWarnings {
    /// Where the warnings of the statement being applied go (none outside
    /// `Workspace.step`).
    @TaskLocal static var sink: Sink?

    final class Sink: @unchecked Sendable {
        var failures: [Failure] = []
    }

    /// Shares below this are not worth a warning.
    static let threshold = 0.001

    static func report(_ failure: Failure) { sink?.failures.append(failure) }

    /// The share of draws of `value` below `low` or above `high`, for the
    /// unbounded distributions with constant parameters: `a to b` (lognormal
    /// when both ends are positive, else normal), `normal` and `lognormal`.
    /// Nil for anything else (bounded distributions are checked by their ends).
    static func shareOutside(_ value: Value, low: Double, high: Double) -> Double? {
        switch value {
        case .interval90(.constant(let a), .constant(let b)):
            let z = 1.6448536269514722
            if a > 0 && b > 0 {
                let mu = (log(a) + log(b)) / 2
                let sigma = (log(b) - log(a)) / (2 * z)
                return logNormalOutside(mu, sigma, low, high)
            }
            return normalOutside((a + b) / 2, (b - a) / (2 * z), low, high)
        case .normal(.constant(let mean), .constant(let sd)):
            return normalOutside(mean, sd, low, high)
        case .lognormal(.constant(let mu), .constant(let sigma)):
            return logNormalOutside(mu, sigma, low, high)
        default:
            return nil
        }
    }

    /// P(X < low) + P(X > high) for X normal.
    static func normalOutside(_ mean: Double, _ sd: Double, _ low: Double, _ high: Double) -> Double {
        guard sd > 0 else { return mean < low || mean > high ? 1 : 0 }
        let below = low.isFinite ? Phi((low - mean) / sd) : 0
        let above = high.isFinite ? Phi((mean - high) / sd) : 0
        return below + above
    }

    /// P(X < low) + P(X > high) for log X normal (X > 0).
    static func logNormalOutside(_ mu: Double, _ sigma: Double, _ low: Double, _ high: Double) -> Double {
        guard sigma > 0 else { return 0 }
        let above = high.isFinite && high > 0 ? Phi((mu - log(high)) / sigma) : 0
        let below = low > 0 ? Phi((log(low) - mu) / sigma) : 0
        return below + above
    }

    /// The standard normal distribution function.
    static func Phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }
}
