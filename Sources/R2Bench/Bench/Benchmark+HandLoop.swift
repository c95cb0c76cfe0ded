import R2Engine
import R2Forecast

extension Benchmark {
    /// Which loop `runLoop` runs.
    public enum Loop: String, CaseIterable, Sendable {
        case engine, hand, lanes
    }

    /// One loop alone over the baseline, once, on the calling thread or one
    /// worker (for profilers: `valgrind --tool=callgrind r2cast bench --loop engine`).
    /// Returns the seconds and P(release by the end of 2026-06).
    /// `threads` is for the engine; the hand-written loops run on one.
    public func runLoop(_ loop: Loop, trials: Int, threads: Int = 1) throws(Failure) -> (seconds: Double, share: Double)
    {
        let baseline: Workload
        do {
            baseline = try Workload.file(options.baselinePath, name: "baseline")
        } catch {
            throw Failure(description: error.description)
        }
        switch loop {
        case .engine:
            let (result, seconds) = try Stopwatch.time { () throws(Failure) in
                try simulate(baseline, trials: trials, threads: threads)
            }
            return (
                seconds,
                ReleaseDistribution(releases: result.releases, horizon: result.steps).probability(by: 18)
                    .value
            )
        case .hand:
            HandWrittenBaseline.prepare()
            let (outcome, seconds) = Stopwatch.time {
                HandWrittenBaseline.run(trials: trials, seed: options.seed)
            }
            return (seconds, outcome.share(releasedBy: 18))
        case .lanes:
            HandWrittenLanes.prepare()
            let (outcome, seconds) = Stopwatch.time {
                HandWrittenLanes.run(trials: trials, seed: options.seed)
            }
            return (seconds, outcome.share(releasedBy: 18))
        }
    }

    /// The engine, the hand-written loop and its lane-parallel form (8 trials
    /// per group in single precision) on one thread, in turn.
    func handLoop(_ baseline: Workload, trials: Int) throws(Failure) -> BenchReport.HandLoop {
        var engineBest = Double.infinity
        var handBest = Double.infinity
        var lanesBest = Double.infinity
        var engine: SimulationResult?
        var hand: HandWrittenBaseline.Outcome?
        var lanes: HandWrittenBaseline.Outcome?
        HandWrittenBaseline.prepare()
        HandWrittenLanes.prepare()
        for _ in 0..<2 {
            let e = try Stopwatch.time { () throws(Failure) in
                try simulate(baseline, trials: trials, threads: 1)
            }
            engineBest = Swift.min(engineBest, e.seconds)
            engine = e.value
            let h = Stopwatch.time { HandWrittenBaseline.run(trials: trials, seed: options.seed) }
            handBest = Swift.min(handBest, h.seconds)
            hand = h.value
            let l = Stopwatch.time { HandWrittenLanes.run(trials: trials, seed: options.seed) }
            lanesBest = Swift.min(lanesBest, l.seconds)
            lanes = l.value
        }
        let distribution = ReleaseDistribution(releases: engine!.releases, horizon: engine!.steps)
        let endOfJune2026 = 18.0
        return BenchReport.HandLoop(
            trials: trials, steps: baseline.steps, engineSeconds: engineBest, handSeconds: handBest,
            engineShare: distribution.probability(by: endOfJune2026).value,
            handShare: hand!.share(releasedBy: endOfJune2026),
            engineMedian: distribution.sorted[(distribution.count - 1) / 2], handMedian: hand!.medianRelease,
            lanesSeconds: lanesBest, lanesShare: lanes!.share(releasedBy: endOfJune2026),
            lanesMedian: lanes!.medianRelease)
    }
}
