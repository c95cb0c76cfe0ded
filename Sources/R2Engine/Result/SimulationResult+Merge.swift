extension SimulationResult {
    /// Joins shards of one run (same seed, scenario and conditions; trial
    /// ranges that are contiguous once sorted by `firstTrial`) into the
    /// result a single run over the whole range gives, bit for bit.
    public static func merged(_ shards: [SimulationResult]) throws(SimulationError) -> SimulationResult {
        let sorted = shards.sorted { $0.firstTrial < $1.firstTrial }
        guard var result = sorted.first else {
            throw .incompatibleShards("there is nothing to merge")
        }
        result.releases.reserveCapacity(sorted.reduce(0) { $0 + $1.trials })
        for shard in sorted.dropFirst() {
            guard shard.seed == result.seed, shard.clockStart == result.clockStart,
                shard.clockEnd == result.clockEnd, shard.chipNames == result.chipNames,
                shard.eventNames == result.eventNames,
                shard.adoptionCounts.count == result.adoptionCounts.count
            else {
                throw .incompatibleShards("the shards come from different scenarios or seeds")
            }
            guard shard.firstTrial == result.firstTrial + result.trials else {
                throw .incompatibleShards(
                    "trials \(result.firstTrial + result.trials) ..< \(shard.firstTrial) are missing or overlap"
                )
            }
            result.trials += shard.trials
            result.accepted += shard.accepted
            result.releases += shard.releases
            for i in result.adoptionCounts.indices { result.adoptionCounts[i] &+= shard.adoptionCounts[i] }
            for t in result.adoptionSum.indices {
                result.adoptionSum[t].add(shard.adoptionSum[t])
                result.adoptionSumOfSquares[t].add(shard.adoptionSumOfSquares[t])
            }
            result.totals.add(shard.totals)
            guard (shard.folds == nil) == (result.folds == nil), shard.sector?.windows == result.sector?.windows else {
                throw .incompatibleShards("the shards come from different scenarios or seeds")
            }
            if let folds = shard.folds { result.folds? += folds }
            if let sector = shard.sector { result.sector?.values += sector.values }
            if let probes = shard.adoptionProbes, probes.steps == result.adoptionProbes?.steps {
                result.adoptionProbes?.values += probes.values
            } else {
                result.adoptionProbes = nil
            }
        }
        return result
    }
}
