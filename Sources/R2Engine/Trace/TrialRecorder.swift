/// Observes one trial as it runs: lane `lane` of a group. The bulk run
/// uses `NoRecorder`, whose `isActive` is false, so the specialised group
/// function compiles every recording away; `trace` uses `TraceRecorder`.
protocol TrialRecorder {
    /// Whether the group function records at all.
    static var isActive: Bool { get }
    /// The lane of the group it records.
    var lane: Int { get }
    mutating func sampledInputs(_ nodes: UnsafeMutablePointer<Double>)
    mutating func programme(
        startStep: Int, needs: Double, post: Double, holdProbability: Double, holdMonths: Double,
        switchAfter: Double, portMonths: Double, restart: Double)
    mutating func event(_ index: Int, fired: Bool, month: Int)
    mutating func beginStep(_ t: Int, pressure: Double)
    mutating func timelineChange(entry: Int, value: Double)
    mutating func supply(chip: Int, outcome: SupplyOutcome, added: Double)
    mutating func noChipToTrainOn()
    mutating func platform(chip: Int, mandated: Bool)
    mutating func training(chip: Int, fraction: Double, portLeft: Double)
    mutating func failure(failures: Int, restart: Bool)
    mutating func progress(added: Double, total: Double)
    mutating func completed(tau: Double)
    /// `to` is -1 when no foreign chip has capacity.
    mutating func switchAttempt(to: Int, succeeded: Bool)
    mutating func endStep(_ t: Int, fleets: UnsafeMutablePointer<Double>, adoption: Double)
    mutating func release(holds: Double, release: Double)
    /// The programme folded in step `step`, before its release (model v2).
    mutating func folded(step: Int)
}

extension TrialRecorder {
    @inline(__always) static var isActive: Bool { true }
    @inline(__always) var lane: Int { 0 }
    @inline(__always) mutating func sampledInputs(_ nodes: UnsafeMutablePointer<Double>) {}
    @inline(__always) mutating func programme(
        startStep: Int, needs: Double, post: Double, holdProbability: Double, holdMonths: Double,
        switchAfter: Double, portMonths: Double, restart: Double
    ) {}
    @inline(__always) mutating func event(_ index: Int, fired: Bool, month: Int) {}
    @inline(__always) mutating func beginStep(_ t: Int, pressure: Double) {}
    @inline(__always) mutating func timelineChange(entry: Int, value: Double) {}
    @inline(__always) mutating func supply(chip: Int, outcome: SupplyOutcome, added: Double) {}
    @inline(__always) mutating func noChipToTrainOn() {}
    @inline(__always) mutating func platform(chip: Int, mandated: Bool) {}
    @inline(__always) mutating func training(chip: Int, fraction: Double, portLeft: Double) {}
    @inline(__always) mutating func failure(failures: Int, restart: Bool) {}
    @inline(__always) mutating func progress(added: Double, total: Double) {}
    @inline(__always) mutating func completed(tau: Double) {}
    @inline(__always) mutating func switchAttempt(to: Int, succeeded: Bool) {}
    @inline(__always) mutating func endStep(_ t: Int, fleets: UnsafeMutablePointer<Double>, adoption: Double) {}
    @inline(__always) mutating func release(holds: Double, release: Double) {}
    @inline(__always) mutating func folded(step: Int) {}
}
