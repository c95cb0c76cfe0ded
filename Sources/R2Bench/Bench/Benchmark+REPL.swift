import R2Notebook

extension Benchmark {
    /// `forecast` typed into a session that loaded the baseline, each time
    /// with a new seed so that no earlier run is reused.
    func replQuery() throws(Failure) -> BenchReport.Query {
        let session = Session(configuration: SessionConfiguration())
        let loaded = session.load(path: options.baselinePath)
        if loaded.failed { throw Failure(description: "cannot load \(options.baselinePath): \(loaded.text)") }
        let trials = session.workspace.currentScenario?.trials ?? 0
        var times: [Double] = []
        for k in 0..<9 {
            session.configuration.seed = 1_000 + UInt64(k)
            let (cell, seconds) = Stopwatch.time { session.evaluateCell("forecast") }
            if cell.failed { throw Failure(description: "forecast failed: \(cell.text)") }
            times.append(seconds)
        }
        times.sort()
        return BenchReport.Query(
            trials: trials, threads: session.configuration.threads, repetitions: times.count,
            bestSeconds: times[0], medianSeconds: times[times.count / 2])
    }
}
