import ArgumentParser
import R2Forecast
import R2Model
import R2Notebook

@main
struct R2Cast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "r2cast",
        abstract: "Scenario forecasts of DeepSeek's R2 release and its move onto domestic chips.",
        version: "0.1.0",
        subcommands: [
            REPLCommand.self, RunCommand.self, TestCommand.self, BenchCommand.self, MergeCommand.self,
            BacktestCommand.self, RegisterCommand.self, ProtocolCommand.self,
        ],
        defaultSubcommand: REPLCommand.self)

    static func main() {
        LaneCPU.require()
        main(nil)
    }
}

/// Options shared by every command that simulates.
struct SimulationFlags: ParsableArguments {
    @Option(
        help: ArgumentHelp("Trials per forecast, such as 20k or 1M (overrides the files' `trials`).", valueName: "N"),
        transform: TrialCount.parse)
    var trials: Int?

    @Option(help: "Random seed (overrides the files' `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads; results are identical for any count. Default: all cores.")
    var threads: Int?

    func validate() throws {
        if let trials, trials < 1 {
            throw ValidationError("--trials must be at least 1, not \(trials)")
        }
        if let threads, threads < 1 || threads > 256 {
            throw ValidationError("--threads must be between 1 and 256, not \(threads)")
        }
    }

    /// Checks --trials against the engine's cap on one run's trials (8
    /// bytes each), when the trials are split into `shards` runs.
    func checkTrials(shards: Int = 1) throws {
        guard let trials else { return }
        let cap = Scenario.maximumTrials
        let perShard = trials / shards + (trials % shards == 0 ? 0 : 1)
        guard perShard > cap else { return }
        if shards == 1 {
            throw ValidationError(
                "--trials must be between 1 and \(Format.count(cap)) (use shards beyond that: run --shard I/N), not \(Format.count(trials))"
            )
        }
        throw ValidationError(
            "--trials \(Format.count(trials)) in \(shards) shards puts \(Format.count(perShard)) in a shard; one run holds at most \(Format.count(cap)): use at least \(trials / cap + (trials % cap == 0 ? 0 : 1)) shards"
        )
    }
}

/// A trial count as the language writes it: `20000`, `20_000`, `20,000`,
/// `20k`, `1.5M`.
enum TrialCount {
    static func parse(_ text: String) throws -> Int {
        guard let n = CountText.parse(text) else {
            throw ValidationError("--trials expects a whole number of trials, such as 20000, 20k or 1M, not `\(text)`")
        }
        return n
    }
}
