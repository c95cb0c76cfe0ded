import R2Forecast
import R2Language
import R2Model

extension Session {
    /// `hist release`, `cdf release`, `fan adoption`, `tornado`: terminal plots.
    func chart(_ chart: Chart, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile) throws(QueryFailure) -> CellOutput {
        if chart == .tornado {
            let t = try currentTornado(scenario, q, file)
            return CellOutput(
                plainText: TornadoPlot.render(title: t.title, base: t.base, bars: t.bars, style: Style(colors: false, width: configuration.style.width), format: t.format),
                styledText: TornadoPlot.render(title: t.title, base: t.base, bars: t.bars, style: configuration.style, format: t.format),
                svg: SVGPlots.tornado(title: t.title, base: t.base, bars: t.bars, format: t.format))
        }
        let (report, _) = try forecast(scenario, query: q, file: file)
        let plain = Style(colors: false, width: configuration.style.width)
        switch chart {
        case .releaseHistogram, .namedReleaseHistogram:
            let r = report.reading(chart == .releaseHistogram ? .flagship : .named)
            return CellOutput(plainText: ReleasePlots.histogram(r, style: plain), styledText: ReleasePlots.histogram(r, style: configuration.style), svg: SVGPlots.histogram(r))
        case .releaseCDF, .namedReleaseCDF:
            let r = report.reading(chart == .releaseCDF ? .flagship : .named)
            return CellOutput(plainText: ReleasePlots.cdf(r, style: plain), styledText: ReleasePlots.cdf(r, style: configuration.style), svg: SVGPlots.cdf(r))
        case .sectorFan:
            guard !report.sector.isEmpty else {
                throw queryError(
                    "query.no-sector", "scenario `\(scenario.name)` does not describe the sector", q, file,
                    help: "describe it with `sector ship CHIP N per month`, `sector make CHIP N per month` or `sector base CHIP N`")
            }
            return CellOutput(plainText: SectorFan.render(report, style: plain), styledText: SectorFan.render(report, style: configuration.style), svg: SVGPlots.sectorFan(report))
        case .adoptionFan, .tornado:
            return CellOutput(plainText: AdoptionFan.render(report, style: plain), styledText: AdoptionFan.render(report, style: configuration.style), svg: SVGPlots.fan(report))
        }
    }

    /// `plot KIND to FILE.svg`: the chart as an SVG file, written atomically.
    func plot(_ kind: PlotKind, to path: String, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile) throws(QueryFailure) -> CellOutput {
        let svg: String
        switch kind {
        case .sensitivity:
            let t = try currentTornado(scenario, q, file)
            svg = SVGPlots.tornado(title: t.title, base: t.base, bars: t.bars, format: t.format)
        case .release, .cdf, .adoption:
            let (report, _) = try forecast(scenario, query: q, file: file)
            svg = kind == .release ? SVGPlots.histogram(report) : kind == .cdf ? SVGPlots.cdf(report) : SVGPlots.fan(report)
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
        return CellOutput(plainText: "wrote \(path)", json: .object([("query", "plot"), ("path", .string(path))]), svg: svg)
    }

    /// The last sensitivity analysis, when it is of `scenario` as it stands
    /// now (same statements, same conditions); otherwise a refusal that says
    /// why, so that a chart never shows a state that is gone.
    func currentTornado(_ scenario: Scenario, _ q: ResolvedQuery, _ file: SourceFile) throws(QueryFailure) -> TornadoRecord {
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
                "tornado.stale", "`\(scenario.name)` has changed since its sensitivity analysis (statements or observations)",
                q, file, help: "run `sensitivity` again to draw it as it stands")
        }
        return t
    }
}
