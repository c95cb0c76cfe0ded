/// One event: the nodes of its probability and window, and its own stream.
@usableFromInline
struct CompiledEvent: Sendable, Hashable {
    var probabilityNode: Int32
    var windowStartNode: Int32
    var windowEndNode: Int32
    /// The stream of its occurrence draw (word 0) and month draw (word 1).
    var stream: UInt32
}
