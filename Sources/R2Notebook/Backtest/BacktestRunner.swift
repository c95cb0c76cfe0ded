import R2Engine
import R2Forecast
import R2Language
import R2Model

/// Scores scenario files against outcomes observed later (docs/BACKTEST.md).
///
/// Each file is loaded in a fresh session, as `r2cast run` would load it
/// (its queries and expectations run too). Its main scenario, the one
/// current at the end of the file, is run once at the file's own trial
/// count and seed unless the options override them, under the file's
/// observations if it has any; every question's probability comes from that
/// one run. A question is scored only when the scenario's `as of` date comes
/// strictly before the question's resolution.
public struct BacktestRunner {
    public struct Options: Sendable {
        public var trials: Int?
        public var seed: UInt64?
        public var threads: Int
        public var questions: [BacktestQuestion]
        public var reference: ReferenceForecast
        /// The month adoption is compared with the sector at.
        public var adoptionMonth: CalendarDate
        public var sector: [SectorFigure]
        public var continuous: [ContinuousQuestion] = BacktestOutcomes.continuous

        public init(
            trials: Int? = nil, seed: UInt64? = nil, threads: Int = SimulationOptions.defaultThreads,
            questions: [BacktestQuestion] = BacktestOutcomes.questions, reference: ReferenceForecast = .coinFlip,
            adoptionMonth: CalendarDate = BacktestOutcomes.adoptionMonth,
            sector: [SectorFigure] = BacktestOutcomes.sector
        ) {
            self.trials = trials
            self.seed = seed
            self.threads = threads
            self.questions = questions
            self.reference = reference
            self.adoptionMonth = adoptionMonth
            self.sector = sector
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Backtests every file, in the order given.
    public func run(files: [String]) -> BacktestReport {
        BacktestReport(files: files.map(run(file:)), options: options)
    }

    /// Backtests one file.
    public func run(file path: String) -> BacktestFileResult {
        let session = Session(
            configuration: SessionConfiguration(trials: options.trials, seed: options.seed, threads: options.threads))
        let cell = session.load(path: path)
        if cell.failed {
            let errors = cell.outputs.filter(\.isError).map(\.plainText)
            return BacktestFileResult(path: path, error: errors.first ?? "error: \(path) failed to load")
        }
        guard let scenario = session.workspace.currentScenario else {
            return BacktestFileResult(path: path, error: "error: \(path) defines no scenario")
        }
        let (trials, seed) = session.runParameters(scenario)
        var file = BacktestFileResult(
            path: path, scenario: scenario.name, knownAsOf: scenario.knownAsOf, trials: trials, seed: seed)
        let result: SimulationResult
        do {
            result = try simulate(scenario, in: session, trials: trials, seed: seed)
        } catch {
            file.error = "error: scenario `\(scenario.name)` of \(path) cannot be simulated: \(error)"
            return file
        }
        file.accepted = result.accepted
        guard result.accepted > 0 else {
            file.error = "error: no trial of `\(scenario.name)` satisfies the observations of \(path)"
            return file
        }
        let releases = ReleaseDistribution(releases: result.releases, horizon: result.steps)
        let named = ReleaseDistribution(releases: result.namedReleases, horizon: result.steps)
        file.scores = options.questions.map { q in
            var s = score(q, knownAsOf: scenario.knownAsOf, result: result, releases: releases, named: named)
            // A scenario written after the flagship shipped forecasts its
            // successor: questions about that flagship are not its to answer.
            if scenario.flagshipShipped, q.reading == .nextFlagship, s.unscoredReason == nil {
                s.unscoredReason =
                    "the flagship had shipped by \(scenario.knownAsOf?.description ?? "its date"): the scenario forecasts the next one"
            }
            return s
        }
        file.continuous = options.continuous.map { q in
            var s = ContinuousScore(question: q, crps: q.score(result), naiveCRPS: nil, unscoredReason: nil)
            if let k = scenario.knownAsOf {
                s.naiveCRPS = abs(q.naive(k) - q.outcome)
                if k.backtestEnd >= q.knowableOn.backtestEnd {
                    s.unscoredReason = "as of \(k) is not before \(q.knowableOn)"
                }
            } else {
                s.unscoredReason = "no `as of` date: the knowledge date is unknown"
            }
            if s.crps == nil, s.unscoredReason == nil { s.unscoredReason = "cannot be read from the run" }
            return s
        }
        file.adoption = AdoptionReading(
            result, month: options.adoptionMonth.absoluteMonth, levels: options.sector.map(\.share))
        return file
    }

    /// One question against one run.
    func score(
        _ q: BacktestQuestion, knownAsOf: CalendarDate?, result: SimulationResult, releases: ReleaseDistribution,
        named: ReleaseDistribution? = nil
    ) -> QuestionScore {
        let p = q.event.probability(result, releases: releases, named: named)
        var reason: String?
        if let why = q.event.unavailableReason(clock: result.clock, hasSector: result.sector != nil) {
            reason = "cannot be read: " + why
        } else if knownAsOf == nil {
            reason = "no `as of` date: the knowledge date is unknown"
        } else if let k = knownAsOf, !q.isScored(knownAsOf: k) {
            reason = "as of \(k) is not before \(q.resolvesOn)"
        }
        return QuestionScore(
            question: q, probability: p, unscoredReason: reason, referenceProbability: options.reference.probability(q))
    }

    /// The run of `scenario` that the file's own `forecast` made, when it
    /// made one with these parameters; otherwise a new run.
    func simulate(_ scenario: Scenario, in session: Session, trials: Int, seed: UInt64) throws -> SimulationResult {
        let conditions = (session.observations[scenario.name] ?? []).map(\.condition)
        let key = RunKey(scenario: scenario, trials: trials, seed: seed, conditions: conditions)
        if let cached = session.cache[key] { return cached }
        let compiled = try Engine.compile(scenario)
        return try Engine.run(
            compiled,
            options: SimulationOptions(trials: trials, seed: seed, threads: options.threads, conditions: conditions))
    }
}
