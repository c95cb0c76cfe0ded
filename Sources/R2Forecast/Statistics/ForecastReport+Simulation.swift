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
        self.init(
            scenario: scenario, trials: result.trials, kept: result.accepted, seed: result.seed,
            clockStart: result.clockStart, steps: result.steps,
            release: ReleaseDistribution(releases: result.releases, horizon: result.steps),
            adoption: adoption, observations: observations)
        if let folds = result.folds {
            named = NamedRelease(releases: result.releases, folds: folds, horizon: result.steps)
        }
        if let values = result.sector {
            let clock = result.clock
            sector = values.windows.indices.prefix(clock.end / 12 - clock.start / 12 + 1).map { j in
                Self.band(values, j, result)
            }
        }
    }

    /// Window j of a run's sector values over its kept trials.
    public static func band(_ values: SectorValues, _ j: Int, _ result: SimulationResult) -> SectorBand {
        let w = values.windows[j]
        let k = values.windows.count
        var kept: [Float] = []
        kept.reserveCapacity(result.accepted)
        for i in result.releases.indices where !result.releases[i].isNaN { kept.append(values.values[i * k + j]) }
        return SectorBand(window: w, values: kept, partial: !w.isWholeYear)
    }
}
