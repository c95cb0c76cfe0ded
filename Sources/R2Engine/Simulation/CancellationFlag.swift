import Synchronization

/// A flag another thread (a Ctrl-C handler) sets to stop a running
/// simulation; the run checks it between chunks and throws
/// `SimulationError.cancelled`.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public func reset() { flag.store(false, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
