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
}
