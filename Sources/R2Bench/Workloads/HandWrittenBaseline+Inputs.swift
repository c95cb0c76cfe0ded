import Foundation
import R2Engine

extension HandWrittenBaseline {
    /// A PERT distribution with fixed parameters, drawn by inversion from a
    /// table of its quantiles (4,096 cells, linear interpolation, one 32-bit
    /// word a draw): what a hand-written loop does for an input that never
    /// changes, as the engine does with its compile-time tables. Accurate to
    /// a benchmark's needs, not to the engine's 1e-10.
    struct Pert: @unchecked Sendable {
        static let cells = 4096

        let low: Double
        let width: Double
        /// Beta quantiles at k / cells, k = 0 ... cells; lives as long as the process.
        let quantiles: UnsafeMutablePointer<Double>

        init(low: Double, mode: Double, high: Double) {
            self.low = low
            width = high - low
            let a = 1 + 4 * (mode - low) / width
            let b = 1 + 4 * (high - mode) / width
            quantiles = .allocate(capacity: Pert.cells + 1)
            quantiles[0] = 0
            quantiles[Pert.cells] = 1
            let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
            var lower = 0.0
            for k in 1..<Pert.cells {
                let target = Double(k) / Double(Pert.cells)
                var lo = lower
                var hi = 1.0
                for _ in 0..<48 {
                    let mid = 0.5 * (lo + hi)
                    if Pert.regularizedBeta(mid, a, b, logBeta: logBeta) < target {
                        lo = mid
                    } else {
                        hi = mid
                    }
                }
                quantiles[k] = 0.5 * (lo + hi)
                lower = lo
            }
        }

        @inline(__always)
        func sample(_ r: inout RandomStream) -> Double {
            let v = Double(r.next32()) * (Double(Pert.cells) * 0x1p-32)
            let k = Int(v)
            let q0 = quantiles[k]
            return low + width * (q0 + (v - Double(k)) * (quantiles[k + 1] - q0))
        }

        /// I_x(a, b), by the continued fraction of Numerical Recipes (Lentz's method).
        static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double, logBeta: Double) -> Double {
            if x <= 0 { return 0 }
            if x >= 1 { return 1 }
            let front = exp(a * log(x) + b * log1p(-x) - logBeta)
            if x < (a + 1) / (a + b + 2) { return front * fraction(x, a, b) / a }
            return 1 - front * fraction(1 - x, b, a) / b
        }

        static func fraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
            let tiny = 1e-300
            func guarded(_ y: Double) -> Double { abs(y) < tiny ? tiny : y }
            var c = 1.0
            var d = 1 / guarded(1 - (a + b) * x / (a + 1))
            var h = d
            for m in 1...300 {
                let m = Double(m)
                let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
                d = 1 / guarded(1 + even * d)
                c = guarded(1 + even / c)
                h *= d * c
                let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                d = 1 / guarded(1 + odd * d)
                c = guarded(1 + odd / c)
                h *= d * c
                if abs(d * c - 1) < 1e-15 { break }
            }
            return h
        }
    }

    /// `a to b` with 0 < a < b: exp(mu + sigma Z), mu and sigma worked out once.
    struct Lognormal90: Sendable {
        let mu: Double
        let sigma: Double

        init(_ a: Double, _ b: Double) {
            mu = 0.5 * (log(a) + log(b))
            sigma = (log(b) - log(a)) / (2 * RandomStream.z95)
        }

        @inline(__always)
        func sample(_ r: inout RandomStream) -> Double {
            exp(mu + sigma * r.standardNormal())
        }
    }

    /// The baseline's distributions, worked out once per process (`prepare`).
    struct Inputs: Sendable {
        let chipFail = Pert(low: 0.005, mode: 0.015, high: 0.04)
        let h100Perf = Pert(low: 1.0, mode: 1.05, high: 1.2)
        let h20Perf = Pert(low: 0.12, mode: 0.18, high: 0.3)
        let h200Perf = Pert(low: 1.0, mode: 1.15, high: 1.4)
        let ascendPerf = Lognormal90(0.3, 0.6)
        let ascendFail = Pert(low: 0.25, mode: 0.45, high: 0.75)
        let ascendFail2026 = Pert(low: 0.10, mode: 0.25, high: 0.50)
        let h800Fleet = Lognormal90(2000, 10000)
        let h100Fleet = Lognormal90(2000, 8000)
        let h20Fleet = Lognormal90(5000, 30000)
        let ascendFleet = Lognormal90(500, 4000)
        let licence = Pert(low: 0.3, mode: 0.6, high: 0.9)
        let h20Buy = Lognormal90(1000, 4000)
        let h20BuyLate = Lognormal90(200, 1500)
        let h200Buy = Lognormal90(1000, 4000)
        let ascendOutput = Lognormal90(0.2e6, 0.8e6)
        let labShare = Pert(low: 0.005, mode: 0.015, high: 0.04)
        let yieldStart = Pert(low: 0.2, mode: 0.35, high: 0.5)
        let pressure0 = Pert(low: 0.05, mode: 0.15, high: 0.3)
        let pressure1 = Pert(low: 0.75, mode: 0.88, high: 0.98)
        let pressure2 = Pert(low: 0.4, mode: 0.6, high: 0.8)
        let pressure3 = Pert(low: 0.5, mode: 0.7, high: 0.9)
        let needsFactor = Lognormal90(1.5, 8)
        let months1to3 = Lognormal90(1, 3)
        let hold = Pert(low: 0.3, mode: 0.5, high: 0.75)
        let restart = Pert(low: 0.1, mode: 0.3, high: 0.6)
    }

    static let inputs = Inputs()

    /// Builds the tables (a fraction of a second), so that no timed run pays for them.
    public static func prepare() {
        _ = inputs
        var r = RandomStream(seed: 0, trial: 0, stream: 0)
        _ = r.standardNormal()  // the engine's normal table, built on first use
    }
}
