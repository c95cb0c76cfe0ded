import R2Engine
import R2Forecast

extension Benchmark {
    /// Best time of Engine.run over the repetitions, with its CPU time; the
    /// largest memory growth of any repetition, each of which also builds
    /// the forecast report (it sorts a copy of the releases). A repetition
    /// can only under-read its growth (when it reuses pages an earlier run
    /// left resident), never over-read it, hence the largest.
    func measure(_ w: Workload, trials: Int, threads: Int) throws(Failure) -> BenchReport.Run {
        let reps = Benchmark.repetitions(trials: trials, steps: w.steps)
        var best = (wall: Double.infinity, cpu: 0.0)
        var growth: Int?
        for _ in 0..<reps {
            let (time, bytes) = try ResidentMemory.growth {
                () throws(Failure) -> (wall: Double, cpu: Double) in
                let cpuBefore = ProcessCPU.seconds
                let (result, seconds) = try Stopwatch.time { () throws(Failure) in
                    try simulate(w, trials: trials, threads: threads)
                }
                let cpu = ProcessCPU.seconds - cpuBefore
                _ = ForecastReport(result: result, scenario: w.name)
                return (seconds, cpu)
            }
            if let bytes { growth = Swift.max(growth ?? 0, bytes) }
            if time.wall < best.wall { best = time }
        }
        return BenchReport.Run(
            scenario: w.name, trials: trials, threads: threads, steps: w.steps, repetitions: reps,
            seconds: best.wall, cpuSeconds: best.cpu, memoryGrowth: growth)
    }

    /// Per scenario and thread count, the memory slope between the two
    /// largest trial counts.
    static func slopes(_ runs: [BenchReport.Run]) -> [BenchReport.MemorySlope] {
        var out: [BenchReport.MemorySlope] = []
        var seen = Set<String>()
        for run in runs where seen.insert("\(run.scenario)/\(run.threads)").inserted {
            let series = runs.filter {
                $0.scenario == run.scenario && $0.threads == run.threads && $0.memoryGrowth != nil
            }
            .sorted { $0.trials < $1.trials }
            guard series.count >= 2 else { continue }
            let a = series[series.count - 2]
            let b = series[series.count - 1]
            let slope = Double(b.memoryGrowth! - a.memoryGrowth!) / Double(b.trials - a.trials)
            out.append(
                BenchReport.MemorySlope(
                    scenario: run.scenario, threads: run.threads, fromTrials: a.trials, toTrials: b.trials,
                    bytesPerTrial: slope, fixedBytes: Double(a.memoryGrowth!) - slope * Double(a.trials)))
        }
        return out
    }
}
