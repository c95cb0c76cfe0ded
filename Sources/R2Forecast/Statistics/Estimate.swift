/// A Monte Carlo estimate with its standard error.
public struct Estimate: Hashable, Sendable {
    public var value: Double
    public var standardError: Double
    public init(_ value: Double, standardError: Double) {
        self.value = value
        self.standardError = standardError
    }

    /// A proportion k/n with its binomial standard error sqrt(p(1-p)/n).
    public static func proportion(_ k: Int, of n: Int) -> Estimate {
        guard n > 0 else { return Estimate(.nan, standardError: .nan) }
        let p = Double(k) / Double(n)
        return Estimate(p, standardError: (p * (1 - p) / Double(n)).squareRoot())
    }

    /// The difference of two estimates from independent samples.
    public func minus(independent other: Estimate) -> Estimate {
        Estimate(
            value - other.value,
            standardError: (standardError * standardError + other.standardError * other.standardError)
                .squareRoot())
    }

    /// The ranks (0-based, clamped to the sample) around the p-quantile of
    /// n sorted values that bound its order-statistic interval, n p -+
    /// sqrt(n p (1 - p)): half their spread is the quantile's standard error.
    public static func orderStatisticRanks(count n: Int, _ p: Double) -> (low: Int, high: Int) {
        let x = Double(n)
        let half = (x * p * (1 - p)).squareRoot()
        // Inside 0 ..< n at both ends: at p = 0 the upper rank was -1 (a
        // crash on `quantile 0% release`), at p = 1 the lower one n.
        return (
            Swift.min(n - 1, Swift.max(0, Int((x * p - half).rounded(.down)) - 1)),
            Swift.max(0, Swift.min(n - 1, Int((x * p + half).rounded(.up)) - 1))
        )
    }
}
