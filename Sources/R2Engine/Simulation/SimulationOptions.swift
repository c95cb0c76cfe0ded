import Foundation
import R2Model

/// How to run a compiled scenario.
public struct SimulationOptions: Sendable {
    /// Number of trials, run as trials `firstTrial ..< firstTrial + trials`.
    public var trials: Int
    public var seed: UInt64
    /// Worker threads (>= 1); the result does not depend on it.
    public var threads: Int
    /// The first trial index, for shards: each trial keeps its usual streams.
    public var firstTrial: Int
    /// Rejection sampling: a trial violating any condition is excluded from
    /// every summary (its release is NaN).
    public var conditions: [Condition]
    /// Checked between chunks; when set, `run` throws `SimulationError.cancelled`.
    public var cancellation: CancellationFlag?
    /// Called on the calling thread, every few tens of milliseconds and once
    /// at the end, with the number of trials done so far.
    public var progress: (@Sendable (Int) -> Void)?
    /// Steps at which every trial's adoption A_t is kept (for paired
    /// comparisons); none by default, as it costs 8 bytes per trial and step.
    public var adoptionProbes: [Int]
    /// Sector windows computed for every trial besides the calendar years
    /// (model v2; ignored when the scenario has no sector).
    public var sectorWindows: [SectorWindow] = []

    public init(
        trials: Int, seed: UInt64, threads: Int = SimulationOptions.defaultThreads, firstTrial: Int = 0,
        conditions: [Condition] = [], cancellation: CancellationFlag? = nil,
        progress: (@Sendable (Int) -> Void)? = nil, adoptionProbes: [Int] = []
    ) {
        self.trials = trials
        self.seed = seed
        self.threads = threads
        self.firstTrial = firstTrial
        self.conditions = conditions
        self.cancellation = cancellation
        self.progress = progress
        self.adoptionProbes = adoptionProbes
    }

    /// The scenario's own trial count and seed.
    public init(for compiled: CompiledScenario, threads: Int = SimulationOptions.defaultThreads) {
        self.init(trials: compiled.scenarioTrials, seed: compiled.scenarioSeed, threads: threads)
    }

    /// The active processor count.
    public static var defaultThreads: Int { Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
