import Foundation

/// Distribution functions as pairs (F(x), 1 - F(x)), each accurate relative
/// to itself where it is small: what `InverseTable` is built from.
enum DistributionFunction {
    /// The standard normal: F(x) = erfc(-x / sqrt 2) / 2.
    static func normal(_ x: Double) -> (lower: Double, upper: Double) {
        (0.5 * erfc(-x * 0.5.squareRoot()), 0.5 * erfc(x * 0.5.squareRoot()))
    }

    /// Beta(a, b) on [0, 1]: the regularized incomplete beta function
    /// I_x(a, b), by its continued fraction (modified Lentz), on whichever
    /// side converges fast; `logBeta` is ln B(a, b).
    static func beta(_ x: Double, _ a: Double, _ b: Double, logBeta: Double) -> (lower: Double, upper: Double) {
        if !(x > 0) { return (0, 1) }
        if !(x < 1) { return (1, 0) }
        let front = exp(a * log(x) + b * log1p(-x) - logBeta)
        if x < (a + 1) / (a + b + 2) {
            let f = front * continuedFraction(a, b, x) / a
            return (f, 1 - f)
        }
        let s = front * continuedFraction(b, a, 1 - x) / b
        return (1 - s, s)
    }

    /// ln B(a, b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The continued fraction of I_x(a, b) (Numerical Recipes' betacf).
    static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for i in 1...1000 {
            let m = Double(i)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) <= 0x1p-53 { break }
        }
        return h
    }
}
