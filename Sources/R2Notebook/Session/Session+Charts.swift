import R2Forecast
import R2Language
import R2Model

extension Session {
    /// `hist release`, `cdf release`, `fan adoption`, `tornado`: terminal plots.
    func chart(_ chart: Chart, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile) throws(QueryFailure)
        -> CellOutput
    {
        if chart == .tornado {
            let t = try currentTornado(scenario, q, file)
            return CellOutput(
                plainText: TornadoPlot.render(
                    title: t.title, base: t.base, bars: t.bars,
                    style: Style(colors: false, width: configuration.style.width), format: t.format),
                styledText: TornadoPlot.render(
                    title: t.title, base: t.base, bars: t.bars, style: configuration.style, format: t.format),
                json: .object([
                    ("query", "chart"), ("chart", "tornado"), ("scenario", .string(scenario.name)),
                    ("title", .string(t.title)),
                    ("base", .finite(t.base)), ("base_text", .string(t.format(t.base))),
                    (
                        "bars",
                        .array(
                            t.bars.map { b in
                                .object([
                                    ("input", .string(b.label)), ("at_p10", .finite(b.low)),
                                    ("at_p90", .finite(b.high)),
                                    ("at_p10_text", .string(t.format(b.low))),
                                    ("at_p90_text", .string(t.format(b.high))),
                                ])
                            })
                    ),
                ]),
                svg: SVGPlots.tornado(title: t.title, base: t.base, bars: t.bars, format: t.format))
        }
        let (report, _) = try forecast(scenario, query: q, file: file)
        let plain = Style(colors: false, width: configuration.style.width)
        switch chart {
        case .releaseHistogram, .namedReleaseHistogram:
            let r = report.reading(chart == .releaseHistogram ? .flagship : .named)
            return CellOutput(
                plainText: ReleasePlots.histogram(r, style: plain),
                styledText: ReleasePlots.histogram(r, style: configuration.style),
                json: chartJSON(chart, r), svg: SVGPlots.histogram(r))
        case .releaseCDF, .namedReleaseCDF:
            let r = report.reading(chart == .releaseCDF ? .flagship : .named)
            return CellOutput(
                plainText: ReleasePlots.cdf(r, style: plain),
                styledText: ReleasePlots.cdf(r, style: configuration.style),
                json: chartJSON(chart, r), svg: SVGPlots.cdf(r))
        case .sectorFan:
            guard !report.sector.isEmpty else {
                throw queryError(
                    "query.no-sector", "scenario `\(scenario.name)` does not describe the sector", q, file,
                    help:
                        "describe it with `sector ship CHIP N per month`, `sector make CHIP N per month` or `sector base CHIP N`"
                )
            }
            return CellOutput(
                plainText: SectorFan.render(report, style: plain),
                styledText: SectorFan.render(report, style: configuration.style),
                json: chartJSON(chart, report), svg: SVGPlots.sectorFan(report))
        case .adoptionFan, .tornado:
            return CellOutput(
                plainText: AdoptionFan.render(report, style: plain),
                styledText: AdoptionFan.render(report, style: configuration.style),
                json: chartJSON(chart, report), svg: SVGPlots.fan(report))
        }
    }

    /// A chart's numbers: per month the share of trials released in it and
    /// by its end (`hist`, `cdf`), the adoption bands by month, the sector's
    /// by year; with the scenario, its conditions and the trials kept.
    private func chartJSON(_ chart: Chart, _ r: ForecastReport) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("query", "chart"), ("chart", .string(chart.rawValue)), ("scenario", .string(r.scenario)),
            ("conditions", .array(r.observations.map { .string($0) })), ("trials", .number(Double(r.trials))),
            ("kept", .number(Double(r.kept))),
        ]
        switch chart {
        case .releaseHistogram, .namedReleaseHistogram, .releaseCDF, .namedReleaseCDF:
            let n = Double(Swift.max(1, r.release.count))
            members.append(
                (
                    "months",
                    .array(
                        (0..<r.steps).map { s in
                            let released =
                                Double(r.release.countBelow(Double(s + 1)) - r.release.countBelow(Double(s))) / n
                            return .object([
                                ("month", .string(Format.month(r.clockStart + s))), ("released", .number(released)),
                                ("by_end", .number(Double(r.release.countBelow(Double(s + 1))) / n)),
                            ])
                        })
                ))
            members.append(("censored", .finite(r.release.censoredShare.value)))
            if r.isNamedReading, let named = r.named {
                // Of `censored`, the trials that folded and those still pending.
                members.append(("folded", .finite(named.foldedShare.value)))
                members.append(("pending", .finite(named.pendingShare.value)))
            }
        case .adoptionFan, .tornado:
            members.append(
                (
                    "months",
                    .array(
                        r.adoption.map { b in
                            .object([
                                ("month", .string(Format.month(b.month))), ("mean", .finite(b.mean.value)),
                                ("p10", .finite(b.p10)),
                                ("p50", .finite(b.p50)), ("p90", .finite(b.p90)),
                            ])
                        })
                ))
        case .sectorFan:
            members.append(
                (
                    "years",
                    .array(
                        r.sector.map { b in
                            .object([
                                ("window", .string(b.window.description)), ("partial", .bool(b.partial)),
                                ("mean", .finite(b.mean.value)),
                                ("p10", .finite(b.quantile(0.1))), ("p50", .finite(b.quantile(0.5))),
                                ("p90", .finite(b.quantile(0.9))),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    /// `plot KIND to FILE.svg`: the chart as an SVG file, written atomically.
    func plot(_ kind: PlotKind, to path: String, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile)
        throws(QueryFailure) -> CellOutput
    {
        let svg: String
        switch kind {
        case .sensitivity:
            let t = try currentTornado(scenario, q, file)
            svg = SVGPlots.tornado(title: t.title, base: t.base, bars: t.bars, format: t.format)
        case .release, .cdf, .adoption:
            let (report, _) = try forecast(scenario, query: q, file: file)
            svg =
                kind == .release
                ? SVGPlots.histogram(report) : kind == .cdf ? SVGPlots.cdf(report) : SVGPlots.fan(report)
        case .sector:
            let (report, _) = try forecast(scenario, query: q, file: file)
            guard !report.sector.isEmpty else {
                throw queryError("query.no-sector", "scenario `\(scenario.name)` does not describe the sector", q, file)
            }
            svg = SVGPlots.sectorFan(report)
        }
        do {
            try AtomicFile.write(svg, to: path)
        } catch {
            throw queryError("plot.write", error.description, q, file)
        }
        return CellOutput(
            plainText: "wrote \(path)",
            json: .object([
                ("query", "plot"), ("kind", .string(kind.rawValue)), ("scenario", .string(scenario.name)),
                ("path", .string(path)),
            ]),
            svg: svg)
    }

    /// The last sensitivity analysis, when it is of `scenario` as it stands
    /// now (same statements, same conditions); otherwise a refusal that says
    /// why, so that a chart never shows a state that is gone.
    func currentTornado(_ scenario: Scenario, _ q: ResolvedQuery, _ file: SourceFile) throws(QueryFailure)
        -> TornadoRecord
    {
        guard let t = lastTornado else {
            throw queryError(
                "tornado.none", "no sensitivity analysis to draw yet", q, file,
                help: "run `sensitivity\(scenario.name == currentScenarioName ? "" : " in \(scenario.name)")` first")
        }
        guard t.scenario == scenario.name else {
            throw queryError(
                "tornado.other", "the last sensitivity analysis is of `\(t.scenario)`, not `\(scenario.name)`", q, file,
                help: "run `sensitivity in \(scenario.name)` first")
        }
        guard t.state == scenario, t.conditions == conditionTexts(scenario) else {
            throw queryError(
                "tornado.stale",
                "`\(scenario.name)` has changed since its sensitivity analysis (statements or observations)",
                q, file, help: "run `sensitivity` again to draw it as it stands")
        }
        return t
    }
}
