import R2Engine
import R2Forecast

/// `r2cast merge PART...`: checks that the parts are the shards 1..N of one
/// run (same scenario, seed, observations and trial count, contiguous
/// trials), joins their results and reports the forecast of the whole run,
/// identical to the one `r2cast run` prints for it.
public enum ShardMerger {
    /// The merged result of the parts, read from `paths`.
    public static func merge(paths: [String]) throws(ShardFailure) -> (ShardFile, SimulationResult) {
        guard !paths.isEmpty else { throw ShardFailure("give the shard files to merge") }
        var parts: [(path: String, file: ShardFile)] = []
        for path in paths { parts.append((path, try ShardFile.read(path))) }
        return try merge(parts)
    }

    /// The merged result of parts already read (`path` only names them in errors).
    public static func merge(_ parts: [(path: String, file: ShardFile)]) throws(ShardFailure) -> (
        ShardFile, SimulationResult
    ) {
        guard let (firstPath, first) = parts.first else {
            throw ShardFailure("give the shard files to merge")
        }
        for (path, part) in parts.dropFirst() {
            func differ(_ what: String, _ a: String, _ b: String) -> ShardFailure {
                ShardFailure("\(firstPath) and \(path) come from different runs: \(what) \(a) and \(b)")
            }
            if part.scenario != first.scenario {
                throw differ("scenarios", "`\(first.scenario)`", "`\(part.scenario)`")
            }
            if part.fingerprint != first.fingerprint {
                throw ShardFailure(
                    "\(firstPath) and \(path) come from different versions of scenario `\(first.scenario)`")
            }
            if part.result.seed != first.result.seed {
                throw differ("seeds", "\(first.result.seed)", "\(part.result.seed)")
            }
            if part.totalTrials != first.totalTrials {
                throw differ("trial counts", Format.count(first.totalTrials), Format.count(part.totalTrials))
            }
            if part.shardCount != first.shardCount {
                throw differ("shard counts", "\(first.shardCount)", "\(part.shardCount)")
            }
            if part.observations != first.observations {
                throw differ(
                    "observations", "[\(first.observations.joined(separator: "; "))]",
                    "[\(part.observations.joined(separator: "; "))]")
            }
        }
        let n = first.shardCount
        var byIndex: [Int: String] = [:]
        for (path, part) in parts {
            guard part.shard >= 1 && part.shard <= n else {
                throw ShardFailure("\(path) claims to be shard \(part.shard) of \(n)")
            }
            if let other = byIndex[part.shard] {
                throw ShardFailure("\(other) and \(path) are both shard \(part.shard)/\(n)")
            }
            byIndex[part.shard] = path
        }
        let missing = (1...n).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list =
                missing.prefix(10).map { "\($0)/\(n)" }.joined(separator: ", ")
                + (missing.count > 10 ? ", ..." : "")
            throw ShardFailure(
                "shard\(missing.count == 1 ? "" : "s") \(list) of the run \(missing.count == 1 ? "is" : "are") missing"
            )
        }
        let merged: SimulationResult
        do {
            merged = try SimulationResult.merged(parts.map(\.file.result))
        } catch {
            throw ShardFailure("the shards do not fit together: \(error)")
        }
        guard merged.firstTrial == 0 && merged.trials == first.totalTrials else {
            throw ShardFailure(
                "the shards hold trials \(merged.firstTrial) ..< \(merged.firstTrial + merged.trials), not the run's 0 ..< \(first.totalTrials)"
            )
        }
        if merged.accepted == 0 && !first.observations.isEmpty {
            let names = first.observations.map { "`\($0)`" }.joined(separator: ", ")
            throw ShardFailure("no trial of `\(first.scenario)` satisfies the observations \(names)")
        }
        return (first, merged)
    }

    /// The forecast report of the merged run.
    public static func report(paths: [String]) throws(ShardFailure) -> ForecastReport {
        let (head, merged) = try merge(paths: paths)
        return ForecastReport(result: merged, scenario: head.scenario, observations: head.observations)
    }
}
