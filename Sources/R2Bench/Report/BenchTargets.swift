import R2Forecast

/// The performance targets of docs/PERFORMANCE.md.
public enum BenchTargets {
    /// 1M baseline trials, all cores (the target is stated for 2).
    public static let baselineMillionSeconds = 0.25
    public static let querySeconds = 0.050
    /// Resident bytes per trial beyond fixed per-month costs.
    public static let bytesPerTrial = 64.0
    public static let versionSeconds = 0.020
    /// The whole `r2cast run` of 1M baseline trials.
    public static let wholeRunSeconds = 0.25
    /// What the sector may add to the baseline's engine time.
    public static let sectorAdded = 0.25

    /// Each target checked against `report`'s figures.
    static func check(_ report: BenchReport, baseline: String) -> [BenchReport.Target] {
        let cores = report.machine.cores
        let million = report.runs.first {
            $0.scenario == baseline && $0.trials == 1_000_000 && $0.threads == cores
        }
        let slopes = report.memorySlopes.filter { $0.threads == cores }
        // The slope between two trial counts; with one trial count only, the
        // run's whole growth over its trials (an upper bound: fixed costs included).
        let worstSlope =
            slopes.max { $0.bytesPerTrial < $1.bytesPerTrial }.map { (scenario: $0.scenario, bytes: $0.bytesPerTrial) }
            ?? report.runs.filter { $0.threads == cores && $0.memoryGrowth != nil && $0.trials >= 100_000 }
            .map { (scenario: $0.scenario + ", upper bound", bytes: Double($0.memoryGrowth!) / Double($0.trials)) }
            .max { $0.bytes < $1.bytes }
        return [
            target(
                "1M baseline trials, \(cores) thread\(cores == 1 ? "" : "s")",
                "< \(Format.fixed(baselineMillionSeconds, digits: 2)) s",
                million.map { BenchFormat.seconds($0.seconds) },
                million.map { $0.seconds < baselineMillionSeconds }),
            target(
                "REPL query (forecast, default trials)", "< \(Int(querySeconds * 1000)) ms",
                report.query.map { BenchFormat.seconds($0.bestSeconds) },
                report.query.map { $0.bestSeconds < querySeconds }),
            target(
                "memory per trial (\(worstSlope?.scenario ?? "-"))", "< \(Int(bytesPerTrial)) B",
                worstSlope.map { Format.fixed($0.bytes, digits: 1) + " B" },
                worstSlope.map { $0.bytes < bytesPerTrial }),
            target(
                "r2cast run, 1M baseline trials, whole process", "< \(Format.fixed(wholeRunSeconds, digits: 2)) s",
                report.wholeRunSeconds.map(BenchFormat.seconds),
                report.wholeRunSeconds.map { $0 < wholeRunSeconds }),
            target(
                "the sector's share of the baseline's engine time", "<= \(Int(sectorAdded * 100))%",
                report.sectorCost.map { "+" + Format.fixed($0.added * 100, digits: 1) + "%" },
                report.sectorCost.map { $0.added <= sectorAdded }),
            target(
                "r2cast --version", "< \(Int(versionSeconds * 1000)) ms",
                report.versionSeconds.map(BenchFormat.seconds),
                report.versionSeconds.map { $0 < versionSeconds }),
        ]
    }

    private static func target(_ name: String, _ limit: String, _ measured: String?, _ met: Bool?)
        -> BenchReport.Target
    {
        BenchReport.Target(name: name, limit: limit, measured: measured, met: met)
    }
}
