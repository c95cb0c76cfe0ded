/// The terminal plots as SVG files (`plot ... to FILE.svg`), which the
/// notebook's Markdown export embeds. Every chart has a title, a dated
/// axis, and its trial count and censored share written on it.
public enum SVGPlots {
    static let left = 60.0, right = 20.0, top = 40.0, bottom = 60.0
    static let width = 760.0, height = 380.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// The release histogram: one bar (class "bar") per month or group of months.
    public static func histogram(_ report: ForecastReport) -> String {
        let bins = MonthlyBins(report.release, clockStart: report.clockStart, steps: report.steps, maxBins: 120)
        var svg = SVGDocument(width: width, height: height)
        svg.text(
            "\(report.releaseTitle): share of trials per \(bins.monthsPerBin == 1 ? "month" : "\(bins.monthsPerBin) months") — \(report.scenario)",
            x: left, y: 24, size: 15, bold: true)
        let total = Double(Swift.max(1, bins.total))
        let peak = Double(bins.counts.max() ?? 0) / total
        let ymax = niceCeiling(Swift.max(peak, 0.01))
        let w = plotWidth / Double(bins.counts.count)
        for (i, c) in bins.counts.enumerated() {
            let share = Double(c) / total
            let h = share / ymax * plotHeight
            svg.rect(
                x: left + Double(i) * w + 0.5, y: top + plotHeight - h, width: w - 1, height: h, fill: "#3b7dd8",
                cls: "bar",
                title: "\(Format.month(bins.starts[i])): \(Format.percent(share))")
        }
        yAxis(&svg, max: ymax)
        dateAxis(&svg, starts: bins.starts, per: bins.monthsPerBin)
        caption(&svg, report)
        return svg.rendered
    }

    /// The cumulative probability of release, with the 10/50/90% marks.
    public static func cdf(_ report: ForecastReport) -> String {
        let bins = MonthlyBins(
            report.release, clockStart: report.clockStart, steps: report.steps, maxBins: report.steps)
        var svg = SVGDocument(width: width, height: height)
        svg.text(
            "\(report.releaseTitle): P(release by date) — \(report.scenario)", x: left, y: 24, size: 15, bold: true)
        let total = Double(Swift.max(1, bins.total))
        let w = plotWidth / Double(bins.counts.count)
        var points: [(Double, Double)] = [(left, top + plotHeight)]
        var running = 0
        for (i, c) in bins.counts.enumerated() {
            running += c
            points.append((left + Double(i + 1) * w, top + plotHeight * (1 - Double(running) / total)))
        }
        svg.polyline(points, stroke: "#2a9d5c")
        for p in [0.1, 0.5, 0.9] {
            guard let q = report.release.quantile(p) else { continue }
            let x = left + q / Double(report.steps) * plotWidth
            svg.line(x1: x, y1: top, x2: x, y2: top + plotHeight, stroke: "#888", dash: true)
            svg.text(
                "\(Int(p * 100))%: \(Format.date(q, clockStart: report.clockStart))", x: x + 3,
                y: top + 12 + (p * 10 - 1) * 6, size: 10)
        }
        yAxis(&svg, max: 1)
        dateAxis(&svg, starts: bins.starts, per: bins.monthsPerBin)
        caption(&svg, report)
        return svg.rendered
    }

    /// The adoption fan: the 10-90% band and the median, month by month.
    public static func fan(_ report: ForecastReport) -> String {
        var svg = SVGDocument(width: width, height: height)
        svg.text(
            "Adoption: domestic share of the lab's compute — \(report.scenario)", x: left, y: 24, size: 15, bold: true)
        let n = Double(Swift.max(1, report.adoption.count))
        func x(_ i: Int) -> Double { left + (Double(i) + 0.5) / n * plotWidth }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - Swift.max(0, Swift.min(1, v))) }
        let upper = report.adoption.enumerated().map { (x($0.offset), y($0.element.p90)) }
        let lower = report.adoption.enumerated().reversed().map { (x($0.offset), y($0.element.p10)) }
        svg.polygon(upper + lower, fill: "#e9a23b", opacity: 0.35)
        svg.polyline(report.adoption.enumerated().map { (x($0.offset), y($0.element.p50)) }, stroke: "#b86e00")
        svg.polyline(
            report.adoption.enumerated().map { (x($0.offset), y($0.element.mean.value)) }, stroke: "#555", width: 1)
        svg.text("band: 10-90%   thick: median   thin: mean", x: left + 8, y: top + 14, size: 11)
        yAxis(&svg, max: 1)
        dateAxis(&svg, starts: report.adoption.map(\.month), per: 1)
        svg.text(
            (report.conditionText.map { "\($0); " } ?? "") + "\(Format.count(report.kept)) trials", x: left,
            y: height - 12, size: 11)
        return svg.rendered
    }

    /// The tornado of a sensitivity analysis: one bar (class "bar") per input.
    public static func tornado(title: String, base: Double, bars: [TornadoBar], format: (Double) -> String) -> String {
        let sorted = bars.sorted { $0.swing > $1.swing }
        let rowH = 26.0
        let h = top + Double(sorted.count) * rowH + 50
        var svg = SVGDocument(width: width, height: h)
        svg.text(title, x: 20, y: 24, size: 15, bold: true)
        let labelW = 220.0
        let mid = labelW + (width - labelW - 20) / 2
        let half = (width - labelW - 20) / 2 - 10
        let extent = Swift.max(sorted.map { Swift.max(abs($0.low - base), abs($0.high - base)) }.max() ?? 0, 1e-12)
        for (i, b) in sorted.enumerated() {
            let yy = top + Double(i) * rowH
            let lo = Swift.min(b.low, b.high) - base
            let hi = Swift.max(b.low, b.high) - base
            let x0 = mid + lo / extent * half
            let x1 = mid + hi / extent * half
            svg.rect(
                x: x0, y: yy + 4, width: x1 - x0, height: rowH - 8, fill: "#3b7dd8", cls: "bar",
                title: "\(b.label): \(format(b.low)) .. \(format(b.high))")
            svg.text(b.label, x: labelW - 8, y: yy + rowH / 2 + 4, anchor: "end", size: 11)
        }
        svg.line(x1: mid, y1: top - 4, x2: mid, y2: top + Double(sorted.count) * rowH, stroke: "#333")
        svg.text("base \(format(base))", x: mid, y: top + Double(sorted.count) * rowH + 18, anchor: "middle", size: 11)
        return svg.rendered
    }

    static func niceCeiling(_ x: Double) -> Double {
        for step in [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0] where x <= step { return step }
        return 1
    }

    static func yAxis(_ svg: inout SVGDocument, max: Double) {
        svg.line(x1: left, y1: top, x2: left, y2: top + plotHeight)
        for k in 0...4 {
            let v = max * Double(k) / 4
            let y = top + plotHeight * (1 - Double(k) / 4)
            svg.line(x1: left - 4, y1: y, x2: left, y2: y)
            svg.text(
                Format.percent(v, digits: v < 0.1 && v > 0 ? 1 : 0), x: left - 6, y: y + 4, anchor: "end", size: 10)
        }
    }

    static func dateAxis(_ svg: inout SVGDocument, starts: [Int], per: Int) {
        let y = top + plotHeight
        svg.line(x1: left, y1: y, x2: left + plotWidth, y2: y)
        let w = plotWidth / Double(Swift.max(1, starts.count))
        for (i, m) in starts.enumerated() where m % 12 < per || i == 0 {
            let x = left + Double(i) * w
            svg.line(x1: x, y1: y, x2: x, y2: y + 5)
            svg.text(m % 12 < per ? String(m / 12) : Format.month(m), x: x + 2, y: y + 18, size: 11)
        }
    }

    static func caption(_ svg: inout SVGDocument, _ report: ForecastReport) {
        let c = report.release.censoredShare.value
        // Under observations, the trials kept of those simulated (it once
        // read "1,357 of 1,357": the kept count twice).
        let counted =
            report.conditionText.map {
                "\($0); \(Format.count(report.kept)) of \(Format.count(report.trials)) trials kept"
            }
            ?? "\(Format.count(report.release.count)) trials"
        // The named reading's trials not released are folded or pending, not censored.
        let notReleased =
            ReleasePlots.namedNotReleased(report)
            ?? "censored (release after \(Format.month(report.clockEnd))): \(Format.percent(c))"
        svg.text("\(counted); \(notReleased)", x: left, y: height - 12, size: 11)
    }
}
