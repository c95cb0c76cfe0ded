/// What `r2cast bench` measured. Times are wall seconds, the best of the
/// repetitions; memory is the growth of the peak resident set while a
/// forecast ran.
public struct BenchReport: Sendable {
    /// The machine and build the figures come from.
    public struct Machine: Sendable {
        public var cores: Int
        public var processor: String
        public var optimized: Bool
        /// Trials per group of the engine (`LaneMath.width`): 16 in the
        /// builds for AVX-512 and AVX2, 8 in the portable one.
        public var lanes: Int
        /// The vector instructions the engine was compiled for: "AVX-512",
        /// "AVX2" or "SSE2" (the portable build).
        public var instructions: String
        /// The 1-minute load average when the benchmark started and ended:
        /// other work on the machine inflates wall times.
        public var loadBefore: Double?
        public var loadAfter: Double?
    }

    /// Parsing (with elaboration) and compiling of one scenario.
    public struct Preparation: Sendable {
        public var scenario: String
        public var steps: Int
        public var chips: Int
        public var events: Int
        public var parseSeconds: Double
        /// The first compile in the process (tables built), then the best of 20.
        public var firstCompileSeconds: Double
        public var compileSeconds: Double
    }

    /// One configuration: a scenario at a trial count on a thread count.
    public struct Run: Sendable {
        public var scenario: String
        public var trials: Int
        public var threads: Int
        public var steps: Int
        public var repetitions: Int
        /// Engine.run alone, best of the repetitions.
        public var seconds: Double
        /// The process's CPU time (all threads) during that repetition.
        public var cpuSeconds: Double
        /// Peak resident growth over Engine.run plus the forecast report.
        public var memoryGrowth: Int?

        public var trialsPerSecond: Double { Double(trials) / seconds }
        public var nanosecondsPerTrialMonth: Double { seconds * 1e9 / (Double(trials) * Double(steps)) }
    }

    /// Resident bytes per trial: the slope of the growth between two trial
    /// counts, so fixed costs (per month, per thread) cancel.
    public struct MemorySlope: Sendable {
        public var scenario: String
        public var threads: Int
        public var fromTrials: Int
        public var toTrials: Int
        public var bytesPerTrial: Double
        /// The growth at `fromTrials` not explained by the slope.
        public var fixedBytes: Double
    }

    /// What one more month (`Run.steps`) adds between consecutive runs of
    /// `monthGrowth`: nanoseconds per trial, and resident bytes (nil where
    /// either run's memory is unknown).
    public struct MonthStep: Sendable {
        public var fromMonths: Int
        public var toMonths: Int
        public var nanosecondsPerTrialMonth: Double
        public var bytesPerMonth: Double?
    }

    public var monthSteps: [MonthStep] {
        zip(monthGrowth, monthGrowth.dropFirst()).map { a, b in
            let months = Double(b.steps - a.steps)
            return MonthStep(
                fromMonths: a.steps, toMonths: b.steps,
                nanosecondsPerTrialMonth: (b.seconds - a.seconds) * 1e9 / (Double(b.trials) * months),
                bytesPerMonth: a.memoryGrowth.flatMap { x in b.memoryGrowth.map { Double($0 - x) / months } })
        }
    }

    /// A `forecast` typed into a session holding the baseline.
    public struct Query: Sendable {
        public var trials: Int
        public var threads: Int
        public var repetitions: Int
        public var bestSeconds: Double
        public var medianSeconds: Double
    }

    /// The engine against the hand-written loop and against that loop with
    /// 8 trials in SIMD lanes in single precision (`HandWrittenLanes`), back
    /// to back on one thread.
    public struct HandLoop: Sendable {
        public var trials: Int
        public var steps: Int
        public var engineSeconds: Double
        public var handSeconds: Double
        /// P(release by the end of 2026-06) and the median release (months
        /// after 2025-01) of each, to show they compute the same model.
        public var engineShare: Double
        public var handShare: Double
        public var engineMedian: Double
        public var handMedian: Double
        public var lanesSeconds: Double
        public var lanesShare: Double
        public var lanesMedian: Double

        public var ratio: Double { engineSeconds / handSeconds }
        public func nanosecondsPerTrialMonth(_ seconds: Double) -> Double {
            seconds * 1e9 / (Double(trials) * Double(steps))
        }
        /// The difference of the engine's and the hand loop's shares in standard errors.
        public var shareDifferenceInErrors: Double { Self.inErrors(engineShare, handShare, trials) }
        /// The same for the lane-parallel loop against the hand loop.
        public var lanesDifferenceInErrors: Double { Self.inErrors(lanesShare, handShare, trials) }

        /// p - q in standard errors of the difference of two independent
        /// proportions of n trials each.
        static func inErrors(_ p: Double, _ q: Double, _ n: Int) -> Double {
            let mean = (p + q) / 2
            let se = (2 * mean * (1 - mean) / Double(n)).squareRoot()
            return se > 0 ? (p - q) / se : 0
        }
    }

    /// Engine.run of the baseline at 1M trials on all cores, with its
    /// sector and without it (best of 3 each, alternating).
    public struct SectorCost: Sendable {
        public var trials: Int
        public var threads: Int
        public var withSeconds: Double
        public var withoutSeconds: Double
        /// With over without, less one: the share the sector adds.
        public var added: Double { withSeconds / withoutSeconds - 1 }
    }

    /// One performance target and whether it is met.
    public struct Target: Sendable {
        public var name: String
        public var limit: String
        /// The figure, nil when this run did not measure it.
        public var measured: String?
        public var met: Bool?
    }

    public var machine: Machine
    public var seed: UInt64
    public var preparations: [Preparation] = []
    public var runs: [Run] = []
    public var memorySlopes: [MemorySlope] = []
    /// The baseline with its clock lengthened, one thread, by months.
    public var monthGrowth: [Run] = []
    public var query: Query?
    public var versionSeconds: Double?
    /// `r2cast run BASELINE --trials 1M`, the whole process, best of 5.
    public var wholeRunSeconds: Double?
    /// The baseline's engine time with and without its sector.
    public var sectorCost: SectorCost?
    public var handLoop: HandLoop?
    public var targets: [Target] = []
}
