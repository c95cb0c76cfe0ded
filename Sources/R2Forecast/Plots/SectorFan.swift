/// `fan sector`: the sector's domestic share of units by calendar year
/// (model v2), one row a year: the 10-90% band ░ and the median █ on a
/// 0-100% scale.
public enum SectorFan {
    public static func render(_ report: ForecastReport, style: Style) -> String {
        let label = 16
        let columns = Swift.max(10, Swift.min(60, style.width - label - 24))
        var lines = ("Sector: domestic share of units received, median █ and 10-90% band ░  (\(report.scenario))")
            .wordWrapped(width: Swift.max(40, style.width - 1), first: "", rest: "  ")
        lines += report.conditionLines(width: style.width)
        lines.append(String(repeating: " ", count: label) + "0%" + String(repeating: " ", count: columns - 6) + "100%")
        for band in report.sector {
            guard case .share(let first, let last) = band.window.kind else { continue }
            var year = String(first / 12)
            if band.partial { year += " (\(Format.month(first).suffix(2))-\(Format.month(last).suffix(2)))" }
            guard let p10 = band.quantile(0.1), let p50 = band.quantile(0.5), let p90 = band.quantile(0.9) else {
                lines.append(Format.pad(year, label) + "no trial received anything")
                continue
            }
            func column(_ x: Double) -> Int {
                Swift.min(columns - 1, Swift.max(0, Int((x * Double(columns - 1)).rounded())))
            }
            var row = Array(repeating: Character("·"), count: columns)
            for c in column(p10)...column(p90) { row[c] = "░" }
            row[column(p50)] = "█"
            let numbers =
                "  \(Format.percent(p10, digits: 0)) \(Format.percent(p50, digits: 0)) \(Format.percent(p90, digits: 0))"
            lines.append(Format.pad(year, label) + style.yellow(String(row)) + numbers)
        }
        lines.append(
            String(repeating: " ", count: label) + "\(Format.count(report.kept)) trials; numbers are p10 p50 p90")
        return lines.joined(separator: "\n")
    }
}

extension SVGPlots {
    /// The sector's share by calendar year: a 10-90% box (class "band")
    /// and the median mark per year.
    public static func sectorFan(_ report: ForecastReport) -> String {
        var svg = SVGDocument(width: width, height: height)
        svg.text(
            "Sector: domestic share of units received, by year — \(report.scenario)", x: left, y: 24, size: 15,
            bold: true)
        let bands = report.sector
        let w = plotWidth / Double(Swift.max(1, bands.count))
        func y(_ x: Double) -> Double { top + plotHeight * (1 - x) }
        for (i, band) in bands.enumerated() {
            guard case .share(let first, let last) = band.window.kind,
                let p10 = band.quantile(0.1), let p50 = band.quantile(0.5), let p90 = band.quantile(0.9)
            else { continue }
            let x = left + Double(i) * w
            svg.rect(
                x: x + w * 0.2, y: y(p90), width: w * 0.6, height: Swift.max(1, y(p10) - y(p90)), fill: "#e9b949",
                cls: "band", title: "\(first / 12): 10% \(Format.percent(p10)), 90% \(Format.percent(p90))")
            svg.line(x1: x + w * 0.2, y1: y(p50), x2: x + w * 0.8, y2: y(p50), stroke: "#7a4b00")
            var label = String(first / 12)
            if band.partial { label += " (\(Format.month(first).suffix(2))-\(Format.month(last).suffix(2)))" }
            svg.text(label, x: x + w / 2, y: top + plotHeight + 18, anchor: "middle", size: 11)
        }
        yAxis(&svg, max: 1)
        svg.line(x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight)
        let given = report.conditionText.map { "\($0); " } ?? ""
        svg.text(
            "\(given)\(Format.count(report.kept)) trials; box: 10-90% of trials, line: median", x: left, y: height - 12,
            size: 11)
        return svg.rendered
    }
}
