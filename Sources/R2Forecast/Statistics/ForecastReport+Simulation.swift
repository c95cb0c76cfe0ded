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
    }
}
