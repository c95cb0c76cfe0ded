import R2Model

/// Resolves the names and dates of a query against one scenario.
struct QueryResolver {
    var record: ScenarioRecord

    var scenario: Scenario { record.scenario }
    var elaborator: Elaborator { record.elaborator }

    /// The absolute month of a date, which must lie inside the clock.
    func month(_ e: Quantity) throws(Failure) -> Int {
        let month = Int(try elaborator.constantDate(e).rounded(.down))
        let clock = scenario.clock
        guard (clock.start...clock.end).contains(month) else {
            throw outsideClock(month, e, help: "scenario `\(scenario.name)` simulates \(clockText)")
        }
        return month
    }

    /// The clock as shown, "2025-01 to 2027-12".
    private var clockText: String {
        "\(CalendarDateText.month(scenario.clock.start)) to \(CalendarDateText.month(scenario.clock.end))"
    }

    private func outsideClock(_ month: Int, _ e: Quantity, help: String) -> Failure {
        Failure(.outsideClock(CalendarDateText.month(month), clockText), at: e.range, help: help)
    }

    /// The end of a `release by` (or `release after`) date, whose month must
    /// not lie after the clock: a release after the last month is censored,
    /// so whether it came by a later date is not known (before the clock,
    /// no release has come).
    func releaseBy(_ e: Quantity) throws(Failure) -> Double {
        let end = try elaborator.constantDateEnd(e)
        let month = Int(try elaborator.constantDate(e).rounded(.down))
        let clock = scenario.clock
        guard month <= clock.end else {
            let last = CalendarDateText.month(clock.end)
            throw outsideClock(
                month, e,
                help:
                    "a release after \(last) is censored, its date not known: ask about \(last) or earlier, or extend `clock`"
            )
        }
        return end
    }

    func metric(_ m: MetricSyntax) throws(Failure) -> Metric {
        let e = elaborator
        switch m {
        case .releaseProbability(let date, let released, let reading):
            return .releaseProbability(by: try releaseBy(date), released: released, reading: reading)
        case .foldedProbability(let date, let folded):
            return .foldedProbability(by: try releaseBy(date), folded: folded)
        case .sector(let window, let statistic):
            let w = try sectorWindow(window)
            switch statistic {
            case .mean: return .sector(w, .mean)
            case .median: return .sector(w, .quantile(0.5))
            case .quantile(let p): return .sector(w, .quantile(try e.constantProbability(p, "a quantile level")))
            case .probability(let comparison, let x):
                return .sector(w, .probability(comparison, try e.constantProbability(x, "the threshold")))
            }
        case .adoptionProbability(let date, let comparison, let x):
            return .adoptionProbability(
                month: try month(date), comparison, threshold: try e.constantProbability(x, "the threshold"))
        case .medianRelease(let reading): return .releaseQuantile(0.5, reading)
        case .meanRelease(let reading): return .releaseMean(reading)
        case .releaseQuantile(let p, let reading):
            return .releaseQuantile(try e.constantProbability(p, "a quantile level"), reading)
        case .censored: return .censoredShare
        case .adoptionMean(let date): return .adoptionMean(month: try month(date))
        case .adoptionMedian(let date): return .adoptionQuantile(month: try month(date), level: 0.5)
        case .adoptionQuantile(let p, let date):
            return .adoptionQuantile(
                month: try month(date), level: try e.constantProbability(p, "a quantile level"))
        }
    }

    /// A sector window, which must lie inside the clock: a year (`in 2026`,
    /// clipped to the clock when the clock covers it in part), a range of
    /// months (`in 2025-03 to 2025-08`), or a month's installed share.
    func sectorWindow(_ w: SectorWindowSyntax) throws(Failure) -> SectorWindow {
        let clock = scenario.clock
        switch w.kind {
        case .installed(let date):
            return SectorWindow(.installed(try month(date)), compute: w.compute)
        case .share(let a, let b):
            if b == nil, case .number(let y) = a.kind, y == y.rounded(), y >= 1000, y <= 9999 {
                let year = Int(y)
                let first = max(year * 12, clock.start)
                let last = min(year * 12 + 11, clock.end)
                guard first <= last else {
                    throw Failure(
                        .outsideClock(String(year), clockText), at: a.range,
                        help: "scenario `\(scenario.name)` simulates \(clockText)")
                }
                return SectorWindow(.share(first: first, last: last), compute: w.compute)
            }
            let first = try month(a)
            let last = try b.map { q throws(Failure) in try month(q) } ?? first
            guard first <= last else {
                throw Failure(
                    .backwardsMonths, at: a.range.union(b?.range ?? a.range), help: "write the earlier month first")
            }
            return SectorWindow(.share(first: first, last: last), compute: w.compute)
        }
    }

    /// Quantile levels, 10%, 50% and 90% when none are written.
    func levels(_ list: [Quantity]) throws(Failure) -> [Double] {
        if list.isEmpty { return [0.1, 0.5, 0.9] }
        var levels: [Double] = []
        for p in list { levels.append(try elaborator.constantProbability(p, "a quantile level")) }
        return levels
    }

    /// A bound of an expectation on `metric`; `scenarioIndex` resolves
    /// scenario names written in the bound.
    func bound(
        _ b: BoundSyntax, for metric: Metric, range: SourceRange,
        scenarioNamed: (Name) throws(Failure) -> String
    ) throws(Failure) -> Bound {
        let e = elaborator
        let isTime = metric.isReleaseTime
        let what = isTime ? "a release date" : "a probability or share"
        func value(_ x: Quantity) throws(Failure) -> Double {
            isTime ? try e.constantDate(x) : try e.constantProbability(x, "a bound")
        }
        func mismatch(_ help: String) -> Failure {
            Failure(.boundMismatch(what), at: range, help: help)
        }
        switch b {
        case .between(let a, let c):
            let low = try value(a)
            let high = isTime ? try e.constantDateEnd(c) : try value(c)
            guard low <= high else {
                throw Failure(.backwardsBetween, at: a.range.union(c.range))
            }
            return .between(low, high)
        case .before(let d), .after(let d):
            guard isTime else { throw mismatch("use `above X` or `below X`") }
            if case .before = b { return .below(try e.constantDate(d)) }
            return .above(try e.constantDateEnd(d))
        case .above(let x, let by), .below(let x, let by):
            let isAbove: Bool
            if case .above = b { isAbove = true } else { isAbove = false }
            if case .name(let name) = x.kind, by != nil || e.variables.allSatisfy({ $0.name != name }) {
                // `above SCENARIO [by X or more]`
                guard !isTime else { throw mismatch("use `later than SCENARIO` or `earlier than SCENARIO`") }
                let other = try scenarioNamed(Name(name, range: x.range))
                let margin = try by.map { m throws(Failure) in try e.constantProbability(m, "a margin") } ?? 0
                return isAbove ? .aboveScenario(other, margin: margin) : .belowScenario(other, margin: margin)
            }
            guard !isTime else { throw mismatch("use `before DATE` or `after DATE`") }
            if let by { throw Failure(.differenceNeedsScenario, at: by.range) }
            let threshold = try value(x)
            return isAbove ? .above(threshold) : .below(threshold)
        case .laterThan(let name, let by), .earlierThan(let name, let by):
            guard isTime else { throw mismatch("use `above SCENARIO` or `below SCENARIO`") }
            let other = try scenarioNamed(name)
            let margin = try by.map { m throws(Failure) in try e.duration(m, "a margin") }
            let months =
                try margin.map { v throws(Failure) in
                    guard let x = e.constant(v) else {
                        throw Failure(.notConstant("a margin"), at: by!.range)
                    }
                    return x
                } ?? 0
            if case .laterThan = b { return .aboveScenario(other, margin: months) }
            return .belowScenario(other, margin: months)
        }
    }

    func observation(_ o: ObservationSyntax) throws(Failure) -> Condition {
        let e = elaborator
        switch o {
        case .release(let date, let happened):
            return .release(by: try releaseBy(date), happened: happened)
        case .adoption(let date, let comparison, let x):
            return .adoption(
                month: try month(date), comparison: comparison,
                threshold: try e.constantProbability(x, "the threshold"))
        case .export(let chip, let kind, let date):
            let index = try record.chipIndex(
                chip, origin: .foreign, for: "observe export", help: "export rules apply to foreign chips")
            return .export(chip: index, month: try month(date), status: kind)
        case .event(let name, let fired):
            guard let index = scenario.events.firstIndex(where: { $0.name == name.text }) else {
                throw Failure(
                    .unknownEvent(name.text), at: name.range,
                    help: Suggestion.help(for: name.text, in: scenario.events.map(\.name)))
            }
            return .event(index, fired: fired)
        case .folded(let date, let happened):
            return .folded(by: try releaseBy(date), happened: happened)
        }
    }

    func explainTarget(_ name: Name?) throws(Failure) -> ExplainTarget {
        guard let name else { return .all }
        if let chip = scenario.chipIndex(named: name.text) { return .chip(chip) }
        if let variable = scenario.variables.lastIndex(where: { $0.name == name.text }) {
            return .variable(variable)
        }
        if let event = scenario.events.firstIndex(where: { $0.name == name.text }) { return .event(event) }
        if name.text == "r2" { return .r2 }
        if name.text == "pressure" { return .pressure }
        let known =
            scenario.chips.map(\.name) + scenario.variables.map(\.name) + scenario.events.map(\.name) + [
                "r2", "pressure",
            ]
        throw Failure(
            .unknownExplainTarget(name.text), at: name.range, help: Suggestion.help(for: name.text, in: known)
        )
    }

    func trace(_ t: TraceSyntax) throws(Failure) -> TraceSelector {
        let e = elaborator
        switch t {
        case .trial(let n):
            let number = try e.constantInteger(n, "a trial number")
            guard number >= 1 else {
                throw Failure(.traceIndex, at: n.range, help: "this is \(NumberText.plain(number))")
            }
            guard number <= Double(Scenario.maximumTrials) else {
                throw Failure(
                    .traceBeyondTrials(NumberText.plain(number)), at: n.range,
                    help: "a run has at most \(NumberText.count(Scenario.maximumTrials)) trials")
            }
            return .trial(Int(number))
        case .releaseAfter(let d): return .releaseAfter(try releaseBy(d))
        case .releaseBefore(let d): return .releaseBefore(try e.constantDate(d))
        case .noRelease: return .noRelease
        }
    }
}
