import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// `compare A B ...`: the forecasts side by side, run with common random
    /// numbers (trial i of each draws from the same streams), with each
    /// difference from the first scenario and its Monte Carlo standard error.
    func compare(
        _ names: [String], releaseBy: [Double], adoptionAt: [Int], _ q: ResolvedQuery, snapshot: Workspace,
        file: SourceFile
    ) throws(QueryFailure) -> CellOutput {
        if Set(names).count < names.count {
            throw queryError(
                "compare.self", "`compare` names the same scenario twice", q, file,
                help: "compare two or more different scenarios")
        }
        var scenarios: [Scenario] = []
        for name in names {
            guard let s = snapshot.scenario(named: name) else {
                throw queryError("compare.scenario", "unknown scenario `\(name)`", q, file, help: nil)
            }
            if let d = snapshot.simulationDiagnostics(forScenario: name, at: q.range, in: file).first {
                throw .diagnostic(d)
            }
            scenarios.append(s)
        }
        // The months whose adoption is compared; each run keeps every trial's
        // A at them (as steps of its own clock) for the paired errors.
        // By default the last month every clock reaches: the first
        // scenario's last month was outside a shorter clock, so `compare a b`
        // failed where `compare b a` worked.
        let commonEnd = scenarios.map(\.clock.end).min()!
        let atMonths = adoptionAt.isEmpty ? [commonEnd] : adoptionAt
        var runs: [(report: ForecastReport, result: SimulationResult)] = []
        for s in scenarios {
            let probes = atMonths.map { $0 - s.clock.start }.filter { $0 >= 0 && $0 < s.clock.end - s.clock.start + 1 }
            runs.append(try forecast(s, probes: probes, query: q, file: file))
        }
        let base = runs[0]
        // A release by a date after a clock's end is not known for that
        // scenario (P(by) would read its horizon's): the defaults stop at
        // the common end (a date written past it is refused where the
        // query is resolved).
        let byDates = releaseBy.isEmpty ? defaultByDates(base.report, end: commonEnd) : releaseBy
        var rows: [Row] = []
        for (label, level) in [("10% release", 0.1), ("median release", 0.5), ("90% release", 0.9)] {
            rows.append(quantileRow(label, level, runs))
        }
        for by in byDates {
            let label = "P(release by \(monthLabel(by)))"
            rows.append(
                probabilityRow(label, runs) { r in
                    r.release.probability(by: by - Double(r.clockStart))
                } paired: { result, i in
                    result.releases[i] < by - Double(result.clockStart) ? 1 : 0
                })
        }
        rows.append(
            probabilityRow("censored", runs) {
                $0.release.censoredShare
            } paired: { result, i in
                result.releases[i] >= Double(result.steps) ? 1 : 0
            })
        if runs.contains(where: { $0.report.named != nil }) { rows += namedRows(byDates, runs) }
        rows += sectorRows(runs)
        for m in atMonths {
            var cells: [String] = []
            var values: [Estimate] = []
            for run in runs {
                guard let band = run.report.band(at: m) else {
                    throw queryError(
                        "query.month", "\(Format.month(m)) is outside the clock of `\(run.report.scenario)`", q, file)
                }
                values.append(band.mean)
                cells.append(Format.percent(band.mean.value))
            }
            var row = Row(label: "adoption at \(Format.month(m))", cells: cells, diffs: [], values: values.map(\.value))
            for (v, run) in zip(values, runs).dropFirst() {
                let d = v.value - values[0].value
                let se =
                    pairedAdoptionError(at: m, run.result, base.result) ?? v.minus(independent: values[0]).standardError
                row.diffs.append(signed(Format.percent(d)) + " (±\(Format.percent(se, digits: 2)))")
                row.differences.append(d)
                row.errors.append(se)
            }
            rows.append(row)
        }
        return render(rows, runs, conditions: scenarios.map(conditionTexts))
    }

    /// The named reading (model v2): P(named release by) each date, and
    /// P(folded) by the horizon, paired trial by trial.
    private func namedRows(_ byDates: [Double], _ runs: [(report: ForecastReport, result: SimulationResult)]) -> [Row] {
        var rows: [Row] = []
        func folded(_ result: SimulationResult, _ i: Int) -> Bool { result.folds.map { $0[i].isFinite } ?? false }
        for by in byDates {
            rows.append(
                probabilityRow("P(named release by \(monthLabel(by)))", runs) { r in
                    r.release(.named).probability(by: by - Double(r.clockStart))
                } paired: { result, i in
                    !folded(result, i) && result.releases[i] < by - Double(result.clockStart) ? 1 : 0
                })
        }
        rows.append(
            probabilityRow("P(folded)", runs) { r in
                r.named?.foldedShare ?? .proportion(0, of: r.kept)
            } paired: { result, i in
                folded(result, i) ? 1 : 0
            })
        return rows
    }

    /// The sector's mean share of each calendar year any scenario reports
    /// (model v2), with the paired error over the trials where both define it.
    private func sectorRows(_ runs: [(report: ForecastReport, result: SimulationResult)]) -> [Row] {
        var years: [SectorWindow] = []
        for run in runs {
            for band in run.report.sector where !years.contains(band.window) { years.append(band.window) }
        }
        return years.map { window in
            let bands = runs.map { run in run.report.sector.first { $0.window == window } }
            let cells = bands.map { $0.map { Format.percent($0.mean.value) } ?? "n/a" }
            var row = Row(
                label: "sector share \(window)", cells: cells, diffs: [], values: bands.map { $0?.mean.value })
            for (band, run) in zip(bands, runs).dropFirst() {
                guard let band, let base = bands[0] else {
                    row.diffs.append("n/a")
                    row.differences.append(nil)
                    row.errors.append(nil)
                    continue
                }
                let d = band.mean.value - base.mean.value
                let se =
                    pairedSectorError(window, run.result, runs[0].result)
                    ?? band.mean.minus(independent: base.mean).standardError
                row.diffs.append(signed(Format.percent(d)) + " (±\(Format.percent(se, digits: 2)))")
                row.differences.append(d)
                row.errors.append(se)
            }
            return row
        }
    }

    /// The paired standard error of the difference of a sector window's
    /// mean share, over the trials kept by both runs where both define it.
    private func pairedSectorError(_ w: SectorWindow, _ a: SimulationResult, _ b: SimulationResult) -> Double? {
        guard let sa = a.sector, let sb = b.sector, let ja = sa.windows.firstIndex(of: w),
            let jb = sb.windows.firstIndex(of: w), Self.onTheSameTrials(a, b)
        else { return nil }
        return Self.sectorDifferenceError(sa, ja, sb, jb, trials: a.trials)
    }

    struct Row {
        var label: String
        var cells: [String]
        var diffs: [String]
        /// The numbers behind the text: each scenario's value (a share, or a
        /// date as months after the first scenario's clock start) and each
        /// difference from the first with its standard error.
        var isDate = false
        var values: [Double?] = []
        var differences: [Double?] = []
        var errors: [Double?] = []

        var json: JSONValue {
            .object([
                ("label", .string(label)), ("unit", .string(isDate ? "months" : "share")),
                ("values", .array(values.map { .finite($0) })),
                ("differences", .array(differences.map { .finite($0) })),
                ("se", .array(errors.map { .finite($0) })),
                ("values_text", .array(cells.map { .string($0) })),
                ("differences_text", .array(diffs.map { .string($0) })),
            ])
        }
    }

    private func render(
        _ rows: [Row], _ runs: [(report: ForecastReport, result: SimulationResult)], conditions: [[String]]
    ) -> CellOutput {
        let names = runs.map(\.report.scenario)
        let first = runs[0].report
        var header = [""] + names
        header += names.dropFirst().map { "\($0) − \(names[0])" }
        let table = [header] + rows.map { [$0.label] + $0.cells + $0.diffs }
        var widths = Array(repeating: 0, count: header.count)
        for row in table { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        let counts = Set(runs.map(\.report.trials))
        let trialsText =
            counts.count == 1
            ? "\(Format.count(first.trials)) trials each"
            : runs.map { "\(Format.count($0.report.trials)) for \($0.report.scenario)" }.joined(separator: ", ")
        // Common random numbers need the same trials of the same seed: a
        // scenario with a seed or a trial count of its own is run on other
        // draws, and its differences combine the errors as independent.
        let unpaired = runs.dropFirst().filter { !Self.onTheSameTrials($0.result, runs[0].result) }
        let seeds = Set(runs.map(\.report.seed))
        let seedText =
            seeds.count == 1
            ? "seed \(first.seed)"
            : "seeds " + runs.map { "\($0.report.seed) for \($0.report.scenario)" }.joined(separator: ", ")
        var lines = [
            "Compare \(names.joined(separator: ", ")) (\(trialsText), \(seedText)"
                + (unpaired.isEmpty ? ", common random numbers)" : ")")
        ]
        // The table in blocks of columns that fit the width, each block
        // repeating the row labels.
        let usable = configuration.style.width - 1
        var blocks: [[Int]] = []
        for column in 1..<header.count {
            let blockWidth = (blocks.last ?? []).reduce(widths[0]) { $0 + 2 + widths[$1] } + 2 + widths[column]
            if var last = blocks.last, blockWidth <= usable {
                last.append(column)
                blocks[blocks.count - 1] = last
            } else {
                blocks.append([column])
            }
        }
        for (b, block) in blocks.enumerated() {
            if b > 0 { lines.append("") }
            for row in table {
                lines.append(
                    ([0] + block).map { Format.pad(row[$0], widths[$0]) }.joined(separator: "  ")
                        .trimmingTrailingSpaces())
            }
        }
        if unpaired.count < runs.count - 1 {
            lines.append(
                "± one Monte Carlo standard error of the difference: paired trials for probabilities and adoption means, 20 batches for quantiles."
            )
        }
        if !unpaired.isEmpty {
            let which = unpaired.map(\.report.scenario).joined(separator: ", ")
            lines.append(
                "± for \(which): not the same trials as \(names[0]) (another seed or trial count), so no common random numbers; "
                    + "the two runs' errors combine as independent.")
        }
        // Censoring, folds and the named reading end at each clock's horizon.
        let ends = Set(runs.map(\.report.clockEnd))
        if ends.count > 1 {
            let list = runs.map { "\($0.report.scenario) \(Format.month($0.report.clockEnd))" }.joined(separator: ", ")
            lines.append(
                "warning: the clocks end apart (\(list)), so `censored`, P(folded) and the named reading's shares are over different horizons."
            )
        }
        // What each forecast is conditioned on; a comparison of forecasts
        // conditioned differently says so, as its differences mix the two.
        for (name, (texts, run)) in zip(names, zip(conditions, runs)) where !texts.isEmpty {
            lines.append(
                "\(name) is given \(texts.joined(separator: "; ")): \(Format.count(run.report.kept)) of \(Format.count(run.report.trials)) trials kept."
            )
        }
        if Set(conditions.map { $0.joined(separator: "\u{0}") }).count > 1 {
            lines.append(
                "warning: the scenarios are not conditioned alike, so each difference mixes the scenarios' changes with their conditions."
            )
        }
        let json: JSONValue = .object([
            ("query", "compare"), ("scenarios", .array(names.map { .string($0) })),
            ("conditions", .array(conditions.map { .array($0.map { .string($0) }) })),
            ("conditioned_alike", .bool(Set(conditions.map { $0.joined(separator: "\u{0}") }).count <= 1)),
            ("clock_start", .string(Format.month(first.clockStart))),
            ("trials", .array(runs.map { .number(Double($0.report.trials)) })),
            ("seeds", .array(runs.map { .number(Double($0.report.seed)) })),
            ("common_random_numbers", .bool(unpaired.isEmpty)),
            ("same_horizon", .bool(ends.count == 1)),
            ("kept", .array(runs.map { .number(Double($0.report.kept)) })),
            ("rows", .array(rows.map(\.json))),
        ])
        return CellOutput(plainText: lines.joined(separator: "\n").fitted(width: usable), json: json)
    }

    /// A release quantile per scenario, and differences with a batch-means error.
    private func quantileRow(
        _ label: String, _ level: Double, _ runs: [(report: ForecastReport, result: SimulationResult)]
    ) -> Row {
        let base = runs[0]
        let cells = runs.map {
            Format.date($0.report.release.quantile(level), clockStart: $0.report.clockStart, steps: $0.report.steps)
        }
        // Dates as months after the first scenario's clock start.
        let values = runs.map { run in
            run.report.release.quantile(level).map { $0 + Double(run.report.clockStart - base.report.clockStart) }
        }
        var row = Row(label: label, cells: cells, diffs: [], isDate: true, values: values)
        for (run, value) in zip(runs, values).dropFirst() {
            guard let a = value, let b = values[0] else {
                row.diffs.append("n/a (censored)")
                row.differences.append(nil)
                row.errors.append(nil)
                continue
            }
            let se = batchError(level, run.result, base.result)
            row.diffs.append(signed(Format.months(a - b)) + (se.map { " (±\(Format.fixed($0, digits: 2)))" } ?? ""))
            row.differences.append(a - b)
            row.errors.append(se)
        }
        return row
    }

    /// A probability per scenario and paired differences: the standard error
    /// of the mean of per-trial differences of the indicator.
    private func probabilityRow(
        _ label: String, _ runs: [(report: ForecastReport, result: SimulationResult)],
        estimate: (ForecastReport) -> Estimate, paired indicator: (SimulationResult, Int) -> Double
    ) -> Row {
        let base = runs[0]
        let cells = runs.map { Format.percent(estimate($0.report).value) }
        var row = Row(label: label, cells: cells, diffs: [], values: runs.map { estimate($0.report).value })
        for run in runs.dropFirst() {
            let a = estimate(run.report), b = estimate(base.report)
            let d = a.value - b.value
            var se = a.minus(independent: b).standardError
            if Self.onTheSameTrials(run.result, base.result) {
                // Paired, each run over the trials it kept: common random
                // numbers make most pairs agree.
                let (r, s) = (run.result, base.result)
                se =
                    Self.keptMeansDifferenceError(
                        trials: r.trials, { r.isRejected($0) ? nil : indicator(r, $0) },
                        { s.isRejected($0) ? nil : indicator(s, $0) }) ?? .nan
            }
            row.diffs.append(signed(Format.percent(d)) + " (±\(Format.percent(se, digits: 2)))")
            row.differences.append(d)
            row.errors.append(se)
        }
        return row
    }

    /// The paired standard error of the difference of adoption means at
    /// absolute month `m`: the spread of the per-trial differences over
    /// sqrt(n), over the trials both runs kept. Nil (then the independent
    /// error is used) when a run kept no per-trial adoption there.
    private func pairedAdoptionError(at m: Int, _ a: SimulationResult, _ b: SimulationResult) -> Double? {
        guard let pa = a.adoptionProbes, let pb = b.adoptionProbes,
            let ja = pa.steps.firstIndex(of: m - a.clockStart), let jb = pb.steps.firstIndex(of: m - b.clockStart),
            Self.onTheSameTrials(a, b)
        else { return nil }
        return Self.keptMeansDifferenceError(
            trials: a.trials, { a.isRejected($0) ? nil : pa.value(trial: $0, probe: ja) },
            { b.isRejected($0) ? nil : pb.value(trial: $0, probe: jb) })
    }

    /// Standard error of a quantile difference by batch means over 20
    /// contiguous batches of trials; nil when a batch's quantile is censored.
    private func batchError(_ level: Double, _ a: SimulationResult, _ b: SimulationResult) -> Double? {
        batchError(a, b, .flagship) { $0.quantile(level) }
    }

    /// The end of each calendar year inside the clock up to `end`, and
    /// `end` itself (absolute months).
    private func defaultByDates(_ r: ForecastReport, end: Int) -> [Double] {
        var dates: [Double] = []
        for m in r.clockStart...Swift.max(r.clockStart, end) where m % 12 == 11 { dates.append(Double(m + 1)) }
        if dates.last != Double(end + 1) { dates.append(Double(end + 1)) }
        return dates
    }

    /// A `by` bound (the start of the month after) named by the month it ends.
    func monthLabel(_ by: Double) -> String {
        by == by.rounded() ? Format.month(Int(by) - 1) : CalendarDate.day(monthsAfter: 0, by).description
    }

    private func signed(_ s: String) -> String { s.hasPrefix("-") ? s : "+" + s }
}
