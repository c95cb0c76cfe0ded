/// Every trial's adoption A_t at a few chosen steps, kept so that two
/// scenarios run with common random numbers can be compared trial by trial.
public struct AdoptionProbes: Sendable, Codable {
    /// The steps (0-based months of the clock), in the order asked.
    public var steps: [Int]
    /// Trial-major: trial i's A at `steps[j]` is `values[i * steps.count + j]`;
    /// NaN for a trial a condition rejected.
    public var values: [Double]

    public init(steps: [Int], values: [Double]) {
        self.steps = steps
        self.values = values
    }

    /// Trial i's adoption at `steps[j]`.
    public func value(trial i: Int, probe j: Int) -> Double { values[i * steps.count + j] }
}

extension AdoptionProbes: Equatable {
    /// Bitwise equality, so NaN marks compare equal.
    public static func == (a: AdoptionProbes, b: AdoptionProbes) -> Bool {
        a.steps == b.steps && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
