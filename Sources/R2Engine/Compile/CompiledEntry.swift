/// One timeline statement: where it writes, how its value is clamped, and
/// when it applies. Entries are stored in precedence order (scenario
/// statements in file order, then each event's changes, events in file order).
@usableFromInline
struct CompiledEntry: Sendable, Hashable {
    var stateSlot: Int32
    var clamp: Clamp
    /// The node of the value; -1 when the value is the fixed `fixedValue`.
    var valueNode: Int32
    var fixedValue: Double
    /// The node of the absolute month it applies from; -1 when none.
    var fromNode: Int32
    /// The event it belongs to; -1 for the scenario's own statements.
    var event: Int32
}
