import R2Model

/// A value typed at the prompt: what it computes, of which kind, and its
/// value when it holds no distribution.
public struct ValueQuery: Hashable, Sendable {
    public var value: Value
    public var dimension: Dimension
    /// The value when it is known exactly.
    public var constant: Double?
    /// `mean EXPR`: only the mean is shown.
    public var meanOnly: Bool
}
