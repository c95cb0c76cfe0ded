import R2Model

extension TrialMachine {
    /// Trial `trial`, step by step as in spec/model-v1.md (see docs/MODEL.md).
    ///
    /// Between timeline changes nothing is recomputed: the capacity sums
    /// Dom and For are kept up to date as supply adds to the fleets (and
    /// summed afresh when a perf changes), and only the chips that order or
    /// make (the suppliers, listed again when a perf, buy, make, yield or
    /// export status changes, their thresholds when any input changes) are
    /// visited each step.
    @inline(never)
    func run<R: TrialRecorder>(trial: UInt64, _ rec: inout R) -> TrialOutcome {
        let (p, changeCount, initialFirst, key) = sampleInputs(trial: trial, &rec)
        let state = self.state
        let fleet = self.fleet
        let keys = self.keys
        let entryRuns = self.entryRuns
        let nodes = self.nodes
        let suppliers = self.suppliers
        let isDomestic = self.isDomestic
        let adoption = self.adoption
        let steps = self.steps
        let hasExportChecks = exportCheckCount > 0
        let n = chipCount
        let perf = state + StateLayout.row(StateLayout.perf, chips: n)
        let fail = state + StateLayout.row(StateLayout.fail, chips: n)
        state.update(from: defaults, count: stateCount)
        if initialFirst {
            // The static entries of step 0, before anything else of step 0.
            for i in 0..<initialCount {
                let e = Int(truncatingIfNeeded: initialEntries[i])
                let en = entryRuns[e]
                let value = en.clamp(nodes[Int(truncatingIfNeeded: en.node)])
                state[Int(truncatingIfNeeded: en.stateSlot)] = value
                rec.timelineChange(entry: e, value: value)
            }
        }

        var out = TrialOutcome()
        // The bases of the counter-based monthly streams (see StreamID).
        let mandateBase = key ^ mandateSalt
        let failureBase = key ^ failureSalt
        let switchBase = key ^ switchSalt
        let orderSalts = self.orderSalts
        var next = 0
        var nextChange = changeCount > 0 ? Int(truncatingIfNeeded: keys[0] &>> 32) : steps
        var chip = -1
        var done = false
        var tau = 0.0
        var progress = 0.0
        var failures = 0
        var port = 0.0
        // Training runs from this step until it completes.
        var trainFrom = p.startStep
        var (domestic, foreign) = capacities()
        var (foreignSuppliers, domesticSuppliers) = listSuppliers(R.self)
        setOrders(foreignSuppliers)

        var t = 0
        while t < steps {
            // 1. Timelines.
            if t == nextChange {
                var effects: UInt8 = 0
                repeat {
                    let e = Int(truncatingIfNeeded: keys[next] & 0xFFFF_FFFF)
                    let en = entryRuns[e]
                    let value = en.clamp(nodes[Int(truncatingIfNeeded: en.node)])
                    state[Int(truncatingIfNeeded: en.stateSlot)] = value
                    effects |= en.effect
                    rec.timelineChange(entry: e, value: value)
                    next &+= 1
                } while next < changeCount && Int(truncatingIfNeeded: keys[next] &>> 32) == t
                nextChange = next < changeCount ? Int(truncatingIfNeeded: keys[next] &>> 32) : steps
                if effects & Effect.capacity != 0 { (domestic, foreign) = capacities() }
                if effects != 0 { (foreignSuppliers, domesticSuppliers) = listSuppliers(R.self) }
                setOrders(foreignSuppliers)
            }
            let pi = state[StateLayout.pressure]
            rec.beginStep(t, pressure: pi)
            if hasExportChecks { checkExports(t, &out) }

            // 2. Supply. An order is approved with probability a (1 allowed,
            // p licensed, 0 banned), then blocked with probability pi: one
            // draw u decides delivered (u < a(1-pi)), blocked (u < a) or refused.
            for j in 0..<foreignSuppliers {
                let s = suppliers[j]
                var delivered = s.order == Order.delivered
                var blocked = s.order == Order.blocked
                if s.order == Order.draw {
                    let u = RandomStream.uniform(key ^ orderSalts[Int(truncatingIfNeeded: s.chip)], at: t)
                    delivered = u < s.deliver
                    blocked = !delivered && u < s.approve
                }
                // Branch-free: whether an order goes through is a coin toss.
                let added = delivered ? s.amount : 0
                let c = Int(truncatingIfNeeded: s.chip)
                fleet[c] += added
                foreign += added * s.perf
                rec.supply(
                    chip: c,
                    outcome: delivered
                        ? .delivered
                        : (blocked
                            ? .blocked
                            : (state[StateLayout.slot(chip: c, StateLayout.export, chips: n)] < 0
                                ? .banned : .refused)),
                    added: added)
            }
            var j = foreignSuppliers
            while j < foreignSuppliers &+ domesticSuppliers {
                let s = suppliers[j]
                j &+= 1
                let y = Swift.min(s.yieldCap, s.yieldStart + s.yieldGrowth * Double(t))
                let added = y > 0 ? s.amount * y : 0
                let c = Int(truncatingIfNeeded: s.chip)
                fleet[c] += added
                domestic += added * s.perf
                rec.supply(chip: c, outcome: .produced, added: added)
            }

            // 3. Training.
            if t >= trainFrom {
                if chip < 0 {
                    let bestForeign = largest(self.foreign, foreignCount, perf)
                    let bestDomestic = largest(self.domestic, domesticCount, perf)
                    if bestForeign >= 0 || bestDomestic >= 0 {
                        let mandated = RandomStream.bernoulli(pi, mandateBase, at: t)
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
                                let u = RandomStream.uniform(failureBase, at: t)
                                failed = u < pf
                                restart = u < pf * p.restart
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
                                trainFrom = Int.max
                                let remaining = p.needs - before
                                tau = Double(t) + (1 - f) + (remaining > 0 ? remaining / capacity : 0)
                                rec.completed(tau: tau)
                            }
                        }
                    }
                    if !done && isDomestic[chip] && Double(failures) >= p.switchAfter {
                        let target = largest(self.foreign, foreignCount, perf)
                        if target >= 0 && !RandomStream.bernoulli(pi, switchBase, at: t) {
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

            // 4. Adoption, from the running capacity sums.
            let all = domestic + foreign
            let a = all > 0 && all <= .greatestFiniteMagnitude ? domestic / all : 0
            adoption[t] = a
            rec.endStep(t, fleets: fleet, adoption: a)
            t &+= 1
        }

        // After training: release r = tau + P + K*H.
        if done {
            out.completed = true
            var holds = RandomStream(key: key, salt: holdsSalt)
            let k = holds.geometric(p.holdProbability)
            out.holds = k
            let held = p.holdMonths > 0 ? k * p.holdMonths : 0
            out.release = tau + p.post + held
        }
        rec.release(holds: out.holds, release: out.release)
        return out
    }

    /// Dom and For: the sums of fleet * perf over the domestic and the
    /// foreign chips, in chip order.
    @inline(__always)
    func capacities() -> (domestic: Double, foreign: Double) {
        let perf = state + StateLayout.row(StateLayout.perf, chips: chipCount)
        var d = 0.0
        var f = 0.0
        for c in 0..<chipCount {
            if isDomestic[c] { d += fleet[c] * perf[c] } else { f += fleet[c] * perf[c] }
        }
        return (d, f)
    }

    /// Lists the foreign chips that order (buy > 0 and an export status that
    /// may approve; with a recorder, refused ones too), then the domestic
    /// chips that make (make > 0), in chip order, with their inputs.
    @inline(__always)
    func listSuppliers<R: TrialRecorder>(_: R.Type) -> (foreign: Int, domestic: Int) {
        let n = chipCount
        let state = self.state
        var k = 0
        for j in 0..<foreignCount {
            let c = Int(truncatingIfNeeded: foreign[j])
            let b = state[StateLayout.slot(chip: c, StateLayout.buy, chips: n)]
            guard b > 0 else { continue }
            let status = state[StateLayout.slot(chip: c, StateLayout.export, chips: n)]
            let a = status > 1 ? 1 : (status > 0 ? status : 0)
            if a > 0 || R.recordsEverySupply {
                var s = Supplier()
                s.chip = Int32(truncatingIfNeeded: c)
                s.amount = b
                s.perf = state[StateLayout.slot(chip: c, StateLayout.perf, chips: n)]
                s.approve = a
                suppliers[k] = s
                k &+= 1
            }
        }
        let foreignSuppliers = k
        for j in 0..<domesticCount {
            let c = Int(truncatingIfNeeded: domestic[j])
            let m = state[StateLayout.slot(chip: c, StateLayout.make, chips: n)]
            guard m > 0 else { continue }
            var s = Supplier()
            s.chip = Int32(truncatingIfNeeded: c)
            s.amount = m
            s.perf = state[StateLayout.slot(chip: c, StateLayout.perf, chips: n)]
            s.yieldStart = state[StateLayout.slot(chip: c, StateLayout.yieldStart, chips: n)]
            s.yieldGrowth = state[StateLayout.slot(chip: c, StateLayout.yieldGrowth, chips: n)]
            s.yieldCap = state[StateLayout.slot(chip: c, StateLayout.yieldCap, chips: n)]
            suppliers[k] = s
            k &+= 1
        }
        return (foreignSuppliers, k &- foreignSuppliers)
    }

    /// Sets how each foreign supplier's order is decided under the current
    /// pressure pi: delivered when a (1 - pi) >= 1; refused when a is 0;
    /// blocked when a is 1 and pi is 1; otherwise by a draw.
    @inline(__always)
    func setOrders(_ foreignSuppliers: Int) {
        let pi = state[StateLayout.pressure]
        for j in 0..<foreignSuppliers {
            let a = suppliers[j].approve
            let deliver = a * (1 - pi)
            suppliers[j].deliver = deliver
            if deliver >= 1 {
                suppliers[j].order = Order.delivered
            } else if !(a > 0) {
                suppliers[j].order = Order.refused
            } else if !(deliver > 0) && a >= 1 {
                suppliers[j].order = Order.blocked
            } else {
                suppliers[j].order = Order.draw
            }
        }
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
