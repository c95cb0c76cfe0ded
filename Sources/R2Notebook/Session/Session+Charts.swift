import R2Forecast
import R2Language
import R2Model

extension Session {
    /// `hist release`, `cdf release`, `fan adoption`, `tornado`: terminal plots.
    func chart(_ chart: Chart, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile) throws(QueryFailure) -> CellOutput {
        if chart == .tornado {
            guard let t = lastTornado else {
                throw queryError("tornado.none", "no sensitivity analysis to draw yet", q, file, help: "run `sensitivity` first")
            }
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
            guard let t = lastTornado else {
                throw queryError("tornado.none", "no sensitivity analysis to plot yet", q, file, help: "run `sensitivity` first")
            }
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
}
