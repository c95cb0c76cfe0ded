/// One worker's running sums over the trials it accepted: the adoption
/// histogram and fixed-point sums per step, and the totals. Everything is
/// an integer, so adding workers' accumulators in any order gives the same
/// bits. All buffers are cache-line aligned and padded: workers never share a line.
final class Accumulator: @unchecked Sendable {
    let steps: Int
    let chips: Int
    let events: Int
    let stride = AdoptionSink.binStride
    let counts: UnsafeMutablePointer<UInt32>
    let sums: UnsafeMutablePointer<WideSum>
    let squares: UnsafeMutablePointer<WideSum>
    /// Per step, the sums of A and A^2 since the last `flush` (at most one
    /// chunk of trials: no overflow below 2^15 trials).
    let pendingSums: UnsafeMutablePointer<UInt64>
    let pendingSquares: UnsafeMutablePointer<UInt64>
    var pendingTrials = 0
    /// accepted, holds, switches, failures, restarts, mandated, completed.
    let counters: UnsafeMutablePointer<Int>
    let eventFires: UnsafeMutablePointer<Int>
    let fleetSums: UnsafeMutablePointer<WideSum>

    enum Counter {
        static let accepted = 0
        static let holds = 1
        static let switches = 2
        static let failures = 3
        static let restarts = 4
        static let mandated = 5
        static let completed = 6
        static let count = 7
    }

    init(steps: Int, chips: Int, events: Int) {
        self.steps = steps
        self.chips = chips
        self.events = events
        precondition(SimulationResult.adoptionScale == 0x1p48)
        counts = Self.allocate(steps * stride, 0)
        sums = Self.allocate(steps, WideSum())
        squares = Self.allocate(steps, WideSum())
        pendingSums = Self.allocate(steps, 0)
        pendingSquares = Self.allocate(steps, 0)
        counters = Self.allocate(Counter.count, 0)
        eventFires = Self.allocate(events, 0)
        fleetSums = Self.allocate(chips, WideSum())
    }

    deinit {
        counts.deallocate()
        sums.deallocate()
        squares.deallocate()
        pendingSums.deallocate()
        pendingSquares.deallocate()
        counters.deallocate()
        eventFires.deallocate()
        fleetSums.deallocate()
    }

    private static func allocate<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
        let bytes = (Swift.max(1, count) * MemoryLayout<T>.stride + 127) & ~127
        let p = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 128)
            .bindMemory(to: T.self, capacity: Swift.max(1, count))
        p.initialize(repeating: value, count: count)
        return p
    }

    var accepted: Int { counters[Counter.accepted] }

    var totals: SimulationTotals {
        var t = SimulationTotals(chips: chips, events: events)
        t.holds = counters[Counter.holds]
        t.switches = counters[Counter.switches]
        t.failures = counters[Counter.failures]
        t.restarts = counters[Counter.restarts]
        t.mandated = counters[Counter.mandated]
        t.completed = counters[Counter.completed]
        t.eventFires = Array(UnsafeBufferPointer(start: eventFires, count: events))
        t.finalFleetSum = Array(UnsafeBufferPointer(start: fleetSums, count: chips))
        return t
    }

    /// Adds an accepted trial, whose adoption path, fleets and events are
    /// still in the machine's scratch.
    @inline(never)
    func add(_ out: TrialOutcome, _ m: TrialMachine) {
        adoptionSink.add(path: m.adoption, steps: steps)
        addTotals(out, m)
    }

    /// Adds the totals of an accepted trial (all but its adoption path).
    @inline(__always)
    func addTotals(_ out: TrialOutcome, _ m: TrialMachine) {
        let counters = self.counters
        counters[Counter.accepted] &+= 1
        pendingTrials &+= 1
        if pendingTrials == Self.flushEvery { flush() }
        if out.completed {
            counters[Counter.completed] &+= 1
            if out.holds.isFinite { counters[Counter.holds] &+= Int(out.holds) }
        }
        counters[Counter.failures] &+= out.failures
        counters[Counter.restarts] &+= out.restarts
        counters[Counter.switches] &+= out.switches
        if out.mandated { counters[Counter.mandated] &+= 1 }
        for v in 0..<events where m.eventFired[v] {
            eventFires[v] &+= 1
        }
        for c in 0..<chips {
            fleetSums[c].add(WideSum.fixed(m.fleet[c], scale: SimulationTotals.fleetScale))
        }
    }

    /// The histogram and pending sums a trial's adoption path is added to.
    var adoptionSink: AdoptionSink {
        AdoptionSink(counts: counts, sums: pendingSums, squares: pendingSquares)
    }

    /// Trials between two flushes of the pending sums: 2^15 * 2^48 < 2^64.
    static let flushEvery = 1 << 15

    /// Moves the pending sums into the exact 128-bit sums.
    func flush() {
        for t in 0..<steps {
            sums[t].add(pendingSums[t])
            squares[t].add(pendingSquares[t])
            pendingSums[t] = 0
            pendingSquares[t] = 0
        }
        pendingTrials = 0
    }

    /// Adds another worker's sums into this one.
    func add(_ other: Accumulator) {
        flush()
        other.flush()
        for i in 0..<(steps * stride) { counts[i] &+= other.counts[i] }
        for t in 0..<steps {
            sums[t].add(other.sums[t])
            squares[t].add(other.squares[t])
        }
        for i in 0..<Counter.count { counters[i] &+= other.counters[i] }
        for v in 0..<events { eventFires[v] &+= other.eventFires[v] }
        for c in 0..<chips { fleetSums[c].add(other.fleetSums[c]) }
    }
}
