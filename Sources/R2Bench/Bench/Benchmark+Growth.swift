extension Benchmark {
    /// The baseline with its clock lengthened to each of
    /// `options.growthMonths`, at `trials` trials on one thread: what a month
    /// adds to a run's time and memory.
    func monthGrowth(_ baseline: Workload, trials: Int) throws(Failure) -> [BenchReport.Run] {
        var runs: [BenchReport.Run] = []
        for months in options.growthMonths {
            let w: Workload
            do {
                w = try baseline.lengthened(toMonths: months)
            } catch {
                throw Failure(description: error.description)
            }
            runs.append(try measure(w, trials: trials, threads: 1))
        }
        return runs
    }
}
