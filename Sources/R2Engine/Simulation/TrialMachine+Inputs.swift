import Foundation
import R2Model

extension TrialMachine {
    /// The step an absolute (continuous) month acts in: floor, minus the
    /// clock's start; dates before the start act from step 0; `steps` (never)
    /// for months after the end and for NaN.
    @inline(__always)
    func step(ofMonth x: Double) -> Int {
        let m = x.rounded(.down) - Double(clockStart)
        if m >= 0 { return m < Double(steps) ? Int(m) : steps }
        if m < 0 { return 0 }
        return steps
    }

    /// Samples every input of trial `trial` (each random slot from its own
    /// stream), the R2 programme, the events, and orders the timeline entries
    /// that act within the horizon into `keys` (step << 32 | entry).
    /// Returns the programme and the number of ordered entries.
    @inline(__always)
    func sampleInputs<R: TrialRecorder>(trial: UInt64, _ rec: inout R) -> (Programme, Int) {
        let nodes = self.nodes
        let program = self.program
        let slots = self.slots
        for i in 0..<slotCount {
            let s = slots[i]
            var rng = RandomStream(seed: seed, trial: trial, stream: s.stream)
            var pc = Int(s.start)
            let end = Int(s.end)
            while pc < end {
                execute(program[pc], &rng, nodes)
                pc &+= 1
            }
        }
        rec.sampledInputs(nodes)

        for c in 0..<chipCount {
            fleet[c] = Clamp.nonNegative.apply(nodes[Int(fleetNodes[c])])
        }
        let programme = sampleProgramme()
        rec.programme(
            startStep: programme.startStep, needs: programme.needs, post: programme.post,
            holdProbability: programme.holdProbability, holdMonths: programme.holdMonths,
            switchAfter: programme.switchAfter, portMonths: programme.portMonths, restart: programme.restart)

        for v in 0..<eventCount {
            let ev = events[v]
            let q = Clamp.probability.apply(nodes[Int(ev.probabilityNode)])
            var rng = RandomStream(seed: seed, trial: trial, stream: ev.stream)
            let fired = rng.uniform() < q
            eventFired[v] = fired
            var month = Int.max
            var step = steps
            if fired {
                let m = rng.monthWindow(
                    from: nodes[Int(ev.windowStartNode)], to: nodes[Int(ev.windowEndNode)])
                if abs(m) < 0x1p52 {
                    month = Int(m)
                    step = self.step(ofMonth: m)
                }
            }
            eventMonth[v] = month
            eventStep[v] = step
            rec.event(v, fired: fired, month: month)
        }

        let entries = self.entries
        let keys = self.keys
        var n = 0
        for e in 0..<entryCount {
            let en = entries[e]
            var s = 0
            if en.event >= 0 {
                if !eventFired[Int(en.event)] { continue }
                s = eventStep[Int(en.event)]
            }
            if en.fromNode >= 0 {
                let f = step(ofMonth: nodes[Int(en.fromNode)])
                if f > s { s = f }
            }
            if s >= steps { continue }
            entryValue[e] = en.valueNode >= 0 ? en.clamp.apply(nodes[Int(en.valueNode)]) : en.fixedValue
            let key = UInt64(s) &<< 32 | UInt64(e)
            var j = n
            while j > 0 && keys[j - 1] > key {
                keys[j] = keys[j - 1]
                j -= 1
            }
            keys[j] = key
            n += 1
        }
        return (programme, n)
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
        let a = Int(ins.a)
        let b = Int(ins.b)
        let r: Double
        switch ins.op {
        case .normal: r = rng.normal(mean: n[a], sd: n[b])
        case .lognormal: r = rng.lognormal(mu: n[a], sigma: n[b])
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
        n[Int(ins.dst)] = r
    }
}
