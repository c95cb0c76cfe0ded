/// Terminal plots of the release distribution: `hist release` and `cdf release`.
public enum ReleasePlots {
    /// Vertical bars of released trials per month (or per group of months),
    /// a dated axis, and a footer with the trial count and censored share.
    public static func histogram(_ report: ForecastReport, style: Style, height: Int = 10) -> String {
        let indent = 7
        let bins = MonthlyBins(
            report.release, clockStart: report.clockStart, steps: report.steps,
            maxBins: style.width - indent - 2)
        let peak = bins.counts.max() ?? 0
        let total = Swift.max(1, bins.total)
        let k = TerminalAxis.columnsPerBin(bins: bins.counts.count, available: style.width - indent - 2)
        let columns = bins.counts.map { TerminalAxis.column(peak == 0 ? 0 : Double($0) / Double(peak), height: height) }
        var lines =
            ("\(report.releaseTitle): share of trials per \(bins.monthsPerBin == 1 ? "month" : "\(bins.monthsPerBin) months")  (\(report.scenario))")
            .wordWrapped(width: Swift.max(40, style.width - 1), first: "", rest: "  ")
        lines += report.conditionLines(width: style.width)
        for row in 0..<height {
            let label: String
            if row == 0 {
                label = Format.percent(Double(peak) / Double(total), digits: 1)
            } else if row == height - 1 {
                label = "0%"
            } else {
                label = ""
            }
            let cells = TerminalAxis.widen(columns.map { $0[row] }, k)
            lines.append(Format.pad(label, indent - 1, right: true) + " │" + style.cyan(cells))
        }
        lines += TerminalAxis.line(
            starts: bins.starts, monthsPerBin: bins.monthsPerBin, indent: indent, columnsPerBin: k)
        lines.append(footer(report))
        return lines.joined(separator: "\n")
    }

    /// The cumulative probability of release by each month, as bars that
    /// rise to the share released by the horizon, with the 10/50/90% marks.
    public static func cdf(_ report: ForecastReport, style: Style, height: Int = 10) -> String {
        let indent = 7
        let bins = MonthlyBins(
            report.release, clockStart: report.clockStart, steps: report.steps,
            maxBins: style.width - indent - 2)
        let total = Swift.max(1, bins.total)
        var running = 0
        let cumulative: [Double] = bins.counts.map {
            running += $0
            return Double(running) / Double(total)
        }
        let columns = cumulative.map { TerminalAxis.column($0, height: height) }
        let k = TerminalAxis.columnsPerBin(bins: columns.count, available: style.width - indent - 2)
        var lines =
            ("\(report.releaseTitle): P(release by the end of each \(bins.monthsPerBin == 1 ? "month" : "bin"))  (\(report.scenario))")
            .wordWrapped(width: Swift.max(40, style.width - 1), first: "", rest: "  ")
        lines += report.conditionLines(width: style.width)
        for row in 0..<height {
            let level = 1 - Double(row) / Double(height)
            let label = row % 2 == 0 ? Format.percent(level, digits: 0) : ""
            lines.append(
                Format.pad(label, indent - 1, right: true) + " │"
                    + style.green(TerminalAxis.widen(columns.map { $0[row] }, k)))
        }
        lines += TerminalAxis.line(
            starts: bins.starts, monthsPerBin: bins.monthsPerBin, indent: indent, columnsPerBin: k)
        var marks: [String] = []
        for (name, p) in [("10%", 0.1), ("50%", 0.5), ("90%", 0.9)] {
            if let q = report.release.quantile(p) {
                marks.append("\(name) by \(Format.date(q, clockStart: report.clockStart))")
            } else {
                // Not reached within the clock: "50% by after 2025-12" said nothing.
                marks.append("\(name) not by \(Format.month(report.clockEnd))")
            }
        }
        lines.append(String(repeating: " ", count: indent) + marks.joined(separator: "   "))
        lines.append(footer(report))
        return lines.joined(separator: "\n")
    }

    /// The trials and those not released within the clock: censored for
    /// the flagship; for the named reading, folded or still pending (a
    /// folded trial never ships under the name, model v2 §2).
    static func footer(_ report: ForecastReport) -> String {
        let trials = "       \(Format.count(report.release.count)) trials; "
        if let named = namedNotReleased(report) { return trials + named }
        let c = report.release.censoredShare.value
        return trials + "censored (after \(Format.month(report.clockEnd))): \(Format.percent(c))"
    }

    /// For the named reading (terminal and SVG charts alike): "not released
    /// under its own name by MONTH: X% (folded Y%, pending Z%)"; nil for
    /// the flagship's.
    static func namedNotReleased(_ report: ForecastReport) -> String? {
        guard report.isNamedReading, let named = report.named else { return nil }
        return
            "not released under its own name by \(Format.month(report.clockEnd)): "
            + "\(Format.percent(1 - named.releasedShare.value)) (folded \(Format.percent(named.foldedShare.value)), "
            + "pending \(Format.percent(named.pendingShare.value)))"
    }
}
