import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// Executes one resolved query against the workspace as it stood at the query.
    func execute(_ q: ResolvedQuery, in snapshot: Workspace, file: SourceFile) throws(QueryFailure) -> [CellOutput] {
        if q.query.needsForecast {
            let problems = snapshot.simulationDiagnostics(forScenario: q.scenario, at: q.range, in: file)
            if let first = problems.first { throw .diagnostic(first) }
        }
        guard let scenario = snapshot.scenario(named: q.scenario) else {
            throw queryError("query.scenario", "unknown scenario `\(q.scenario)`", q, file)
        }
        if let p = precision(for: q, scenario), trialOverride == nil, !isExpectation(q.query) {
            return try executeToPrecision(q, p, scenario, snapshot: snapshot, file: file)
        }
        let style = configuration.style
        switch q.query {
        case .forecast:
            let (report, _) = try forecast(scenario, query: q, file: file)
            return [
                CellOutput(
                    plainText: report.text(style: Style(colors: false, width: style.width)),
                    styledText: report.text(style: style), json: report.json)
            ]
        case .metric(let metric):
            let (report, result) = try forecast(
                scenario, sectorWindows: metric.extraSectorWindows, query: q, file: file)
            let m = try measured(metric, report, result, q, file)
            var text = "\(q.text) = \(m.text)"
            if let e = m.errorText { text += " (±\(e))" }
            if let note = m.missingNote { text += "  (\(note))" }
            if let note = m.undefinedNote { text += "  (\(note))" }
            // A date's `months` count from the clock's first month.
            let clock: [(String, JSONValue)] =
                metric.isReleaseTime ? [("clock_start", .string(Format.month(report.clockStart)))] : []
            let json: JSONValue = .object(
                [("query", "metric"), ("text", .string(q.text)), ("scenario", .string(scenario.name))] + clock
                    + m.json)
            return [CellOutput(plainText: text, json: json)]
        case .releaseQuantiles(let levels, let reading):
            let (report, result) = try forecast(scenario, query: q, file: file)
            var lines: [String] = []
            var items: [JSONValue] = []
            for level in levels {
                let m = try measured(.releaseQuantile(level, reading), report, result, q, file)
                lines.append(
                    Format.pad(
                        Format.percent(level, digits: level * 100 == (level * 100).rounded() ? 0 : 1), 6, right: true)
                        + "  " + m.text + (m.errorText.map { " (±\($0))" } ?? ""))
                items.append(.object([("level", .number(level))] + m.json))
            }
            let distribution = report.release(reading)
            let what = reading == .named ? "Named R2 release" : report.named == nil ? "R2 release" : "Flagship release"
            let tail = reading == .named ? "not released under the name by the horizon" : "censored"
            let head =
                "\(what) quantiles (\(scenario.name), \(Format.count(report.kept)) trials, \(tail) \(Format.percent(distribution.censoredShare.value)))"
            let given = report.conditionLines(width: style.width, indent: 2)
            return [
                CellOutput(
                    plainText: ([head] + given + lines).joined(separator: "\n"),
                    json: .object([
                        ("query", "quantiles"), ("scenario", .string(scenario.name)),
                        ("clock_start", .string(Format.month(report.clockStart))),
                        ("reading", .string(reading.rawValue)), ("release", .array(items)),
                    ]))
            ]
        case .adoptionQuantiles(let month, let levels):
            let (report, result) = try forecast(scenario, query: q, file: file)
            var lines: [String] = []
            var items: [JSONValue] = []
            for level in levels {
                let m = try measured(.adoptionQuantile(month: month, level: level), report, result, q, file)
                lines.append(Format.pad(Format.percent(level, digits: 0), 6, right: true) + "  " + m.text)
                items.append(.object([("level", .number(level))] + m.json))
            }
            let head = "Adoption at \(Format.month(month)) (\(scenario.name)): quantiles"
            let given = report.conditionLines(width: style.width, indent: 2)
            return [
                CellOutput(
                    plainText: ([head] + given + lines).joined(separator: "\n"),
                    json: .object([
                        ("query", "quantiles"), ("scenario", .string(scenario.name)),
                        ("month", .string(Format.month(month))), ("adoption", .array(items)),
                    ]))
            ]
        case .expect(let expectation):
            let result = try check(expectation, q, snapshot: snapshot, file: file)
            expectationResults.append(result)
            // Wrapped to the width, continuations hanging under each line.
            let width = style.width - 1
            let line = result.line.fitted(width: width)
            let styled =
                result.status == .passed ? (result.isFragile ? style.yellow(line) : style.green(line)) : style.red(line)
            return [CellOutput(plainText: line, styledText: styled, json: result.json, isError: false)]
        case .compare(let names, let by, let at):
            return [try compare(names, releaseBy: by, adoptionAt: at, q, snapshot: snapshot, file: file)]
        case .sensitivity(let metric):
            return [try sensitivity(of: metric, scenario, q, file: file)]
        case .observe(let condition):
            return [try observe(condition, scenario, q, file: file)]
        case .unobserve(let which):
            return [try unobserve(which, scenario, q, file: file)]
        case .trace(let selector):
            return [try trace(selector, scenario, q, file: file)]
        case .explain(let target):
            return [explain(target, scenario)]
        case .chart(let chart):
            return [try self.chart(chart, scenario, q, file: file)]
        case .plot(let kind, let path):
            return [try plot(kind, to: path, scenario, q, file: file)]
        case .value(let v):
            return [value(v, scenario, q)]
        }
    }

    private func isExpectation(_ query: Query) -> Bool {
        if case .expect = query { return true }
        return false
    }

    /// A metric's measurement, or a diagnostic when its month is outside
    /// the clock or it reads a sector the scenario does not describe.
    func measured(
        _ metric: Metric, _ report: ForecastReport, _ result: SimulationResult, _ q: ResolvedQuery, _ file: SourceFile
    ) throws(QueryFailure) -> Measurement {
        if metric.sectorWindow != nil, result.sector == nil {
            throw queryError(
                "query.no-sector", "scenario `\(report.scenario)` does not describe the sector", q, file,
                help:
                    "describe it with `sector ship CHIP N per month`, `sector make CHIP N per month` or `sector base CHIP N`"
            )
        }
        guard let m = metric.measure(report, result) else {
            let month = metric.adoptionMonth.map(Format.month) ?? "?"
            throw queryError(
                "query.month", "\(month) is outside the clock of `\(report.scenario)`", q, file,
                help: "the clock runs from \(Format.month(report.clockStart)) to \(Format.month(report.clockEnd))")
        }
        return m
    }
}
