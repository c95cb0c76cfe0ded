/// Counts over the accepted trials of a run, for tests and diagnostics.
public struct SimulationTotals: Sendable, Hashable, Codable {
    /// Sum of K, the holds of each trial whose training completed (a trial
    /// with h = 1 adds nothing here: its holds never end).
    public var holds = 0
    /// Successful moves from a domestic to a foreign chip.
    public var switches = 0
    /// Failed training months.
    public var failures = 0
    /// Failures that wiped all progress.
    public var restarts = 0
    /// Trials mandated onto the domestic platform at their first training step.
    public var mandated = 0
    /// Trials whose training completed within the horizon (release may still be censored).
    public var completed = 0
    /// Per event, the trials in which it fired.
    public var eventFires: [Int]
    /// Per chip, the sum of its final fleet (units) in fixed point, scaled by `fleetScale`.
    public var finalFleetSum: [WideSum]

    /// Fixed-point scale of `finalFleetSum`: 2^16 per unit.
    public static let fleetScale = 0x1p16

    public init(chips: Int, events: Int) {
        eventFires = [Int](repeating: 0, count: events)
        finalFleetSum = [WideSum](repeating: WideSum(), count: chips)
    }

    /// Sum of the final fleet of `chip` over the accepted trials, in units.
    public func finalFleetTotal(chip: Int) -> Double {
        finalFleetSum[chip].doubleValue / Self.fleetScale
    }

    mutating func add(_ other: SimulationTotals) {
        holds += other.holds
        switches += other.switches
        failures += other.failures
        restarts += other.restarts
        mandated += other.mandated
        completed += other.completed
        for i in eventFires.indices { eventFires[i] += other.eventFires[i] }
        for i in finalFleetSum.indices { finalFleetSum[i].add(other.finalFleetSum[i]) }
    }
}
