/// What happened to a foreign order or a domestic batch in one month.
public enum SupplyOutcome: String, Sendable, Hashable, Codable {
    /// A foreign order was approved and went through.
    case delivered
    /// Approved, then blocked by government pressure.
    case blocked
    /// A licence was refused this month.
    case refused
    /// The chip is banned from export.
    case banned
    /// Domestic dies produced at this month's yield.
    case produced
}
