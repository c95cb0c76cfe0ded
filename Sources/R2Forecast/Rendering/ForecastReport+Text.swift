extension ForecastReport {
    /// The aligned text summary a person reads at a glance.
    public func text(style: Style = .plain) -> String {
        var lines: [String] = []
        var head = "Forecast for \(style.bold(scenario))  (\(Format.count(trials)) trials, seed \(seed)"
        if kept != trials {
            head += ", \(Format.count(kept)) kept by \(observations.count) observation"
            head += observations.count == 1 ? "" : "s"
        }
        lines.append(head + ")")
        let label = Format.pad("R2 release", 12)
        let indent = String(repeating: " ", count: 12)
        lines.append(label + releaseLine(style: style))
        let end = release.probability(by: Double(steps))
        var second = indent + "by \(Format.month(clockEnd)): \(Format.percent(end.value)) "
        second += style.dim("(±\(Format.percent(end.standardError, digits: 2)))")
        second += "   censored \(Format.percent(release.censoredShare.value))"
        second += " (\(Format.count(release.censoredCount)) trials)"
        lines.append(second)
        if let mean = release.uncensoredMean {
            lines.append(
                indent + "mean of released trials "
                    + Format.date(mean.value, clockStart: clockStart)
                    + style.dim(" (±\(Format.days(mean.standardError)))"))
        }
        let months = summaryMonths
        if !months.isEmpty {
            lines.append(Format.pad("Adoption", 12) + style.dim("month     mean    p10    p50    p90"))
            for m in months {
                guard let b = band(at: m) else { continue }
                let cells = [b.mean.value, b.p10, b.p50, b.p90].map {
                    Format.pad(Format.percent($0, digits: 0), 7, right: true)
                }
                lines.append(indent + Format.month(m) + cells.joined())
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `median 2026-02-14   80%: 2025-10-02 .. 2026-11-20`
    func releaseLine(style: Style) -> String {
        let median = Format.date(release.quantile(0.5), clockStart: clockStart, steps: steps)
        let p10 = Format.date(release.quantile(0.1), clockStart: clockStart, steps: steps)
        let p90 = Format.date(release.quantile(0.9), clockStart: clockStart, steps: steps)
        return "median \(style.bold(median))   80%: \(p10) .. \(p90)"
    }
}
