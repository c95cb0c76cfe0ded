import R2Model

/// Lowers a `Scenario` to a `CompiledScenario`: one pass over the structure
/// in canonical slot order, each `Value` tree to instructions (constants
/// folded), each timeline statement to a `CompiledEntry`.
struct ScenarioCompiler {
    let scenario: Scenario
    var nodes: [Double] = []
    var nodeIsConstant: [Bool] = []
    var program: [Instruction] = []
    var mixtureNodes: [Int32] = []
    var mixtureCumulative: [Double] = []
    var tables: [InverseTable] = []
    var inputs: [InputSlot] = []
    var variableNodes: [Int32] = []
    var entries: [CompiledEntry] = []
    var entryLabels: [String] = []
    /// The drawn `from` of the entry just compiled, which the next entries
    /// of the same statement share.
    var sharedFrom: (from: Value, provenance: Provenance, event: Int32, node: Int32)?
    /// Model v2 timeline statements so far (they number their streams apart).
    var v2Entries = 0

    init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    /// The longest clock, in months (2^20, over 87,000 years).
    static let maximumSteps = 1 << 20

    mutating func compile() throws(CompileError) -> CompiledScenario {
        let s = scenario
        guard s.clock.steps >= 1 else {
            throw CompileError(path: "clock", message: "the clock ends before it starts")
        }
        // The lanes hold steps in single precision (LaneMachine.monthSteps).
        guard s.clock.steps <= Self.maximumSteps else {
            throw CompileError(
                path: "clock",
                message: "the clock is \(s.clock.steps) months long; at most \(Self.maximumSteps) can be simulated")
        }
        guard s.chips.count < StreamID.maximumChips, s.variables.count < StreamID.maximumVariables,
            s.timeline.count < StreamID.maximumTimeline, s.events.count < StreamID.maximumEvents
        else { throw CompileError(path: "scenario", message: "too many inputs to simulate") }

        let correlated = correlatedVariables
        for (i, v) in s.variables.enumerated() {
            if correlated.contains(i) {
                variableNodes.append(copulaSlot(i))
                continue
            }
            let node = try slot(
                v.value, .variable(i), "let \(v.name)", StreamID.variable(i), "variables[\(i)]")
            variableNodes.append(node)
        }
        var fleetNodes: [Int32] = []
        for (c, chip) in s.chips.enumerated() {
            fleetNodes.append(
                try slot(
                    chip.fleet, .fleet(chip: c), "fleet \(chip.name)", StreamID.fleet(c), "chips[\(c)].fleet")
            )
            inputs[inputs.count - 1].clamp = .nonNegative
        }
        var v1Entries = 0
        // The streams of the last numbered entry (value, from).
        var streams: (UInt32, UInt32) = (0, 0)
        for (e, entry) in s.timeline.enumerated() {
            // A v1 statement's stream is numbered among the v1 statements,
            // a v2 one's among the v2 ones: adding either moves no other.
            // An implied part (a constant at its default, dated as its
            // statement, whose `from` it shares) draws nothing and is not
            // numbered: it takes its statement's streams.
            if !entry.isImplied {
                let k = entry.target.isV2 ? v2Entries : v1Entries
                streams =
                    entry.target.isV2
                    ? (StreamID.timelineV2(k, from: false), StreamID.timelineV2(k, from: true))
                    : (StreamID.timeline(k, from: false), StreamID.timeline(k, from: true))
                if entry.target.isV2 { v2Entries += 1 } else { v1Entries += 1 }
            }
            try timelineEntry(
                entry, event: -1, path: "timeline[\(e)]", label: label(entry.target),
                valueSlot: (.timelineValue(entry: e), streams.0),
                fromSlot: (.timelineFrom(entry: e), streams.1))
        }
        let r2Nodes = try r2Programme(s.r2)
        var events: [CompiledEvent] = []
        for (v, event) in s.events.enumerated() {
            events.append(try self.event(event, index: v))
        }
        let sector = try self.sector()
        let copula = try self.copula()
        let randomSlots = inputs.indices.filter { inputs[$0].programEnd > inputs[$0].programStart }
        // The lanes compute in single precision: a constant input beyond
        // 10^30 would overflow their products (to infinity, then NaN). The
        // language refuses such values where they are written; this guards
        // scenarios built in code.
        for slot in inputs where !slot.isRandom {
            let x = nodes[Int(slot.node)]
            if x.isFinite && abs(x) > Scenario.largestValue {
                throw CompileError(
                    path: slot.label,
                    message: "\(x) is too large to simulate: the engine computes in single precision, up to 1e30")
            }
        }
        return CompiledScenario(
            name: s.name, clock: s.clock, scenarioTrials: s.trials, scenarioSeed: s.seed,
            chipNames: s.chips.map(\.name), chipOrigins: s.chips.map(\.origin),
            eventNames: s.events.map(\.name), inputs: inputs, entryLabels: entryLabels,
            initialNodes: nodes, program: program, mixtureNodes: mixtureNodes,
            mixtureCumulative: mixtureCumulative, tables: tables, randomSlots: randomSlots.map { Int32($0) },
            entries: entries, events: events, fleetNodes: fleetNodes, r2Nodes: r2Nodes,
            asOfBound: s.asOfBound, folds: folds, sector: sector, copula: copula)
    }

    /// Whether the scenario can fold: a fold probability that is not 0, or
    /// a dated or event `fold` statement.
    var folds: Bool {
        if scenario.r2.fold != .constant(0) { return true }
        let all = scenario.timeline + scenario.events.flatMap(\.changes)
        return all.contains { $0.target == .programme(.fold) }
    }

    /// The sector's base nodes (after every other input, in chip order)
    /// when the scenario describes the sector; nil when it does not.
    mutating func sector() throws(CompileError) -> CompiledSector? {
        let s = scenario
        var baseNodes = [Int32](repeating: -1, count: s.chips.count)
        for (c, chip) in s.chips.enumerated() where chip.base != .constant(0) {
            baseNodes[c] = try slot(
                chip.base, .base(chip: c), "base \(chip.name)", StreamID.base(c), "chips[\(c)].base")
            inputs[inputs.count - 1].clamp = .nonNegative
        }
        let all = s.timeline + s.events.flatMap(\.changes)
        let described =
            baseNodes.contains { $0 >= 0 }
            || all.contains { entry in
                switch entry.target {
                case .sectorPressure, .chip(_, .ship), .chip(_, .sectorMake): return true
                default: return false
                }
            }
        guard described else { return nil }
        return CompiledSector(baseNodes: baseNodes, years: SectorWindow.years(of: s.clock))
    }

    // MARK: - Programme and events

    mutating func r2Programme(_ r2: R2Programme) throws(CompileError) -> [Int32] {
        guard let start = r2.start else {
            throw CompileError(path: "r2.start", message: "the R2 programme needs a start month")
        }
        guard let needs = r2.needs else {
            throw CompileError(path: "r2.needs", message: "the R2 programme needs its compute (needs)")
        }
        var fields: [(InputSlot.R2Field, Value?)] = [
            (.start, start), (.needs, needs), (.post, r2.post),
            (.holdProbability, r2.holdProbability), (.holdMonths, r2.holdMonths),
            (.switchAfter, r2.switchAfter), (.portMonths, r2.portMonths), (.restart, r2.restart),
        ]
        // phi only where the scenario folds: a v1 scenario keeps its inputs.
        fields.append((.fold, folds ? r2.fold : nil))
        var result: [Int32] = []
        for (field, value) in fields {
            guard let value else {
                result.append(-1)
                continue
            }
            result.append(try slot(value, .r2(field), "r2 \(field.name)", StreamID.r2(field), "r2.\(field)"))
            inputs[inputs.count - 1].clamp = field.clamp
        }
        return result
    }

    mutating func event(_ event: Event, index v: Int) throws(CompileError) -> CompiledEvent {
        let path = "events[\(v)]"
        guard event.changes.filter({ $0.target.isV2 }).count <= StreamID.maximumEventChanges,
            event.changes.filter({ !$0.target.isV2 }).count <= StreamID.maximumEventChanges
        else {
            throw CompileError(path: path, message: "too many changes in one event")
        }
        let p = try slot(
            event.probability, .eventProbability(event: v), "event \(event.name) probability",
            StreamID.event(v, field: 0), path + ".probability")
        inputs[inputs.count - 1].clamp = .probability
        let a = try slot(
            event.windowStart, .eventWindowStart(event: v), "event \(event.name) window start",
            StreamID.event(v, field: 1), path + ".windowStart")
        let b = try slot(
            event.windowEnd, .eventWindowEnd(event: v), "event \(event.name) window end",
            StreamID.event(v, field: 2), path + ".windowEnd")
        var counts = (v1: 0, v2: 0)
        var previousField = 4
        for (j, change) in event.changes.enumerated() {
            let field: Int
            if change.isImplied {
                field = previousField  // a constant that draws nothing
            } else if change.target.isV2 {
                field = StreamID.v2Changes + 2 * counts.v2
                counts.v2 += 1
            } else {
                field = 4 + 2 * counts.v1
                counts.v1 += 1
            }
            previousField = field
            try timelineEntry(
                change, event: Int32(v), path: path + ".changes[\(j)]",
                label: "\(label(change.target)) (event \(event.name))",
                valueSlot: (.eventChangeValue(event: v, change: j), StreamID.event(v, field: field)),
                fromSlot: (.eventChangeFrom(event: v, change: j), StreamID.event(v, field: field + 1)))
        }
        return CompiledEvent(
            probabilityNode: p, windowStartNode: a, windowEndNode: b,
            stream: StreamID.event(v, field: 3))
    }

    // MARK: - Timelines

    mutating func timelineEntry(
        _ entry: TimelineEntry, event: Int32, path: String, label: String,
        valueSlot: (InputSlot.Kind, UInt32), fromSlot: (InputSlot.Kind, UInt32)
    ) throws(CompileError) {
        let chips = scenario.chips.count
        let valueInput = inputs.count
        var compiled = CompiledEntry(
            stateSlot: 0, clamp: .free, valueNode: -1, fixedValue: 0, fromNode: -1, event: event)
        switch (entry.target, entry.setting) {
        case (.pressure, .number(let value)):
            compiled.stateSlot = Int32(StateLayout.pressure)
            compiled.clamp = .probability
            compiled.valueNode = try slot(value, valueSlot.0, label, valueSlot.1, path)
        case (.chip(let c, let input), .number(let value)):
            guard c >= 0 && c < chips else {
                throw CompileError(path: path, message: "chip index \(c) is out of range (\(chips) chips)")
            }
            let origin = scenario.chips[c].origin
            if (input == .ship && origin != .foreign) || (input == .sectorMake && origin != .domestic) {
                throw CompileError(
                    path: path,
                    message: "\(input.statement) takes a \(input == .ship ? "foreign" : "domestic") chip")
            }
            compiled.stateSlot = Int32(StateLayout.slot(chip: c, StateLayout.field(input), chips: chips))
            switch input {
            case .perf, .buy, .make, .ship, .sectorMake: compiled.clamp = .nonNegative
            case .fail: compiled.clamp = .probability
            // The yield is max(0, min(ymax, y0 + g t)) (spec/model-v2.md,
            // 4), bounded whatever y0 and ymax draw: they are not clamped
            // first (a y0 below 0 gives no good units until g lifts it).
            case .yieldStart, .yieldGrowth, .yieldCap: compiled.clamp = .free
            }
            compiled.valueNode = try slot(value, valueSlot.0, label, valueSlot.1, path)
        case (.programme(let input), .number(let value)):
            compiled.stateSlot = Int32(StateLayout.programme(input, chips: chips))
            switch input {
            case .needs, .post, .holdMonths: compiled.clamp = .nonNegative
            case .holdProbability, .restart, .fold: compiled.clamp = .probability
            }
            compiled.valueNode = try slot(value, valueSlot.0, label, valueSlot.1, path)
        case (.sectorPressure, .number(let value)):
            compiled.stateSlot = Int32(StateLayout.sectorPressure(chips: chips))
            compiled.clamp = .probability
            compiled.valueNode = try slot(value, valueSlot.0, label, valueSlot.1, path)
        case (.export(let c), .export(let status)):
            guard c >= 0 && c < chips else {
                throw CompileError(path: path, message: "chip index \(c) is out of range (\(chips) chips)")
            }
            compiled.stateSlot = Int32(StateLayout.slot(chip: c, StateLayout.export, chips: chips))
            compiled.clamp = .probability
            switch status {
            case .allowed: compiled.fixedValue = StateLayout.exportAllowed
            case .banned: compiled.fixedValue = StateLayout.exportBanned
            case .licensed(let p): compiled.valueNode = try slot(p, valueSlot.0, label, valueSlot.1, path)
            }
        case (.export, .number):
            throw CompileError(
                path: path, message: "an export status needs allowed, licensed or banned, not a number")
        case (_, .export):
            throw CompileError(path: path, message: "only an export timeline takes an export status")
        }
        if inputs.count > valueInput { inputs[valueInput].clamp = compiled.clamp }
        if let from = entry.from {
            // The parts of one statement take effect in the same month: a
            // drawn date is drawn once (a `yield` dated `from between A and
            // B` once moved its start, growth and cap in different months).
            if let shared = sharedFrom, shared.from == from, shared.provenance == entry.provenance,
                shared.event == event
            {
                compiled.fromNode = shared.node
            } else {
                compiled.fromNode = try slot(from, fromSlot.0, label + " from", fromSlot.1, path + ".from")
                sharedFrom =
                    isConstant(compiled.fromNode)
                    ? nil : (from: from, provenance: entry.provenance, event: event, node: compiled.fromNode)
            }
        } else {
            sharedFrom = nil
        }
        entries.append(compiled)
        entryLabels.append(label)
    }

    func label(_ target: TimelineTarget) -> String {
        func chipName(_ c: Int) -> String {
            c >= 0 && c < scenario.chips.count ? scenario.chips[c].name : "#\(c)"
        }
        switch target {
        case .pressure: return "pressure"
        case .export(let c): return "export \(chipName(c))"
        case .chip(let c, let input): return "\(input.statement) \(chipName(c))"
        case .programme(let input): return input.statement
        case .sectorPressure: return "sector pressure"
        }
    }
}
