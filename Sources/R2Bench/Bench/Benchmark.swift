import Foundation
import R2Engine
import R2Forecast
import R2Notebook

/// `r2cast bench`: the baseline and the synthetic scenario at each trial
/// count on one thread and on all cores, parse and compile times, the
/// baseline with longer clocks, a REPL query, `r2cast --version`, and the
/// engine against a hand-written loop.
public struct Benchmark {
    public struct Options: Sendable {
        public var trialCounts: [Int]
        /// Thread counts, in order (one and all cores by default).
        public var threadCounts: [Int]
        public var baselinePath: String
        /// The binary timed for `--version` (default: the running one).
        public var executable: String?
        public var seed: UInt64
        /// Compare the engine with the hand-written baseline loop.
        public var handLoop: Bool
        /// Clock lengths, in months, of the growth runs (the baseline's
        /// clock lengthened), and their trials (at most the largest count).
        public var growthMonths = [36, 72, 144, 288]
        public var growthTrials: Int

        public init(
            quick: Bool = false, baselinePath: String = "scenarios/baseline.r2s", executable: String? = nil,
            seed: UInt64 = 1, handLoop: Bool = true
        ) {
            trialCounts = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
            let cores = SimulationOptions.defaultThreads
            threadCounts = cores > 1 ? [1, cores] : [1]
            self.baselinePath = baselinePath
            self.executable = executable
            self.seed = seed
            self.handLoop = handLoop
            growthTrials = quick ? 50_000 : 200_000
        }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs every measurement; `progress` hears what is being measured.
    public func run(progress: (String) -> Void = { _ in }) throws(Failure) -> BenchReport {
        ResidentMemory.returnLargeBlocksOnFree()
        let workloads: [Workload]
        let v1: Workload
        do {
            workloads = [try Workload.file(options.baselinePath, name: "baseline"), try Workload.synthetic()]
            v1 = try Workload.baselineV1()
        } catch {
            throw Failure(description: error.description)
        }
        var report = BenchReport(machine: Benchmark.machine, seed: options.seed)
        report.machine.loadBefore = ProcessCPU.loadAverage

        for w in workloads {
            progress("parse and compile: \(w.name)")
            report.preparations.append(
                BenchReport.Preparation(
                    scenario: w.name, steps: w.steps, chips: w.scenario.chips.count,
                    events: w.scenario.events.count,
                    parseSeconds: w.parseSeconds(repetitions: 20), firstCompileSeconds: w.firstCompileSeconds,
                    compileSeconds: w.compileSeconds(repetitions: 20)))
        }
        for w in workloads {
            // Warm-up: pages, tables and threads touched once before timing.
            _ = try simulate(
                w, trials: min(10_000, options.trialCounts.min() ?? 10_000), threads: options.threadCounts.last ?? 1)
            for trials in options.trialCounts.sorted() {
                for threads in options.threadCounts {
                    progress(
                        "\(w.name): \(BenchFormat.trials(trials)) trials, \(threads) thread\(threads == 1 ? "" : "s")"
                    )
                    report.runs.append(try measure(w, trials: trials, threads: threads))
                }
            }
        }
        report.memorySlopes = Benchmark.slopes(report.runs)
        let growthTrials = min(options.growthTrials, options.trialCounts.max() ?? options.growthTrials)
        progress("baseline lengthened to \(options.growthMonths.map(String.init).joined(separator: ", ")) months")
        report.monthGrowth = try monthGrowth(workloads[0], trials: growthTrials)

        progress("REPL query")
        report.query = try replQuery()
        progress("r2cast --version")
        report.versionSeconds = ProcessTiming.best(
            of: 5, options.executable ?? ProcessTiming.currentExecutable, ["--version"])
        if let trials = options.trialCounts.max() {
            progress("r2cast run \(options.baselinePath), \(BenchFormat.trials(trials)) trials")
            report.wholeRunSeconds = ProcessTiming.best(
                of: 5, options.executable ?? ProcessTiming.currentExecutable,
                ["run", options.baselinePath, "--trials", String(trials)])
            if workloads[0].compiled.hasSector {
                progress("the sector's cost: \(BenchFormat.trials(trials)) trials")
                report.sectorCost = try sectorCost(workloads[0], trials: trials)
            }
        }
        if options.handLoop, let trials = options.trialCounts.max() {
            progress("hand-written loop: \(BenchFormat.trials(trials)) trials")
            report.handLoop = try handLoop(v1, trials: trials)
        }
        report.targets = BenchTargets.check(report, baseline: "baseline")
        report.machine.loadAfter = ProcessCPU.loadAverage
        return report
    }

    /// Repetitions per configuration, by its trial-months: more for the quick ones.
    static func repetitions(trials: Int, steps: Int) -> Int {
        let work = trials * steps
        return work <= 500_000 ? 7 : (work <= 5_000_000 ? 5 : (work <= 50_000_000 ? 3 : 2))
    }

    /// Engine.run of `w` with and without its sector, alternating, best of 3.
    func sectorCost(_ w: Workload, trials: Int) throws(Failure) -> BenchReport.SectorCost {
        let without: Workload
        do { without = try w.withoutSector() } catch { throw Failure(description: error.description) }
        let threads = options.threadCounts.last ?? 1
        var best = (with: Double.infinity, without: Double.infinity)
        for _ in 0..<3 {
            let (_, a) = try Stopwatch.time { () throws(Failure) in try simulate(w, trials: trials, threads: threads) }
            let (_, b) = try Stopwatch.time { () throws(Failure) in
                try simulate(without, trials: trials, threads: threads)
            }
            best = (Swift.min(best.with, a), Swift.min(best.without, b))
        }
        return BenchReport.SectorCost(
            trials: trials, threads: threads, withSeconds: best.with, withoutSeconds: best.without)
    }

    func simulate(_ w: Workload, trials: Int, threads: Int) throws(Failure) -> SimulationResult {
        do {
            return try Engine.run(
                w.compiled, options: SimulationOptions(trials: trials, seed: options.seed, threads: threads))
        } catch {
            throw Failure(description: "\(w.name): \(error)")
        }
    }
}
