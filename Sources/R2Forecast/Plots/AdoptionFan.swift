/// `fan adoption`: the 10-90% band and the median of the domestic share of
/// the lab's compute, month by month.
public enum AdoptionFan {
    public static func render(_ report: ForecastReport, style: Style, height: Int = 10) -> String {
        let indent = 7
        let maxCols = Swift.max(1, style.width - indent - 2)
        let per = Swift.max(1, (report.adoption.count + maxCols - 1) / maxCols)
        let bands = stride(from: 0, to: report.adoption.count, by: per).map { report.adoption[$0] }
        var grid = Array(repeating: Array(repeating: Character(" "), count: bands.count), count: height)
        let k = TerminalAxis.columnsPerBin(bins: bands.count, available: maxCols)
        func row(_ x: Double) -> Int {
            height - 1 - Swift.min(height - 1, Int((Swift.max(0, Swift.min(1, x)) * Double(height - 1)).rounded()))
        }
        for (i, b) in bands.enumerated() {
            for r in row(b.p90)...row(b.p10) { grid[r][i] = "░" }
            grid[row(b.p50)][i] = "█"
        }
        var lines = ("Adoption: domestic share of compute, median █ and 10-90% band ░  (\(report.scenario))")
            .wordWrapped(width: Swift.max(40, style.width - 1), first: "", rest: "  ")
        lines += report.conditionLines(width: style.width)
        for r in 0..<height {
            let level = 1 - Double(r) / Double(height - 1)
            let label = r % 3 == 0 ? Format.percent(level, digits: 0) : ""
            lines.append(
                Format.pad(label, indent - 1, right: true) + " │" + style.yellow(TerminalAxis.widen(grid[r], k)))
        }
        lines += TerminalAxis.line(starts: bands.map(\.month), monthsPerBin: per, indent: indent, columnsPerBin: k)
        lines.append("       \(Format.count(report.kept)) trials")
        return lines.joined(separator: "\n")
    }
}
