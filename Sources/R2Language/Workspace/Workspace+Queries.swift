import R2Model

extension Workspace {
    /// Resolves a query against the scenario at `index`; returns it with the
    /// name of the scenario it runs against.
    func resolve(
        _ query: QuerySyntax, in index: Int, context: StatementContext
    ) throws(Failure) -> (Query, String) {
        var target = index
        var others: [Int] = []
        var checksTarget = true
        let resolver = QueryResolver(record: records[index])
        let scenarioNamed = { (name: Name) throws(Failure) -> String in
            let other = try self.recordIndex(of: name)
            others.append(other)
            return name.text
        }
        let resolved: Query
        switch query {
        case .forecast: resolved = .forecast
        case .metric(let m): resolved = .metric(try resolver.metric(m))
        case .quantileRelease(let ps, let reading): resolved = .releaseQuantiles(try resolver.levels(ps), reading)
        case .quantileAdoption(let date, let ps):
            resolved = .adoptionQuantiles(month: try resolver.month(date), try resolver.levels(ps))
        case .expect(let m, let scenario, let b):
            if let scenario { target = try recordIndex(of: scenario) }
            let onTarget = QueryResolver(record: records[target])
            let metric = try onTarget.metric(m)
            let bound = try onTarget.bound(
                b, for: metric, range: context.statement.range, scenarioNamed: scenarioNamed)
            resolved = .expect(
                Expectation(metric: metric, scenario: records[target].scenario.name, bound: bound))
        case .compare(let names, let by, let at):
            checksTarget = false
            var scenarios: [String] = []
            for name in names { scenarios.append(try scenarioNamed(name)) }
            var dates: [Double] = []
            for d in by {
                for other in others { _ = try QueryResolver(record: records[other]).releaseBy(d) }
                dates.append(try resolver.releaseBy(d))
            }
            var months: [Int] = []
            for d in at {
                for other in others { _ = try QueryResolver(record: records[other]).month(d) }
                months.append(try resolver.month(d))
            }
            resolved = .compare(scenarios: scenarios, releaseBy: dates, adoptionAt: months)
        case .sensitivity(let m):
            resolved = .sensitivity(
                try m.map { m throws(Failure) in try resolver.metric(m) } ?? .releaseQuantile(0.5, .flagship))
        case .observe(let o): resolved = .observe(try resolver.observation(o))
        case .unobserve(.last): resolved = .unobserve(.last)
        case .unobserve(.all): resolved = .unobserve(.all)
        case .unobserve(.number(let n)):
            let number = try resolver.elaborator.constantInteger(n, "an observation number")
            guard number >= 1, number <= Double(Int.max / 2) else {
                throw Failure(.observationIndex, at: n.range, help: "this is \(NumberText.plain(number))")
            }
            resolved = .unobserve(.number(Int(number)))
        case .trace(let t): resolved = .trace(try resolver.trace(t))
        case .explain(let name): resolved = .explain(try resolver.explainTarget(name))
        case .chart(let chart): resolved = .chart(chart)
        case .plot(let kind, let path): resolved = .plot(kind, path: path.path)
        case .inScenario(let inner, let name):
            return try resolve(inner, in: try recordIndex(of: name), context: context)
        case .value(let q, let meanOnly):
            let record = records[index]
            if case .name(let name) = q.kind, !record.scenario.variables.contains(where: { $0.name == name }) {
                // Not a `let`: most likely a statement mistyped (`p` alone:
                // a probability without its parentheses).
                throw Failure(
                    .unknownStatement(name), at: q.range,
                    help: name == "p"
                        ? "a probability is `p(release by DATE)`, `p(folded by DATE)` or `p(adoption at DATE above X)`"
                        : Suggestion.help(for: name, in: Keywords.statements + record.scenario.variables.map(\.name)))
            }
            let typed = try resolver.elaborator.elaborate(q)
            resolved = .value(
                ValueQuery(
                    value: typed.value, dimension: typed.dimension, constant: resolver.elaborator.constant(typed.value),
                    meanOnly: meanOnly))
        case .toPrecision(let inner, _):
            // Taken off by `apply`; nested, the precision is the outer one's.
            return try resolve(inner, in: index, context: context)
        }
        if resolved.needsForecast {
            for involved in (checksTarget ? [target] : []) + others {
                if let failure = simulationFailure(involved, at: context.statement.range) { throw failure }
            }
        }
        return (resolved, records[target].scenario.name)
    }

    /// Why the scenario at `index` cannot be simulated, if it cannot.
    func simulationFailure(_ index: Int, at range: SourceRange) -> Failure? {
        let scenario = records[index].scenario
        var missing: [String] = []
        if scenario.r2.start == nil { missing.append("`r2 start`") }
        if scenario.r2.needs == nil { missing.append("`r2 needs`") }
        if let date = scenario.knownAsOf, !scenario.flagshipShipped, missing.isEmpty {
            let clock = scenario.clock
            // Before the clock's start, r >= D - S holds in every trial
            // (r >= 0): every trial is kept, as spec/model-v2.md, 3 reads.
            // After its end the condition would fall on releases the clock
            // does not simulate, which is refused.
            if date.absoluteMonth > clock.end {
                let clockText = "\(CalendarDateText.month(clock.start)) to \(CalendarDateText.month(clock.end))"
                return Failure(
                    .asOfOutsideClock(date.description, clockText), at: range,
                    help:
                        "the as-of date conditions the forecast on no flagship before it: move it inside the clock, or extend `clock`",
                    note: scenario.asOfProvenance.map { "`\($0.text)` at \($0.location)" })
            }
        }
        guard !missing.isEmpty else { return nil }
        return Failure(
            .notSimulatable(scenario.name, missing: missing.joined(separator: " and no ")), at: range,
            help: "add `r2 start DATE needs COMPUTE chip-months` before this")
    }

    /// Diagnostics that keep scenario `name` from being simulated (empty when
    /// it can be), reported at `range` of `file` (the query that needs it).
    public func simulationDiagnostics(
        forScenario name: String, at range: SourceRange, in file: SourceFile
    ) -> [Diagnostic] {
        guard let index = recordIndex(named: name) else {
            return [
                Failure(
                    .unknownScenario(name), at: range,
                    help: Suggestion.help(for: name, in: records.map(\.scenario.name))
                ).diagnostic(in: file)
            ]
        }
        return simulationFailure(index, at: range).map { [$0.diagnostic(in: file)] } ?? []
    }
}

extension Workspace {
    /// A query's precision must name the kind of number it reports: a
    /// probability or share needs `±X%`, a date `±N days`; a forecast
    /// reports both and takes either.
    static func checkPrecision(_ p: Precision, for query: Query, at range: SourceRange) throws(Failure) {
        func require(isTime: Bool, _ what: String) throws(Failure) {
            guard p.target(isTime: isTime) == nil else { return }
            throw Failure(
                .precisionKind(what, isTime ? "in time, such as `±3 days`" : "as a share, such as `±0.5%`"), at: range)
        }
        switch query {
        case .metric(let m):
            try require(isTime: m.isReleaseTime, m.isReleaseTime ? "this metric is a date" : "this metric is a share")
        case .expect(let e):
            try require(
                isTime: e.metric.isReleaseTime,
                e.metric.isReleaseTime ? "this expectation reads a date" : "this expectation reads a share")
        case .releaseQuantiles: try require(isTime: true, "release quantiles are dates")
        case .adoptionQuantiles: try require(isTime: false, "adoption quantiles are shares")
        default: break
        }
    }
}
