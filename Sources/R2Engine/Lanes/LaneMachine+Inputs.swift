import Foundation
import R2Model

extension LaneMachine {
    /// The R2 programme of a group's trials, sampled and clamped.
    struct Programme {
        /// The first training step (`steps` when it starts after the horizon).
        var startStep = LaneInt()
        var needs = LaneFloat()
        var post = LaneFloat()
        var holdProbability = LaneFloat()
        var holdMonths = LaneFloat()
        /// k, rounded to the nearest integer >= 1; +infinity for never.
        var switchAfter = LaneFloat()
        var portMonths = LaneFloat()
        var restart = LaneFloat()
        /// phi from the clock's start (0 when the scenario does not fold).
        var fold = LaneFloat()
    }

    /// Samples every input of trials first ..< first + width into `nodes` (each
    /// random slot from its own stream), the fleets, the R2 programme and
    /// the events, and the steps of the dynamic timeline entries.
    @inline(__always)
    func sampleInputs<R: TrialRecorder>(first: UInt64, _ rec: inout R) -> (LaneRandom.Keys, Programme) {
        let keys = LaneRandom.Keys(base: seedBase, first: first)
        for l in 0..<Self.width {
            laneKeys[l] = UInt64(keys.k1[l]) &<< 32 | UInt64(keys.k0[l])
        }
        drawSingles(keys)
        if copulaCount > 0 { drawCorrelated(keys) }
        if programCount > 0 { runPrograms(keys) }
        let nodes = self.nodes
        if R.isActive {
            let lane = rec.lane
            let values = (0..<nodeCount).map { Double(nodes[$0][lane]) }
            values.withUnsafeBufferPointer { rec.sampledInputs(UnsafeMutablePointer(mutating: $0.baseAddress!)) }
        }
        for c in 0..<chipCount {
            fleet[c] = LaneMath.positive(nodes[Int(truncatingIfNeeded: fleetNodes[c])])
        }
        let p = sampleProgramme()
        if R.isActive {
            let l = rec.lane
            rec.programme(
                startStep: Int(p.startStep[l]), needs: Double(p.needs[l]), post: Double(p.post[l]),
                holdProbability: Double(p.holdProbability[l]), holdMonths: Double(p.holdMonths[l]),
                switchAfter: Double(p.switchAfter[l]), portMonths: Double(p.portMonths[l]),
                restart: Double(p.restart[l]))
        }
        sampleEvents(keys, &rec)
        placeDynamicEntries()
        return (keys, p)
    }

    /// The single draws with constant parameters, kind by kind.
    @inline(never)
    func drawSingles(_ keys: LaneRandom.Keys) {
        let nodes = self.nodes
        var d = draws.base
        let quantileEnd = draws + self.quantileEnd
        while d < quantileEnd {
            nodes[Int(truncatingIfNeeded: d.pointee.dst)] = Self.affine(d, keys)
            d += 1
        }
        let inRangeEnd = draws + self.inRangeEnd
        while d < inRangeEnd {
            nodes[Int(truncatingIfNeeded: d.pointee.dst)] = LaneMath.expInRange(Self.affine(d, keys))
            d += 1
        }
        let exponentialEnd = draws + self.exponentialEnd
        while d < exponentialEnd {
            nodes[Int(truncatingIfNeeded: d.pointee.dst)] = LaneMath.exp(Self.affine(d, keys))
            d += 1
        }
        let end = draws + drawCount
        while d < end {
            let w = keys.word(salt: d.pointee.salt, d.pointee.counter)
            nodes[Int(truncatingIfNeeded: d.pointee.dst)] =
                LaneFloat(repeating: d.pointee.a) + LaneFloat(repeating: d.pointee.b) * LaneMath.unit(w)
            d += 1
        }
    }

    /// a + b X for draw `d`, X its table's quantile of the draw's word.
    @inline(__always)
    static func affine(_ d: UnsafeMutablePointer<Draw>, _ keys: LaneRandom.Keys) -> LaneFloat {
        let w = keys.word(salt: d.pointee.salt, d.pointee.counter)
        return LaneFloat(repeating: d.pointee.a) + LaneFloat(repeating: d.pointee.b) * d.pointee.table.sample(w)
    }

    /// The other random slots' programs, step by step: arithmetic, the
    /// normal, lognormal, uniform and table draws, mixtures and month
    /// windows of constant bounds in lanes; the other draws lane by lane
    /// with `RandomStream`'s samplers in double precision.
    @inline(never)
    func runPrograms(_ keys: LaneRandom.Keys) {
        let n = nodes
        var p = program.base
        let end = program + programCount
        while p < end {
            let a = Int(truncatingIfNeeded: p.pointee.a)
            let b = Int(truncatingIfNeeded: p.pointee.b)
            let c = Int(truncatingIfNeeded: p.pointee.c)
            let r: LaneFloat
            switch p.pointee.op {
            case .normal:
                r = n[a] + n[b] * normal.sample(keys.word(salt: p.pointee.salt, p.pointee.counter))
            case .lognormal:
                r = LaneMath.exp(n[a] + n[b] * normal.sample(keys.word(salt: p.pointee.salt, p.pointee.counter)))
            case .uniform:
                r = n[a] + (n[b] - n[a]) * LaneMath.unit(keys.word(salt: p.pointee.salt, p.pointee.counter))
            case .table:
                r = n[b] + n[c] * laneTables[a].sample(keys.word(salt: p.pointee.salt, p.pointee.counter))
            case .monthWindow where p.pointee.span != 0:
                // floor(u span) of the top 23 bits u, exactly, in integers.
                let w = keys.word(salt: p.pointee.salt, p.pointee.counter)
                let k = ((w &>> 9) &* LaneWord(repeating: p.pointee.span)) &>> 23
                r = LaneFloat(repeating: p.pointee.low) + LaneMath.small(k)
            case .mixture:
                // The component is the number of cumulative weights at or below u.
                let u = LaneMath.unit(keys.word(salt: p.pointee.salt, p.pointee.counter))
                var x = n[Int(truncatingIfNeeded: mixtureNodes[a])]
                for k in 1..<Swift.max(1, b) {
                    let past = u .>= LaneFloat(repeating: Float(mixtureCumulative[a &+ k &- 1]))
                    x = LaneMath.select(past, n[Int(truncatingIfNeeded: mixtureNodes[a &+ k])], x)
                }
                r = x
            case .beta, .triangular, .pert, .interval90, .monthWindow:
                r = laneByLane(p)
            case .negate: r = -n[a]
            case .add: r = n[a] + n[b]
            case .subtract: r = n[a] - n[b]
            case .multiply: r = n[a] * n[b]
            case .divide: r = n[a] / n[b]
            // Swift.min(x, y) is y < x ? y : x, Swift.max(x, y) y >= x ? y : x.
            case .minimum: r = n[a].replacing(with: n[b], where: n[b] .< n[a])
            case .maximum: r = n[a].replacing(with: n[b], where: n[b] .>= n[a])
            }
            n[Int(truncatingIfNeeded: p.pointee.dst)] = r
            p += 1
        }
    }

    /// A draw made lane by lane in double precision from the SplitMix64
    /// stream `salt64` of each lane's key.
    @inline(never)
    func laneByLane(_ p: UnsafeMutablePointer<Step>) -> LaneFloat {
        let n = nodes
        let a = Int(truncatingIfNeeded: p.pointee.a)
        let b = Int(truncatingIfNeeded: p.pointee.b)
        let c = Int(truncatingIfNeeded: p.pointee.c)
        var r = LaneFloat()
        for l in 0..<Self.width {
            var rng = RandomStream(key: laneKeys[l], salt: p.pointee.salt64)
            let x: Double
            switch p.pointee.op {
            case .beta: x = rng.beta(Double(n[a][l]), Double(n[b][l]))
            case .triangular: x = rng.triangular(low: Double(n[a][l]), mode: Double(n[b][l]), high: Double(n[c][l]))
            case .pert: x = rng.pert(low: Double(n[a][l]), mode: Double(n[b][l]), high: Double(n[c][l]))
            case .interval90: x = rng.interval90(Double(n[a][l]), Double(n[b][l]))
            case .monthWindow: x = rng.monthWindow(from: Double(n[a][l]), to: Double(n[b][l]))
            default: preconditionFailure("not a lane-by-lane draw")
            }
            r[l] = Float(x)
        }
        return r
    }

    @inline(__always)
    func sampleProgramme() -> Programme {
        let r2 = r2Nodes
        let n = nodes
        func node(_ f: InputSlot.R2Field) -> LaneFloat { n[Int(r2[f.rawValue])] }
        var p = Programme()
        p.startStep = monthSteps(node(.start))
        p.needs = LaneMath.positive(node(.needs))
        p.post = LaneMath.positive(node(.post))
        p.holdProbability = LaneMath.clamp01(node(.holdProbability))
        p.holdMonths = LaneMath.positive(node(.holdMonths))
        p.portMonths = LaneMath.positive(node(.portMonths))
        p.restart = LaneMath.clamp01(node(.restart))
        if r2[InputSlot.R2Field.fold.rawValue] >= 0 { p.fold = LaneMath.clamp01(node(.fold)) }
        var k = LaneFloat(repeating: .infinity)
        if r2[InputSlot.R2Field.switchAfter.rawValue] >= 0 {
            let x = node(.switchAfter)
            for l in 0..<Self.width where !x[l].isNaN {
                // k = 0: failures >= 0 always, so the lab tries to move at
                // the end of every step on a domestic chip (spec/model-v1.md).
                k[l] = Swift.max(0, x[l].rounded(.toNearestOrAwayFromZero))
            }
        }
        p.switchAfter = k
        return p
    }

    /// Each event's occurrence (word 0 of its stream against its
    /// probability) and, where it fired, its month (drawn lane by lane).
    @inline(__always)
    func sampleEvents<R: TrialRecorder>(_ keys: LaneRandom.Keys, _ rec: inout R) {
        let n = nodes
        for v in 0..<eventCount {
            let ev = eventPlans + v
            let q = LaneMath.clamp01(n[Int(truncatingIfNeeded: ev.pointee.probabilityNode)])
            let u = LaneMath.unit(keys.word(salt: ev.pointee.salt, 0))
            let fired = u .< q
            eventFired[v] = fired._storage
            let months = eventMonth + v &* Self.width
            months.update(repeating: .max, count: Self.width)
            var step = LaneInt(repeating: Int32(truncatingIfNeeded: steps))
            // Only the lanes where it fired draw a month (a quarter of them
            // in the baseline), found by their bits.
            var lanes = Self.bits(fired)
            while lanes != 0 {
                let l = lanes.trailingZeroBitCount
                lanes &= lanes &- 1
                var rng = RandomStream(key: laneKeys[l], salt: ev.pointee.salt64)
                let m: Double
                if ev.pointee.span != 0 {
                    m = ev.pointee.low + Double(Int64(bitPattern: rng.boundedInline(ev.pointee.span)))
                } else {
                    m = rng.monthWindow(
                        from: Double(n[Int(truncatingIfNeeded: ev.pointee.windowStartNode)][l]),
                        to: Double(n[Int(truncatingIfNeeded: ev.pointee.windowEndNode)][l]))
                }
                if abs(m) < 0x1p52 {
                    // m is a whole number: its floor is itself.
                    months[l] = Int(m)
                    let t = months[l] &- clockStart
                    step[l] = Int32(truncatingIfNeeded: t >= 0 ? (t < steps ? t : steps) : 0)
                }
            }
            eventStep[v] = step
            if R.isActive {
                let l = rec.lane
                rec.event(v, fired: fired[l], month: eventMonth[v &* Self.width &+ l])
            }
        }
    }

    /// The lanes set in `m` as bits (bit l for lane l).
    @inline(__always)
    static func bits(_ m: LaneMask) -> UInt32 {
        UInt32(truncatingIfNeeded: (m._storage & laneBits).wrappedSum())
    }

    /// l in lane l, and 2^l.
    static let laneIndex = LaneInt((0..<LaneMath.width).map { Int32($0) })
    static let laneBits = LaneInt(repeating: 1) &<< laneIndex

    /// Each dynamic entry's step in each lane, and the bits of the steps
    /// at which it acts in some lane.
    @inline(__always)
    func placeDynamicEntries() {
        guard dynamicCount > 0 else { return }
        let never = Int32(truncatingIfNeeded: steps)
        let words = stepWords
        stepBits.update(repeating: 0, count: words)
        dynamicBits.update(repeating: 0, count: words &* dynamicCount)
        for d in 0..<dynamicCount {
            let en = entries + Int(truncatingIfNeeded: dynamicEntries[d])
            var s = LaneInt()
            let event = Int(truncatingIfNeeded: en.pointee.event)
            if event >= 0 {
                s = LaneMath.select(eventFired[event] .!= LaneInt(), eventStep[event], LaneInt(repeating: never))
            }
            let fromNode = en.pointee.fromNode
            if fromNode >= 0 {
                let f = monthSteps(nodes[Int(truncatingIfNeeded: fromNode)])
                s = s.replacing(with: f, where: f .> s)
            }
            dynamicSteps[d] = s
            let bits = dynamicBits + d &* words
            if words == 1 {
                // At most 64 steps: 2^s in 64-bit lanes (0 where never), or-ed.
                let one = LaneWide(truncatingIfNeeded: LaneMath.count(s .< LaneInt(repeating: never)))
                let powers = one &<< LaneWide(truncatingIfNeeded: s)
                var or: UInt64 = 0
                for l in 0..<Self.width { or |= powers[l] }
                bits[0] = or
            } else {
                for l in 0..<Self.width where s[l] < never {
                    let t = Int(truncatingIfNeeded: s[l])
                    bits[t &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: t & 63)
                }
            }
            for w in 0..<words { stepBits[w] |= bits[w] }
        }
    }

    /// The first dynamic entry from `d` on that acts in some lane at the
    /// step whose bit is `bit` of word `word`; `dynamicCount` when none does.
    @inline(__always)
    func nextDynamic(from d: Int, word: Int, bit: UInt64) -> Int {
        var d = d
        while d < dynamicCount && dynamicBits[d &* stepWords &+ word] & bit == 0 { d &+= 1 }
        return d
    }
}
