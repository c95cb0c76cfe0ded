import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// The inputs of `scenario` that are uncertain, with their 10th, 50th and
    /// 90th percentiles as the engine uses them (clamped into the input's
    /// allowed range, which keeps percentiles percentiles), and the share
    /// of draws the clamp moved, estimated from the inputs sampled in the
    /// first `samples` trials.
    func uncertainInputs(_ scenario: Scenario, samples: Int = 2000, letsOnce: Bool = false)
        -> [(slot: InputSlot, p10: Double, p50: Double, p90: Double, clamped: Double)]?
    {
        guard let compiled = try? Engine.compile(scenario) else { return nil }
        // With `letsOnce` (sensitivity), a statement bound to a `let` (`fail
        // c ascend_fail`), which holds the let's own value, is left out: its
        // uncertainty is the let's, which has a row of its own.
        let bound = letsOnce ? compiled.slotsBoundToLets : []
        let random = compiled.inputs.indices.filter { compiled.inputs[$0].isRandom && !bound.contains($0) }
        guard !random.isEmpty else { return [] }
        let seed = runParameters(scenario).seed
        let drawn = Engine.inputSamples(compiled, seed: seed, slots: random, trials: 0..<samples)
        return zip(random, drawn).map { i, values in
            let slot = compiled.inputs[i]
            let sorted = values.sorted()
            func q(_ p: Double) -> Double { slot.used(sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))]) }
            let moved = slot.allowed.map { allowed in values.count { !allowed.contains($0) } } ?? 0
            return (slot, q(0.1), q(0.5), q(0.9), Double(moved) / Double(Swift.max(1, values.count)))
        }
    }

    /// `sensitivity`: for each uncertain input, the metric with that input
    /// pinned at its 10th and at its 90th percentile and every other input
    /// as sampled (common random numbers), sorted by swing: a tornado.
    func sensitivity(of metric: Metric, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile) throws(QueryFailure)
        -> CellOutput
    {
        guard let inputs = uncertainInputs(scenario, letsOnce: true) else {
            throw queryError("sensitivity.compile", "scenario `\(scenario.name)` cannot be simulated", q, file)
        }
        if inputs.isEmpty {
            throw queryError(
                "sensitivity.none", "scenario `\(scenario.name)` has no uncertain input to vary", q, file,
                help: "write a distribution, such as `fleet h800 2k to 4k`, for an input")
        }
        let (baseReport, baseResult) = try forecast(scenario, query: q, file: file)
        let base = try measured(metric, baseReport, baseResult, q, file)
        var bars: [TornadoBar] = []
        for input in inputs {
            guard let low = scenario.pinning(input.slot.kind, to: input.p10),
                let high = scenario.pinning(input.slot.kind, to: input.p90)
            else { continue }
            let (lr, lres) = try forecast(low, query: q, file: file)
            let (hr, hres) = try forecast(high, query: q, file: file)
            let lm = try measured(metric, lr, lres, q, file)
            let hm = try measured(metric, hr, hres, q, file)
            let horizon = Double(baseReport.steps)
            let isDate = input.slot.isDate
            let reading = InputReading.of(
                label: input.slot.label, allowed: input.slot.allowed, isDate: isDate,
                values: [input.p10, input.p50, input.p90], dimension: letDimension(input.slot, scenario))
            let label =
                "\(input.slot.label)\(fromSuffix(input.slot.kind, scenario)) [\(reading.short(input.p10))..\(reading.short(input.p90))]"
            bars.append(TornadoBar(label: label, low: lm.value ?? horizon, high: hm.value ?? horizon))
        }
        // What the runs are conditioned on, as every header says it.
        let given = conditionTexts(scenario)
        let title =
            "Sensitivity of \(metricName(metric)) in \(scenario.name)"
            + (given.isEmpty ? "" : " given \(given.joined(separator: "; "))")
            + ": each input at its 10th and 90th percentile, the others as sampled"
        let format: (Double) -> String = { v in
            metric.isReleaseTime
                ? (v >= Double(baseReport.steps)
                    ? "after \(Format.month(baseReport.clockEnd))" : Format.date(v, clockStart: baseReport.clockStart))
                : Format.percent(v)
        }
        let baseValue = base.value ?? Double(baseReport.steps)
        // Which inputs move together in the forecast, and what pinning one
        // does to its partners (spec: `sensitivity` says so).
        let correlated = scenario.correlations.map { c in
            (scenario.variables[c.first].name, scenario.variables[c.second].name, c.coefficient)
        }
        var together = ""
        if !correlated.isEmpty {
            together =
                "\n"
                + ("Inputs that move together in the forecast (rank correlation): "
                + correlated.map { "\($0.0) and \($0.1) \(Format.fixed($0.2, digits: 2))" }.joined(separator: "; ")
                + ". A pinned input's partners are drawn as sampled, without it.")
                .wordWrapped(width: Swift.max(40, configuration.style.width - 1)).joined(separator: "\n")
        }
        let text =
            TornadoPlot.render(
                title: title, base: baseValue, bars: bars,
                style: Style(colors: false, width: configuration.style.width), format: format) + together
        let styled =
            TornadoPlot.render(title: title, base: baseValue, bars: bars, style: configuration.style, format: format)
            + together
        let svg = SVGPlots.tornado(
            title: "Sensitivity of \(metricName(metric)) — \(scenario.name)", base: baseValue, bars: bars,
            format: format)
        let sorted = bars.sorted { $0.swing > $1.swing }
        let json: JSONValue = .object([
            ("query", "sensitivity"), ("scenario", .string(scenario.name)), ("metric", .string(metricName(metric))),
            ("base", .finite(base.value)),
            (
                "inputs",
                .array(
                    sorted.map {
                        .object([
                            ("input", .string($0.label)), ("low", .number($0.low)), ("high", .number($0.high)),
                            ("swing", .number($0.swing)),
                        ])
                    })
            ),
            (
                "correlations",
                .array(
                    correlated.map {
                        .object([("first", .string($0.0)), ("second", .string($0.1)), ("coefficient", .number($0.2))])
                    })
            ),
        ])
        lastTornado = TornadoRecord(
            scenario: scenario.name, state: scenario, conditions: conditionTexts(scenario), title: title,
            base: baseValue,
            bars: bars, format: format)
        return CellOutput(plainText: text, styledText: styled, json: json, svg: svg)
    }

    func metricName(_ metric: Metric) -> String {
        switch metric {
        case .releaseQuantile(let l, let r):
            let what = r == .named ? "named release" : "release"
            return l == 0.5 ? "the median \(what)" : "the \(Format.percent(l, digits: 0)) \(what) quantile"
        case .releaseMean(let r): return "the mean \(r == .named ? "named " : "")release"
        case .releaseProbability(let by, let released, let r):
            return "P(\(released ? "" : "no ")\(r == .named ? "named " : "")release by \(monthLabel(by)))"
        case .foldedProbability(let by, let folded): return "P(\(folded ? "" : "not ")folded by \(monthLabel(by)))"
        case .sector(let w, .mean): return "the sector's share in \(w)"
        case .sector(let w, .quantile(let l)):
            return "the \(Format.percent(l, digits: 0)) quantile of the sector's share in \(w)"
        case .sector(let w, .probability(let c, let x)):
            return "P(sector share in \(w) \(c.rawValue) \(Format.percent(x)))"
        case .censoredShare: return "the censored share"
        case .adoptionMean(let m): return "adoption at \(Format.month(m))"
        case .adoptionQuantile(let m, let l):
            return "the \(Format.percent(l, digits: 0)) quantile of adoption at \(Format.month(m))"
        case .adoptionProbability(let m, let c, let x):
            return "P(adoption at \(Format.month(m)) \(c.rawValue) \(Format.percent(x)))"
        }
    }

    /// ` from 2025-08` for a timeline statement with a known date, so that
    /// several statements of one timeline can be told apart.
    func fromSuffix(_ kind: InputSlot.Kind, _ scenario: Scenario) -> String {
        guard case .timelineValue(let entry) = kind, entry < scenario.timeline.count,
            let from = scenario.timeline[entry].from?.constantValue(variables: scenario.variables.map(\.value))
        else { return "" }
        return " from " + Format.month(Int(from.rounded(.down)))
    }

    /// A short value: a month for a date, else a number with k/M.
}

extension Session {
    /// The dimension the language gave a `let` input (a date, a duration,
    /// a rate or a number); nil for any other input, whose statement says
    /// what it is.
    func letDimension(_ slot: InputSlot, _ scenario: Scenario) -> Dimension? {
        guard case .variable(let i) = slot.kind else { return nil }
        return workspace.dimension(ofVariable: i, inScenario: scenario.name)
    }
}

extension InputSlot {
    /// Whether the input is a date (an absolute month) rather than a number.
    var isDate: Bool {
        switch kind {
        case .r2(.start), .timelineFrom, .eventWindowStart, .eventWindowEnd, .eventChangeFrom: return true
        default: return false
        }
    }
}
