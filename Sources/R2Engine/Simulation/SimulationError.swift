/// Why a run (or a merge) did not produce a result.
public enum SimulationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The options are out of range (threads < 1, too many trials, ...).
    case invalidOptions(String)
    /// A condition names a chip, event or month the scenario does not have.
    case invalidCondition(String)
    /// Results that are not contiguous shards of one run.
    case incompatibleShards(String)
    /// The cancellation flag was set.
    case cancelled

    public var description: String {
        switch self {
        case .invalidOptions(let m): return "invalid options: \(m)"
        case .invalidCondition(let m): return "invalid condition: \(m)"
        case .incompatibleShards(let m): return "cannot merge: \(m)"
        case .cancelled: return "cancelled"
        }
    }
}
