import Foundation

/// Slice `index` of `count` (1-based) of a run's trials: `--shard 2/3`, or
/// `--shard env` inside a Slurm array or Kubernetes Indexed Job.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index))
        self.index = index
        self.count = count
    }

    /// The whole run as a single shard.
    public static let whole = ShardSpec(index: 1, count: 1)

    /// Parses `I/N` with 1 <= I <= N, or `env` / `env/N` (the scheduler's own
    /// 0-based index, read from `environment`: see `fromScheduler`); the
    /// error says what was expected.
    public static func parse(
        _ text: String, environment: [String: String] = [:]
    ) -> Result<ShardSpec, ShardFailure> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.first == "env" && parts.count <= 2 {
            var count: Int? = nil
            if parts.count == 2 {
                guard let n = Int(parts[1]), n >= 1, n <= 1_000_000 else {
                    return .failure(
                        ShardFailure("--shard \(text): the number of shards must be between 1 and 1,000,000"))
                }
                count = n
            }
            return fromScheduler(environment, count: count)
        }
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            return .failure(
                ShardFailure("--shard expects I/N, such as 2/8, or env (the scheduler's array index), not `\(text)`"))
        }
        guard n >= 1 && n <= 1_000_000 else {
            return .failure(
                ShardFailure("--shard \(text): the number of shards must be between 1 and 1,000,000"))
        }
        guard i >= 1 && i <= n else {
            return .failure(
                ShardFailure("--shard \(text): the shard must be between 1 and \(n) (shards count from 1)"))
        }
        return .success(ShardSpec(index: i, count: n))
    }

    /// The shard a scheduler's array task stands for, so a job script needs
    /// no arithmetic. Slurm: `SLURM_ARRAY_TASK_ID` counted from
    /// `SLURM_ARRAY_TASK_MIN` (so `--array=0-7` and `--array=1-8` both work)
    /// among `SLURM_ARRAY_TASK_COUNT` tasks; the array must be one range with
    /// step 1. Kubernetes Indexed Job: `JOB_COMPLETION_INDEX` (from 0), with
    /// the count given as `env/N` (the Job's `completions`), since a pod is not
    /// told it. A count given with Slurm must agree with the array's.
    public static func fromScheduler(
        _ env: [String: String], count given: Int?
    ) -> Result<ShardSpec, ShardFailure> {
        func number(_ name: String) -> Result<Int?, ShardFailure> {
            guard let text = env[name] else { return .success(nil) }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                return .failure(ShardFailure("--shard env: \(name) is `\(text)`, not a whole number"))
            }
            return .success(value)
        }
        func make(_ index0: Int, _ count: Int, _ source: String) -> Result<ShardSpec, ShardFailure> {
            guard count >= 1 && count <= 1_000_000 else {
                return .failure(
                    ShardFailure("--shard env: \(source) gives \(count) shards; between 1 and 1,000,000 are allowed"))
            }
            guard index0 < count else {
                return .failure(
                    ShardFailure(
                        "--shard env: \(source) gives index \(index0) of \(count) (indices count from 0, so below \(count))"
                    ))
            }
            return .success(ShardSpec(index: index0 + 1, count: count))
        }
        do {
            if let id = try number("SLURM_ARRAY_TASK_ID").get() {
                guard let count = try number("SLURM_ARRAY_TASK_COUNT").get() else {
                    return .failure(
                        ShardFailure("--shard env: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not"))
                }
                let low = try number("SLURM_ARRAY_TASK_MIN").get() ?? 0
                let high = try number("SLURM_ARRAY_TASK_MAX").get() ?? (low + count - 1)
                let step = try number("SLURM_ARRAY_TASK_STEP").get() ?? 1
                guard step == 1 && high - low + 1 == count else {
                    return .failure(
                        ShardFailure(
                            "--shard env: the Slurm array must be one range with step 1 (such as --array=0-\(count - 1)), not \(low)-\(high) with step \(step) and \(count) tasks"
                        ))
                }
                guard id >= low else {
                    return .failure(
                        ShardFailure("--shard env: SLURM_ARRAY_TASK_ID \(id) is below SLURM_ARRAY_TASK_MIN \(low)"))
                }
                if let given, given != count {
                    return .failure(
                        ShardFailure("--shard env/\(given): the Slurm array has \(count) tasks, not \(given)"))
                }
                return make(id - low, count, "Slurm (SLURM_ARRAY_TASK_ID \(id), from \(low))")
            }
            if let index = try number("JOB_COMPLETION_INDEX").get() {
                guard let given else {
                    return .failure(
                        ShardFailure(
                            "--shard env: JOB_COMPLETION_INDEX gives this pod's index but not the number of shards; write --shard env/N with N the Job's completions"
                        ))
                }
                return make(index, given, "JOB_COMPLETION_INDEX")
            }
        } catch {
            return .failure(error)
        }
        return .failure(
            ShardFailure(
                "--shard env: no scheduler index in the environment (SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX); outside a job array use --shard I/N"
            ))
    }

    /// The trials of this shard among trials 0 ..< total: shard i holds
    /// floor((i-1) total / n) ..< floor(i total / n), so the shards tile the run.
    public func trials(ofTotal total: Int) -> Range<Int> {
        // At most 10^6 shards of 5 x 10^7 trials: the products fit easily.
        (index - 1) * total / count..<index * total / count
    }

    public var description: String { "\(index)/\(count)" }
}
