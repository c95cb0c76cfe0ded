import Dispatch
import R2Engine

extension ForecastReport {
    /// The report of a run: its kept trials' releases and every month's
    /// adoption band.
    public init(result: SimulationResult, scenario: String, observations: [String] = []) {
        let n = Double(Swift.max(1, result.accepted))
        let adoption = (0..<result.steps).map { step in
            AdoptionBand(
                month: result.clockStart + step,
                mean: Estimate(
                    result.adoptionMean(step: step),
                    standardError: (result.adoptionVariance(step: step) / n).squareRoot()),
                p10: result.adoptionQuantile(step: step, 0.1),
                p50: result.adoptionQuantile(step: step, 0.5),
                p90: result.adoptionQuantile(step: step, 0.9))
        }
        // The sorts are independent: the flagship's releases, the named
        // ones and each year's sector shares sort on as many threads as
        // there are cores (the same values whatever the order).
        let years = result.sector.map { _ in result.clock.end / 12 - result.clock.start / 12 + 1 } ?? 0
        let parts = ReportParts(count: 1 + years)
        DispatchQueue.concurrentPerform(iterations: 1 + years) { k in
            if k == 0 {
                let release = ReleaseDistribution(releases: result.releases, horizon: result.steps)
                parts.release = release
                // The named reading from the flagship's sorted releases.
                if let folds = result.folds {
                    parts.named = NamedRelease(flagship: release, releases: result.releases, folds: folds)
                }
            } else {
                parts.sector[k - 1] = Self.band(result.sector!, k - 1, result)
            }
        }
        self.init(
            scenario: scenario, trials: result.trials, kept: result.accepted, seed: result.seed,
            clockStart: result.clockStart, steps: result.steps, release: parts.release!,
            adoption: adoption, observations: observations)
        named = parts.named
        sector = (0..<years).map { parts.sector[$0]! }
    }

    /// Window j of a run's sector values over its kept trials, read in
    /// place (a rejected trial's value is NaN like an undefined one).
    public static func band(_ values: SectorValues, _ j: Int, _ result: SimulationResult) -> SectorBand {
        let w = values.windows[j]
        let k = values.windows.count
        let sorted = values.values.withUnsafeBufferPointer { v in
            result.releases.withUnsafeBufferPointer { r in
                RadixSort.sortedNumbers(count: r.count) { i in r[i].isNaN ? .nan : v[i &* k &+ j] }
            }
        }
        return SectorBand(window: w, sorted: sorted, undefined: result.accepted - sorted.count, partial: !w.isWholeYear)
    }
}

/// The pieces of a report built on several threads, each slot written by
/// one thread (the sector's in a buffer, not an array: no shared header).
private final class ReportParts: @unchecked Sendable {
    var release: ReleaseDistribution?
    var named: NamedRelease?
    let sector: UnsafeMutablePointer<SectorBand?>
    let years: Int

    init(count: Int) {
        years = count - 1
        sector = .allocate(capacity: Swift.max(1, years))
        sector.initialize(repeating: nil, count: years)
    }

    deinit {
        sector.deinitialize(count: years)
        sector.deallocate()
    }
}
