import R2Forecast
import R2Model

/// The backtest of several files: every file's scores, the pooled means of
/// the model and of the reference, and the adoption comparison.
public struct BacktestReport: Sendable {
    public var files: [BacktestFileResult]
    public var questions: [BacktestQuestion]
    public var reference: ReferenceForecast
    public var adoptionMonth: CalendarDate
    public var sector: [SectorFigure]

    public init(files: [BacktestFileResult], options: BacktestRunner.Options) {
        self.files = files
        self.questions = options.questions
        self.reference = options.reference
        self.adoptionMonth = options.adoptionMonth
        self.sector = options.sector
    }

    /// Whether any file could not be backtested.
    public var failed: Bool { files.contains { $0.error != nil } }

    var scored: [BacktestFileResult] { files.filter { $0.error == nil } }

    /// Means over every scored (file, question) pair of the main reading.
    public var summary: ScoreSummary {
        ScoreSummary(scored.flatMap(\.scores).filter(\.question.reading.inMainReading))
    }

    /// Means over every scored pair of the alternative ("next flagship") reading.
    public var alternativeSummary: ScoreSummary {
        ScoreSummary(scored.flatMap(\.scores).filter(\.question.reading.inAlternativeReading))
    }

    /// Per question: its mean scores over the files that scored it, and the
    /// range of the probabilities they gave.
    public func byQuestion(_ q: BacktestQuestion) -> (summary: ScoreSummary, low: Double?, high: Double?) {
        let scores = scored.flatMap(\.scores).filter { $0.question.id == q.id && $0.isScored }
        let ps = scores.compactMap { $0.probability?.value }
        return (ScoreSummary(scores), ps.min(), ps.max())
    }

    /// The release questions and the adoption question, read in plain words.
    public var reading: String {
        let s = summary
        guard s.count > 0 else {
            return "No question was scored: every file's `as of` date comes after the resolutions, or is missing."
        }
        var parts: [String] = []
        let verdict = s.brierSkill < 0 ? "worse than" : "better than"
        parts.append(
            "Over \(s.count) scored (file, question) pairs the model does \(verdict) the \(reference.name) "
                + "(mean Brier \(Format.fixed(s.brier, digits: 3)) against \(Format.fixed(s.referenceBrier, digits: 3)), "
                + "skill \(Format.fixed(s.brierSkill, digits: 2)); mean log score \(Format.fixed(s.log, digits: 3)) against \(Format.fixed(s.referenceLog, digits: 3)))."
        )
        let release = questions.filter { q in
            if case .noReleaseBy = q.event { return q.reading == .byName && q.outcome }
            return false
        }
        if let last = release.last {
            let r = byQuestion(last)
            if let lo = r.low, let hi = r.high {
                parts.append(
                    "Every file assumes a product named R2 ships: it gives \(last.id) (the outcome) only "
                        + "\(Format.percent(lo)) to \(Format.percent(hi)), while the lab shipped V3.1, V3.2 and V4 instead."
                )
            }
        }
        if let share = questions.first(where: {
            if case .adoptionBetween = $0.event { return true }; return false
        }) {
            let r = byQuestion(share)
            if let hi = r.high {
                parts.append(
                    "On \(share.id), a proxy, the model gives at most \(Format.percent(hi)) to a lab share near the sector's 41%; "
                        + "the lab's own share was never reported.")
            }
        }
        let alt = alternativeSummary
        if alt.count > 0 {
            parts.append(
                "Read as 'the next flagship' whatever its name (V4, previewed on 2026-04-24), the same forecasts score mean Brier "
                    + "\(Format.fixed(alt.brier, digits: 3)) against \(Format.fixed(alt.referenceBrier, digits: 3)) (skill \(Format.fixed(alt.brierSkill, digits: 2)), "
                    + "\(alt.count) scored).")
        }
        return parts.joined(separator: " ")
    }

    /// The adoption comparison in plain words.
    public var adoptionReading: String {
        let readings = scored.compactMap(\.adoption)
        guard !readings.isEmpty else { return "No file's clock covers \(adoptionMonth)." }
        func pct(_ x: Double) -> String { Format.percent(x, digits: 0) }
        func span(_ xs: [Double]) -> String {
            let lo = pct(xs.min()!), hi = pct(xs.max()!)
            return lo == hi ? lo : "\(lo) to \(hi)"
        }
        let n = readings.count
        var text =
            "At the end of \(adoptionMonth.year) the model puts the lab's domestic share of compute (by perf) at a median of "
            + "\(span(readings.map(\.p50))) (10-90%: \(pct(readings.map(\.p10).min()!)) to \(pct(readings.map(\.p90).max()!))) across \(n) files"
        guard let top = sector.max(by: { $0.share < $1.share }) else { return text + "." }
        text +=
            ", against the sector's "
            + sector.map { "~\(pct($0.share)) in \($0.year) (\($0.source))" }.joined(separator: " and ") + ", by units."
        let x = top.share
        let inside = readings.filter { $0.p10 <= x && x <= $0.p90 }.count
        let aboveMedian = readings.filter { x > $0.p50 }.count
        let aboveP90 = readings.filter { x > $0.p90 }.count
        let gaps = readings.map { x - $0.p50 }
        let k = sector.firstIndex(of: top)!
        let shares = readings.compactMap { $0.shareAbove.indices.contains(k) ? $0.shareAbove[k] : nil }
        text +=
            " The sector's \(pct(x)) lies inside the model's 10-90% band in \(inside) of \(n) files, above its median in \(aboveMedian)"
            + " and above its 90th percentile in \(aboveP90)"
        if !gaps.isEmpty {
            let lo = Format.fixed(gaps.min()! * 100, digits: 0), hi = Format.fixed(gaps.max()! * 100, digits: 0)
            text +=
                "; the model's median lab sits \(lo == hi ? lo : "\(lo) to \(hi)") points "
                + (gaps.min()! >= 0 ? "below" : "away from") + " the sector"
        }
        if !shares.isEmpty { text += ", and it gives \(span(shares)) to a lab share above \(pct(x))" }
        text +=
            ". A lab below the sector's unit share is the direction to expect: the model weights a 910C at 0.3 to 0.6 of an "
            + "H800 where the sector counts one card one unit; it measures the capacity the lab holds, Hopper chips bought "
            + "before the bans included, where IDC counts 2025's shipments only; and the sector includes state data centres "
            + "required to buy domestic. One thing leans the other way: the model's foreign fleets are the chips one run can "
            + "use, not the lab's whole estate. "
        text +=
            inside == n
            ? "So the comparison is consistent with the model but cannot confirm it: "
            : "How far below the lab should sit is not known, so the gap is not scored as a miss either: "
        text +=
            "the two figures measure different things, and model v1 cannot produce the sector's (docs/BACKTEST.md says what it would take)."
        return text
    }
}
