import Synchronization

/// The counters the workers of one run share.
final class RunCoordination: Sendable {
    let nextChunk = Atomic<Int>(0)
    let trialsDone = Atomic<Int>(0)

    /// The release array under construction; each trial's slot is written by
    /// exactly one worker.
    struct ReleaseBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<Double>?
    }
}
