import ArgumentParser

@main
struct R2Cast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "r2cast",
        abstract: "Scenario forecasts of DeepSeek's R2 release and its move onto domestic chips.",
        version: "0.1.0",
        subcommands: [REPLCommand.self, RunCommand.self, TestCommand.self, BenchCommand.self, MergeCommand.self, BacktestCommand.self],
        defaultSubcommand: REPLCommand.self)
}

/// Options shared by every command that simulates.
struct SimulationFlags: ParsableArguments {
    @Option(help: "Trials per forecast (overrides the files' `trials`).")
    var trials: Int?

    @Option(help: "Random seed (overrides the files' `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads; results are identical for any count. Default: all cores.")
    var threads: Int?

    func validate() throws {
        if let trials, trials < 1 || trials > 50_000_000 {
            throw ValidationError("--trials must be between 1 and 50,000,000 (use shards beyond that), not \(trials)")
        }
        if let threads, threads < 1 || threads > 256 {
            throw ValidationError("--threads must be between 1 and 256, not \(threads)")
        }
    }
}
