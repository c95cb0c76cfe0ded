import Foundation
import Numerics
import Testing

@testable import R2Engine

/// The numerical inversion tables: u-error within tolerance, against
/// distribution functions checked on their own.
@Suite("Inverse tables")
struct InverseTableTests {
    /// The largest |F(Q(u)) - u| over `n` uniforms spread over (0, 1) and
    /// into both tails (F and 1 - F compared on the side that is small).
    static func largestUError(
        _ table: InverseTable, _ cdf: (Double) -> (lower: Double, upper: Double), n: Int = 20_000
    ) -> Double {
        var worst = 0.0
        var rng = RandomStream(seed: 99, trial: 0, stream: 1)
        for i in 0..<n {
            var u = rng.uniformOpen()
            // A quarter of the points deep in a tail: u = 2^-k.
            if i % 4 == 0 { u = exp2(-Double(1 + i % 50)) }
            if i % 4 == 1 { u = 1 - exp2(-Double(1 + i % 50)) }
            let f = cdf(table.quantile(u))
            let error = u < 0.5 ? abs(f.lower - u) : abs(f.upper - (1 - u))
            worst = Swift.max(worst, error)
        }
        return worst
    }

    @Test(arguments: [
        (1.0, 1.0), (1.0, 5.0), (5.0, 1.0), (2.0, 4.0), (1.2857142857142858, 4.714285714285714),
        (2.6, 2.4), (1.0000001, 3.0), (4.99, 1.01), (3.0, 3.0),
    ])
    func betaTablesMeetTheTolerance(a: Double, b: Double) throws {
        let table = try #require(InverseTable.beta(a, b))
        let logBeta = DistributionFunction.logBeta(a, b)
        let error = Self.largestUError(table) { DistributionFunction.beta($0, a, b, logBeta: logBeta) }
        // The tolerance, plus the folded tails.
        #expect(error <= InverseTable.tolerance + InverseTable.tailCut)
        #expect(table.count < 400)
    }

    @Test func normalTableMeetsTheTolerance() {
        let table = InverseTable.standardNormal
        let error = Self.largestUError(table, DistributionFunction.normal)
        #expect(error <= InverseTable.tolerance + InverseTable.tailCut)
        // A u-error of 1e-10 is a z-error of 1e-10 / phi(z).
        #expect(table.quantile(0.5).magnitude < 1e-9)
        #expect(table.quantile(0.975).isApproximatelyEqual(to: 1.959963984540054, absoluteTolerance: 1e-8))
    }

    @Test func betaDistributionFunctionMatchesClosedForms() {
        // I_x(2, 4) = 1 - (1 - x)^4 (1 + 4x); I_x(1, b) = 1 - (1 - x)^b.
        let lb24 = DistributionFunction.logBeta(2, 4)
        let lb13 = DistributionFunction.logBeta(1, 3)
        for x in stride(from: 0.01, to: 1.0, by: 0.01) {
            let f = DistributionFunction.beta(x, 2, 4, logBeta: lb24)
            let exact = pow(1 - x, 4) * (1 + 4 * x)
            #expect(f.upper.isApproximatelyEqual(to: exact, relativeTolerance: 1e-13))
            #expect((f.lower + f.upper).isApproximatelyEqual(to: 1, relativeTolerance: 1e-15))
            let g = DistributionFunction.beta(x, 1, 3, logBeta: lb13)
            #expect(g.upper.isApproximatelyEqual(to: pow(1 - x, 3), relativeTolerance: 1e-13))
        }
    }

    @Test func exponentialIsWithinTwoUlps() {
        var rng = RandomStream(seed: 7, trial: 0, stream: 0)
        for i in 0..<100_000 {
            let x = i < 1000 ? Double(i - 500) * 1.4 : (rng.uniform() - 0.5) * 60
            let exact = exp(x)
            #expect(abs(Exponential.shared(x) - exact) <= 2 * exact.ulp, "\(x)")
        }
        #expect(Exponential.shared(800) == .infinity)
        #expect(Exponential.shared(-800) == 0)
        #expect(Exponential.shared(.nan).isNaN)
    }

    @Test func shapesBelowOneHaveNoTable() {
        #expect(InverseTable.beta(0.5, 2) == nil)
        #expect(InverseTable.beta(2, 0.99) == nil)
    }
}
