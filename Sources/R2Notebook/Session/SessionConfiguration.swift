import R2Engine
import R2Forecast

/// How a session runs and prints.
public struct SessionConfiguration: Sendable {
    /// Overrides of the scenarios' trial count and seed (`--trials`, `--seed`, `:set`).
    public var trials: Int?
    public var seed: UInt64?
    public var threads: Int
    /// Display style (colour, width) of the text outputs.
    public var style: Style
    /// Show a progress bar on standard error for long runs.
    public var showsProgress: Bool
    /// Polled between chunks of a run; true cancels it (Ctrl-C).
    public var isInterrupted: @Sendable () -> Bool
    /// Print each run's time (`:time`).
    public var showsTime: Bool
    /// `r2cast test --precision`: each expectation runs until it is decided
    /// (3 standard errors from its bound) or reaches this many trials.
    public var expectationCap: Int?

    public init(
        trials: Int? = nil, seed: UInt64? = nil, threads: Int = SimulationOptions.defaultThreads,
        style: Style = .plain, showsProgress: Bool = false,
        isInterrupted: @escaping @Sendable () -> Bool = { false }, showsTime: Bool = false
    ) {
        self.trials = trials
        self.seed = seed
        self.threads = threads
        self.style = style
        self.showsProgress = showsProgress
        self.isInterrupted = isInterrupted
        self.showsTime = showsTime
    }
}
