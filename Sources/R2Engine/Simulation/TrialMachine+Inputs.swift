import Foundation
import R2Model

extension TrialMachine {
    /// Samples every input of trial `trial` (each random slot from its own
    /// stream), the R2 programme, the events, and orders the timeline entries
    /// that act within the horizon into `keys` (step << 32 | entry): all but
    /// the static entries of step 0 when `initialFirst` (then the trial
    /// applies those first), all of them otherwise.
    @inline(__always)
    func sampleInputs<R: TrialRecorder>(trial: UInt64, _ rec: inout R)
        -> (programme: Programme, changes: Int, initialFirst: Bool, key: UInt64)
    {
        let key = Self.trialKey(trial, inputTables.philoxKeys)
        let nodes = self.nodes
        drawSingles(key)
        if inputTables.stepCount > 0 { runPrograms(key) }
        rec.sampledInputs(nodes)

        for c in 0..<chipCount {
            fleet[c] = Clamp.nonNegative.apply(nodes[Int(truncatingIfNeeded: fleetNodes[c])])
        }
        let programme = sampleProgramme()
        rec.programme(
            startStep: programme.startStep, needs: programme.needs, post: programme.post,
            holdProbability: programme.holdProbability, holdMonths: programme.holdMonths,
            switchAfter: programme.switchAfter, portMonths: programme.portMonths, restart: programme.restart)

        let eventPlans = inputTables.events
        for v in 0..<eventCount {
            let ev = eventPlans + v
            let q = Clamp.probability.apply(nodes[Int(truncatingIfNeeded: ev.pointee.probabilityNode)])
            var rng = RandomStream(key: key, salt: ev.pointee.salt)
            let fired = rng.uniform() < q
            eventFired[v] = fired
            var month = Int.max
            var step = self.steps
            if fired {
                let m: Double
                if ev.pointee.span != 0 {
                    // A constant window: `monthWindow`'s draw and sum.
                    m = ev.pointee.low + Double(Int64(bitPattern: rng.boundedInline(ev.pointee.span)))
                } else {
                    m = rng.monthWindow(
                        from: nodes[Int(truncatingIfNeeded: ev.pointee.windowStartNode)],
                        to: nodes[Int(truncatingIfNeeded: ev.pointee.windowEndNode)])
                }
                if abs(m) < 0x1p52 {
                    // m is a whole number (a whole low plus a count): its
                    // floor is itself, so `step(ofMonth:)` in integers.
                    month = Int(m)
                    let t = month &- clockStart
                    step = t >= 0 ? (t < step ? t : step) : 0
                }
            }
            eventMonth[v] = month
            eventStep[v] = step
            rec.event(v, fired: fired, month: month)
        }

        // The static entries after step 0 in their precomputed order, then
        // each dynamic one inserted at its place (keys are unique: they hold
        // the entry); the static ones of step 0 too if a dynamic entry of
        // lower index acts at step 0.
        let keys = self.keys
        keys.update(from: staticKeys + initialCount, count: staticKeyCount - initialCount)
        var n = staticKeyCount - initialCount
        var initialFirst = true
        for d in 0..<dynamicCount {
            let e = Int(truncatingIfNeeded: dynamicEntries[d])
            let en = entries + e
            var s = 0
            let event = en.pointee.event
            if event >= 0 {
                let v = Int(truncatingIfNeeded: event)
                if !eventFired[v] { continue }
                s = eventStep[v]
            }
            let fromNode = en.pointee.fromNode
            if fromNode >= 0 {
                let f = step(ofMonth: nodes[Int(truncatingIfNeeded: fromNode)])
                if f > s { s = f }
            }
            if s >= self.steps { continue }
            if s == 0 && dynamicPrecedesInitial[d] { initialFirst = false }
            insert(UInt64(truncatingIfNeeded: s) &<< 32 | UInt64(truncatingIfNeeded: e), &n)
        }
        if !initialFirst {
            for i in 0..<initialCount { insert(staticKeys[i], &n) }
        }
        return (programme, n, initialFirst, key)
    }

    /// `RandomStream.trialKey(seed:trial:)`, the Philox4x32-10 block of
    /// counter (0, 0, trial) under the seed, with the four words in one
    /// vector (x0, x1, x2, x3): a round's two products x0 M0 and x2 M1 are
    /// one pmuludq, and the round's output (hi(p1) ^ x1 ^ k0, lo(p1),
    /// hi(p0) ^ x3 ^ k1, lo(p0)) is those products' words reversed, xor
    /// (x1, 0, x3, 0) and the round's key (k0, 0, k1, 0) (`philoxKeys`).
    /// The key is x1 << 32 | x0, the first 64-bit lane.
    @inline(__always)
    static func trialKey(_ trial: UInt64, _ keys: UnsafeMutablePointer<SIMD2<UInt64>>) -> UInt64 {
        let multipliers = SIMD2<UInt64>(0xD251_1F53, 0xCD9E_8D57)
        let low = SIMD2<UInt64>(repeating: 0xFFFF_FFFF)
        var r = SIMD2<UInt64>(0, trial)
        for round in 0..<10 {
            let p = unsafeBitCast((r & low) &* multipliers, to: SIMD4<UInt32>.self)
            let reversed = unsafeBitCast(SIMD4<UInt32>(p[3], p[2], p[1], p[0]), to: SIMD2<UInt64>.self)
            r = reversed ^ (r &>> 32) ^ keys[round]
        }
        return r[0]
    }

    /// The round keys of `trialKey` under `seed`: (k0, k1) of each round in
    /// the low halves of the two lanes.
    static func philoxKeys(seed: UInt64) -> [SIMD2<UInt64>] {
        var k0 = UInt32(truncatingIfNeeded: seed)
        var k1 = UInt32(truncatingIfNeeded: seed &>> 32)
        var keys: [SIMD2<UInt64>] = []
        for round in 0..<10 {
            if round > 0 {
                k0 &+= 0x9E37_79B9
                k1 &+= 0xBB67_AE85
            }
            keys.append(SIMD2(UInt64(k0), UInt64(k1)))
        }
        return keys
    }

    /// Inserts `key` into the first `n` keys, keeping them sorted.
    @inline(__always)
    func insert(_ key: UInt64, _ n: inout Int) {
        var j = n
        while j > 0 && keys[j - 1] > key {
            keys[j] = keys[j - 1]
            j -= 1
        }
        keys[j] = key
        n += 1
    }

    @inline(__always)
    func sampleProgramme() -> Programme {
        let r2 = r2Nodes
        let nodes = self.nodes
        var k = Double.infinity
        if r2[InputSlot.R2Field.switchAfter.rawValue] >= 0 {
            let x = nodes[Int(r2[InputSlot.R2Field.switchAfter.rawValue])]
            if !x.isNaN { k = Swift.max(1, Self.roundedHalfAway(x)) }
        }
        func value(_ f: InputSlot.R2Field, _ clamp: Clamp) -> Double {
            clamp.apply(nodes[Int(r2[f.rawValue])])
        }
        return Programme(
            startStep: step(ofMonth: nodes[Int(r2[InputSlot.R2Field.start.rawValue])]),
            needs: value(.needs, .nonNegative),
            post: value(.post, .nonNegative),
            holdProbability: value(.holdProbability, .probability),
            holdMonths: value(.holdMonths, .nonNegative),
            switchAfter: k,
            portMonths: value(.portMonths, .nonNegative),
            restart: value(.restart, .probability))
    }

    /// x.rounded(.toNearestOrAwayFromZero) for x not NaN, up to the sign of
    /// a zero result (the caller takes max(1, it)), without a library call.
    @inline(__always)
    static func roundedHalfAway(_ x: Double) -> Double {
        guard abs(x) < 0x1p52 else { return x }  // whole (or infinite) already
        let t = Double(Int64(x))  // toward zero, exact
        let f = x - t  // exact: the fraction, |f| < 1
        if f >= 0.5 { return t + 1 }
        if f <= -0.5 { return t - 1 }
        return t
    }

    /// The single draws (they read only constants), kind by kind; each is
    /// the first word of its stream, `RandomStream.word(key ^ salt, at: 0)`.
    @inline(never)
    func drawSingles(_ key: UInt64) {
        let nodes = self.nodes
        var q = inputTables.quantileDraws
        let quantileEnd = q + inputTables.quantileDrawCount
        while q < quantileEnd {
            let w = RandomStream.word(key ^ q.pointee.salt, at: 0)
            let x = QuantileFunction.sample(word: w, packed: q.pointee.table)
            nodes[Int(truncatingIfNeeded: q.pointee.dst)] = q.pointee.a + q.pointee.b * x
            q += 1
        }
        let normal = inputTables.normal
        let exponential = self.exponential
        // Lognormals whose exponent is always within the exponential's
        // range: two at a time, then one at a time.
        var pair = inputTables.lognormalPairs
        let pairEnd = pair + inputTables.lognormalPairCount
        while pair < pairEnd {
            let w0 = RandomStream.word(key ^ pair.pointee.salt0, at: 0)
            let w1 = RandomStream.word(key ^ pair.pointee.salt1, at: 0)
            let z = SIMD2(
                QuantileFunction.sample(word: w0, packed: normal), QuantileFunction.sample(word: w1, packed: normal))
            let y = exponential.inRange(pair.pointee.a + pair.pointee.b * z)
            nodes[Int(truncatingIfNeeded: pair.pointee.dst0)] = y[0]
            nodes[Int(truncatingIfNeeded: pair.pointee.dst1)] = y[1]
            pair += 1
        }
        var d = inputTables.draws
        let lognormalEnd = d + inputTables.lognormalEnd
        while d < lognormalEnd {
            let w = RandomStream.word(key ^ d.pointee.salt, at: 0)
            nodes[Int(truncatingIfNeeded: d.pointee.dst)] =
                exponential.inRange(d.pointee.a + d.pointee.b * QuantileFunction.sample(word: w, packed: normal))
            d += 1
        }
        let guardedEnd = inputTables.draws + inputTables.guardedEnd
        while d < guardedEnd {
            let w = RandomStream.word(key ^ d.pointee.salt, at: 0)
            nodes[Int(truncatingIfNeeded: d.pointee.dst)] =
                exponential(d.pointee.a + d.pointee.b * QuantileFunction.sample(word: w, packed: normal))
            d += 1
        }
        let uniformEnd = inputTables.draws + inputTables.uniformEnd
        while d < uniformEnd {
            let w = RandomStream.word(key ^ d.pointee.salt, at: 0)
            let u = RandomStream.unit(w)
            nodes[Int(truncatingIfNeeded: d.pointee.dst)] = d.pointee.a + d.pointee.b * u
            d += 1
        }
        // Month windows of constant bounds, then mixtures (of nodes drawn
        // above or constants), each its slot's only draw after the above.
        var w = inputTables.spanDraws
        let spanEnd = w + inputTables.spanDrawCount
        while w < spanEnd {
            var rng = RandomStream(key: key, salt: w.pointee.salt)
            rng.state &+= w.pointee.advance
            nodes[Int(truncatingIfNeeded: w.pointee.dst)] =
                w.pointee.low + Double(Int64(bitPattern: rng.boundedInline(w.pointee.span)))
            w += 1
        }
        var m = inputTables.mixtureDraws
        let mixtureEnd = m + inputTables.mixtureDrawCount
        let cumulative = mixtureCumulative
        let components = mixtureNodes
        while m < mixtureEnd {
            let word = RandomStream.word((key ^ m.pointee.salt) &+ m.pointee.advance, at: 0)
            let u = RandomStream.unit(word)
            let a = Int(truncatingIfNeeded: m.pointee.offset)
            let last = a &+ Int(truncatingIfNeeded: m.pointee.count) &- 1
            var k = a
            while k < last && u >= cumulative[k] { k &+= 1 }
            nodes[Int(truncatingIfNeeded: m.pointee.dst)] = nodes[Int(truncatingIfNeeded: components[k])]
            m += 1
        }
    }

    /// The other random slots' programs, one after another (a `stream`
    /// step starts each slot's stream before its first draw).
    @inline(never)
    func runPrograms(_ key: UInt64) {
        let nodes = self.nodes
        var rng = RandomStream(key: key, salt: 0)
        var p = inputTables.steps
        let end = p + inputTables.stepCount
        while p < end {
            execute(p, &rng, nodes, key)
            p += 1
        }
    }

    /// Runs one step of a slot's program.
    @inline(__always)
    func execute(
        _ ins: UnsafeMutablePointer<Step>, _ rng: inout RandomStream, _ n: UnsafeMutablePointer<Double>,
        _ key: UInt64
    ) {
        let a = Int(truncatingIfNeeded: ins.pointee.a)
        let b = Int(truncatingIfNeeded: ins.pointee.b)
        let r: Double
        switch ins.pointee.op {
        case .stream:
            // Stream `span` (a salt), past its first `a` words.
            rng.state = (key ^ ins.pointee.span) &+ UInt64(truncatingIfNeeded: a) &* RandomStream.gamma
            return
        case .table:
            r = n[b] + n[Int(truncatingIfNeeded: ins.pointee.c)] * quantiles[a].sample(&rng)
        case .lognormal: r = exponential(n[a] + n[b] * normal.sample(&rng))
        case .normal: r = n[a] + n[b] * normal.sample(&rng)
        case .uniform: r = rng.uniform(low: n[a], high: n[b])
        case .beta: r = rng.beta(n[a], n[b])
        case .triangular: r = rng.triangular(low: n[a], mode: n[b], high: n[Int(ins.pointee.c)])
        case .pert: r = rng.pert(low: n[a], mode: n[b], high: n[Int(ins.pointee.c)])
        case .interval90: r = rng.interval90(n[a], n[b])
        case .monthWindow: r = rng.monthWindow(from: n[a], to: n[b])
        case .monthSpan:
            r = ins.pointee.low + Double(Int64(bitPattern: rng.boundedInline(ins.pointee.span)))
        case .mixture:
            let u = rng.uniform()
            var k = 0
            while k < b &- 1 && u >= mixtureCumulative[a &+ k] { k &+= 1 }
            r = n[Int(truncatingIfNeeded: mixtureNodes[a &+ k])]
        case .negate: r = -n[a]
        case .add: r = n[a] + n[b]
        case .subtract: r = n[a] - n[b]
        case .multiply: r = n[a] * n[b]
        case .divide: r = n[a] / n[b]
        case .minimum: r = Swift.min(n[a], n[b])
        case .maximum: r = Swift.max(n[a], n[b])
        }
        n[Int(truncatingIfNeeded: ins.pointee.dst)] = r
    }
}
