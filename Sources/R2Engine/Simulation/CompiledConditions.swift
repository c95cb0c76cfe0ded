import R2Model

/// `Condition`s checked against a compiled scenario's chips, events and clock.
struct CompiledConditions {
    struct Adoption {
        var step: Int
        var above: Bool
        var threshold: Double
    }

    /// Release conditions as (release r must be <= bound) == happened, with
    /// the bound in months after the clock's start.
    var releases: [(bound: Double, happened: Bool)] = []
    var adoptions: [Adoption] = []
    var events: [(event: Int, fired: Bool)] = []
    var exports: [LaneMachine.ExportCheck] = []
    /// Fold conditions as (fold step F <= bound) == happened (model v2).
    var folds: [(bound: Double, happened: Bool)] = []
    /// The as-of date's bound: a flagship release r < bound is ruled out.
    var asOfBound: Double?

    var isEmpty: Bool {
        releases.isEmpty && adoptions.isEmpty && events.isEmpty && exports.isEmpty && folds.isEmpty
            && asOfBound == nil
    }

    init(_ conditions: [Condition], _ compiled: CompiledScenario) throws(SimulationError) {
        let clock = compiled.clock
        asOfBound = compiled.asOfBound
        func step(_ month: Int, _ what: String) throws(SimulationError) -> Int {
            guard month >= clock.start && month <= clock.end else {
                let date = month >= 12 ? CalendarDate(year: month / 12, month: month % 12 + 1) : nil
                throw .invalidCondition(
                    "\(what) at \(date?.description ?? "month \(month)") is outside the clock")
            }
            return month - clock.start
        }
        for condition in conditions {
            switch condition {
            case .release(let by, let happened):
                releases.append((by - Double(clock.start), happened))
            case .adoption(let month, let comparison, let threshold):
                adoptions.append(
                    Adoption(
                        step: try step(month, "adoption"), above: comparison == .above, threshold: threshold))
            case .export(let chip, let month, let status):
                guard chip >= 0 && chip < compiled.chipNames.count else {
                    throw .invalidCondition("chip index \(chip) is out of range")
                }
                let s = try step(month, "export status")
                exports.append(
                    LaneMachine.ExportCheck(
                        stateSlot: Int32(
                            StateLayout.slot(chip: chip, StateLayout.export, chips: compiled.chipNames.count)),
                        step: Int32(s), kind: status))
            case .event(let index, let fired):
                guard index >= 0 && index < compiled.eventNames.count else {
                    throw .invalidCondition("event index \(index) is out of range")
                }
                events.append((index, fired))
            case .folded(let by, let happened):
                // A scenario without `r2 fold` has phi = 0 (spec/model-v2.md,
                // 2): no trial folds (F is +infinity), so "not folded by"
                // keeps every trial and "folded by" none.
                folds.append((by - Double(clock.start), happened))
            }
        }
    }

    /// Whether the as-of date is the only condition: then a group's lanes
    /// are accepted in one vector comparison.
    var onlyAsOf: Bool {
        asOfBound != nil && releases.isEmpty && adoptions.isEmpty && events.isEmpty && exports.isEmpty
            && folds.isEmpty
    }

    /// The lanes below `lanes` whose release is not before the as-of bound.
    @inline(__always)
    func acceptedByAsOf(_ m: LaneMachine, lanes: Int) -> LaneMask {
        let kept = m.out.release .>= LaneDouble(repeating: asOfBound!)
        let present = LaneMachine.laneIndex .< LaneInt(repeating: Int32(truncatingIfNeeded: lanes))
        return present & LaneMask(LaneInt(truncatingIfNeeded: kept._storage))
    }

    /// Whether lane `l` of the group the machine just ran satisfies every condition.
    func accepts(lane l: Int, _ m: LaneMachine, _ out: LaneMachine.Outcome) -> Bool {
        if out.exportsHold[l] == 0 { return false }
        if let bound = asOfBound, out.release[l] < bound { return false }
        for r in releases where (out.release[l] <= r.bound) != r.happened { return false }
        // A fold happens at the start of its step: one in the month after
        // the bound (at the bound's instant, the end of the month named)
        // is not "by" it (spec/model-v2.md, 2).
        for f in folds where (Double(out.fold[l]) < f.bound) != f.happened { return false }
        for a in adoptions {
            let x = Double(m.adoption[a.step][l])
            if a.above ? !(x > a.threshold) : !(x < a.threshold) { return false }
        }
        for e in events where (m.eventFired[e.event][l] != 0) != e.fired { return false }
        return true
    }
}
