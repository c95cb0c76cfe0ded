import R2Forecast
import R2Model

extension BacktestReport {
    /// Per continuous question, the mean CRPS of the forecasts that scored
    /// it and of the naive reference on the same files.
    public func continuousMeans() -> [(question: ContinuousQuestion, n: Int, crps: Double, naive: Double)] {
        guard let first = scored.first else { return [] }
        return first.continuous.indices.compactMap { j in
            let scores = scored.map { $0.continuous[j] }.filter(\.isScored)
            guard !scores.isEmpty else { return (first.continuous[j].question, 0, .nan, .nan) }
            let n = Double(scores.count)
            return (
                first.continuous[j].question, scores.count, scores.reduce(0) { $0 + $1.crps! } / n,
                scores.reduce(0) { $0 + ($1.naiveCRPS ?? .nan) } / n
            )
        }
    }

    /// One calibration bin: forecasts in [low, high), how many, their mean
    /// probability and the share of their events that happened.
    public struct CalibrationBin: Sendable {
        public var low: Double
        public var high: Double
        public var count: Int
        public var meanForecast: Double
        public var observed: Double
    }

    /// Every scored binary (file, question) pair in ten bins of its
    /// probability (the last bin includes 100%).
    public var calibration: [CalibrationBin] {
        var bins = (0..<10).map { k in
            CalibrationBin(low: Double(k) / 10, high: Double(k + 1) / 10, count: 0, meanForecast: 0, observed: 0)
        }
        for f in scored {
            for s in f.scores where s.isScored {
                let p = s.probability!.value
                let k = Swift.min(9, Swift.max(0, Int(p * 10)))
                bins[k].count += 1
                bins[k].meanForecast += p
                bins[k].observed += s.question.outcome ? 1 : 0
            }
        }
        return bins.map { b in
            var b = b
            if b.count > 0 {
                b.meanForecast /= Double(b.count)
                b.observed /= Double(b.count)
            }
            return b
        }
    }

    /// The continuous scores, the calibration table and the first round, as text.
    func continuousText(style: Style, fileWidth: Int) -> [String] {
        func pad(_ s: String, _ w: Int, right: Bool = false) -> String { Format.pad(s, w, right: right) }
        func value(_ q: ContinuousQuestion, _ x: Double?) -> String {
            guard let x, x.isFinite else { return "-" }
            switch q.quantity {
            case .flagshipRelease: return Format.fixed(x, digits: 2) + " mo"
            case .sectorShare: return Format.fixed(x * 100, digits: 1) + " pt"
            }
        }
        var lines = ["", style.bold("Continuous forecasts") + " (CRPS, lower is better; naive: the forecaster below)"]
        for q in scored.first?.continuous.map(\.question) ?? [] {
            lines.append("  \(q.id): \(q.text)")
            lines.append("    naive: \(q.naiveRule)")
        }
        lines.append(
            pad("file", fileWidth) + "  " + pad("as of", 10)
                + (scored.first?.continuous ?? []).map {
                    "  " + pad($0.question.id, 18, right: true) + "  " + pad("naive", 9, right: true)
                }.joined())
        for f in scored {
            var row = pad(f.fileName, fileWidth) + "  " + pad(f.knownAsOf.map(\.description) ?? "none", 10)
            for s in f.continuous {
                row +=
                    "  " + pad(s.isScored ? value(s.question, s.crps) : "-", 18, right: true) + "  "
                    + pad(s.isScored ? value(s.question, s.naiveCRPS) : "-", 9, right: true)
            }
            lines.append(row)
        }
        var means = pad("mean", fileWidth) + "  " + pad("", 10)
        for m in continuousMeans() {
            means +=
                "  " + pad(m.n > 0 ? value(m.question, m.crps) : "-", 18, right: true) + "  "
                + pad(m.n > 0 ? value(m.question, m.naive) : "-", 9, right: true)
        }
        lines.append(means)

        lines.append("")
        lines.append(
            style.bold("Calibration")
                + " (every scored binary question: forecasts by bin, and how often the event happened)")
        lines.append(
            "  " + pad("bin", 10) + "  " + pad("n", 3, right: true) + "  " + pad("mean p", 7, right: true) + "  "
                + pad("observed", 8, right: true))
        for b in calibration where b.count > 0 {
            lines.append(
                "  " + pad("\(Int(b.low * 100))-\(Int(b.high * 100))%", 10) + "  "
                    + pad(String(b.count), 3, right: true) + "  "
                    + pad(Format.percent(b.meanForecast), 7, right: true) + "  "
                    + pad(Format.percent(b.observed), 8, right: true))
        }
        lines.append("")
        lines.append(BacktestOutcomes.firstRound)
        return lines
    }

    var continuousJSON: JSONValue {
        .object([
            (
                "continuous",
                .array(
                    continuousMeans().map { m in
                        .object([
                            ("id", .string(m.question.id)), ("n", .integer(m.n)), ("crps", .finite(m.crps)),
                            ("naive_crps", .finite(m.naive)), ("naive", .string(m.question.naiveRule)),
                        ])
                    })
            ),
            (
                "calibration",
                .array(
                    calibration.map { b in
                        .object([
                            ("low", .number(b.low)), ("high", .number(b.high)), ("n", .integer(b.count)),
                            ("mean_forecast", .finite(b.count > 0 ? b.meanForecast : nil)),
                            ("observed", .finite(b.count > 0 ? b.observed : nil)),
                        ])
                    })
            ),
            ("first_round", .string(BacktestOutcomes.firstRound)),
        ])
    }
}
