import Foundation
import R2Engine
import R2Forecast
import R2Language
import R2Model

/// What determines a run's result.
struct RunKey: Hashable {
    var scenario: Scenario
    var trials: Int
    var seed: UInt64
    var conditions: [Condition]
    /// Steps whose per-trial adoption the run keeps (compare's paired errors).
    var probes: [Int] = []
    /// Sector windows computed besides the calendar years (model v2).
    var sectorWindows: [SectorWindow] = []
}

/// What determines a report: its run and the observations it names.
struct ReportKey: Hashable {
    var run: RunKey
    var observations: [String]
}

extension Session {
    /// The trial count and seed a run of `scenario` uses.
    func runParameters(_ scenario: Scenario) -> (trials: Int, seed: UInt64) {
        (trialOverride ?? configuration.trials ?? scenario.trials, configuration.seed ?? scenario.seed)
    }

    /// Runs `scenario` with the observations in force for it (or `conditions`
    /// when given), keeping every trial's adoption at the steps `probes`,
    /// reusing an identical earlier run.
    func simulate(
        _ scenario: Scenario, conditions: [Condition]? = nil, probes: [Int] = [], query: ResolvedQuery, file: SourceFile
    ) throws(QueryFailure) -> SimulationResult {
        try simulate(
            runKey(scenario, conditions: conditions, probes: probes), fromObservations: conditions == nil, query: query,
            file: file)
    }

    /// The run of `key` (cached or made).
    private func simulate(_ key: RunKey, fromObservations: Bool, query: ResolvedQuery, file: SourceFile)
        throws(QueryFailure) -> SimulationResult
    {
        let (scenario, trials, seed, conditions, probes) = (
            key.scenario, key.trials, key.seed, key.conditions, key.probes
        )
        let sectorWindows = key.sectorWindows
        if let hit = cache[key] { return hit }
        let compiled: CompiledScenario
        do {
            compiled = try Engine.compile(scenario)
        } catch {
            throw queryError("engine.compile", "scenario `\(scenario.name)` cannot be simulated: \(error)", query, file)
        }
        let flag = CancellationFlag()
        let interrupted = configuration.isInterrupted
        // A run of the same key with fewer trials is this run's prefix
        // (trial k's numbers do not depend on the run's size, and merging
        // is exact): only the trials after it run (runs to a precision).
        var prefix: (key: RunKey, value: SimulationResult)?
        for entry in cache where entry.key.trials < trials && entry.key.trials > (prefix?.key.trials ?? 0) {
            var same = key
            same.trials = entry.key.trials
            if entry.key == same { prefix = entry }
        }
        let first = prefix?.key.trials ?? 0
        let bar =
            configuration.showsProgress ? ProgressBar(total: trials - first, width: configuration.style.width) : nil
        var options = SimulationOptions(
            trials: trials - first, seed: seed, threads: configuration.threads, firstTrial: first,
            conditions: conditions,
            cancellation: flag,
            progress: { done in
                if interrupted() { flag.cancel() }
                bar?.update(done)
            }, adoptionProbes: probes)
        options.sectorWindows = sectorWindows
        // An interrupt that came during an earlier run of this cell cancels
        // this one before it starts: a run shorter than the progress poll
        // (25 ms) finished before it looked, and `sensitivity`, which runs
        // two such forecasts an input, could not be stopped.
        if interrupted() { throw .cancelled }
        let start = Date()
        var result: SimulationResult
        do {
            result = try Engine.run(compiled, options: options)
            if let prefix {
                result = try SimulationResult.merged([prefix.value, result])
                // The longer run replaces its prefix.
                cache[prefix.key] = nil
            }
        } catch {
            bar?.finish()
            if case .cancelled = error { throw .cancelled }
            throw queryError("engine.run", "\(error)", query, file)
        }
        bar?.finish()
        if configuration.showsTime {
            let ms = Date().timeIntervalSince(start) * 1000
            FileHandle.standardError.write(
                Data("run: \(scenario.name), \(trials) trials, \(Format.fixed(ms, digits: 1)) ms\n".utf8))
        }
        if result.accepted == 0 && (!conditions.isEmpty || scenario.asOfBound != nil) && fromObservations {
            let names = conditionTexts(scenario).map { "`\($0)`" }.joined(separator: ", ")
            throw queryError(
                "observe.none", "no trial of `\(scenario.name)` satisfies what it is conditioned on: \(names)", query,
                file,
                help: conditions.isEmpty
                    ? "the as-of date rules out every trial: check `as of`, or say `flagship shipped`"
                    : "remove an observation with `unobserve` (or `unobserve all`)")
        }
        // Bounded by count and by size: a run keeps 8 bytes per trial, and
        // its report as many again.
        if cache.count >= 64 || cache.values.reduce(trials, { $0 + $1.trials }) > cachedTrialLimit {
            cache.removeAll()
            reports.removeAll()
        }
        cache[key] = result
        return result
    }

    /// The key of a run of `scenario` under `conditions` (by default the
    /// observations in force for it) keeping adoption at `probes`.
    func runKey(
        _ scenario: Scenario, conditions: [Condition]? = nil, probes: [Int] = [], sectorWindows: [SectorWindow] = []
    ) -> RunKey {
        let (trials, seed) = runParameters(scenario)
        let conditions = conditions ?? (observations[scenario.name] ?? []).map(\.condition)
        return RunKey(
            scenario: scenario, trials: trials, seed: seed, conditions: conditions, probes: probes,
            sectorWindows: sectorWindows)
    }

    /// What a forecast of `scenario` is conditioned on, as the report says
    /// it: the as-of date's condition, then the observations as written.
    func conditionTexts(_ scenario: Scenario) -> [String] {
        (scenario.asOfConditionText.map { [$0] } ?? []) + (observations[scenario.name] ?? []).map(\.text)
    }

    /// The forecast report of `scenario` under its observations, built once
    /// per run however many queries and expectations read it.
    func forecast(
        _ scenario: Scenario, probes: [Int] = [], sectorWindows: [SectorWindow] = [], query: ResolvedQuery,
        file: SourceFile
    ) throws(QueryFailure) -> (ForecastReport, SimulationResult) {
        let run = runKey(scenario, probes: probes, sectorWindows: sectorWindows)
        let result = try simulate(run, fromObservations: true, query: query, file: file)
        let obs = conditionTexts(scenario)
        let key = ReportKey(run: run, observations: obs)
        if let hit = reports[key] { return (hit, result) }
        let report = ForecastReport(result: result, scenario: scenario.name, observations: obs)
        // Kept while its run is (a run that emptied the caches is in them).
        reports[key] = report
        return (report, result)
    }
}

/// A failure reported as a diagnostic under the query that caused it.
func queryError(
    _ id: String, _ text: String, _ query: ResolvedQuery, _ file: SourceFile, help: String? = nil, note: String? = nil
) -> QueryFailure {
    .diagnostic(Diagnostic(DiagnosticMessage(id: id, text: text), in: file, at: query.range, help: help, note: note))
}

extension Scenario {
    /// What the as-of date conditions on, as reports say it; nil when
    /// there is no date or the flagship had shipped.
    var asOfConditionText: String? {
        guard let date = knownAsOf, asOfBound != nil else { return nil }
        return "no flagship before \(date) (as of)"
    }
}
