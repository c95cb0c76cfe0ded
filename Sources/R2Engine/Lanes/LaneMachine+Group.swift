import R2Model

extension LaneMachine {
    /// Trials first ..< first + width, step by step as in spec/model-v1.md (see
    /// docs/MODEL.md), one trial per lane; their outcomes go to `out`, their
    /// adoption paths to `adoption`, their fleets to `fleet`.
    ///
    /// A branch on a trial's state is a mask; a branch survives only where
    /// it is on the month alone (the timeline entries of the step) or skips
    /// work no lane needs this month (`any`). Between timeline changes
    /// nothing is recomputed: the capacity sums are kept up to date as
    /// supply adds to the fleets, and only the chips that supply in some
    /// lane are visited each step. `R` records lane `rec.lane` (trace);
    /// with `NoRecorder` every recording is compiled away.
    @inline(never)
    func runGroup<R: TrialRecorder>(first: UInt64, _ rec: inout R) {
        let (keys, p) = sampleInputs(first: first, &rec)
        let state = self.state
        let fleet = self.fleet
        let nodes = self.nodes
        let entryRuns = self.entryRuns
        let suppliers = self.suppliers
        let amount = self.amount
        let deliver = self.deliver
        let orderBases = self.orderBases
        let steps = self.steps
        let n = chipCount
        let perf = state + StateLayout.row(StateLayout.perf, chips: n)
        let fail = state + StateLayout.row(StateLayout.fail, chips: n)
        state.update(from: defaults, count: stateCount)
        for j in 0..<foreignCount {
            let c = Int(truncatingIfNeeded: foreign[j])
            orderBases[c] = keys.base(orderSalts[c])
        }
        let mandateBase = keys.base(mandateSalt)
        let failureBase = keys.base(failureSalt)
        let switchBase = keys.base(switchSalt)
        let one = LaneFloat(repeating: 1)
        let lane = R.isActive ? rec.lane : 0

        // The programme's inputs, from the clock's start; timelines may
        // change them (model v2). C and rho stay in registers as in v1; P,
        // h, H and phi are read from the state where used, and the P, h, H
        // taken at completion and the fold step live in the scratch, so that
        // a v1 scenario keeps as many values live as before.
        var needs = p.needs
        var restartP = p.restart
        state[needsSlot] = needs
        state[restartSlot] = restartP
        state[postSlot] = p.post
        state[holdProbabilitySlot] = p.holdProbability
        state[holdMonthsSlot] = p.holdMonths
        state[foldSlot] = p.fold
        let taken = programmeTaken
        taken[0] = p.post
        taken[1] = p.holdProbability
        taken[2] = p.holdMonths
        foldScratch.pointee = LaneFloat(repeating: .infinity)
        let foldBase = keys.base(foldSalt)
        // The sector's running sums (model v2): domestic and all units, and
        // the same weighted by perf, from step 0; the installed base.
        var sector = SectorSums()

        var out = Outcome()
        out.exportsHold = LaneInt(repeating: -1)
        var chip = LaneInt(repeating: -1)
        var done = LaneMask(repeating: false)
        var tau = LaneFloat()
        var progress = LaneFloat()
        var failures = LaneFloat()
        var port = LaneFloat()
        var (domestic, foreign) = capacities()
        var (foreignSuppliers, domesticSuppliers) = listSuppliers()
        var t = 0
        while t < steps {
            let t32 = Int32(truncatingIfNeeded: t)
            // 1. Timelines: the entries of step t in entry order, the static
            // ones in every lane, the dynamic ones where they act at t.
            var i = Int(truncatingIfNeeded: staticStart[t])
            let staticEnd = Int(truncatingIfNeeded: staticStart[t &+ 1])
            let word = t &>> 6
            let bit = 1 &<< UInt64(truncatingIfNeeded: t & 63)
            let dynamicHere = dynamicCount > 0 && stepBits[word] & bit != 0
            let entriesAct = i < staticEnd || dynamicHere
            if entriesAct {
                var effects: UInt8 = 0
                var d = dynamicHere ? nextDynamic(from: 0, word: word, bit: bit) : dynamicCount
                while i < staticEnd || d < dynamicCount {
                    let s = i < staticEnd ? staticList[i] : Int32.max
                    let e = d < dynamicCount ? dynamicEntries[d] : Int32.max
                    let en = entryRuns[Int(truncatingIfNeeded: Swift.min(s, e))]
                    let value = Self.clamp(nodes[Int(truncatingIfNeeded: en.node)], en.clamp)
                    let slot = Int(truncatingIfNeeded: en.stateSlot)
                    var acts = true
                    if s < e {
                        state[slot] = value
                        i &+= 1
                    } else {
                        let m = dynamicSteps[d] .== LaneInt(repeating: t32)
                        state[slot] = LaneMath.select(m, value, state[slot])
                        acts = m[lane]
                        d = nextDynamic(from: d &+ 1, word: word, bit: bit)
                    }
                    effects |= en.effect
                    if R.isActive && acts {
                        rec.timelineChange(entry: Int(Swift.min(s, e)), value: Double(value[lane]))
                    }
                }
                if effects & Effect.capacity != 0 { (domestic, foreign) = capacities() }
                (foreignSuppliers, domesticSuppliers) = listSuppliers()
                if effects & Effect.programme != 0 {
                    // A lower target that progress already meets completes
                    // training at the start of the step (spec/model-v2.md, 1).
                    let lowered = state[needsSlot]
                    let trained = LaneMath.andNot(LaneInt(repeating: t32) .> p.startStep, done)
                    let completes = LaneMath.and(
                        trained, LaneMath.and(lowered .< needs, progress .>= lowered))
                    needs = lowered
                    restartP = state[restartSlot]
                    if LaneMath.any(completes) {
                        tau = LaneMath.select(completes, LaneFloat(repeating: Float(t)), tau)
                        done = LaneMath.or(done, completes)
                        takeProgrammeInputs(completes)
                        if R.isActive && completes[lane] { rec.completed(tau: Double(tau[lane])) }
                    }
                }
            }
            let pi = state[StateLayout.pressure]
            if R.isActive { rec.beginStep(t, pressure: Double(pi[lane])) }
            if exportCheckCount > 0 { checkExports(t, &out) }

            // 2. Supply. An order is approved with probability a (1 allowed,
            // p licensed, 0 banned), then blocked with probability pi: it is
            // delivered when its month's draw u < a (1 - pi).
            let month = UInt32(truncatingIfNeeded: t)
            if R.isActive { recordForeignSupply(t, keys, &rec) }
            for k in 0..<foreignSuppliers {
                let c = Int(truncatingIfNeeded: suppliers[k])
                var added = amount[c]
                if supplierDraws[k] {
                    let u = LaneMath.unit(keys.word(orderBases[c], month))
                    added = LaneMath.keep(added, u .< deliver[c])
                }
                fleet[c] += added
                foreign += added * perf[c]
            }
            let growthStep = LaneFloat(repeating: Float(t))
            for k in foreignSuppliers..<(foreignSuppliers &+ domesticSuppliers) {
                let c = Int(truncatingIfNeeded: suppliers[k])
                let start = state[StateLayout.slot(chip: c, StateLayout.yieldStart, chips: n)]
                let growth = state[StateLayout.slot(chip: c, StateLayout.yieldGrowth, chips: n)]
                let cap = state[StateLayout.slot(chip: c, StateLayout.yieldCap, chips: n)]
                let g = start + growth * growthStep
                let y = LaneMath.select(g .< cap, g, cap)
                let added = LaneMath.keep(amount[c] * y, y .> LaneFloat())
                fleet[c] += added
                domestic += added * perf[c]
                if R.isActive && amount[c][lane] > 0 {
                    rec.supply(chip: c, outcome: .produced, added: Double(added[lane]))
                }
            }

            if hasSector { addSector(t, &sector, changed: entriesAct) }
            // The fold draw of step t, in the lanes past the programme's
            // start that have not folded (a fold after the release is
            // dropped below); none where phi is 0 in every lane (a fold
            // dated later), which draws nothing either way.
            if folds, LaneMath.any(state[foldSlot] .> LaneFloat()) {
                let foldStep = foldScratch.pointee
                let eligible = LaneMath.and(
                    LaneInt(repeating: t32) .>= p.startStep, foldStep .== LaneFloat(repeating: .infinity))
                if LaneMath.any(eligible) {
                    let u = LaneMath.unit(keys.word(foldBase, month))
                    foldScratch.pointee = LaneMath.select(
                        LaneMath.and(eligible, u .< state[foldSlot]), growthStep, foldStep)
                }
            }

            // 3. Training, in the lanes whose programme has started and not finished.
            let active = LaneMath.andNot(LaneInt(repeating: t32) .>= p.startStep, done)
            if LaneMath.any(active) {
                let undecided = LaneMath.and(active, chip .< LaneInt())
                if LaneMath.any(undecided) {
                    let bestForeign = largest(self.foreign, foreignCount, perf).chip
                    let bestDomestic = largest(self.domestic, domesticCount, perf).chip
                    let choosing = LaneMath.and(
                        undecided, LaneMath.or(bestForeign .>= LaneInt(), bestDomestic .>= LaneInt()))
                    var mandated = LaneMask(repeating: false)
                    if LaneMath.any(choosing) {
                        mandated = LaneMath.unit(keys.word(mandateBase, month)) .< pi
                        let pick = LaneMath.select(
                            mandated,
                            LaneMath.select(bestDomestic .>= LaneInt(), bestDomestic, bestForeign),
                            LaneMath.select(bestForeign .>= LaneInt(), bestForeign, bestDomestic))
                        chip = LaneMath.select(choosing, pick, chip)
                        out.mandated |= LaneMath.and(choosing, mandated)._storage
                    }
                    if R.isActive && undecided[lane] {
                        if choosing[lane] {
                            rec.platform(chip: Int(chip[lane]), mandated: mandated[lane])
                        } else {
                            rec.platformDeferred()
                        }
                    }
                }
                let training = LaneMath.and(active, chip .>= LaneInt())
                if LaneMath.any(training) {
                    let porting = LaneMath.and(training, port .> LaneFloat())
                    let f = LaneMath.select(porting, LaneMath.positive(1 - port), one)
                    port = LaneMath.select(porting, LaneMath.positive(port - 1), port)
                    if R.isActive && training[lane] {
                        rec.training(chip: Int(chip[lane]), fraction: Double(f[lane]), portLeft: Double(port[lane]))
                    }
                    // The training chip's failure rate, capacity and origin.
                    var pf = LaneFloat()
                    var capacity = LaneFloat()
                    var onDomestic = LaneMask(repeating: false)
                    for c in 0..<n {
                        let m = chip .== LaneInt(repeating: Int32(truncatingIfNeeded: c))
                        pf = LaneMath.select(m, fail[c], pf)
                        capacity = LaneMath.select(m, fleet[c] * perf[c], capacity)
                        if isDomestic[c] { onDomestic = LaneMath.or(onDomestic, m) }
                    }
                    // One draw u: a failure when u < fail, a restart when u < fail * rho.
                    let working = LaneMath.and(training, f .> LaneFloat())
                    let u = LaneMath.unit(keys.word(failureBase, month))
                    let failed = LaneMath.and(working, u .< pf)
                    let restart = LaneMath.and(failed, u .< pf * restartP)
                    failures += LaneMath.keep(one, failed)
                    out.failures &+= LaneMath.count(failed)
                    out.restarts &+= LaneMath.count(restart)
                    progress = LaneMath.select(restart, LaneFloat(), progress)
                    let working2 = LaneMath.andNot(working, failed)
                    let before = progress
                    let added = f * capacity
                    progress = LaneMath.select(working2, progress + added, progress)
                    let completing = LaneMath.and(working2, progress .>= needs)
                    if LaneMath.any(completing) {
                        if programmeTimelines { takeProgrammeInputs(completing) }
                        let remaining = needs - before
                        // An infinite capacity (single-precision overflow) completes at once.
                        let rest = LaneMath.keep(
                            remaining / capacity,
                            LaneMath.and(remaining .> LaneFloat(), capacity .< LaneFloat(repeating: .infinity)))
                        tau = LaneMath.select(completing, (growthStep + (1 - f)) + rest, tau)
                        done = LaneMath.or(done, completing)
                    }
                    if R.isActive && working[lane] {
                        if failed[lane] {
                            rec.failure(failures: Int(failures[lane]), restart: restart[lane])
                        } else {
                            rec.progress(added: Double(added[lane]), total: Double(progress[lane]))
                            if completing[lane] { rec.completed(tau: Double(tau[lane])) }
                        }
                    }
                    let candidates = LaneMath.and(
                        LaneMath.andNot(training, done), LaneMath.and(onDomestic, failures .>= p.switchAfter))
                    if LaneMath.any(candidates) {
                        let target = largest(self.foreign, foreignCount, perf).chip
                        let blocked = LaneMath.unit(keys.word(switchBase, month)) .< pi
                        let switching = LaneMath.andNot(LaneMath.and(candidates, target .>= LaneInt()), blocked)
                        chip = LaneMath.select(switching, target, chip)
                        failures = LaneMath.select(switching, LaneFloat(), failures)
                        port = LaneMath.select(switching, p.portMonths, port)
                        out.switches &+= LaneMath.count(switching)
                        if R.isActive && candidates[lane] {
                            rec.switchAttempt(to: Int(target[lane]), succeeded: switching[lane])
                        }
                    }
                }
            }

            // 4. Adoption, from the running capacity sums.
            let all = domestic + foreign
            let a = LaneMath.keep(
                domestic / all, LaneMath.and(all .> LaneFloat(), all .<= LaneFloat(repeating: .greatestFiniteMagnitude))
            )
            adoption[t] = a
            if R.isActive {
                let fleets = (0..<n).map { Double(fleet[$0][lane]) }
                var copy = fleets
                copy.withUnsafeMutableBufferPointer {
                    rec.endStep(t, fleets: $0.baseAddress!, adoption: Double(a[lane]))
                }
            }
            t &+= 1
        }

        // After training: release r = tau + P + K*H.
        // K holds, from word 0 of the holds stream.
        out.completed = done._storage
        if LaneMath.any(done) {
            let u = LaneMath.unitOpenZero(keys.word(salt: holdsSalt, 0))
            let k = LaneMath.geometric(taken[1], u)
            // In double precision, each lane as the scalar definition: a
            // hold of 0 months adds 0 whatever K (K may be infinite).
            let finished = SIMDMask(LaneDouble.MaskStorage(truncatingIfNeeded: done._storage))
            let holds = LaneDouble(k)
            let months = LaneDouble(taken[2])
            let held = (holds * months).replacing(with: 0, where: .!(months .> 0))
            out.holds = out.holds.replacing(with: holds, where: finished)
            out.release = out.release.replacing(with: LaneDouble(tau) + LaneDouble(taken[0]) + held, where: finished)
        }
        if folds {
            // A fold counts when it came before the release (t < r).
            let foldStep = foldScratch.pointee
            let before = LaneDouble(foldStep) .< out.release
            for l in 0..<Self.width where before[l] { out.fold[l] = foldStep[l] }
            if R.isActive && before[lane] { rec.folded(step: Int(foldStep[lane])) }
        }
        if R.isActive { rec.release(holds: out.holds[lane], release: out.release[lane]) }
        self.out = out
    }
}
