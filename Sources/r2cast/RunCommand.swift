import ArgumentParser
import Foundation
import R2Forecast
import R2Notebook
import R2REPL

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate scenario files and print every query's output.")

    @Argument(help: "Scenario files, evaluated in order in one session.")
    var files: [String]

    @OptionGroup var simulation: SimulationFlags

    @Flag(help: "One JSON object per query on standard output.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Run only slice I of N of the trials of the current scenario's forecast and write it to --out; `env` takes the slice from a Slurm array task or Kubernetes Indexed Job (`env/N` there).",
            valueName: "I/N|env"),
        transform: { text in
            switch ShardSpec.parse(text, environment: ProcessInfo.processInfo.environment) {
            case .success(let spec): return spec
            case .failure(let failure): throw ValidationError(failure.message)
            }
        })
    var shard: ShardSpec?

    @Option(help: ArgumentHelp("Where the shard is written (JSON, atomically).", valueName: "FILE"))
    var out: String?

    func validate() throws {
        try simulation.checkTrials(shards: shard?.count ?? 1)
        if shard != nil && out == nil {
            throw ValidationError("--shard needs --out FILE: the file the shard is written to")
        }
    }

    func run() throws {
        if let out { return try runShard(shard ?? .whole, to: out) }
        let env = ProcessInfo.processInfo.environment
        let session = Session(
            configuration: SessionConfiguration(
                trials: simulation.trials, seed: simulation.seed,
                threads: simulation.threads ?? SessionConfiguration().threads,
                style: Style(colors: false, width: Console.width),
                showsProgress: Console.stderrIsTerminal && env["CI"] == nil))
        var failed = false
        for file in files {
            // A file an earlier one loaded or included would be a reload,
            // whose queries do not run: say so rather than pass in silence.
            if let holding = session.holding(path: file) {
                Output.stderr(
                    holding == .included
                        ? "error: \(file) is already in this run: an earlier file's `include` brought it in, and an included file's queries do not run; run it on its own: r2cast run \(file)"
                        : "error: \(file) is named twice; its queries ran at its first place")
                failed = true
                continue
            }
            let cell = session.load(path: file)
            Output.print(cell.outputs, json: json)
            failed = failed || cell.failed
        }
        if failed { throw ExitCode(1) }
    }

    /// The shard path: no query runs; slice `shard` of the forecast of the
    /// scenario current at the end of the files is written to `path`.
    private func runShard(_ shard: ShardSpec, to path: String) throws {
        let runner = ShardRunner(
            files: files, shard: shard, trials: simulation.trials, seed: simulation.seed,
            threads: simulation.threads ?? SessionConfiguration().threads)
        do {
            let part = try runner.run()
            try part.write(to: path)
            let r = part.result
            Output.stderr(
                "shard \(shard): trials \(r.firstTrial) ..< \(r.firstTrial + r.trials) of \(Format.count(part.totalTrials)), scenario `\(part.scenario)`, seed \(r.seed) -> \(path)"
            )
            // A shard cannot know whether the others keep trials, so this is
            // not an error here; `merge` fails if none does.
            if r.accepted == 0 && r.trials > 0 {
                Output.stderr(
                    "warning: no trial of this shard is consistent with the scenario's observations; `r2cast merge` fails unless another shard keeps some"
                )
            }
        } catch {
            Output.stderr(error.description)
            throw ExitCode(1)
        }
    }
}
