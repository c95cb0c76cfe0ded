import Foundation

/// The samplers of `Value`, written out so that a seed reproduces the same
/// draws on every Swift version (never `random(in:)`).
extension RandomStream {
    /// z of the standard normal's 95% quantile: `a to b` puts 5% below a, 5% above b.
    public static let z95 = 1.6448536269514722

    /// Standard normal by numerical inversion of its distribution function
    /// (`InverseTable`, u-error 1e-10) applied to one open uniform. One word
    /// per normal, no rejection, and a normal is a monotone function of its
    /// uniform.
    @usableFromInline package mutating func standardNormal() -> Double {
        InverseTable.standardNormal.function.sample(&self)
    }

    @inlinable
    public mutating func normal(mean: Double, sd: Double) -> Double {
        mean + sd * standardNormal()
    }

    /// exp(N(mu, sigma)), with the engine's own exponential (`Exponential`).
    public mutating func lognormal(mu: Double, sigma: Double) -> Double {
        Exponential.shared(mu + sigma * standardNormal())
    }

    /// Uniform on [low, high) (or (high, low] when high < low).
    @inlinable
    public mutating func uniform(low: Double, high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Gamma(alpha, 1) by Marsaglia and Tsang (2000); for alpha < 1,
    /// Gamma(alpha + 1) * U^(1/alpha). A shape that is not positive is
    /// raised to `minimumShape`.
    @inlinable
    package mutating func gamma(_ alpha: Double) -> Double {
        let a = alpha > Self.minimumShape ? alpha : Self.minimumShape
        if a < 1 {
            return marsagliaTsang(a + 1) * pow(uniformOpenZero(), 1 / a)
        }
        return marsagliaTsang(a)
    }

    /// log of a Gamma(alpha, 1) draw, accurate for small shapes where the
    /// draw itself underflows.
    @inlinable
    mutating func logGamma(_ alpha: Double) -> Double {
        let a = alpha > Self.minimumShape ? alpha : Self.minimumShape
        if a < 1 {
            return log(marsagliaTsang(a + 1)) + log(uniformOpenZero()) / a
        }
        return log(marsagliaTsang(a))
    }

    public static let minimumShape = 1e-6

    @inlinable
    mutating func marsagliaTsang(_ a: Double) -> Double {
        let d = a - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = standardNormal()
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = uniformOpenZero()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Beta(alpha, beta) as X / (X + Y) of two gamma draws (in log space when
    /// a shape is below 1, so tiny shapes do not give 0/0).
    @inlinable
    public mutating func beta(_ alpha: Double, _ beta: Double) -> Double {
        if alpha >= 1 && beta >= 1 {
            let x = gamma(alpha)
            let y = gamma(beta)
            return x / (x + y)
        }
        let lx = logGamma(alpha)
        let ly = logGamma(beta)
        return 1 / (1 + exp(ly - lx))
    }

    /// Triangular on [low, high] with the given mode, by inverse CDF. The mode
    /// is clamped into [low, high]; a degenerate range gives `low`.
    @inlinable
    public mutating func triangular(low: Double, mode: Double, high: Double) -> Double {
        guard high > low else { return low }
        let c = Swift.min(Swift.max(mode, low), high)
        let width = high - low
        let u = uniform()
        let fc = (c - low) / width
        if u < fc {
            return low + (u * width * (c - low)).squareRoot()
        }
        return high - ((1 - u) * width * (high - c)).squareRoot()
    }

    /// Beta-PERT (lambda = 4) on [low, high] with the given mode:
    /// low + (high - low) * Beta(1 + 4 (m - low)/(high - low), 1 + 4 (high - m)/(high - low)).
    @inlinable
    public mutating func pert(low: Double, mode: Double, high: Double) -> Double {
        guard high > low else { return low }
        let m = Swift.min(Swift.max(mode, low), high)
        let width = high - low
        let a = 1 + 4 * (m - low) / width
        let b = 1 + 4 * (high - m) / width
        return low + width * beta(a, b)
    }

    /// `a to b`: lognormal with log-quantiles ln a, ln b at 5% and 95% when
    /// both are > 0; otherwise normal with quantiles a and b.
    public mutating func interval90(_ a: Double, _ b: Double) -> Double {
        if a > 0 && b > 0 {
            let la = log(a)
            let lb = log(b)
            return Exponential.shared(0.5 * (la + lb) + (lb - la) / (2 * Self.z95) * standardNormal())
        }
        return 0.5 * (a + b) + (b - a) / (2 * Self.z95) * standardNormal()
    }

    /// The start of a whole month drawn uniformly among floor(from)...floor(to)
    /// (either order). NaN when a bound is not finite.
    @inlinable
    public mutating func monthWindow(from: Double, to: Double) -> Double {
        let lo = Swift.min(from, to).rounded(.down)
        let hi = Swift.max(from, to).rounded(.down)
        guard lo.isFinite, hi.isFinite, hi - lo < 0x1p52 else { return .nan }
        return lo + Double(bounded(UInt64(hi - lo) + 1))
    }

    /// K with P(K = k) = h^k (1 - h), by inversion: floor(ln U / ln h) with U
    /// on (0, 1]. h <= 0 gives 0 without a draw; h >= 1 gives +infinity.
    @inlinable
    package mutating func geometric(_ h: Double) -> Double {
        if !(h > 0) { return 0 }
        if h >= 1 { return .infinity }
        return (log(uniformOpenZero()) / log(h)).rounded(.down)
    }
}
