import R2Forecast
import R2Model

extension BacktestReport {
    /// The report as aligned text: the questions, one block per file, the
    /// mean scores per file and pooled, the adoption comparison, and the reading.
    public func text(style: Style = .plain) -> String {
        var lines: [String] = []
        func pad(_ s: String, _ w: Int, right: Bool = false) -> String { Format.pad(s, w, right: right) }
        func num(_ x: Double?) -> String { x.map { Format.fixed($0, digits: 3) } ?? "-" }
        let idWidth = max(8, questions.map { $0.id.count + ($0.counted ? 0 : 1) }.max() ?? 8)

        lines.append(style.bold("Backtest: each file's main scenario scored on facts observed later"))
        lines.append("scores: Brier (p - o)^2 and log -ln p(outcome), p clipped to [0.001, 0.999]; lower is better")
        lines.append("reference: \(reference.name), \(reference.summary)")
        lines.append("")
        lines.append(
            style.bold("Questions")
                + " (outcome observed later; * = the 'next flagship' reading, scored in its own mean)")
        for q in questions {
            let id = q.id + (q.counted ? "" : "*")
            let indent = String(repeating: " ", count: idWidth + 4)
            var body = q.text.wordWrapped(width: max(40, style.width - indent.count))
            body.append("outcome: \(q.outcome ? "yes" : "no"), resolved \(q.resolvesOn)")
            body += ("source: " + q.sources.joined(separator: ", ")).wordWrapped(
                width: max(40, style.width - indent.count))
            for (i, line) in body.enumerated() {
                lines.append((i == 0 ? "  " + pad(id, idWidth) + "  " : indent) + line)
            }
        }

        for f in files {
            lines.append("")
            guard f.error == nil else {
                lines.append(style.bold(f.fileName) + ": " + (f.error ?? "failed"))
                continue
            }
            let asOf = f.knownAsOf.map(\.description) ?? "none"
            lines.append(
                style.bold(f.fileName)
                    + " (scenario \(f.scenario ?? "?"), as of \(asOf), \(Format.count(f.trials)) trials, seed \(f.seed))"
            )
            lines.append(
                "  " + pad("question", idWidth) + "  " + pad("P", 7, right: true) + "  " + pad("+-SE", 6, right: true)
                    + "  outcome  " + pad("Brier", 6, right: true) + "  " + pad("log", 6, right: true))
            for s in f.scores {
                let id = s.question.id + (s.question.counted ? "" : "*")
                let p = s.probability.map { Format.percent($0.value) } ?? "-"
                let se = s.probability.map { Format.percent($0.standardError, digits: 2) } ?? "-"
                var row =
                    "  " + pad(id, idWidth) + "  " + pad(p, 7, right: true) + "  " + pad(se, 6, right: true)
                    + "  " + pad(s.question.outcome ? "yes" : "no", 7) + "  "
                if let reason = s.unscoredReason {
                    row += "not scored: " + reason
                } else {
                    row += pad(num(s.score(.brier)), 6, right: true) + "  " + pad(num(s.score(.log)), 6, right: true)
                }
                lines.append(row)
            }
            for (label, m) in [("mean of", f.summary), ("mean* of", f.alternativeSummary)] where m.count > 0 {
                lines.append(
                    "  " + pad("\(label) \(m.count)", idWidth + 28) + pad(num(m.brier), 6, right: true) + "  "
                        + pad(num(m.log), 6, right: true) + "  skill " + Format.fixed(m.brierSkill, digits: 2))
            }
            if f.summary.count == 0 && f.alternativeSummary.count == 0 { lines.append("  nothing scored") }
        }

        lines.append("")
        lines.append(
            style.bold("Mean scores")
                + " (a model named R2; * the next flagship, V4; skill = 1 - Brier / reference Brier)")
        let fileWidth = max(14, files.map(\.fileName.count).max() ?? 14)
        lines.append(
            pad("file", fileWidth) + "  " + pad("as of", 10) + "  " + pad("n", 3, right: true) + "  "
                + pad("Brier", 6, right: true) + "  " + pad("log", 6, right: true) + "  " + pad("ref B", 6, right: true)
                + "  "
                + pad("ref log", 7, right: true) + "  " + pad("skill", 6, right: true))
        func summaryRow(_ name: String, _ asOf: String, _ m: ScoreSummary) -> String {
            pad(name, fileWidth) + "  " + pad(asOf, 10) + "  " + pad(String(m.count), 3, right: true) + "  "
                + pad(num(m.count > 0 ? m.brier : nil), 6, right: true) + "  "
                + pad(num(m.count > 0 ? m.log : nil), 6, right: true) + "  "
                + pad(num(m.count > 0 ? m.referenceBrier : nil), 6, right: true) + "  "
                + pad(num(m.count > 0 ? m.referenceLog : nil), 7, right: true) + "  "
                + pad(m.count > 0 ? Format.fixed(m.brierSkill, digits: 2) : "-", 6, right: true)
        }
        for f in files where f.error == nil {
            lines.append(summaryRow(f.fileName, f.knownAsOf.map(\.description) ?? "none", f.summary))
        }
        lines.append(summaryRow("all files", "", summary))
        if alternativeSummary.count > 0 {
            lines.append(summaryRow("all files*", "", alternativeSummary))
        }

        lines.append("")
        lines.append(style.bold("By question") + " (over the files that scored it)")
        lines.append(
            "  " + pad("question", idWidth) + "  " + pad("n", 3, right: true) + "  " + pad("P from", 7, right: true)
                + "  " + pad("to", 6, right: true) + "  " + pad("Brier", 6, right: true) + "  "
                + pad("log", 6, right: true))
        for q in questions {
            let r = byQuestion(q)
            let id = q.id + (q.counted ? "" : "*")
            lines.append(
                "  " + pad(id, idWidth) + "  " + pad(String(r.summary.count), 3, right: true) + "  "
                    + pad(r.low.map { Format.percent($0) } ?? "-", 7, right: true) + "  "
                    + pad(r.high.map { Format.percent($0) } ?? "-", 6, right: true) + "  "
                    + pad(num(r.summary.count > 0 ? r.summary.brier : nil), 6, right: true) + "  "
                    + pad(num(r.summary.count > 0 ? r.summary.log : nil), 6, right: true))
        }

        lines += continuousText(style: style, fileWidth: fileWidth)

        lines.append("")
        lines.append(
            style.bold("Adoption at \(adoptionMonth)")
                + ": the lab's domestic share of compute (by perf) beside the sector's (by units)")
        var header =
            pad("file", fileWidth) + "  " + pad("as of", 10) + "  " + pad("mean", 5, right: true) + "  "
            + pad("p10", 5, right: true) + "  " + pad("p50", 5, right: true) + "  " + pad("p90", 5, right: true)
        for s in sector { header += "  " + pad("P(>\(Format.percent(s.share, digits: 0)))", 7, right: true) }
        lines.append(header)
        for f in files where f.error == nil {
            guard let a = f.adoption else {
                lines.append(pad(f.fileName, fileWidth) + "  clock does not cover \(adoptionMonth)")
                continue
            }
            var row =
                pad(f.fileName, fileWidth) + "  " + pad(f.knownAsOf.map(\.description) ?? "none", 10) + "  "
                + [a.mean, a.p10, a.p50, a.p90].map { pad(Format.percent($0, digits: 0), 5, right: true) }.joined(
                    separator: "  ")
            for x in a.shareAbove { row += "  " + pad(Format.percent(x), 7, right: true) }
            lines.append(row)
        }
        for s in sector {
            let body = "\(s.source) \(s.year): \(Format.percent(s.share, digits: 0)) domestic, \(s.basis) (\(s.card))"
                .wordWrapped(width: max(40, style.width - 8))
            for (i, line) in body.enumerated() { lines.append((i == 0 ? "sector: " : "        ") + line) }
        }

        lines.append("")
        lines.append(style.bold("Reading"))
        lines += reading.wordWrapped(width: max(60, style.width))
        lines.append("")
        lines += adoptionReading.wordWrapped(width: max(60, style.width))
        return lines.joined(separator: "\n")
    }
}
