import R2Model

extension TrialMachine {
    /// Trial `trial`, step by step as in spec/model-v1.md (see docs/MODEL.md).
    @inline(never)
    func run<R: TrialRecorder>(trial: UInt64, _ rec: inout R) -> TrialOutcome {
        let (p, changeCount) = sampleInputs(trial: trial, &rec)
        let state = self.state
        let fleet = self.fleet
        let keys = self.keys
        let entries = self.entries
        let entryValue = self.entryValue
        let foreign = self.foreign
        let domestic = self.domestic
        let foreignCount = self.foreignCount
        let domesticCount = self.domesticCount
        let isDomestic = self.isDomestic
        let adoption = self.adoption
        let steps = self.steps
        let hasExportChecks = exportCheckCount > 0
        let n = chipCount
        let perf = state + StateLayout.row(StateLayout.perf, chips: n)
        let fail = state + StateLayout.row(StateLayout.fail, chips: n)
        let buy = state + StateLayout.row(StateLayout.buy, chips: n)
        let make = state + StateLayout.row(StateLayout.make, chips: n)
        let yieldStart = state + StateLayout.row(StateLayout.yieldStart, chips: n)
        let yieldGrowth = state + StateLayout.row(StateLayout.yieldGrowth, chips: n)
        let yieldCap = state + StateLayout.row(StateLayout.yieldCap, chips: n)
        let export = state + StateLayout.row(StateLayout.export, chips: n)
        state.update(from: defaults, count: stateCount)

        var out = TrialOutcome()
        var rng = RandomStream(seed: seed, trial: trial, stream: StreamID.monthly)
        var next = 0
        var chip = -1
        var done = false
        var tau = 0.0
        var progress = 0.0
        var failures = 0
        var port = 0.0

        var t = 0
        while t < steps {
            // 1. Timelines.
            while next < changeCount && Int(truncatingIfNeeded: keys[next] &>> 32) == t {
                let e = Int(truncatingIfNeeded: keys[next] & 0xFFFF_FFFF)
                state[Int(truncatingIfNeeded: entries[e].stateSlot)] = entryValue[e]
                rec.timelineChange(entry: e, value: entryValue[e])
                next &+= 1
            }
            let pi = state[StateLayout.pressure]
            rec.beginStep(t, pressure: pi)
            if hasExportChecks { checkExports(t, &out) }

            // 2. Supply (and the capacities of step 4: training changes no fleet).
            // An order is approved with probability a (1 allowed,
            // p licensed, 0 banned), then blocked with probability pi: one
            // draw u decides delivered (u < a(1-pi)), blocked (u < a) or refused.
            var frn = 0.0
            for j in 0..<foreignCount {
                let c = Int(truncatingIfNeeded: foreign[j])
                let b = buy[c]
                if b > 0 {
                    let status = export[c]
                    let a = status > 1 ? 1 : (status > 0 ? status : 0)
                    let deliver = a * (1 - pi)
                    var delivered = false
                    var blocked = false
                    if deliver >= 1 {
                        delivered = true
                    } else if !(a > 0) {
                    } else if !(deliver > 0) && a >= 1 {
                        blocked = true
                    } else {
                        let u = rng.uniform32()
                        delivered = u < deliver * 0x1p32
                        blocked = !delivered && u < a * 0x1p32
                    }
                    if delivered { fleet[c] += b }
                    rec.supply(
                        chip: c,
                        outcome: delivered
                            ? .delivered : (blocked ? .blocked : (status < 0 ? .banned : .refused)),
                        added: delivered ? b : 0)
                }
                frn += fleet[c] * perf[c]
            }
            var dom = 0.0
            for j in 0..<domesticCount {
                let c = Int(truncatingIfNeeded: domestic[j])
                let m = make[c]
                if m > 0 {
                    let y = Swift.min(yieldCap[c], yieldStart[c] + yieldGrowth[c] * Double(t))
                    let added = y > 0 ? m * y : 0
                    fleet[c] += added
                    rec.supply(chip: c, outcome: .produced, added: added)
                }
                dom += fleet[c] * perf[c]
            }

            // 3. Training.
            if !done && t >= p.startStep {
                if chip < 0 {
                    let bestForeign = largest(foreign, foreignCount, perf)
                    let bestDomestic = largest(domestic, domesticCount, perf)
                    if bestForeign >= 0 || bestDomestic >= 0 {
                        let mandated = rng.bernoulli(pi)
                        out.mandated = mandated
                        if mandated {
                            chip = bestDomestic >= 0 ? bestDomestic : bestForeign
                        } else {
                            chip = bestForeign >= 0 ? bestForeign : bestDomestic
                        }
                        rec.platform(chip: chip, mandated: mandated)
                    } else {
                        rec.platformDeferred()
                    }
                }
                if chip >= 0 {
                    var f = 1.0
                    if port > 0 {
                        f = 1 - port > 0 ? 1 - port : 0
                        port = port - 1 > 0 ? port - 1 : 0
                    }
                    rec.training(chip: chip, fraction: f, portLeft: port)
                    if f > 0 {
                        // One draw u: a failure when u < fail, a restart when u < fail * rho.
                        let pf = fail[chip]
                        var failed = false
                        var restart = false
                        if pf > 0 {
                            if pf >= 1 && !(p.restart > 0 && p.restart < 1) {
                                failed = true
                                restart = p.restart >= 1
                            } else {
                                let u = rng.uniform32()
                                failed = u < pf * 0x1p32
                                restart = u < pf * p.restart * 0x1p32
                            }
                        }
                        if failed {
                            failures &+= 1
                            out.failures &+= 1
                            if restart {
                                progress = 0
                                out.restarts &+= 1
                            }
                            rec.failure(failures: failures, restart: restart)
                        } else {
                            let capacity = fleet[chip] * perf[chip]
                            let before = progress
                            progress += f * capacity
                            rec.progress(added: f * capacity, total: progress)
                            if progress >= p.needs {
                                done = true
                                let remaining = p.needs - before
                                tau = Double(t) + (1 - f) + (remaining > 0 ? remaining / capacity : 0)
                                rec.completed(tau: tau)
                            }
                        }
                    }
                    if !done && isDomestic[chip] && Double(failures) >= p.switchAfter {
                        let target = largest(foreign, foreignCount, perf)
                        if target >= 0 && !rng.bernoulli(pi) {
                            rec.switchAttempt(to: target, succeeded: true)
                            chip = target
                            failures = 0
                            port = p.portMonths
                            out.switches &+= 1
                        } else {
                            rec.switchAttempt(to: target, succeeded: false)
                        }
                    }
                }
            }

            // 4. Adoption, from the capacities summed during supply.
            let all = dom + frn
            let a = all > 0 && all < .infinity ? dom / all : 0
            adoption[t] = a
            rec.endStep(t, fleets: fleet, adoption: a)
            t &+= 1
        }

        // After training: release r = tau + P + K*H.
        if done {
            out.completed = true
            let k = rng.geometric(p.holdProbability)
            out.holds = k
            let held = p.holdMonths > 0 ? k * p.holdMonths : 0
            out.release = tau + p.post + held
        }
        rec.release(holds: out.holds, release: out.release)
        return out
    }

    /// The chip among `list` with the largest capacity fleet * perf > 0
    /// (the first on ties), or -1.
    @inline(__always)
    func largest(_ list: UnsafeMutablePointer<Int32>, _ count: Int, _ perf: UnsafeMutablePointer<Double>)
        -> Int
    {
        var best = -1
        var bestCapacity = 0.0
        for j in 0..<count {
            let c = Int(truncatingIfNeeded: list[j])
            let capacity = fleet[c] * perf[c]
            if capacity > bestCapacity {
                best = c
                bestCapacity = capacity
            }
        }
        return best
    }

    func checkExports(_ t: Int, _ out: inout TrialOutcome) {
        for j in 0..<exportCheckCount {
            let check = exportChecks[j]
            if Int(check.step) == t && StateLayout.exportKind(state[Int(check.stateSlot)]) != check.kind {
                out.exportConditionsHold = false
            }
        }
    }
}
