import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// `explain`: every input of the scenario (or of one chip, variable,
    /// event, the programme or pressure) with its statement, its 10/50/90
    /// values when uncertain, and the evidence cards it cites.
    func explain(_ target: ExplainTarget, _ scenario: Scenario) -> CellOutput {
        var lines = ["Inputs of \(scenario.name)" + (scenario.parent.map { " (derived from \($0))" } ?? "") + (scenario.knownAsOf.map { ", as known on \($0)" } ?? "")]
        lines.append("clock \(Format.month(scenario.clock.start)) to \(Format.month(scenario.clock.end)); \(Format.count(scenario.trials)) trials, seed \(scenario.seed)")
        let quantiles = uncertainInputs(scenario, samples: 1000) ?? []
        var quantileByLabel: [String: (Double, Double, Double)] = [:]
        for q in quantiles { quantileByLabel[q.slot.label] = (q.p10, q.p50, q.p90) }
        var items: [JSONValue] = []
        var shown = Set<String>()
        func add(_ label: String, _ provenance: Provenance, _ slotLabel: String? = nil) {
            let key = provenance.location + provenance.text
            let repeated = !provenance.text.isEmpty && !shown.insert(key).inserted
            let statement = provenance.text.isEmpty ? "(default)" : repeated ? "(the statement above)" : provenance.text
            var line = "  \(Format.pad(label, 24)) \(statement)"
            if let l = slotLabel, let q = quantileByLabel[l] {
                line += "\n  \(Format.pad("", 24)) 10/50/90: \(value(q.0, l)) / \(value(q.1, l)) / \(value(q.2, l))"
            }
            if !provenance.location.isEmpty && !repeated { line += "\n  \(Format.pad("", 24)) at \(provenance.location)" }
            if !provenance.cites.isEmpty && !repeated { line += "\n  \(Format.pad("", 24)) evidence: " + provenance.cites.joined(separator: ", ") }
            lines.append(line)
            items.append(.object([("input", .string(label)), ("statement", .string(provenance.text)), ("location", .string(provenance.location)), ("cites", .array(provenance.cites.map { .string($0) }))]))
        }
        let all = target == .all
        for (i, v) in scenario.variables.enumerated() where all || target == .variable(i) {
            add("let \(v.name)", v.provenance, nil)
        }
        for (c, chip) in scenario.chips.enumerated() where all || target == .chip(c) {
            add("chip \(chip.name)", chip.provenance)
            if let fp = chip.fleetProvenance { add("fleet \(chip.name)", fp, "fleet \(chip.name)") }
            for entry in scenario.timeline {
                if case .chip(c, _) = entry.target { add("  \(chip.name) input", entry.provenance) }
                if case .export(c) = entry.target { add("export \(chip.name)", entry.provenance) }
            }
        }
        if all || target == .pressure {
            for entry in scenario.timeline where entry.target == .pressure { add("pressure", entry.provenance) }
        }
        if all || target == .r2 {
            for key in ["start", "needs", "post", "hold", "switch", "restart"] {
                if let p = scenario.r2.provenance[key] { add("r2 \(key)", p, "r2 \(key)") }
            }
        }
        for (e, event) in scenario.events.enumerated() where all || target == .event(e) {
            add("event \(event.name)", event.provenance)
        }
        if quantiles.isEmpty == false && all {
            lines.append("Uncertain inputs (10/50/90 from 1,000 sampled trials):")
            for q in quantiles {
                lines.append("  \(Format.pad(q.slot.label, 32)) \(value(q.p10, q.slot.label)) / \(value(q.p50, q.slot.label)) / \(value(q.p90, q.slot.label))")
            }
        }
        return CellOutput(plainText: lines.joined(separator: "\n"), json: .object([("query", "explain"), ("scenario", .string(scenario.name)), ("inputs", .array(items))]))
    }

    /// An input's value as printed: a date for dates, otherwise a number.
    private func value(_ x: Double, _ label: String) -> String {
        if label.contains("start") || label.contains("from") || label.contains("window") {
            return x > 12_000 ? CalendarDate.day(monthsAfter: 0, x).description : Format.fixed(x, digits: 2)
        }
        if abs(x) >= 1000 { return Format.count(Int(x.rounded())) }
        return Format.fixed(x, digits: abs(x) < 1 ? 3 : 2)
    }
}
