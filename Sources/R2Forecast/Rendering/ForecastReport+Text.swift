import R2Model

extension ForecastReport {
    /// What the forecast is conditioned on, for a chart under its title:
    /// `given ...; N of M trials kept`, wrapped to `width`; empty when
    /// nothing conditions it.
    public func conditionLines(width: Int, indent: Int = 7) -> [String] {
        guard !observations.isEmpty else { return [] }
        let pad = String(repeating: " ", count: indent)
        return
            ("given " + observations.joined(separator: "; ")
            + " (\(Format.count(kept)) of \(Format.count(trials)) trials kept)")
            .wordWrapped(width: Swift.max(40, width - 1), first: pad, rest: pad + "      ")
    }

    /// The same on one line, for an SVG chart's caption.
    public var conditionText: String? {
        observations.isEmpty ? nil : "given " + observations.joined(separator: "; ")
    }

    /// The aligned text summary a person reads at a glance.
    public func text(style: Style = .plain) -> String {
        var lines: [String] = []
        var head = "Forecast for \(style.bold(scenario))  (\(Format.count(trials)) trials, seed \(seed)"
        if !observations.isEmpty || kept != trials { head += ", \(Format.count(kept)) kept" }
        lines.append(head + ")")
        // What it is conditioned on, on lines of its own within the width.
        if !observations.isEmpty {
            lines += ("given " + observations.joined(separator: "; ")).wordWrapped(
                width: Swift.max(40, style.width - 1), first: String(repeating: " ", count: 12),
                rest: String(repeating: " ", count: 18))
        }
        let label = Format.pad(named == nil ? "R2 release" : "Flagship", 12)
        let indent = String(repeating: " ", count: 12)
        lines.append(label + releaseLine(style: style))
        let end = release.probability(by: Double(steps))
        let error = "(±\(Format.percent(end.standardError, digits: 2)))"
        let byEnd = "by \(Format.month(clockEnd)): \(Format.percent(end.value)) "
        // The censored share is 1 - P(by the end): the same error.
        let censored = "censored \(Format.percent(release.censoredShare.value)) "
        let count = "(±\(Format.percent(end.standardError, digits: 2)), \(Format.count(release.censoredCount)) trials)"
        // On one line when it fits the width, else the censored share on the next.
        if 12 + byEnd.count + error.count + 3 + censored.count + count.count <= style.width - 1 {
            lines.append(indent + byEnd + style.dim(error) + "   " + censored + style.dim(count))
        } else {
            lines.append(indent + byEnd + style.dim(error))
            lines.append(indent + censored + style.dim(count))
        }
        if let mean = release.uncensoredMean {
            lines.append(
                indent + "mean of released trials "
                    + Format.date(mean.value, clockStart: clockStart)
                    + style.dim(" (±\(Format.days(mean.standardError)))"))
        }
        if let named { lines += namedLines(named, style: style) }
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
        if !sector.isEmpty { lines += sectorLines(style: style) }
        return lines.joined(separator: "\n")
    }

    /// The named reading: released under R2's name by the horizon, folded
    /// (and when), pending; the named release's median when it has one.
    func namedLines(_ named: NamedRelease, style: Style) -> [String] {
        let indent = String(repeating: " ", count: 12)
        var first = Format.pad("R2 (named)", 12) + "by \(Format.month(clockEnd)): "
        let released = "released \(Format.percent(named.releasedShare.value)) "
        let error = "(±\(Format.percent(named.releasedShare.standardError, digits: 2)))"
        first += released + style.dim(error)
        let rest =
            "folded \(Format.percent(named.foldedShare.value))   pending \(Format.percent(named.pendingShare.value))"
        var result: [String]
        // On one line when it fits the width, else the rest on the next.
        if 12 + "by \(Format.month(clockEnd)): ".count + released.count + error.count + 3 + rest.count <= style.width
            - 1
        {
            result = [first + "   " + rest]
        } else {
            result = [first, indent + rest]
        }
        if let median = named.foldQuantile(0.5), let p10 = named.foldQuantile(0.1), let p90 = named.foldQuantile(0.9) {
            result.append(
                indent + "folded in: median \(Format.month(clockStart + Int(median)))"
                    + "   80%: \(Format.month(clockStart + Int(p10))) .. \(Format.month(clockStart + Int(p90)))")
        }
        if let median = named.release.quantile(0.5) {
            result.append(indent + "named release median \(Format.date(median, clockStart: clockStart))")
        } else {
            result.append(indent + "named release median after \(Format.month(clockEnd))")
        }
        return result
    }

    /// The sector's domestic share of units received, by calendar year.
    func sectorLines(style: Style) -> [String] {
        let indent = String(repeating: " ", count: 12)
        let columns = "year       mean    p10    p50    p90"
        // The title beside the columns when it fits, else above them.
        var result =
            style.width - 1 >= 12 + columns.count + 26
            ? [Format.pad("Sector", 12) + style.dim(columns + "   domestic share of units")]
            : [Format.pad("Sector", 12) + "domestic share of units", indent + style.dim(columns)]
        for band in sector {
            guard case .share(let first, let last) = band.window.kind else { continue }
            var year = String(first / 12)
            if band.partial {
                year += " (\(Format.month(first).suffix(2))-\(Format.month(last).suffix(2)))"
            }
            let cells = [
                band.mean.value, band.quantile(0.1) ?? .nan, band.quantile(0.5) ?? .nan, band.quantile(0.9) ?? .nan,
            ]
            .map { Format.pad($0.isNaN ? "n/a" : Format.percent($0, digits: 0), 7, right: true) }
            var line = indent + Format.pad(year, 9) + cells.joined()
            if band.undefined > 0 { line += style.dim("   \(Format.count(band.undefined)) trials received nothing") }
            result.append(line)
        }
        return result
    }

    /// `median 2026-02-14   80%: 2025-10-02 .. 2026-11-20`
    func releaseLine(style: Style) -> String {
        let median = Format.date(release.quantile(0.5), clockStart: clockStart, steps: steps)
        let p10 = Format.date(release.quantile(0.1), clockStart: clockStart, steps: steps)
        let p90 = Format.date(release.quantile(0.9), clockStart: clockStart, steps: steps)
        return "median \(style.bold(median))   80%: \(p10) .. \(p90)"
    }
}
