import Foundation
import R2Forecast
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Counts elements by name while checking that the document parses.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var barCount = 0
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        counts[name, default: 0] += 1
        if attributes["class"] == "bar" { barCount += 1 }
    }
}

func parseSVG(_ text: String) -> ElementCounter? {
    let parser = XMLParser(data: Data(text.utf8))
    let counter = ElementCounter()
    parser.delegate = counter
    return parser.parse() ? counter : nil
}

/// A report over a 24-month clock from 2025-01: one trial released in the
/// middle of each month 0..19, and 5 censored trials.
func sampleReport() -> ForecastReport {
    var releases: [Double] = (0..<20).map { (m: Int) -> Double in Double(m) + 0.5 }
    releases += [Double](repeating: .infinity, count: 5)
    let adoption: [AdoptionBand] = (0..<24).map { (m: Int) -> AdoptionBand in
        let x = Double(m)
        return AdoptionBand(
            month: 2025 * 12 + m, mean: Estimate(x / 30, standardError: 0.01),
            p10: x / 40, p50: x / 30, p90: x / 25)
    }
    return ForecastReport(
        scenario: "sample", trials: 25, kept: 25, seed: 7, clockStart: 2025 * 12, steps: 24,
        release: ReleaseDistribution(releases: releases, horizon: 24), adoption: adoption)
}

@Suite struct PlotTests {
    @Test func histogramSVGHasOneBarPerMonth() throws {
        let svg = try #require(parseSVG(SVGPlots.histogram(sampleReport())))
        #expect(svg.barCount == 24)
        #expect(svg.counts["svg"] == 1)
    }

    @Test func tornadoSVGHasOneBarPerInput() throws {
        let bars = [
            TornadoBar(label: "r2 needs", low: 10, high: 20),
            TornadoBar(label: "chip <ascend> fail", low: 12, high: 14),
            TornadoBar(label: "pressure", low: 13, high: 13.5),
        ]
        let text = SVGPlots.tornado(title: "median release", base: 13, bars: bars) { String($0) }
        let svg = try #require(parseSVG(text))
        #expect(svg.barCount == 3)
        #expect(text.contains("chip &lt;ascend&gt; fail"))
    }

    @Test func cdfAndFanSVGAreWellFormed() throws {
        let cdf = try #require(parseSVG(SVGPlots.cdf(sampleReport())))
        #expect(cdf.counts["polyline"] == 1)
        let fan = try #require(parseSVG(SVGPlots.fan(sampleReport())))
        #expect(fan.counts["polygon"] == 1)
    }

    @Test func terminalHistogramIsDatedAndFitsTheWidth() {
        let text = ReleasePlots.histogram(sampleReport(), style: Style(colors: false, width: 40))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(text.contains("2025"))
        #expect(text.contains("2026"))
        #expect(text.contains("censored (after 2026-12): 20.0%"))
        // 24 months fit in 31 columns: one bar per month, 20 of them non-empty on the bottom row.
        let bottomRow = lines[10]
        #expect(bottomRow.filter { $0 != " " && $0 != "│" && !$0.isNumber && $0 != "%" }.count == 20)
    }

    @Test func tornadoPutsTheWidestBarFirst() {
        let bars = [TornadoBar(label: "small", low: 1, high: 2), TornadoBar(label: "big", low: -5, high: 5)]
        let text = TornadoPlot.render(title: "t", base: 0, bars: bars, style: .plain) { Format.fixed($0, digits: 0) }
        let lines = text.split(separator: "\n")
        // The third line says which end is which.
        #expect(lines[2].hasSuffix("input at p10 .. at p90"))
        #expect(lines[3].hasPrefix("big"))
        #expect(lines[4].hasPrefix("small"))
    }
}
