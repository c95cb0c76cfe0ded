import Foundation

/// The Gaussian copula's correlation matrix of a set of rank correlations
/// (spec/model-v2.md, section 5): P_ij = 2 sin(pi R_ij / 6), with R the
/// Spearman coefficients (1 on the diagonal, 0 where none is stated), and
/// its lower Cholesky factor.
public struct CorrelationMatrix: Sendable, Hashable {
    /// The correlated variables (indices into `Scenario.variables`), in the
    /// order of their first mention.
    public var variables: [Int]
    /// P, row-major, `variables.count` squared.
    public var pearson: [Double]
    /// C with C C^T = P, row-major and lower triangular; nil when P is not
    /// positive definite.
    public var cholesky: [Double]?

    public init(_ correlations: [Correlation]) {
        var variables: [Int] = []
        for c in correlations {
            for v in [c.first, c.second] where !variables.contains(v) { variables.append(v) }
        }
        let k = variables.count
        var p = [Double](repeating: 0, count: k * k)
        for i in 0..<k { p[i * k + i] = 1 }
        for c in correlations {
            let i = variables.firstIndex(of: c.first)!
            let j = variables.firstIndex(of: c.second)!
            let r = 2 * sin(Double.pi * c.coefficient / 6)
            p[i * k + j] = r
            p[j * k + i] = r
        }
        self.variables = variables
        self.pearson = p
        self.cholesky = Self.cholesky(p, k)
    }

    /// The lower Cholesky factor of the k x k matrix `a`, or nil when a
    /// pivot is not clearly positive (singular or indefinite).
    public static func cholesky(_ a: [Double], _ k: Int) -> [Double]? {
        var c = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0...i {
                var sum = a[i * k + j]
                for m in 0..<j { sum -= c[i * k + m] * c[j * k + m] }
                if i == j {
                    guard sum > 1e-10 else { return nil }
                    c[i * k + i] = sum.squareRoot()
                } else {
                    c[i * k + j] = sum / c[j * k + j]
                }
            }
        }
        return c
    }
}
