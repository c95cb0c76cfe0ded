import Foundation
import R2Engine
import R2Forecast
import R2Language
import R2Model

/// `r2cast run FILE... --shard I/N --out PART`: evaluates the files (their
/// queries resolved, not run), takes the scenario current at the end with
/// the observations in force for it, and runs slice I of N of its trials,
/// each trial with the random streams it has in a whole run.
public struct ShardRunner {
    public var files: [String]
    public var shard: ShardSpec
    /// Overrides of the scenario's trial count and seed.
    public var trials: Int?
    public var seed: UInt64?
    public var threads: Int

    public init(files: [String], shard: ShardSpec, trials: Int?, seed: UInt64?, threads: Int) {
        self.files = files
        self.shard = shard
        self.trials = trials
        self.seed = seed
        self.threads = threads
    }

    /// The scenario current at the end of the files and its observations
    /// (condition and text), as a session would hold them.
    public func currentScenario() throws(ShardFailure) -> (Scenario, [(Condition, String)]) {
        var workspace = Workspace()
        var observations: [String: [(Condition, String)]] = [:]
        var problems: [String] = []
        for path in files {
            let loader = FileSourceLoader()
            let text: String
            switch loader.read(path) {
            case .success(let read): text = read
            case .failure(let failure): throw ShardFailure("cannot read \(path): \(failure.reason)")
            }
            let file = SourceFile(name: path, text: text, path: path)
            workspace.evaluate(file, loader: loader) { item, _ in
                switch item {
                case .declaration: break
                case .diagnostic(let d) where d.severity == .error: problems.append(d.render(colors: false))
                case .diagnostic: break
                case .query(let q):
                    switch q.query {
                    case .observe(let condition):
                        observations[q.scenario, default: []].append((condition, q.text))
                    case .unobserve(let which):
                        var list = observations[q.scenario] ?? []
                        switch which {
                        case .last where !list.isEmpty: list.removeLast()
                        case .all where !list.isEmpty: list = []
                        case .number(let n) where n >= 1 && n <= list.count: list.remove(at: n - 1)
                        default:
                            problems.append(
                                "\(q.location): error: `\(q.text)`: no such observation of `\(q.scenario)`")
                        }
                        observations[q.scenario] = list
                    default: break
                    }
                }
                return true
            }
        }
        if !problems.isEmpty { throw ShardFailure(problems.joined(separator: "\n")) }
        guard let scenario = workspace.currentScenario else {
            throw ShardFailure("\(files.joined(separator: ", ")) declare no scenario to run")
        }
        return (scenario, observations[scenario.name] ?? [])
    }

    /// Runs this shard's trials.
    public func run() throws(ShardFailure) -> ShardFile {
        let (scenario, observations) = try currentScenario()
        if trials == nil, scenario.precision != nil {
            // Its trial count is found as it runs: a shard cannot know its slice.
            throw ShardFailure(
                "scenario `\(scenario.name)` runs to a precision (`trials to ±...`), so its trial count is not known in advance: run it once, then shard that count with --trials N (the same bits)"
            )
        }
        let total = trials ?? scenario.trials
        let range = shard.trials(ofTotal: total)
        guard !range.isEmpty else {
            throw ShardFailure(
                "shard \(shard) of \(Format.trialsText(total)) holds no trial: use at most \(total) shards")
        }
        let compiled: CompiledScenario
        do {
            compiled = try Engine.compile(scenario)
        } catch {
            throw ShardFailure("scenario `\(scenario.name)` cannot be simulated: \(error)")
        }
        let options = SimulationOptions(
            trials: range.count, seed: seed ?? scenario.seed, threads: threads, firstTrial: range.lowerBound,
            conditions: observations.map(\.0))
        let result: SimulationResult
        do {
            result = try Engine.run(compiled, options: options)
        } catch {
            throw ShardFailure("\(error)")
        }
        return ShardFile(
            scenario: scenario.name, fingerprint: scenario.fingerprint,
            observations: (scenario.asOfConditionText.map { [$0] } ?? []) + observations.map(\.1),
            shard: shard, totalTrials: total, result: result)
    }
}

extension Format {
    /// "1 trial", "20,000 trials".
    fileprivate static func trialsText(_ n: Int) -> String { n == 1 ? "1 trial" : "\(count(n)) trials" }
}
