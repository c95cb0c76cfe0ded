import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// Checks an expectation at the scenario's seed and trial count: the
    /// estimate, the bound, the standard error and the margin in standard errors.
    func check(_ e: Expectation, _ q: ResolvedQuery, snapshot: Workspace, file: SourceFile) throws(QueryFailure)
        -> ExpectationResult
    {
        guard let scenario = snapshot.scenario(named: e.scenario) else {
            throw queryError(
                "expect.scenario", "unknown scenario `\(e.scenario)`", q, file,
                help: nil)
        }
        if let cap = configuration.expectationCap {
            var result = try decide(e, q, cap: cap, snapshot: snapshot, file: file)
            result.seed = runParameters(scenario).seed
            return result
        }
        if let p = precision(for: q, scenario) {
            let outcome = try runToPrecision(p) { () throws(QueryFailure) in
                try precisionGaps(q, scenario, p, snapshot: snapshot, file: file)
            }
            return try withTrials(outcome.trials) { () throws(QueryFailure) in
                var result = try checkRun(e, q, snapshot: snapshot, file: file)
                (result.trials, result.seed) = runParameters(scenario)
                result.precisionNote = outcome.line
                return result
            }
        }
        var result = try checkRun(e, q, snapshot: snapshot, file: file)
        (result.trials, result.seed) = runParameters(scenario)
        return result
    }

    /// The expectation checked at the current trial count.
    func checkRun(_ e: Expectation, _ q: ResolvedQuery, snapshot: Workspace, file: SourceFile) throws(QueryFailure)
        -> ExpectationResult
    {
        guard let scenario = snapshot.scenario(named: e.scenario) else {
            throw queryError("expect.scenario", "unknown scenario `\(e.scenario)`", q, file, help: nil)
        }
        let windows = e.metric.extraSectorWindows
        let (report, result) = try forecast(scenario, sectorWindows: windows, query: q, file: file)
        let m = try measured(e.metric, report, result, q, file)
        let start = Double(report.clockStart)
        // Release-time bounds are absolute months; measure them from the clock's start.
        func local(_ x: Double) -> Double { e.metric.isReleaseTime ? x - start : x }
        // A quantile after the horizon counts as +infinity; a mean of
        // released trials with none released is undefined (NaN): it meets
        // no bound, so the expectation fails and says why.
        let v = m.value ?? (m.isMeanOfReleased ? .nan : .infinity)
        var se = m.standardError
        var estimate = m.text
        if m.isMeanOfReleased, let note = m.missingNote { estimate += " (\(note))" }
        var errorText = m.errorText
        // A share at 0 or 1 has a binomial error of 0, which made every
        // margin infinite: no kept trial fell on the other side. Its error is
        // taken as that of 1 in n + 2 (one more trial would have), so that a
        // bound near it is fragile, not passed with certainty. A sector
        // share is over the trials where it is defined, not all kept ones.
        let measuredTrials = m.undefined.map { $0.of - $0.count } ?? report.kept
        if !e.metric.isReleaseTime, se == 0, v == 0 || v == 1, measuredTrials > 0 {
            let n = Double(measuredTrials)
            let floor = (1 / (n + 2) * (1 - 1 / (n + 2)) / n).squareRoot()
            se = floor
            errorText = Format.percent(floor, digits: 3) + ", none of \(Format.count(measuredTrials)) on the other side"
        }
        let passed: Bool
        var distance: Double?
        let boundText: String
        // A bound no estimate can meet: its failure is no matter of Monte
        // Carlo error, so it is not called fragile.
        var unreachable: String?
        switch e.bound {
        case .between(let a, let b):
            let lo = local(a), hi = local(b)
            passed = v >= lo && v <= hi
            distance = min(abs(v - lo), abs(v - hi))
            boundText = "between \(show(a, e.metric)) and \(show(b, e.metric, end: true))"
        case .above(let x):
            passed = v > local(x)
            distance = abs(v - local(x))
            boundText = (e.metric.isReleaseTime ? "after " : "above ") + show(x, e.metric, end: true)
            // A share is at most 100%: no seed can pass `above 100%`.
            if !e.metric.isReleaseTime && x >= 1 { unreachable = "no share lies above 100%" }
        case .below(let x):
            passed = v < local(x)
            distance = abs(v - local(x))
            boundText = (e.metric.isReleaseTime ? "before " : "below ") + show(x, e.metric)
            if !e.metric.isReleaseTime && x <= 0 { unreachable = "no share lies below 0%" }
        case .aboveScenario(let other, let margin), .belowScenario(let other, let margin):
            guard let otherScenario = snapshot.scenario(named: other) else {
                throw queryError(
                    "expect.scenario", "unknown scenario `\(other)`", q, file,
                    help: nil)
            }
            if other == e.scenario {
                throw queryError(
                    "expect.self", "an expectation compares `\(other)` with itself", q, file,
                    help: "name two different scenarios")
            }
            let (otherReport, otherResult) = try forecast(otherScenario, sectorWindows: windows, query: q, file: file)
            let o = try measured(e.metric, otherReport, otherResult, q, file)
            let ov = o.value ?? .infinity
            // Scenarios share a clock start only if declared so; compare in absolute months.
            let shift = e.metric.isReleaseTime ? Double(report.clockStart - otherReport.clockStart) : 0
            let diff = (v + shift) - ov
            let isAbove: Bool
            if case .aboveScenario = e.bound { isAbove = true } else { isAbove = false }
            // `later than` and `above` without a margin are strict: a tie
            // fails; `by X or more` includes X.
            let signed = isAbove ? diff : -diff
            passed = margin == 0 ? signed > 0 : signed >= margin
            // The paired error under common random numbers where the metric
            // has one; the independent combination otherwise.
            let combined = pairedError(e.metric, result, otherResult) ?? (se ?? .nan).hypot(o.standardError ?? .nan)
            distance = diff.isFinite ? abs(signed - margin) : nil
            estimate = differenceText(diff, e.metric) + " (\(e.scenario) \(m.text) vs \(other) \(o.text))"
            // A difference between scenarios conditioned apart mixes the
            // scenarios' changes with their conditions: said, as `compare` says it.
            let conditionedApart =
                report.observations == otherReport.observations
                ? nil
                : "`\(e.scenario)` and `\(other)` are not conditioned alike (\(Self.givenText(report)); \(Self.givenText(otherReport))), so the difference mixes the scenarios' changes with their conditions"
            if diff == 0 {
                // Under common random numbers an exact tie is no noise: the
                // two scenarios give this metric the same value.
                estimate += ", identical under common random numbers"
                var tie = ExpectationResult(
                    location: q.location, statement: q.text, status: passed ? .passed : .failed,
                    estimate: estimate, bound: boundTextFor(isAbove, other, margin, e.metric), standardError: nil,
                    marginInStandardErrors: nil)
                tie.errorValue = 0
                tie.value = 0
                tie.isTime = e.metric.isReleaseTime
                tie.bounds = [margin]
                tie.scenarioValues = [m.value, o.value]
                tie.clockStart = Format.month(report.clockStart)
                tie.warning = conditionedApart
                return tie
            }
            errorText =
                combined.isFinite
                ? (e.metric.isReleaseTime ? Format.days(combined) : Format.percent(combined, digits: 2)) : nil
            boundText = boundTextFor(isAbove, other, margin, e.metric)
            var paired = ExpectationResult(
                location: q.location, statement: q.text, status: passed ? .passed : .failed,
                estimate: estimate, bound: boundText, standardError: errorText,
                marginInStandardErrors: distance.flatMap { d in
                    combined.isFinite && combined > 0 ? d / combined : (combined == 0 ? .infinity : nil)
                })
            paired.errorValue = combined.isFinite ? combined : nil
            paired.value = diff.isFinite ? diff : nil
            paired.isTime = e.metric.isReleaseTime
            paired.bounds = [margin]
            paired.scenarioValues = [m.value, o.value]
            paired.clockStart = Format.month(report.clockStart)
            paired.warning = conditionedApart
            return paired
        }
        let margin: Double? =
            unreachable != nil
            ? nil
            : distance.flatMap { d in
                guard d.isFinite, let se, se.isFinite else { return nil }
                return se > 0 ? d / se : .infinity
            }
        var checked = ExpectationResult(
            location: q.location, statement: q.text, status: passed ? .passed : .failed,
            estimate: estimate, bound: boundText, standardError: errorText, marginInStandardErrors: margin)
        checked.errorValue = se
        checked.value = m.value
        checked.isTime = e.metric.isReleaseTime
        checked.clockStart = Format.month(report.clockStart)
        checked.undefinedTrials = m.undefined?.count
        checked.warning = unreachable.map { "\($0): this bound cannot be met" }
        checked.undefinedNote = m.undefinedNote
        switch e.bound {
        case .between(let a, let b): checked.bounds = [local(a), local(b)]
        case .above(let x), .below(let x): checked.bounds = [local(x)]
        default: break
        }
        return checked
    }

    /// `later than hawk by 1.0 months or more`, `above hawk`.
    private func boundTextFor(_ isAbove: Bool, _ other: String, _ margin: Double, _ metric: Metric) -> String {
        let word = metric.isReleaseTime ? (isAbove ? "later than" : "earlier than") : (isAbove ? "above" : "below")
        let by =
            margin == 0
            ? "" : " by " + (metric.isReleaseTime ? Format.months(margin) : Format.percent(margin)) + " or more"
        return "\(word) \(other)\(by)"
    }

    /// A bound as written: a date bound that is the end of a month or day
    /// (`end`) names that month or day, not the instant after it.
    private func show(_ x: Double, _ metric: Metric, end: Bool = false) -> String {
        // A share as written when one decimal would hide it (0.01%, not 0.0%).
        guard metric.isReleaseTime else {
            let shown = Format.percent(x)
            return abs((x * 1000).rounded() - x * 1000) < 1e-9 ? shown : Format.percentAsWritten(x)
        }
        if x == x.rounded() { return Format.month(Int(x) - (end ? 1 : 0)) }
        // A day's start, (d - 1) / days into its month, can fall a hair short
        // of it in floating point (2025-08-13 read back as 2025-08-12): the
        // nudge puts it back inside its day.
        return CalendarDate.day(monthsAfter: 0, end ? x - 1e-9 : x + 1e-9).description
    }

    private func differenceText(_ d: Double, _ metric: Metric) -> String {
        guard d.isFinite else { return d > 0 ? "+∞" : (d < 0 ? "-∞" : "n/a") }
        if metric.isReleaseTime { return (d >= 0 ? "+" : "") + Format.months(d) }
        return (d >= 0 ? "+" : "") + Format.percent(d)
    }
}

extension Session {
    /// `a given no flagship before 2025-08-14 (as of)`, or `b given nothing`.
    static func givenText(_ report: ForecastReport) -> String {
        report.observations.isEmpty
            ? "\(report.scenario) given nothing"
            : "\(report.scenario) given \(report.observations.joined(separator: "; "))"
    }
}

extension Double {
    fileprivate func hypot(_ other: Double) -> Double { (self * self + other * other).squareRoot() }
}

extension ExpectationResult {
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("query", "expect"), ("location", .string(location)), ("statement", .string(statement)),
            ("status", .string(status.rawValue)), ("fragile", .bool(isFragile)),
            ("unit", .string(isTime ? "months" : "share")), ("clock_start", clockStart.map { .string($0) } ?? .null),
            ("value", .finite(value)), ("se", .finite(errorValue)), ("bounds", .array(bounds.map { .finite($0) })),
            ("scenario_values", .array(scenarioValues.map { .finite($0) })),
            ("estimate_text", .string(estimate)), ("bound_text", .string(bound)),
            ("se_text", standardError.map { .string($0) } ?? .null),
            ("margin_se", .finite(marginInStandardErrors)),
            ("trials", trials.map { .number(Double($0)) } ?? .null),
            ("seed", seed.map { .number(Double($0)) } ?? .null),
        ]
        if let undefinedTrials { members.append(("undefined_trials", .number(Double(undefinedTrials)))) }
        if let warning { members.append(("warning", .string(warning))) }
        return .object(members)
    }
}
