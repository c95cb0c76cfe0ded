import R2Model

/// Builds a `TrialTrace` from the hooks of the trial function.
struct TraceRecorder: TrialRecorder {
    let compiled: CompiledScenario
    var trace: TrialTrace
    var month: TrialTrace.Month
    var pendingChanges: [TrialTrace.Change] = []
    var progressTotal = 0.0
    var failures = 0

    init(_ compiled: CompiledScenario, seed: UInt64, trial: Int) {
        self.compiled = compiled
        trace = TrialTrace(
            trial: trial, seed: seed, clockStart: compiled.clock.start, clockEnd: compiled.clock.end,
            chipNames: compiled.chipNames)
        month = TrialTrace.Month(step: 0, month: compiled.clock.start)
    }

    mutating func sampledInputs(_ nodes: UnsafeMutablePointer<Double>) {
        trace.inputs = compiled.inputs.map {
            TrialTrace.Input(label: $0.label, value: nodes[Int($0.node)], isRandom: $0.isRandom)
        }
    }

    mutating func programme(
        startStep: Int, needs: Double, post: Double, holdProbability: Double, holdMonths: Double,
        switchAfter: Double, portMonths: Double, restart: Double
    ) {
        trace.programme = TrialTrace.Programme(
            startStep: startStep, needs: needs, post: post, holdProbability: holdProbability,
            holdMonths: holdMonths, switchAfter: switchAfter, portMonths: portMonths, restart: restart)
    }

    mutating func event(_ index: Int, fired: Bool, month: Int) {
        trace.events.append(
            TrialTrace.Event(
                name: compiled.eventNames[index], fired: fired, month: fired && month != Int.max ? month : nil
            ))
    }

    mutating func timelineChange(entry: Int, value: Double) {
        pendingChanges.append(
            TrialTrace.Change(entry: entry, label: compiled.entryLabels[entry], value: value))
    }

    mutating func beginStep(_ t: Int, pressure: Double) {
        let absolute = compiled.clock.start + t
        let happening = trace.events.filter { e in
            guard let m = e.month else { return false }
            return t == 0 ? m <= absolute : m == absolute
        }
        month = TrialTrace.Month(
            step: t, month: absolute, pressure: pressure, events: happening.map(\.name),
            changes: pendingChanges)
        pendingChanges = []
    }

    mutating func supply(chip: Int, outcome: SupplyOutcome, added: Double) {
        month.supply.append(TrialTrace.Supply(chip: chip, outcome: outcome, added: added))
    }

    mutating func noChipToTrainOn() {
        month.training = TrialTrace.Training(chip: nil, progress: progressTotal)
    }

    mutating func platform(chip: Int, mandated: Bool) {
        month.training = TrialTrace.Training(chip: chip, mandated: mandated, progress: progressTotal)
    }

    mutating func training(chip: Int, fraction: Double, portLeft: Double) {
        if month.training == nil { month.training = TrialTrace.Training(chip: chip) }
        month.training?.fraction = fraction
        month.training?.portLeft = portLeft
        month.training?.progress = progressTotal
        month.training?.failures = failures
    }

    mutating func failure(failures: Int, restart: Bool) {
        self.failures = failures
        if restart { progressTotal = 0 }
        month.training?.failed = true
        month.training?.restarted = restart
        month.training?.failures = failures
        month.training?.progress = progressTotal
    }

    mutating func progress(added: Double, total: Double) {
        progressTotal = total
        month.training?.progressAdded = added
        month.training?.progress = total
    }

    mutating func completed(tau: Double) {
        month.training?.completion = tau
        trace.completion = tau
    }

    mutating func switchAttempt(to: Int, succeeded: Bool) {
        month.training?.switchAttempt = TrialTrace.Switch(to: to >= 0 ? to : nil, succeeded: succeeded)
        if succeeded {
            failures = 0
            month.training?.failures = 0
            month.training?.portLeft = trace.programme.portMonths
        }
    }

    mutating func endStep(_ t: Int, fleets: UnsafeMutablePointer<Double>, adoption: Double) {
        month.fleets = Array(UnsafeBufferPointer(start: fleets, count: compiled.chipNames.count))
        month.adoption = adoption
        trace.months.append(month)
    }

    mutating func release(holds: Double, release: Double) {
        trace.holds = holds
        trace.release = release
    }

    mutating func folded(step: Int) {
        trace.fold = step
    }
}
