import R2Model

/// An `observe` statement in force for one scenario.
public struct Observation: Hashable, Sendable {
    public var condition: Condition
    /// The statement as written, e.g. `observe no release by 2025-11`.
    public var text: String
}
