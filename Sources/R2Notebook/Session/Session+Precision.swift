import R2Engine
import R2Forecast
import R2Language
import R2Model

/// One number a precision run watches: its standard error against its target.
struct PrecisionGap {
    /// What the number is, as the output names it.
    var what: String
    var standardError: Double
    var isTime: Bool
    var target: Double
    var ratio: Double { standardError / target }

    var errorText: String {
        isTime ? Format.days(standardError) : Format.percent(standardError, digits: standardError < 0.001 ? 3 : 2)
    }
}

/// Where a run to a precision stopped.
struct PrecisionOutcome {
    var precision: Precision
    var trials: Int
    /// The number furthest from its target at the last check; nil when no
    /// number asked for has a standard error.
    var worst: PrecisionGap?
    var reached: Bool { (worst?.ratio ?? 0) <= 1 }

    /// `±0.5%, ±3 days`
    var targetText: String {
        var parts: [String] = []
        if let s = precision.share { parts.append("±" + Format.percentAsWritten(s)) }
        if let m = precision.months { parts.append("±" + Format.days(m)) }
        return parts.joined(separator: ", ")
    }

    /// The line printed under the query's output.
    var line: String {
        // One number (a metric, an expectation) is named by its own line.
        let largest =
            worst.map { $0.what.isEmpty ? " (±\($0.errorText))" : " (largest error ±\($0.errorText), \($0.what))" }
            ?? ""
        if reached { return "precision \(targetText) reached at \(Format.count(trials)) trials\(largest)" }
        return
            "precision \(targetText) NOT reached: stopped at the cap of \(Format.count(trials)) trials\(largest); raise it with `max`"
    }

    var json: JSONValue {
        .object([
            ("target_se", .finite(precision.share)), ("target_se_months", .finite(precision.months)),
            ("cap", .number(Double(precision.cap))), ("trials", .number(Double(trials))),
            ("reached", .bool(reached)),
            ("largest_se", .finite(worst.map { $0.standardError })),
            ("largest_se_of", worst.map { .string($0.what) } ?? .null),
        ])
    }
}

extension Session {
    /// The precision `q` runs to: its own, else its scenario's (`trials to
    /// ±X`) unless a trial count is imposed (`--trials`, `:set trials`).
    func precision(for q: ResolvedQuery, _ scenario: Scenario) -> Precision? {
        if let p = q.precision { return p }
        guard configuration.trials == nil, trialOverride == nil, let p = scenario.precision else { return nil }
        switch q.query {
        case .forecast, .metric, .releaseQuantiles, .adoptionQuantiles, .expect: return p
        default: return nil
        }
    }

    /// Evaluates `body` with every run at `trials` trials.
    func withTrials<T>(_ trials: Int, _ body: () throws(QueryFailure) -> T) throws(QueryFailure) -> T {
        let saved = trialOverride
        trialOverride = trials
        defer { trialOverride = saved }
        return try body()
    }

    /// Checks at `Precision.firstCheck` trials, then at whole blocks chosen
    /// from the last check's errors, until the worst number `measure` reports
    /// is within its target or the cap is reached. Runs are extended, not
    /// restarted (`simulate` reuses a cached run's trials as a prefix).
    func runToPrecision(
        _ p: Precision, measure: () throws(QueryFailure) -> [PrecisionGap]
    ) throws(QueryFailure) -> PrecisionOutcome {
        var trials = Precision.firstCheck
        while true {
            let gaps = try withTrials(trials) { () throws(QueryFailure) in try measure() }
            let worst = gaps.max { $0.ratio < $1.ratio }
            let outcome = PrecisionOutcome(precision: p, trials: trials, worst: worst)
            if outcome.reached || trials >= p.cap { return outcome }
            trials = p.nextCheck(after: trials, ratio: worst?.ratio ?? 1)
        }
    }

    /// The numbers a query reports, with their errors, against `p`.
    func precisionGaps(_ q: ResolvedQuery, _ scenario: Scenario, _ p: Precision, snapshot: Workspace, file: SourceFile)
        throws(QueryFailure) -> [PrecisionGap]
    {
        var gaps: [PrecisionGap] = []
        func add(_ what: String, _ se: Double?, isTime: Bool) {
            guard let target = p.target(isTime: isTime), let se, se.isFinite else { return }
            gaps.append(PrecisionGap(what: what, standardError: se, isTime: isTime, target: target))
        }
        switch q.query {
        case .forecast:
            let (report, _) = try forecast(scenario, query: q, file: file)
            let release = report.release
            let which = report.named == nil ? "release" : "flagship"
            for level in [0.1, 0.5, 0.9] {
                add("\(which) p\(Int(level * 100))", release.quantileEstimate(level).standardError, isTime: true)
            }
            add("mean \(which)", release.uncensoredMean?.standardError, isTime: true)
            add(
                "\(which) by \(Format.month(report.clockEnd))",
                release.probability(by: Double(report.steps)).standardError, isTime: false)
            if let named = report.named {
                add("named released", named.releasedShare.standardError, isTime: false)
                add("named folded", named.foldedShare.standardError, isTime: false)
            }
            for month in report.summaryMonths {
                add("adoption \(Format.month(month)) mean", report.band(at: month)?.mean.standardError, isTime: false)
            }
            for band in report.sector { add("sector \(band.window) mean", band.mean.standardError, isTime: false) }
        case .metric(let metric):
            let (report, result) = try forecast(
                scenario, sectorWindows: metric.extraSectorWindows, query: q, file: file)
            let m = try measured(metric, report, result, q, file)
            add("", m.standardError, isTime: metric.isReleaseTime)
        case .releaseQuantiles(let levels, let reading):
            let (report, result) = try forecast(scenario, query: q, file: file)
            for level in levels {
                let m = try measured(.releaseQuantile(level, reading), report, result, q, file)
                add("quantile \(Format.percent(level))", m.standardError, isTime: true)
            }
        case .adoptionQuantiles(let month, let levels):
            let (report, result) = try forecast(scenario, query: q, file: file)
            for level in levels {
                let m = try measured(.adoptionQuantile(month: month, level: level), report, result, q, file)
                add("quantile \(Format.percent(level))", m.standardError, isTime: false)
            }
        case .expect(let e):
            let r = try checkRun(e, q, snapshot: snapshot, file: file)
            add("", r.errorValue, isTime: e.metric.isReleaseTime)
        default:
            break
        }
        return gaps
    }

    /// Executes `q` to precision `p`: the run grows until every number the
    /// query reports is within its target, then the query is answered at
    /// that trial count with a line saying what was reached.
    func executeToPrecision(
        _ q: ResolvedQuery, _ p: Precision, _ scenario: Scenario, snapshot: Workspace, file: SourceFile
    ) throws(QueryFailure) -> [CellOutput] {
        let outcome = try runToPrecision(p) { () throws(QueryFailure) in
            try precisionGaps(q, scenario, p, snapshot: snapshot, file: file)
        }
        var outputs = try withTrials(outcome.trials) { () throws(QueryFailure) in
            try execute(q, in: snapshot, file: file)
        }
        guard var last = outputs.popLast() else { return outputs }
        last.plainText += "\n" + outcome.line
        last.styledText +=
            "\n" + (outcome.reached ? configuration.style.dim(outcome.line) : configuration.style.yellow(outcome.line))
        if case .object(var members) = last.json {
            members.append(("precision", outcome.json))
            last.json = .object(members)
        }
        outputs.append(last)
        return outputs
    }

    /// `r2cast test --precision`: checks `e` at growing trial counts until
    /// its estimate is at least `ExpectationResult.fragileMargin` standard
    /// errors from its bound (decided) or `cap` trials are reached; the
    /// result says which, and at how many trials.
    func decide(_ e: Expectation, _ q: ResolvedQuery, cap: Int, snapshot: Workspace, file: SourceFile)
        throws(QueryFailure) -> ExpectationResult
    {
        let needed = ExpectationResult.fragileMargin
        // The same schedule as any precision run: an expectation m standard
        // errors from its bound is `needed / m` times short of decided.
        let outcome = try runToPrecision(Precision(cap: cap)) { () throws(QueryFailure) in
            let margin = try checkRun(e, q, snapshot: snapshot, file: file).marginInStandardErrors
            guard let margin, margin < needed else { return [] }
            return [PrecisionGap(what: "", standardError: needed, isTime: false, target: max(0, margin))]
        }
        var result = try withTrials(outcome.trials) { () throws(QueryFailure) in
            try checkRun(e, q, snapshot: snapshot, file: file)
        }
        result.trials = outcome.trials
        result.decision = outcome.reached ? .decided : .undecided(cap: cap)
        return result
    }
}
