import Foundation
import R2Model
import Testing

@testable import R2Engine

/// Each sampler's mean and variance against the known values, within 4
/// standard errors (n = 200k, one fresh stream per draw as in the engine;
/// SE of the mean from the known variance, SE of the variance from the
/// known 4th central moment).
@Suite("Samplers")
struct SamplerTests {
    static let n = 200_000

    static func draws(_ f: (inout RandomStream) -> Double) -> [Double] {
        (0..<n).map { i in
            var rng = RandomStream(seed: 2024, trial: UInt64(i), stream: 11)
            return f(&rng)
        }
    }

    /// Raw moments E[X^k], k = 1...4.
    static func check(_ xs: [Double], raw r: [Double]) -> Bool {
        let mean = r[0]
        let variance = r[1] - mean * mean
        return Moments(xs).matches(
            mean: mean, variance: variance, centralMoment4: Moments.central4(r[0], r[1], r[2], r[3]))
    }

    static func normalRaw(_ m: Double, _ s: Double) -> [Double] {
        [m, m * m + s * s, m * m * m + 3 * m * s * s, pow(m, 4) + 6 * m * m * s * s + 3 * pow(s, 4)]
    }

    static func lognormalRaw(_ mu: Double, _ sigma: Double) -> [Double] {
        (1...4).map { k in exp(Double(k) * mu + Double(k * k) * sigma * sigma / 2) }
    }

    static func betaRaw(_ a: Double, _ b: Double) -> [Double] {
        (1...4).map { k in (0..<k).reduce(1.0) { $0 * (a + Double($1)) / (a + b + Double($1)) } }
    }

    /// Raw moments of low + width * X from those of X.
    static func affineRaw(_ x: [Double], low: Double, width: Double) -> [Double] {
        let m = [1.0] + x
        func binomial(_ n: Int, _ k: Int) -> Double {
            (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) }
        }
        return (1...4).map { k in
            (0...k).reduce(0.0) { acc, j in
                acc + binomial(k, j) * pow(width, Double(j)) * m[j] * pow(low, Double(k - j))
            }
        }
    }

    /// Raw moments of a density on [a, b] by Simpson's rule (20k panels).
    static func integratedRaw(_ a: Double, _ b: Double, _ pdf: (Double) -> Double) -> [Double] {
        let panels = 20_000
        let h = (b - a) / Double(panels)
        return (1...4).map { k in
            var sum = 0.0
            for i in 0...panels {
                let x = a + Double(i) * h
                let w: Double = (i == 0 || i == panels) ? 1 : (i % 2 == 1 ? 4 : 2)
                sum += w * pow(x, Double(k)) * pdf(x)
            }
            return sum * h / 3
        }
    }

    @Test func normal() {
        let xs = Self.draws { $0.normal(mean: 3, sd: 2) }
        #expect(Self.check(xs, raw: Self.normalRaw(3, 2)))
    }

    @Test func lognormal() {
        let xs = Self.draws { $0.lognormal(mu: 0.5, sigma: 0.4) }
        #expect(Self.check(xs, raw: Self.lognormalRaw(0.5, 0.4)))
    }

    @Test func uniform() {
        // E[X^k] = (5^(k+1) - 2^(k+1)) / (3 (k+1)).
        let raw: [Double] = (1...4).map { (k: Int) -> Double in
            let e = Double(k + 1)
            return (pow(5.0, e) - pow(2.0, e)) / (3 * e)
        }
        let xs = Self.draws { $0.uniform(low: 2, high: 5) }
        #expect(Self.check(xs, raw: raw))
    }

    @Test(arguments: [(2.0, 5.0), (0.5, 0.5), (0.3, 3.0)])
    func beta(a: Double, b: Double) {
        let xs = Self.draws { $0.beta(a, b) }
        #expect(Self.check(xs, raw: Self.betaRaw(a, b)))
    }

    @Test func triangular() {
        let (a, c, b) = (1.0, 2.0, 5.0)
        let raw = Self.integratedRaw(a, b) { x in
            x < c ? 2 * (x - a) / ((b - a) * (c - a)) : 2 * (b - x) / ((b - a) * (b - c))
        }
        let xs = Self.draws { $0.triangular(low: a, mode: c, high: b) }
        #expect(Self.check(xs, raw: raw))
    }

    @Test func pert() {
        // PERT(1, 2, 5) = 1 + 4 Beta(2, 4).
        let raw = Self.affineRaw(Self.betaRaw(2, 4), low: 1, width: 4)
        let xs = Self.draws { $0.pert(low: 1, mode: 2, high: 5) }
        #expect(Self.check(xs, raw: raw))
    }

    /// A PERT or beta with constant parameters is compiled to a table of its
    /// quantile function (`InverseTable`): the same moments, within 4 SE.
    @Test func pertAndBetaByInversion() throws {
        var s = Fixtures.scenario()
        s.variables = [
            Variable(name: "p", value: .pert(low: .constant(1), mode: .constant(2), high: .constant(5))),
            Variable(name: "b", value: .beta(alpha: .constant(2), beta: .constant(5))),
        ]
        let c = try Engine.compile(s)
        #expect(c.tables.count == 2)
        let p = Engine.inputSamples(c, seed: 4, slot: 0, trials: 0..<Self.n)
        #expect(Self.check(p, raw: Self.affineRaw(Self.betaRaw(2, 4), low: 1, width: 4)))
        #expect(p.allSatisfy { $0 > 1 && $0 < 5 })
        let b = Engine.inputSamples(c, seed: 4, slot: 1, trials: 0..<Self.n)
        #expect(Self.check(b, raw: Self.betaRaw(2, 5)))
    }

    @Test func interval90Lognormal() {
        let mu = (log(2.0) + log(8.0)) / 2
        let sigma = (log(8.0) - log(2.0)) / (2 * RandomStream.z95)
        let xs = Self.draws { $0.interval90(2, 8) }
        #expect(Self.check(xs, raw: Self.lognormalRaw(mu, sigma)))
        Self.expectTails(xs, low: 2, high: 8)
    }

    @Test func interval90Normal() {
        let xs = Self.draws { $0.interval90(-1, 3) }
        #expect(Self.check(xs, raw: Self.normalRaw(1, 4 / (2 * RandomStream.z95))))
        Self.expectTails(xs, low: -1, high: 3)
    }

    /// 5% below a and 5% above b, each within 4 SE (sqrt(0.05 * 0.95 / n)).
    static func expectTails(_ xs: [Double], low: Double, high: Double) {
        let n = Double(xs.count)
        let se = (0.05 * 0.95 / n).squareRoot()
        let below = Double(xs.count { $0 < low }) / n
        let above = Double(xs.count { $0 > high }) / n
        #expect(abs(below - 0.05) <= 4 * se)
        #expect(abs(above - 0.05) <= 4 * se)
    }

    /// `a to b` through the compiler (constant bounds folded into the
    /// lognormal's parameters, drawn in lanes) has the runtime sampler's
    /// distribution (drawn lane by lane in double precision): 5% below a
    /// and 5% above b for both.
    @Test func interval90FoldedMatchesRuntime() throws {
        var s = Fixtures.scenario()
        s.variables = [
            Variable(name: "folded", value: .interval90(low: .constant(2), high: .constant(8))),
            Variable(
                name: "unfolded",
                value: .interval90(low: .uniform(low: .constant(2), high: .constant(2)), high: .constant(8))),
        ]
        let c = try Engine.compile(s)
        let folded = Engine.inputSamples(c, seed: 9, slot: 0, trials: 0..<2000)
        Self.expectTails(folded, low: 2, high: 8)
        let unfolded = Engine.inputSamples(c, seed: 9, slot: 1, trials: 0..<2000)
        Self.expectTails(unfolded, low: 2, high: 8)
    }

    @Test func mixture() throws {
        // 1/4 N(0, 1) + 3/4 N(5, 2), through the compiled program.
        var s = Fixtures.scenario()
        s.variables = [
            Variable(
                name: "m",
                value: .mixture(
                    components: [
                        .normal(mean: .constant(0), sd: .constant(1)),
                        .normal(mean: .constant(5), sd: .constant(2)),
                    ], weights: [1, 3]))
        ]
        let xs = Engine.inputSamples(try Engine.compile(s), seed: 5, slot: 0, trials: 0..<Self.n)
        let a = Self.normalRaw(0, 1)
        let b = Self.normalRaw(5, 2)
        #expect(Self.check(xs, raw: (0..<4).map { 0.25 * a[$0] + 0.75 * b[$0] }))
    }

    @Test func monthWindowIsUniformOverWholeMonths() {
        // 2025-10-15 to 2026-06-20: the nine months Oct ... Jun, each 1/9,
        // every draw the start of its month.
        let from = Fixtures.month(2025, 10) + 14.0 / 31
        let to = Fixtures.month(2026, 6) + 19.0 / 30
        let xs = Self.draws { $0.monthWindow(from: from, to: to) }
        #expect(xs.allSatisfy { $0 == $0.rounded(.down) })
        let first = Fixtures.month(2025, 10)
        let se = (1.0 / 9 * 8 / 9 / Double(Self.n)).squareRoot()
        for k in 0..<9 {
            let share = Double(xs.count { $0 == first + Double(k) }) / Double(Self.n)
            #expect(abs(share - 1.0 / 9) <= 4 * se)
        }
        #expect(xs.allSatisfy { $0 >= first && $0 <= first + 8 })
    }

    @Test func geometricHolds() {
        // P(K = k) = h^k (1 - h): mean h/(1-h), variance h/(1-h)^2.
        let h = 0.4
        let xs = Self.draws { $0.geometric(h) }
        let mean = h / (1 - h)
        let variance = h / ((1 - h) * (1 - h))
        let se = (variance / Double(Self.n)).squareRoot()
        #expect(abs(Moments(xs).mean - mean) <= 4 * se)
    }
}
