import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// `explain`: every statement that sets an input of the scenario (or of
    /// one chip, variable, event, the programme or pressure), once each, with
    /// where it is written, the evidence it cites, and under it each
    /// uncertain input it sets with its 10/50/90 values as the engine uses
    /// them and, when its clamp moves 0.1% of its draws or more, that share.
    func explain(_ target: ExplainTarget, _ scenario: Scenario) -> CellOutput {
        var lines = [
            "Inputs of \(scenario.name)" + (scenario.parent.map { " (derived from \($0))" } ?? "")
                + (scenario.knownAsOf.map { ", as known on \($0)" } ?? "")
        ]
        let (trials, seed) = runParameters(scenario)
        let runs =
            scenario.precision != nil && configuration.trials == nil
            ? "trials to a precision" : "\(Format.count(trials)) trials"
        lines.append(
            "clock \(Format.month(scenario.clock.start)) to \(Format.month(scenario.clock.end)); \(runs), seed \(seed)")
        let uncertain = uncertainInputs(scenario, samples: 1000) ?? []
        let statements = explainedStatements(target, scenario)
        var items: [JSONValue] = []
        // Long statements and citation lists wrap at spaces, hanging.
        let width = max(40, configuration.style.width - 1)
        for statement in statements {
            let p = statement.provenance
            // The `cite` clause shows as the evidence line below.
            var shown = p.text
            if !p.cites.isEmpty, let clause = shown.range(of: " cite ", options: .backwards) {
                shown = String(shown[..<clause.lowerBound])
            }
            lines += (shown.isEmpty ? "\(statement.fallback) (default)" : shown).wordWrapped(
                width: width, first: "", rest: "  ")
            if !p.location.isEmpty { lines.append("    at \(p.location)") }
            // Each card with its reliability grade (P, M, A, L; `?` when
            // the card states none or cannot be read).
            let grades = p.cites.map { EvidenceGrades.grade(of: $0, citedAt: p.location) }
            if !p.cites.isEmpty {
                let evidence = "    evidence: "
                // A no-break space keeps each grade on its card's line.
                let shown = zip(p.cites, grades).map { "\($0)\u{00A0}[\($1?.rawValue ?? "?")]" }
                lines += shown.joined(separator: ", ").wordWrapped(
                    width: width, first: evidence, rest: String(repeating: " ", count: evidence.count))
                if grades.allSatisfy({ $0 == .low }) {
                    lines.append("    warning: rests on grade L evidence alone: a judgement, not evidence")
                }
            }
            var inputs: [JSONValue] = []
            for input in uncertain where statement.kinds.contains(input.slot.kind) {
                let label = input.slot.label + fromSuffix(input.slot.kind, scenario)
                let reading = InputReading.of(
                    label: input.slot.label, allowed: input.slot.allowed, isDate: input.slot.isDate,
                    values: [input.p10, input.p50, input.p90], dimension: letDimension(input.slot, scenario))
                let shown = [input.p10, input.p50, input.p90].map(reading.text)
                // Percentiles as the engine uses the input; a visible clamp is said.
                let clamped = input.clamped >= 0.001 ? "  (\(Format.percent(input.clamped)) of draws clamped)" : ""
                lines.append("    \(Format.pad(label, 30)) 10/50/90: " + shown.joined(separator: " / ") + clamped)
                inputs.append(
                    .object([
                        ("input", .string(label)), ("p10", .number(input.p10)), ("p50", .number(input.p50)),
                        ("p90", .number(input.p90)),
                        ("clamped", .number(input.clamped)),
                    ]))
            }
            items.append(
                .object([
                    ("statement", .string(p.text)), ("location", .string(p.location)),
                    ("cites", .array(p.cites.map { .string($0) })),
                    ("grades", .array(grades.map { $0.map { .string($0.rawValue) } ?? .null })),
                    ("uncertain", .array(inputs)),
                ]))
        }
        if uncertain.isEmpty { lines.append("(no uncertain input: every value is a constant)") }
        // Which inputs move together (model v2).
        let correlations = scenario.correlations.filter { c in
            target == .all || target == .variable(c.first) || target == .variable(c.second)
        }
        var correlationItems: [JSONValue] = []
        if !correlations.isEmpty {
            lines.append("Correlated inputs (rank correlation, Gaussian copula):")
            for c in correlations {
                let a = scenario.variables[c.first].name
                let b = scenario.variables[c.second].name
                lines.append(
                    "  \(a) and \(b): \(Format.fixed(c.coefficient, digits: 2))    at \(c.provenance.location)")
                correlationItems.append(
                    .object([
                        ("first", .string(a)), ("second", .string(b)), ("coefficient", .number(c.coefficient)),
                        ("location", .string(c.provenance.location)),
                    ]))
            }
        }
        return CellOutput(
            plainText: lines.joined(separator: "\n"),
            json: .object([
                ("query", "explain"), ("scenario", .string(scenario.name)), ("statements", .array(items)),
                ("correlations", .array(correlationItems)),
            ]))
    }

    /// A statement as `explain` lists it: its provenance and the inputs it sets.
    private struct ExplainedStatement {
        var provenance: Provenance
        /// Shown for an input no statement sets.
        var fallback: String
        var kinds: [InputSlot.Kind]
    }

    /// The statements behind the target's inputs, in the scenario's order
    /// (variables, then each chip with its fleet, inputs and export status,
    /// pressure, the programme, events), each once: a chip's `perf` and
    /// `fail` written in its `chip` statement belong to that statement.
    private func explainedStatements(_ target: ExplainTarget, _ scenario: Scenario) -> [ExplainedStatement] {
        var statements: [ExplainedStatement] = []
        var index: [String: Int] = [:]
        func add(_ provenance: Provenance, _ fallback: String, _ kinds: [InputSlot.Kind]) {
            let key = provenance.text.isEmpty ? "default " + fallback : provenance.location + "\u{0}" + provenance.text
            if let i = index[key] {
                statements[i].kinds += kinds
            } else {
                index[key] = statements.count
                statements.append(ExplainedStatement(provenance: provenance, fallback: fallback, kinds: kinds))
            }
        }
        let all = target == .all
        for (i, v) in scenario.variables.enumerated() where all || target == .variable(i) {
            add(v.provenance, "let \(v.name)", [.variable(i)])
        }
        for (c, chip) in scenario.chips.enumerated() where all || target == .chip(c) {
            add(chip.provenance, "chip \(chip.name)", [])
            if let fp = chip.fleetProvenance { add(fp, "fleet \(chip.name)", [.fleet(chip: c)]) }
            for (e, entry) in scenario.timeline.enumerated() {
                switch entry.target {
                case .chip(c, _), .export(c):
                    add(entry.provenance, "\(chip.name) input", [.timelineValue(entry: e), .timelineFrom(entry: e)])
                default: break
                }
            }
        }
        if all || target == .pressure {
            for (e, entry) in scenario.timeline.enumerated() where entry.target == .pressure {
                add(entry.provenance, "pressure", [.timelineValue(entry: e), .timelineFrom(entry: e)])
            }
        }
        if all || target == .r2 {
            let keys: [(String, [InputSlot.R2Field])] = [
                ("start", [.start]), ("needs", [.needs]), ("post", [.post]), ("hold", [.holdProbability, .holdMonths]),
                ("switch", [.switchAfter, .portMonths]), ("restart", [.restart]),
            ]
            for (key, fields) in keys + [("fold", [.fold])] {
                if let p = scenario.r2.provenance[key] { add(p, "r2 \(key)", fields.map { .r2($0) }) }
            }
            for (e, entry) in scenario.timeline.enumerated() {
                if case .programme = entry.target {
                    add(entry.provenance, "r2 input", [.timelineValue(entry: e), .timelineFrom(entry: e)])
                }
            }
        }
        if all {
            // The sector (model v2): its pressure, and each chip's base.
            for (e, entry) in scenario.timeline.enumerated() where entry.target == .sectorPressure {
                add(entry.provenance, "sector pressure", [.timelineValue(entry: e), .timelineFrom(entry: e)])
            }
            for (c, chip) in scenario.chips.enumerated() {
                if let p = chip.baseProvenance { add(p, "sector base \(chip.name)", [.base(chip: c)]) }
            }
        }
        for (v, event) in scenario.events.enumerated() where all || target == .event(v) {
            var kinds: [InputSlot.Kind] = [
                .eventProbability(event: v), .eventWindowStart(event: v), .eventWindowEnd(event: v),
            ]
            for change in event.changes.indices {
                kinds += [.eventChangeValue(event: v, change: change), .eventChangeFrom(event: v, change: change)]
            }
            add(event.provenance, "event \(event.name)", kinds)
        }
        return statements
    }

}

/// How an input's value reads.
enum InputText {
    /// A date input (an absolute continuous month) as a calendar day;
    /// a value too small to be one as a number.
    static func date(_ x: Double) -> String {
        x > 12_000 && x.isFinite ? CalendarDate.day(monthsAfter: 0, x).description : Format.fixed(x, digits: 2)
    }
}

/// The reliability grades of evidence cards, read from the cards.
enum EvidenceGrades {
    /// The grade of the card cited as `path` by a statement at `location`
    /// (`file:line`), found beside the citing file or in a folder above it.
    static func grade(of path: String, citedAt location: String) -> EvidenceCard.Grade? {
        let citing = location.split(separator: ":").dropLast().joined(separator: ":")
        // From the citing file's absolute path, whatever the working folder.
        let absolute = citing.isEmpty ? nil : FileSourceLoader().identity(of: citing)
        for candidate in EvidenceCard.candidatePaths(path, citing: absolute) {
            if case .success(let text) = FileSourceLoader().read(candidate) { return EvidenceCard(text: text).grade }
        }
        return nil
    }
}
