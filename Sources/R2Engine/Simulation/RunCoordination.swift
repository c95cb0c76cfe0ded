import Synchronization

/// The counters the workers of one run share.
final class RunCoordination: Sendable {
    let nextChunk = Atomic<Int>(0)
    let trialsDone = Atomic<Int>(0)

    /// A per-trial array under construction (the releases, the adoption
    /// probes); each trial's slots are written by exactly one worker.
    struct TrialBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<Double>?
    }

    /// A per-trial array of single-precision values (folds, sector windows).
    struct FloatBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<Float>?
    }

    /// A read-only list of steps the workers share.
    struct StepList: @unchecked Sendable {
        let base: UnsafeMutablePointer<Int>
    }
}
