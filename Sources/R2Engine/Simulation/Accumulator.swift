/// One worker's running sums over the trials it accepted: the adoption
/// histogram and fixed-point sums per step, and the totals. Everything is
/// an integer, so adding workers' accumulators in any order gives the same
/// bits. All buffers come from a `LaneArena`, as the lane machine's: cache-line
/// aligned and padded, so workers never share a line.
final class Accumulator: @unchecked Sendable {
    let steps: Int
    let chips: Int
    let events: Int
    let stride = AdoptionSink.binStride
    let counts: LaneBuffer<UInt32>
    /// The histogram's counts since the last `flush`, in 16 bits (fewer
    /// than 2^15 trials: no overflow): half the cache lines the scattered
    /// increments of every group touch (4.3% faster on one thread, 6.1% on two).
    let pendingCounts: LaneBuffer<UInt16>
    let sums: LaneBuffer<WideSum>
    let squares: LaneBuffer<WideSum>
    /// Per step and lane, the sums of A and A^2 since the last `flush`
    /// (fewer than 2^15 trials: no overflow), 8 lanes a vector: the vectors
    /// of step t are `octets` t ..< `octets` (t + 1). Each group adds the
    /// bits of x + 16 (`AdoptionSink.fixed48Pair` without its subtraction),
    /// modulo 2^64; `flush` takes off bits(16) once per group (`pendingSum`).
    let pendingSums: LaneBuffer<SIMD8<UInt64>>
    let pendingSquares: LaneBuffer<SIMD8<UInt64>>
    /// Trials added since the last `flush`: in `counters`' cache lines, not
    /// in the object, which may share a line with another worker's.
    var pendingTrials: Int {
        get { counters[Counter.pending] }
        set { counters[Counter.pending] = newValue }
    }
    /// The totals (`Counter`: accepted, holds, switches, failures,
    /// restarts, mandated, completed), then the pending trial and group counts.
    let counters: LaneBuffer<Int>
    let eventFires: LaneBuffer<Int>
    let fleetSums: LaneBuffer<WideSum>
    /// Per chip and lane, the sum of the final fleets below 2^32 units in
    /// fixed point since the last `flush` (below 2^15 trials of 2^48 each:
    /// no overflow), 8 lanes a vector: chip c's are `octets` c ..< `octets` (c + 1).
    /// (2,878 -> 2,790 instructions a trial, 6.1% ± 2.7% faster on two threads.)
    let pendingFleets: LaneBuffer<SIMD8<UInt64>>
    private let arena: LaneArena

    enum Counter {
        static let accepted = 0
        static let holds = 1
        static let switches = 2
        static let failures = 3
        static let restarts = 4
        static let mandated = 5
        static let completed = 6
        static let count = 7
        /// Not totals: `pendingTrials`, then the groups added since the last
        /// flush.
        static let pending = 7
        static let pendingGroups = 8
    }

    init(steps: Int, chips: Int, events: Int) {
        self.steps = steps
        self.chips = chips
        self.events = events
        precondition(SimulationResult.adoptionScale == 0x1p48)
        var arena = LaneArena()
        counts = arena.filled(steps * stride, 0)
        pendingCounts = arena.filled(steps * stride, 0)
        sums = arena.filled(steps, WideSum())
        squares = arena.filled(steps, WideSum())
        pendingSums = arena.filled(steps * Self.octets, SIMD8())
        pendingSquares = arena.filled(steps * Self.octets, SIMD8())
        counters = arena.filled(Counter.count + 2, 0)
        eventFires = arena.filled(events, 0)
        fleetSums = arena.filled(chips, WideSum())
        pendingFleets = arena.filled(chips * Self.octets, SIMD8())
        self.arena = arena
    }

    deinit {
        arena.free()
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
        t.eventFires = Array(UnsafeBufferPointer(start: eventFires.base, count: events))
        t.finalFleetSum = Array(UnsafeBufferPointer(start: fleetSums.base, count: chips))
        return t
    }

    /// Adds the lanes of `accepted` of the group the machine just ran:
    /// their adoption paths (histogram and fixed-point sums, by the
    /// definitions of `AdoptionSink`, on the `Double` of each lane's A),
    /// fleets, events and totals.
    @inline(never)
    func add(group m: LaneMachine, accepted: LaneMask) {
        let weights = LaneWord(truncatingIfNeeded: LaneMath.count(accepted))
        let all = weights == LaneWord(repeating: 1)
        var row = pendingCounts.base
        counters[Counter.pendingGroups] &+= 1
        for t in 0..<steps {
            // Eight lanes at a time: the sums' pending lanes are 8 wide.
            let a = m.adoption[t]
            #if R2_LANES_AVX2
            addOctet(a.lowHalf, weight: weights.lowHalf, all: all, pending: Self.octets &* t, row: row)
            addOctet(a.highHalf, weight: weights.highHalf, all: all, pending: Self.octets &* t &+ 1, row: row)
            #else
            addOctet(a, weight: weights, all: all, pending: t, row: row)
            #endif
            row += stride
        }
        // Counts and totals as lane sums (integers: any order gives the same).
        let out = m.out
        let on = accepted._storage
        let completed = out.completed & on
        let trials = Int(LaneMath.count(accepted).wrappedSum())
        counters[Counter.accepted] &+= trials
        pendingTrials &+= trials
        counters[Counter.completed] &+= Int((0 &- completed).wrappedSum())
        counters[Counter.failures] &+= Int((out.failures & on).wrappedSum())
        counters[Counter.restarts] &+= Int((out.restarts & on).wrappedSum())
        counters[Counter.switches] &+= Int((out.switches & on).wrappedSum())
        counters[Counter.mandated] &+= Int((0 &- (out.mandated & on)).wrappedSum())
        for v in 0..<events {
            eventFires[v] &+= Int((0 &- (m.eventFired[v] & on)).wrappedSum())
        }
        // Holds are whole numbers below 2^29 (or infinity, left out) and 0
        // where training never completed, so the accepted lanes' sum is
        // exact in double precision, whatever the order.
        let finite = out.holds.replacing(with: 0, where: .!(out.holds .< .infinity))
        counters[Counter.holds] &+= Int((finite * LaneDouble(LaneMath.count(accepted))).sum())
        addFleets(m, accepted)
        if pendingTrials >= Self.flushEvery - LaneMath.width { flush() }
    }

    /// Lane groups of 8 in a group of trials.
    static let octets = LaneMath.width / 8

    /// Adds 8 lanes' A of one step, each lane's count `weight` (1, or 0 for
    /// a rejected lane: it adds A = 0 to the sums and nothing to the
    /// counts), to the pending sums `pending` and the histogram row `row`;
    /// `all` when every lane of the group counts.
    @inline(__always)
    private func addOctet(
        _ x: SIMD8<Float>, weight: SIMD8<UInt32>, all: Bool, pending: Int, row: UnsafeMutablePointer<UInt16>
    ) {
        let a = Lanes<SIMD8<Float>>.keep(x, weight .!= SIMD8<UInt32>())
        let w0 = Self.widen(a.lowHalf.lowHalf)
        let w1 = Self.widen(a.lowHalf.highHalf)
        let w2 = Self.widen(a.highHalf.lowHalf)
        let w3 = Self.widen(a.highHalf.highHalf)
        pendingSums[pending] &+= SIMD8(
            lowHalf: SIMD4(lowHalf: Self.biased(w0), highHalf: Self.biased(w1)),
            highHalf: SIMD4(lowHalf: Self.biased(w2), highHalf: Self.biased(w3)))
        pendingSquares[pending] &+= SIMD8(
            lowHalf: SIMD4(lowHalf: Self.biased(w0 * w0), highHalf: Self.biased(w1 * w1)),
            highHalf: SIMD4(lowHalf: Self.biased(w2 * w2), highHalf: Self.biased(w3 * w3)))
        #if R2_LANES_AVX2
        let b = SIMD8<UInt32>(truncatingIfNeeded: AdoptionSink.binLanes(a))
        #else
        let b = SIMD8<UInt32>(
            truncatingIfNeeded: SIMD8(
                lowHalf: SIMD4(lowHalf: AdoptionSink.binPair(w0), highHalf: AdoptionSink.binPair(w1)),
                highHalf: SIMD4(lowHalf: AdoptionSink.binPair(w2), highHalf: AdoptionSink.binPair(w3))))
        #endif
        if all {
            for l in 0..<8 { row[Int(truncatingIfNeeded: b[l])] &+= 1 }
        } else {
            for l in 0..<8 { row[Int(truncatingIfNeeded: b[l])] &+= UInt16(truncatingIfNeeded: weight[l]) }
        }
    }

    /// The accepted lanes' final fleets, in `WideSum.fixed` with
    /// `SimulationTotals.fleetScale`: 8 lanes at a time into the pending
    /// sums when every accepted lane's fleet is below 2^32 units (fleets are
    /// never negative), lane by lane into the wide sums otherwise.
    @inline(__always)
    private func addFleets(_ m: LaneMachine, _ accepted: LaneMask) {
        for c in 0..<chips {
            let f = m.fleet[c]
            let x = LaneMath.keep(f, accepted)
            // Not below 2^32: too large for the pending sums, or NaN.
            let small = x .< LaneFloat(repeating: 0x1p32)
            guard !LaneMath.any(~small) else {
                for l in 0..<LaneMath.width where accepted[l] {
                    fleetSums[c].add(WideSum.fixed(Double(f[l]), scale: SimulationTotals.fleetScale))
                }
                continue
            }
            #if R2_LANES_AVX2
            pendingFleets[Self.octets &* c] &+= Self.fixedFleets(x.lowHalf)
            pendingFleets[Self.octets &* c &+ 1] &+= Self.fixedFleets(x.highHalf)
            #else
            pendingFleets[c] &+= Self.fixedFleets(x)
            #endif
        }
    }

    /// `WideSum.fixed(Double(x), scale: 2^16)` of 8 fleets in [0, 2^32):
    /// y = x 2^16 + 1/2 is exact, and its floor is found as `binPair` finds
    /// one: t = y + 2^52 rounds y to an integer r = t - 2^52, one too many
    /// where r > y, and the bits of t less those of 2^52 are r.
    @inline(__always)
    static func fixedFleets(_ x: SIMD8<Float>) -> SIMD8<UInt64> {
        SIMD8(
            lowHalf: SIMD4(
                lowHalf: fixedFleetPair(widen(x.lowHalf.lowHalf)), highHalf: fixedFleetPair(widen(x.lowHalf.highHalf))),
            highHalf: SIMD4(
                lowHalf: fixedFleetPair(widen(x.highHalf.lowHalf)), highHalf: fixedFleetPair(widen(x.highHalf.highHalf))
            ))
    }

    @inline(__always)
    static func fixedFleetPair(_ x: SIMD2<Double>) -> SIMD2<UInt64> {
        let y = x * SimulationTotals.fleetScale + 0.5
        let t = y + 0x1p52
        let over = SIMD2<UInt64>(repeating: 0).replacing(with: .max, where: (t - 0x1p52) .> y)
        return t.bitPatterns &- SIMD2(repeating: (0x1p52 as Double).bitPattern) &+ over
    }

    /// `AdoptionSink.fixed48Pair(x)` plus bits(16) in each lane: the bits
    /// of x + 16.
    @inline(__always)
    static func biased(_ x: SIMD2<Double>) -> SIMD2<UInt64> { (x + 16).bitPatterns }

    /// The fixed-point sums of A and A^2 at step t since the last flush,
    /// over its lanes: the biased sums less bits(16) per group and lane.
    func pendingSum(_ t: Int) -> (sum: UInt64, square: UInt64) {
        var (sum, square): (UInt64, UInt64) = (0, 0)
        for v in (t * Self.octets)..<((t + 1) * Self.octets) {
            for l in 0..<8 {
                sum &+= unbiased(pendingSums[v][l])
                square &+= unbiased(pendingSquares[v][l])
            }
        }
        return (sum, square)
    }

    /// A lane's biased pending sum less bits(16) for each group added.
    @inline(__always)
    private func unbiased(_ x: UInt64) -> UInt64 {
        x &- UInt64(truncatingIfNeeded: counters[Counter.pendingGroups]) &* (16 as Double).bitPattern
    }

    /// Two lanes as doubles, exactly (`cvtps2pd`).
    @inline(__always)
    static func widen(_ x: SIMD2<Float>) -> SIMD2<Double> { SIMD2(Double(x[0]), Double(x[1])) }

    /// Trials between two flushes of the pending sums: 2^15 * 2^48 < 2^64.
    static let flushEvery = 1 << 15

    /// Moves the pending sums into the exact 128-bit sums.
    func flush() {
        for i in 0..<(steps * stride) {
            counts[i] &+= UInt32(pendingCounts[i])
            pendingCounts[i] = 0
        }
        for t in 0..<steps {
            for v in (t * Self.octets)..<((t + 1) * Self.octets) {
                for l in 0..<8 {
                    sums[t].add(unbiased(pendingSums[v][l]))
                    squares[t].add(unbiased(pendingSquares[v][l]))
                }
                pendingSums[v] = SIMD8()
                pendingSquares[v] = SIMD8()
            }
        }
        for c in 0..<chips {
            for v in (c * Self.octets)..<((c + 1) * Self.octets) {
                for l in 0..<8 { fleetSums[c].add(pendingFleets[v][l]) }
                pendingFleets[v] = SIMD8()
            }
        }
        pendingTrials = 0
        counters[Counter.pendingGroups] = 0
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
