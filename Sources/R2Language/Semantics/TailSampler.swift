import R2Model

/// Estimates the share of a value's draws outside [low, high] by drawing
/// it, for the clamp warnings of values with no closed form (a product or
/// a sum of distributions). The language has no sampler of its own; the
/// notebook gives the engine's, so the draws are those a run makes.
///
/// Not part of a workspace's identity: any two samplers compare equal.
public struct TailSampler: Hashable, Sendable {
    /// How many draws an estimate takes (said in the warning).
    public let draws: Int
    /// The share of the draws of a value (with the scenario's `let`
    /// variables, which it may refer to) below `low` or above `high`, or
    /// nil when the value cannot be drawn on its own.
    public let estimate: @Sendable (_ value: Value, _ variables: [Variable], _ low: Double, _ high: Double) -> Double?

    public init(
        draws: Int,
        estimate:
            @escaping @Sendable (_ value: Value, _ variables: [Variable], _ low: Double, _ high: Double)
            -> Double?
    ) {
        self.draws = draws
        self.estimate = estimate
    }

    public static func == (_: TailSampler, _: TailSampler) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
