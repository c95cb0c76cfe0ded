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
        let key = RandomStream.trialKey(seed: seed, trial: trial)
        let nodes = self.nodes
        let program = self.program
        let slots = self.slots
        // The single draws first (they read only constants), kind by kind.
        let draws = self.draws
        let (tableEnd, lognormalEnd, normalEnd, uniformEnd) = drawEnds
        var i = 0
        while i < tableEnd {
            let d = draws[i]
            var rng = RandomStream(key: key, salt: d.salt)
            nodes[Int(truncatingIfNeeded: d.dst)] =
                d.a + d.b * quantiles[Int(truncatingIfNeeded: d.table)].sample(&rng)
            i &+= 1
        }
        while i < lognormalEnd {
            let d = draws[i]
            var rng = RandomStream(key: key, salt: d.salt)
            nodes[Int(truncatingIfNeeded: d.dst)] = exponential(d.a + d.b * normal.sample(&rng))
            i &+= 1
        }
        while i < normalEnd {
            let d = draws[i]
            var rng = RandomStream(key: key, salt: d.salt)
            nodes[Int(truncatingIfNeeded: d.dst)] = d.a + d.b * normal.sample(&rng)
            i &+= 1
        }
        while i < uniformEnd {
            let d = draws[i]
            var rng = RandomStream(key: key, salt: d.salt)
            nodes[Int(truncatingIfNeeded: d.dst)] = d.a + d.b * rng.uniform()
            i &+= 1
        }
        for i in 0..<slotCount {
            let s = slots[i]
            var rng = RandomStream(key: key, salt: s.salt)
            var pc = Int(truncatingIfNeeded: s.start)
            let end = Int(truncatingIfNeeded: s.end)
            while pc < end {
                execute(program[pc], &rng, nodes)
                pc &+= 1
            }
        }
        rec.sampledInputs(nodes)

        for c in 0..<chipCount {
            fleet[c] = Clamp.nonNegative.apply(nodes[Int(truncatingIfNeeded: fleetNodes[c])])
        }
        let programme = sampleProgramme()
        rec.programme(
            startStep: programme.startStep, needs: programme.needs, post: programme.post,
            holdProbability: programme.holdProbability, holdMonths: programme.holdMonths,
            switchAfter: programme.switchAfter, portMonths: programme.portMonths, restart: programme.restart)

        for v in 0..<eventCount {
            let ev = events[v]
            let q = Clamp.probability.apply(nodes[Int(truncatingIfNeeded: ev.probabilityNode)])
            var rng = RandomStream(key: key, salt: eventSalts[v])
            let fired = rng.uniform() < q
            eventFired[v] = fired
            var month = Int.max
            var step = steps
            if fired {
                let m = rng.monthWindow(
                    from: nodes[Int(truncatingIfNeeded: ev.windowStartNode)],
                    to: nodes[Int(truncatingIfNeeded: ev.windowEndNode)])
                if abs(m) < 0x1p52 {
                    month = Int(m)
                    step = self.step(ofMonth: m)
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
            let en = entries[e]
            var s = 0
            if en.event >= 0 {
                let v = Int(truncatingIfNeeded: en.event)
                if !eventFired[v] { continue }
                s = eventStep[v]
            }
            if en.fromNode >= 0 {
                let f = step(ofMonth: nodes[Int(truncatingIfNeeded: en.fromNode)])
                if f > s { s = f }
            }
            if s >= steps { continue }
            if s == 0 && dynamicPrecedesInitial[d] { initialFirst = false }
            insert(UInt64(truncatingIfNeeded: s) &<< 32 | UInt64(truncatingIfNeeded: e), &n)
        }
        if !initialFirst {
            for i in 0..<initialCount { insert(staticKeys[i], &n) }
        }
        return (programme, n, initialFirst, key)
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
            if !x.isNaN { k = Swift.max(1, x.rounded(.toNearestOrAwayFromZero)) }
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

    /// Runs one instruction of the input program.
    @inline(__always)
    func execute(_ ins: Instruction, _ rng: inout RandomStream, _ n: UnsafeMutablePointer<Double>) {
        let a = Int(truncatingIfNeeded: ins.a)
        let b = Int(truncatingIfNeeded: ins.b)
        let r: Double
        switch ins.op {
        case .table:
            r = n[b] + n[Int(truncatingIfNeeded: ins.c)] * quantiles[a].sample(&rng)
        case .lognormal: r = exponential(n[a] + n[b] * normal.sample(&rng))
        case .normal: r = n[a] + n[b] * normal.sample(&rng)
        case .uniform: r = rng.uniform(low: n[a], high: n[b])
        case .beta: r = rng.beta(n[a], n[b])
        case .triangular: r = rng.triangular(low: n[a], mode: n[b], high: n[Int(ins.c)])
        case .pert: r = rng.pert(low: n[a], mode: n[b], high: n[Int(ins.c)])
        case .interval90: r = rng.interval90(n[a], n[b])
        case .monthWindow: r = rng.monthWindow(from: n[a], to: n[b])
        case .mixture:
            let u = rng.uniform()
            var k = 0
            while k < b - 1 && u >= mixtureCumulative[a + k] { k += 1 }
            r = n[Int(mixtureNodes[a + k])]
        case .negate: r = -n[a]
        case .add: r = n[a] + n[b]
        case .subtract: r = n[a] - n[b]
        case .multiply: r = n[a] * n[b]
        case .divide: r = n[a] / n[b]
        case .minimum: r = Swift.min(n[a], n[b])
        case .maximum: r = Swift.max(n[a], n[b])
        }
        n[Int(truncatingIfNeeded: ins.dst)] = r
    }
}
