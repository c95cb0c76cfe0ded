import Foundation
import R2Model

/// The correlated inputs of a scenario (spec/model-v2.md, section 5): per
/// trial, k standard normals e from the trial's copula stream, z = C e,
/// and input i = F_i^{-1}(Phi(z_i)) into its node (`LaneMachine+Copula`).
struct CompiledCopula: Sendable {
    /// The node each correlated input's value goes to.
    var nodes: [Int32]
    var marginals: [Marginal]
    /// The lower Cholesky factor, row-major.
    var cholesky: [Double]
    /// The tables the marginals' quantile functions point into, kept alive.
    var tables: [InverseTable] = []

    var count: Int { nodes.count }

}

/// A distribution of constant parameters, as the copula inverts it.
enum Marginal: Sendable {
    case constant(Double)
    case normal(mu: Double, sigma: Double)
    case lognormal(mu: Double, sigma: Double)
    case uniform(low: Double, high: Double)
    /// low + width X, X ~ Beta(a, b) (a beta, or a PERT's shapes).
    case beta(a: Double, b: Double, low: Double, width: Double, table: QuantileFunction?)
    case triangular(low: Double, mode: Double, high: Double)
    /// The first month whose cumulative probability reaches u, of `span`
    /// whole months from `low`.
    case monthWindow(low: Double, span: Double)
    /// Components with cumulative weights (the last is 1).
    indirect case mixture([Marginal], cumulative: [Double])

    /// Phi(z), the standard normal's distribution function.
    static func phi(_ z: Double) -> Double { 0.5 * erfc(-z * 0.5.squareRoot()) }

    /// The smallest x with F(x) >= u.
    func quantile(_ u: Double) -> Double {
        let u = Swift.min(Swift.max(u, 0x1p-60), 1 - 0x1p-53)
        switch self {
        case .constant(let c): return c
        case .normal(let mu, let sigma): return mu + sigma * RandomStream.normalQuantile(u)
        case .lognormal(let mu, let sigma): return exp(mu + sigma * RandomStream.normalQuantile(u))
        case .uniform(let low, let high): return low + (high - low) * u
        case .beta(let a, let b, let low, let width, let table):
            if let table { return low + width * table.quantile(u) }
            let lb = DistributionFunction.logBeta(a, b)
            return low + width * Self.bisect(u, 0, 1) { DistributionFunction.beta($0, a, b, logBeta: lb).lower }
        case .triangular(let low, let mode, let high):
            let w = high - low
            guard w > 0 else { return low }
            let c = (mode - low) / w
            if u < c { return low + (u * w * (mode - low)).squareRoot() }
            return high - ((1 - u) * w * (high - mode)).squareRoot()
        case .monthWindow(let low, let span):
            let k = Swift.min(Swift.max((u * span).rounded(.up) - 1, 0), span - 1)
            return low + k
        case .mixture(let components, _):
            let qs = components.map { $0.quantile(u) }
            return Self.bisect(u, qs.min()!, qs.max()!) { cdf($0) }
        }
    }

    /// F(x).
    func cdf(_ x: Double) -> Double {
        switch self {
        case .constant(let c): return x >= c ? 1 : 0
        case .normal(let mu, let sigma):
            return sigma > 0 ? Self.phi((x - mu) / sigma) : (x >= mu ? 1 : 0)
        case .lognormal(let mu, let sigma):
            guard x > 0 else { return 0 }
            return sigma > 0 ? Self.phi((log(x) - mu) / sigma) : (log(x) >= mu ? 1 : 0)
        case .uniform(let low, let high):
            guard high > low else { return x >= low ? 1 : 0 }
            return Swift.min(1, Swift.max(0, (x - low) / (high - low)))
        case .beta(let a, let b, let low, let width, _):
            guard width > 0 else { return x >= low ? 1 : 0 }
            return DistributionFunction.beta((x - low) / width, a, b, logBeta: DistributionFunction.logBeta(a, b)).lower
        case .triangular(let low, let mode, let high):
            if x <= low { return 0 }
            if x >= high { return 1 }
            let w = high - low
            if x <= mode { return (x - low) * (x - low) / (w * (mode - low)) }
            return 1 - (high - x) * (high - x) / (w * (high - mode))
        case .monthWindow(let low, let span):
            if x < low { return 0 }
            return Swift.min(1, ((x.rounded(.down) - low) + 1) / span)
        case .mixture(let components, let cumulative):
            var f = 0.0
            var previous = 0.0
            for (m, c) in zip(components, cumulative) {
                f += (c - previous) * m.cdf(x)
                previous = c
            }
            return f
        }
    }

    /// The smallest x in [lo, hi] with F(x) >= u, F non-decreasing, by
    /// bisection to the last bit.
    static func bisect(_ u: Double, _ lo: Double, _ hi: Double, _ f: (Double) -> Double) -> Double {
        var lo = lo
        var hi = hi
        if f(lo) >= u { return lo }
        for _ in 0..<200 {
            let mid = lo + (hi - lo) / 2
            if mid <= lo || mid >= hi { break }
            if f(mid) >= u { hi = mid } else { lo = mid }
        }
        return hi
    }
}
