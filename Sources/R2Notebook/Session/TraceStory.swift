import R2Engine
import R2Forecast
import R2Language
import R2Model

/// A trial's trace told as text: inputs, events, then one line per month
/// with anything that happened, then holds and the release.
struct TraceStory {
    let trace: TrialTrace
    let scenario: String
    /// Per input, in the trace's order: its name as `explain` shows it
    /// (`pressure from 2025-05`), whether its value is a date, and a
    /// `let`'s dimension. Without them the engine's labels and plain
    /// numbers are shown.
    var inputNames: [(label: String, isDate: Bool, dimension: Dimension?)] = []
    /// Lines longer than this wrap at spaces, hanging under their text.
    var width = Int.max
    /// The inputs drawn through the copula (model v2), by index.
    var correlated: Set<Int> = []

    var text: String {
        let t = trace
        var lines = ["Trial \(t.trial + 1) of \(scenario) (seed \(t.seed))"]
        lines.append("Sampled inputs:")
        for (i, input) in t.inputs.enumerated() where input.isRandom {
            let name: (label: String, isDate: Bool, dimension: Dimension?) =
                i < inputNames.count ? inputNames[i] : (input.label, false, nil)
            let value = InputReading.of(
                label: name.label, isDate: name.isDate, values: [input.value], dimension: name.dimension
            ).text(input.value)
            lines.append("  \(name.label) = \(value)\(correlated.contains(i) ? "  (correlated)" : "")")
        }
        if !t.inputs.contains(where: \.isRandom) { lines.append("  (none: every input is a constant)") }
        let p = t.programme
        var prog =
            "R2: training from \(Format.month(t.clockStart + p.startStep)), needs \(number(p.needs)) chip-months, post \(Format.months(p.post))"
        if p.holdProbability > 0 {
            prog += ", hold \(Format.percent(p.holdProbability)) x \(Format.months(p.holdMonths))"
        }
        if p.switchAfter.isFinite {
            prog += ", switch after \(Int(p.switchAfter.rounded(.up))) failures (port \(Format.months(p.portMonths)))"
        }
        if p.restart > 0 { prog += ", restart \(Format.percent(p.restart))" }
        lines += hanging(prog)
        for e in t.events {
            lines.append("Event \(e.name): " + (e.fired ? "fires in \(Format.month(e.month ?? 0))" : "does not fire"))
        }
        var chip: Int?
        // Failures on the current chip: a successful switch resets them
        // at the end of its month, after the failure that triggered it.
        var failures = 0
        for m in t.months {
            var parts: [String] = []
            for c in m.changes { parts.append("\(c.label) -> \(changeValue(c))") }
            // A banned chip's non-delivery is the export status, shown when it changes.
            for s in m.supply where s.added > 0 || (s.outcome != .delivered && s.outcome != .banned) {
                parts.append(
                    "\(t.chipNames[s.chip]): \(s.outcome.rawValue)\(s.added > 0 ? " +\(Format.count(Int(s.added.rounded())))" : "")"
                )
            }
            if let tr = m.training {
                if let mandated = tr.mandated, let c = tr.chip {
                    parts.append(
                        "platform \(t.chipNames[c]) (\(mandated ? "mandated" : "not mandated"), pressure \(Format.percent(m.pressure, digits: 0)))"
                    )
                } else if tr.chip == nil {
                    parts.append("no chip to train on (the scenario declares none)")
                }
                if let c = tr.chip, c != chip, chip != nil, tr.mandated == nil {
                    parts.append("now on \(t.chipNames[c])")
                }
                chip = tr.chip ?? chip
                if tr.fraction < 1 {
                    parts.append("port: trains \(Format.percent(tr.fraction, digits: 0)) of the month")
                }
                if tr.failed {
                    // Counted here: a blocked switch lets the count pass k.
                    failures += 1
                    parts.append("FAILURE #\(failures)" + (tr.restarted ? ", progress wiped" : ", month lost"))
                } else if tr.progressAdded > 0 {
                    parts.append("progress +\(number(tr.progressAdded)) = \(number(tr.progress))")
                }
                if let s = tr.switchAttempt {
                    if s.succeeded { failures = 0 }
                    if s.succeeded, let to = s.to {
                        parts.append("switches to \(t.chipNames[to]) (port \(Format.months(p.portMonths)))")
                    } else {
                        parts.append(
                            s.to == nil
                                ? "tries to switch: no foreign chip has capacity" : "tries to switch: mandated to stay")
                    }
                }
                if let tau = tr.completion {
                    parts.append("training completes \(Format.date(tau, clockStart: t.clockStart))")
                }
            }
            if !parts.isEmpty {
                lines += filled(
                    head: "  \(Format.month(m.month))  ", parts,
                    tail: "  [adoption \(Format.percent(m.adoption, digits: 0))]")
            }
        }
        if let tau = t.completion {
            var s =
                "Training completed \(Format.date(tau, clockStart: t.clockStart)); post-training \(Format.months(p.post))"
            if !t.holds.isFinite {
                s += "; held forever"
            } else if t.holds > 0 {
                s +=
                    "; \(Int(t.holds)) hold\(t.holds == 1 ? "" : "s") x \(Format.months(p.holdMonths)) = \(Format.months(t.holds * p.holdMonths))"
            } else {
                s += "; no hold"
            }
            lines += hanging(s)
        } else {
            lines.append("Training did not complete before \(Format.month(t.clockEnd)).")
        }
        lines.append(
            t.isCensored
                ? "Release: after the horizon (\(Format.month(t.clockEnd))): censored"
                : "Release: \(Format.date(t.release, clockStart: t.clockStart))")
        if let f = t.fold {
            lines += hanging(
                "Folded into another product line in \(Format.month(t.clockStart + f)), before the release: "
                    + "the flagship ships as above, but not under R2's name")
        }
        lines += legend(lines.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }

    /// What the words of the story mean, for those it used.
    private func legend(_ story: String) -> [String] {
        let terms: [(word: String, meaning: String)] = [
            ("blocked", "an approved foreign order stopped by the government's pressure to buy domestic"),
            ("refused", "the export licence was refused this month"),
            ("banned", "the chip cannot be exported"),
            ("produced", "domestic dies made at this month's yield"),
            ("mandated", "the lab must train on a domestic chip (probability: the pressure)"),
            (
                "FAILURE",
                "a training month that failed on this chip: the month is lost, or with the restart probability all progress"
            ),
            ("port", "moving training to another chip stalls part of the month"),
            (
                "hold",
                "the release gate holds the finished model for `hold months` more, each time with the hold probability"
            ),
        ]
        let used = terms.filter { story.contains($0.word) }
        guard !used.isEmpty else { return [] }
        return ["Words:"]
            + used.flatMap { term in
                "\(term.word): \(term.meaning)".wordWrapped(width: Swift.min(width, 1000), first: "  ", rest: "      ")
            }
    }

    /// A line within `width` columns, its continuations indented by 4.
    private func hanging(_ line: String) -> [String] {
        line.count > width ? line.wordWrapped(width: width, first: "", rest: "    ") : [line]
    }

    /// `head` then `items` separated by "; ", then `tail`, filled into
    /// lines of `width` columns, broken only between items, the later
    /// lines indented under the first item (an item longer than a line
    /// gets one of its own).
    private func filled(head: String, _ items: [String], tail: String) -> [String] {
        let indent = String(repeating: " ", count: head.count)
        var lines: [String] = []
        var line = head
        var empty = true
        for (i, item) in items.enumerated() {
            let piece = item + (i < items.count - 1 ? ";" : tail)
            if !empty && line.count + 1 + piece.count > width {
                lines.append(line)
                line = indent
                empty = true
            }
            // An item too long for any line breaks at its spaces.
            let words =
                piece.count > width - indent.count ? piece.wordWrapped(width: max(20, width - indent.count)) : [piece]
            for (j, word) in words.enumerated() {
                if j > 0 {
                    lines.append(line)
                    line = indent
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
        }
        lines.append(line)
        return lines
    }

    private func changeValue(_ c: TracedChange) -> String {
        if c.label.hasPrefix("export") {
            if c.value == 2 { return "allowed" }
            if c.value == -1 { return "banned" }
            return "licensed \(Format.percent(c.value))"
        }
        return InputReading.of(label: c.label).text(c.value)
    }

    private func number(_ x: Double) -> String {
        if abs(x) < 1000 && x == x.rounded() { return String(Int(x)) }
        return Format.quantity(x)
    }
}
