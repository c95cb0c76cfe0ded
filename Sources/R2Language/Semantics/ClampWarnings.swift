import R2Model

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Warnings about values the engine will clamp: an uncertain input whose
/// distribution puts a noticeable share of its draws outside what its role
/// allows (a probability outside [0, 1], a negative amount). Constants and
/// written ranges outside the allowed values are errors (`Elaborator`);
/// these are the tails of unbounded distributions, which the engine clamps
/// (docs/MODEL.md), so the statement still applies.
enum ClampWarnings {
    /// Where the warnings of the statement being applied go (none outside
    /// `Workspace.step`); the warnings of windows outside the clock
    /// (`DatedWindow`) go there too.
    @TaskLocal static var sink: Sink?

    final class Sink: @unchecked Sendable {
        var failures: [Failure] = []
        /// Warnings already tied to a file: about a window another
        /// statement wrote, perhaps in another file.
        var diagnostics: [Diagnostic] = []
    }

    /// The sampler of the workspace whose statement is being applied (none
    /// outside `Workspace.step`, or when the workspace has none).
    @TaskLocal static var sampler: TailSampler?

    /// Shares below this are not worth a warning.
    static let threshold = 0.001

    static func report(_ failure: Failure) { sink?.failures.append(failure) }

    static func report(_ diagnostic: Diagnostic) { sink?.diagnostics.append(diagnostic) }

    /// The share of draws of `value` below `low` or above `high`, for the
    /// unbounded distributions with constant parameters: `a to b` (lognormal
    /// when both ends are positive, else normal), `normal` and `lognormal`,
    /// and such a distribution shifted, scaled or negated by constants
    /// (`v3_compute * (1.5 to 8)`, `1 - normal(20%, 10%)`; `constant` gives
    /// the value of a subexpression without randomness, `let` names looked
    /// through). Nil for anything else (bounded distributions are checked
    /// by their ends, sums of distributions are not known in closed form).
    static func shareOutside(
        _ value: Value, low: Double, high: Double, constant: (Value) -> Double? = { $0.constantValue() },
        resolve: (Value) -> Value = { $0 }
    ) -> Double? {
        func inner(_ x: Value, _ l: Double, _ h: Double) -> Double? {
            guard !l.isNaN, !h.isNaN else { return nil }
            let (l, h) = l <= h ? (l, h) : (h, l)
            return shareOutside(resolve(x), low: l, high: h, constant: constant, resolve: resolve)
        }
        switch value {
        case .negate(let x):
            // -X outside [l, h] exactly when X is outside [-h, -l].
            return inner(x, -high, -low)
        case .binary(let op, let a, let b):
            let (ca, cb) = (constant(a), constant(b))
            switch (op, ca, cb) {
            case (.add, let c?, nil): return inner(b, low - c, high - c)
            case (.add, nil, let c?): return inner(a, low - c, high - c)
            case (.subtract, nil, let c?): return inner(a, low + c, high + c)
            case (.subtract, let c?, nil): return inner(b, c - high, c - low)
            case (.multiply, let c?, nil) where c != 0 && c.isFinite: return inner(b, low / c, high / c)
            case (.multiply, nil, let c?) where c != 0 && c.isFinite: return inner(a, low / c, high / c)
            case (.divide, nil, let c?) where c != 0 && c.isFinite: return inner(a, low * c, high * c)
            default: return nil
            }
        case .variable:
            return nil
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

    /// Bounds every draw of `value` stays within (infinite when unknown):
    /// each distribution's support (a lognormal's and a positive `a to b`'s
    /// is above 0, a normal's is everything, a bounded one's is between its
    /// ends) carried through arithmetic by interval arithmetic. A value
    /// whose support lies inside what its role allows is never clamped.
    static func support(
        _ value: Value, constant: (Value) -> Double? = { $0.constantValue() }, resolve: (Value) -> Value = { $0 }
    ) -> (Double, Double) {
        let everything = (-Double.infinity, Double.infinity)
        func of(_ x: Value) -> (Double, Double) { support(resolve(x), constant: constant, resolve: resolve) }
        func hull(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) {
            (Swift.min(a.0, b.0), Swift.max(a.1, b.1))
        }
        // A product's bound; 0 times an infinite bound is 0 (every draw is finite).
        func times(_ a: Double, _ b: Double) -> Double { a == 0 || b == 0 ? 0 : a * b }
        if let c = constant(value) { return c.isNaN ? everything : (c, c) }
        switch value {
        case .constant, .variable, .normal:
            return everything
        case .lognormal:
            return (0, .infinity)
        case .interval90(let low, let high):
            let (a, b) = (of(low), of(high))
            return a.0 > 0 && b.0 > 0 ? (0, .infinity) : everything
        case .beta:
            return (0, 1)
        case .uniform(let low, let high), .monthWindow(let low, let high), .triangular(let low, _, let high),
            .pert(let low, _, let high):
            return hull(of(low), of(high))
        case .mixture(let components, _):
            return components.map(of).reduce((Double.infinity, -Double.infinity), hull)
        case .negate(let x):
            let (a, b) = of(x)
            return (-b, -a)
        case .binary(let op, let x, let y):
            let (a, b) = of(x)
            let (c, d) = of(y)
            let result: (Double, Double)
            switch op {
            case .add: result = (a + c, b + d)
            case .subtract: result = (a - d, b - c)
            case .multiply:
                let p = [times(a, c), times(a, d), times(b, c), times(b, d)]
                result = (p.min()!, p.max()!)
            case .divide:
                if c > 0 || d < 0 {
                    let p = [a / c, a / d, b / c, b / d].map { $0.isNaN ? 0 : $0 }
                    result = (p.min()!, p.max()!)
                } else if c >= 0 && a >= 0 || d <= 0 && b <= 0 {
                    result = (0, .infinity)  // same signs: never negative
                } else if c >= 0 && b <= 0 || d <= 0 && a >= 0 {
                    result = (-.infinity, 0)
                } else {
                    result = everything
                }
            case .minimum: result = (Swift.min(a, c), Swift.min(b, d))
            case .maximum: result = (Swift.max(a, c), Swift.max(b, d))
            }
            return result.0.isNaN || result.1.isNaN ? everything : result
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
        // Every draw is above a bound of 0 or less (`-(1k to 8k)` as an amount).
        if high <= 0 { return 1 }
        let above = high.isFinite ? Phi((mu - log(high)) / sigma) : 0
        let below = low > 0 ? Phi((log(low) - mu) / sigma) : 0
        return below + above
    }

    /// The standard normal distribution function.
    static func Phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }
}
