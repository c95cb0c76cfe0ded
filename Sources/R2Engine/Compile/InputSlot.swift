import R2Model

/// One top-level input of a scenario: a `Value` sampled once per trial from
/// its own random stream, so pinning one input to a constant leaves every
/// other input's draws unchanged.
public struct InputSlot: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case variable(Int)
        case fleet(chip: Int)
        /// The value of a scenario timeline statement (a number or a licence probability).
        case timelineValue(entry: Int)
        case timelineFrom(entry: Int)
        case r2(R2Field)
        case eventProbability(event: Int)
        case eventWindowStart(event: Int)
        case eventWindowEnd(event: Int)
        case eventChangeValue(event: Int, change: Int)
        case eventChangeFrom(event: Int, change: Int)
        /// A chip's installed base in the sector (model v2).
        case base(chip: Int)
    }

    public enum R2Field: Int, Sendable, Hashable, CaseIterable {
        case start, needs, post, holdProbability, holdMonths, switchAfter, portMonths, restart
        /// phi (model v2): a slot only in scenarios that fold.
        case fold

        /// The clamp the engine applies to the field (nil: a date, or the
        /// switch count, which is rounded and at least 1).
        var clamp: Clamp? {
            switch self {
            case .needs, .post, .holdMonths, .portMonths: return .nonNegative
            case .holdProbability, .restart, .fold: return .probability
            case .start, .switchAfter: return nil
            }
        }

        public var name: String {
            switch self {
            case .start: return "start"
            case .needs: return "needs"
            case .post: return "post"
            case .holdProbability: return "hold probability"
            case .holdMonths: return "hold months"
            case .switchAfter: return "switch after"
            case .portMonths: return "port months"
            case .restart: return "restart"
            case .fold: return "fold"
            }
        }
    }

    public var kind: Kind
    /// A short human label (`fleet h800`, `r2 needs`, `event reban probability`).
    public var label: String
    /// The Philox stream id its draws come from (see docs/MODEL.md).
    public var stream: UInt32
    /// False when the value involves no distribution (then it is folded at compile time).
    public var isRandom: Bool
    /// The clamp the engine applies to this input's draws where it is used
    /// (docs/MODEL.md, "Inputs and their defaults"); nil when it is used as
    /// drawn: a `let` (clamped in each place it is used), a date, the
    /// switch count (rounded).
    var clamp: Clamp?
    /// The values the clamp leaves as they are (nil: all but NaN, or no clamp).
    public var allowed: ClosedRange<Double>? { clamp?.allowed }
    /// A draw as the engine uses it: clamped (NaN made 0) where it is.
    public func used(_ x: Double) -> Double { clamp?.apply(x) ?? x }
    /// Index of its value among the compiled nodes.
    @usableFromInline var node: Int32
    @usableFromInline var programStart: Int32
    @usableFromInline var programEnd: Int32
}
