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
        state.update(from: defaults, count: stateCount)
        for j in 0..<foreignCount {
            let c = Int(truncatingIfNeeded: foreign[j])
            orderBases[c] = keys.base(orderSalts[c])
        }
        // The programme's inputs, from the clock's start; timelines may
        // change them (model v2). C and rho stay in registers as in v1; P,
        // h, H and phi are read from the state where used, and the P, h, H
        // taken at completion and the fold step live in the scratch, so that
        // a v1 scenario keeps as many values live as before.
        state[needsSlot] = p.needs
        state[restartSlot] = p.restart
        state[postSlot] = p.post
        state[holdProbabilitySlot] = p.holdProbability
        state[holdMonthsSlot] = p.holdMonths
        state[foldSlot] = p.fold
        let taken = programmeTaken
        taken[0] = p.post
        taken[1] = p.holdProbability
        taken[2] = p.holdMonths
        foldScratch.pointee = LaneFloat(repeating: .infinity)

        var g = GroupRun(keys: keys, programme: p, machine: self, lane: R.isActive ? rec.lane : 0)
        var t = 0
        while t < steps {
            let changed = applyTimelines(t, &g, &rec)
            supply(t, changed: changed, &g, &rec)
            train(t, &g, &rec)
            recordAdoption(t, &g, &rec)
            t &+= 1
        }
        release(&g, &rec)
    }

    /// What a group carries from step to step: its streams' bases, its
    /// programme, and each trial's running values (in registers once the
    /// stages are inlined into `runGroup`).
    struct GroupRun {
        let keys: LaneRandom.Keys
        let p: Programme
        let mandateBase: LaneWord
        let failureBase: LaneWord
        let switchBase: LaneWord
        let foldBase: LaneWord
        /// The lane a trace records.
        let lane: Int
        /// C and rho as they stand (timelines may change them, model v2).
        var needs: LaneFloat
        var restartP: LaneFloat
        /// The sector's running sums (model v2): domestic and all units,
        /// and the same weighted by perf, from step 0; the installed base.
        var sector = SectorSums()
        var out = Outcome()
        /// The training chip (-1: none yet), whether training completed
        /// and when, progress, failures on the chip, porting months left.
        var chip = LaneInt(repeating: -1)
        var done = LaneMask(repeating: false)
        var tau = LaneFloat()
        var progress = LaneFloat()
        var failures = LaneFloat()
        var port = LaneFloat()
        /// The capacity sums, kept up to date as supply adds to the fleets.
        var domestic: LaneFloat
        var foreign: LaneFloat
        /// The chips that supply in some lane: foreign ones, then domestic.
        var foreignSuppliers: Int
        var domesticSuppliers: Int
        /// Pressure pi of the current step.
        var pi = LaneFloat()

        @_transparent
        init(keys: LaneRandom.Keys, programme: Programme, machine m: LaneMachine, lane: Int) {
            self.keys = keys
            p = programme
            mandateBase = keys.base(m.mandateSalt)
            failureBase = keys.base(m.failureSalt)
            switchBase = keys.base(m.switchSalt)
            foldBase = keys.base(m.foldSalt)
            self.lane = lane
            needs = programme.needs
            restartP = programme.restart
            out.exportsHold = LaneInt(repeating: -1)
            (domestic, foreign) = m.capacities()
            (foreignSuppliers, domesticSuppliers) = m.listSuppliers()
        }
    }

    /// 1. Timelines: the entries of step t in entry order, the static ones
    /// in every lane, the dynamic ones where they act at t; then pressure
    /// and the export checks. Returns whether any entry acted.
    @_transparent
    func applyTimelines<R: TrialRecorder>(_ t: Int, _ g: inout GroupRun, _ rec: inout R) -> Bool {
        let state = self.state
        let lane = g.lane
        let t32 = Int32(truncatingIfNeeded: t)
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
            if effects & Effect.capacity != 0 { (g.domestic, g.foreign) = capacities() }
            (g.foreignSuppliers, g.domesticSuppliers) = listSuppliers()
            if effects & Effect.programme != 0 {
                // A lower target that progress already meets completes
                // training at the start of the step (spec/model-v2.md, 1).
                let lowered = state[needsSlot]
                let trained = (LaneInt(repeating: t32) .> g.p.startStep) & ~g.done
                let completes = trained & (lowered .< g.needs) & (g.progress .>= lowered)
                g.needs = lowered
                g.restartP = state[restartSlot]
                if LaneMath.any(completes) {
                    g.tau = LaneMath.select(completes, LaneFloat(repeating: Float(t)), g.tau)
                    g.done = g.done | completes
                    takeProgrammeInputs(completes)
                    if R.isActive && completes[lane] { rec.completed(tau: Double(g.tau[lane])) }
                }
            }
        }
        g.pi = state[StateLayout.pressure]
        if R.isActive { rec.beginStep(t, pressure: Double(g.pi[lane])) }
        if exportCheckCount > 0 { checkExports(t, &g.out) }
        return entriesAct
    }

    /// 2. Supply. An order is approved with probability a (1 allowed, p
    /// licensed, 0 banned), then blocked with probability pi: it is
    /// delivered when its month's draw u < a (1 - pi). Then the sector's
    /// step and the fold draw.
    @_transparent
    func supply<R: TrialRecorder>(_ t: Int, changed: Bool, _ g: inout GroupRun, _ rec: inout R) {
        let state = self.state
        let fleet = self.fleet
        let n = chipCount
        let perf = state + StateLayout.row(StateLayout.perf, chips: n)
        let lane = g.lane
        let t32 = Int32(truncatingIfNeeded: t)
        let month = UInt32(truncatingIfNeeded: t)
        if R.isActive { recordForeignSupply(t, g.keys, &rec) }
        for k in 0..<g.foreignSuppliers {
            let c = Int(truncatingIfNeeded: suppliers[k])
            var added = amount[c]
            if supplierDraws[k] {
                let u = LaneMath.unit(g.keys.word(orderBases[c], month))
                added = LaneMath.keep(added, u .< deliver[c])
            }
            fleet[c] += added
            g.foreign += added * perf[c]
        }
        let growthStep = LaneFloat(repeating: Float(t))
        for k in g.foreignSuppliers..<(g.foreignSuppliers &+ g.domesticSuppliers) {
            let c = Int(truncatingIfNeeded: suppliers[k])
            let start = state[StateLayout.slot(chip: c, StateLayout.yieldStart, chips: n)]
            let growth = state[StateLayout.slot(chip: c, StateLayout.yieldGrowth, chips: n)]
            let cap = state[StateLayout.slot(chip: c, StateLayout.yieldCap, chips: n)]
            let grown = start + growth * growthStep
            let y = LaneMath.select(grown .< cap, grown, cap)
            let added = LaneMath.keep(amount[c] * y, y .> LaneFloat())
            fleet[c] += added
            g.domestic += added * perf[c]
            if R.isActive && amount[c][lane] > 0 {
                rec.supply(chip: c, outcome: .produced, added: Double(added[lane]))
            }
        }

        if hasSector { addSector(t, &g.sector, changed: changed) }
        // The fold draw of step t, in the lanes past the programme's
        // start that have not folded (a fold after the release is
        // dropped below); none where phi is 0 in every lane (a fold
        // dated later), which draws nothing either way.
        if folds, LaneMath.any(state[foldSlot] .> LaneFloat()) {
            let foldStep = foldScratch.pointee
            let eligible =
                (LaneInt(repeating: t32) .>= g.p.startStep) & (foldStep .== LaneFloat(repeating: .infinity))
            if LaneMath.any(eligible) {
                let u = LaneMath.unit(g.keys.word(g.foldBase, month))
                foldScratch.pointee = LaneMath.select(
                    eligible & (u .< state[foldSlot]), growthStep, foldStep)
            }
        }

    }

    /// 3. Training, in the lanes whose programme has started and not finished.
    @_transparent
    func train<R: TrialRecorder>(_ t: Int, _ g: inout GroupRun, _ rec: inout R) {
        let state = self.state
        let fleet = self.fleet
        let n = chipCount
        let perf = state + StateLayout.row(StateLayout.perf, chips: n)
        let fail = state + StateLayout.row(StateLayout.fail, chips: n)
        let lane = g.lane
        let t32 = Int32(truncatingIfNeeded: t)
        let month = UInt32(truncatingIfNeeded: t)
        let growthStep = LaneFloat(repeating: Float(t))
        let one = LaneFloat(repeating: 1)
        let active = (LaneInt(repeating: t32) .>= g.p.startStep) & ~g.done
        if LaneMath.any(active) {
            let undecided = active & (g.chip .< LaneInt())
            if LaneMath.any(undecided) {
                // The chip of each kind with the largest capacity, ties
                // (none with capacity included) to the one declared first;
                // -1 when the scenario has no chip of that kind.
                let none = LaneInt(repeating: -1)
                let withForeign = largest(self.foreign, foreignCount, perf).chip
                let withDomestic = largest(self.domestic, domesticCount, perf).chip
                let firstForeign = foreignCount > 0 ? LaneInt(repeating: foreign[0]) : none
                let firstDomestic = domesticCount > 0 ? LaneInt(repeating: domestic[0]) : none
                let anyForeign = LaneMath.select(withForeign .>= LaneInt(), withForeign, firstForeign)
                let anyDomestic = LaneMath.select(withDomestic .>= LaneInt(), withDomestic, firstDomestic)
                // Mandated: the domestic chip with the largest capacity (if
                // none has capacity, the foreign one with the largest); not
                // mandated: the foreign one (if none has capacity, the
                // domestic one), spec/model-v1.md step 3, taken at the first
                // training step even when no chip has capacity yet. Only a
                // scenario without chips has none to take.
                let ifMandated = LaneMath.select(
                    withDomestic .>= LaneInt(), withDomestic,
                    LaneMath.select(anyForeign .>= LaneInt(), anyForeign, anyDomestic))
                let ifFree = LaneMath.select(
                    withForeign .>= LaneInt(), withForeign,
                    LaneMath.select(anyDomestic .>= LaneInt(), anyDomestic, anyForeign))
                let choosing = undecided & (ifFree .>= LaneInt())
                var mandated = LaneMask(repeating: false)
                if LaneMath.any(choosing) {
                    mandated = LaneMath.unit(g.keys.word(g.mandateBase, month)) .< g.pi
                    let pick = LaneMath.select(mandated, ifMandated, ifFree)
                    g.chip = LaneMath.select(choosing, pick, g.chip)
                    g.out.mandated |= (choosing & mandated)._storage
                }
                if R.isActive && undecided[lane] {
                    if choosing[lane] {
                        rec.platform(chip: Int(g.chip[lane]), mandated: mandated[lane])
                    } else {
                        rec.noChipToTrainOn()
                    }
                }
            }
            let training = active & (g.chip .>= LaneInt())
            if LaneMath.any(training) {
                let porting = training & (g.port .> LaneFloat())
                let f = LaneMath.select(porting, LaneMath.positive(1 - g.port), one)
                g.port = LaneMath.select(porting, LaneMath.positive(g.port - 1), g.port)
                if R.isActive && training[lane] {
                    rec.training(chip: Int(g.chip[lane]), fraction: Double(f[lane]), portLeft: Double(g.port[lane]))
                }
                // The training chip's failure rate, capacity and origin.
                var pf = LaneFloat()
                var capacity = LaneFloat()
                var onDomestic = LaneMask(repeating: false)
                for c in 0..<n {
                    let m = g.chip .== LaneInt(repeating: Int32(truncatingIfNeeded: c))
                    pf = LaneMath.select(m, fail[c], pf)
                    capacity = LaneMath.select(m, fleet[c] * perf[c], capacity)
                    if isDomestic[c] { onDomestic = onDomestic | m }
                }
                // One draw u: a failure when u < fail, a restart when u < fail * rho.
                let working = training & (f .> LaneFloat())
                let u = LaneMath.unit(g.keys.word(g.failureBase, month))
                let failed = working & (u .< pf)
                let restart = failed & (u .< pf * g.restartP)
                g.failures += LaneMath.keep(one, failed)
                g.out.failures &+= LaneMath.count(failed)
                g.out.restarts &+= LaneMath.count(restart)
                g.progress = LaneMath.select(restart, LaneFloat(), g.progress)
                let working2 = working & ~failed
                let before = g.progress
                let added = f * capacity
                g.progress = LaneMath.select(working2, g.progress + added, g.progress)
                let completing = working2 & (g.progress .>= g.needs)
                if LaneMath.any(completing) {
                    if programmeTimelines { takeProgrammeInputs(completing) }
                    let remaining = g.needs - before
                    // An infinite capacity (single-precision overflow) completes at once.
                    let rest = LaneMath.keep(
                        remaining / capacity,
                        (remaining .> LaneFloat()) & (capacity .< LaneFloat(repeating: .infinity)))
                    g.tau = LaneMath.select(completing, (growthStep + (1 - f)) + rest, g.tau)
                    g.done = g.done | completing
                }
                if R.isActive && working[lane] {
                    if failed[lane] {
                        rec.failure(failures: Int(g.failures[lane]), restart: restart[lane])
                    } else {
                        rec.progress(added: Double(added[lane]), total: Double(g.progress[lane]))
                        if completing[lane] { rec.completed(tau: Double(g.tau[lane])) }
                    }
                }
                let candidates = training & ~g.done & onDomestic & (g.failures .>= g.p.switchAfter)
                if LaneMath.any(candidates) {
                    let target = largest(self.foreign, foreignCount, perf).chip
                    let blocked = LaneMath.unit(g.keys.word(g.switchBase, month)) .< g.pi
                    let switching = candidates & (target .>= LaneInt()) & ~blocked
                    g.chip = LaneMath.select(switching, target, g.chip)
                    g.failures = LaneMath.select(switching, LaneFloat(), g.failures)
                    g.port = LaneMath.select(switching, g.p.portMonths, g.port)
                    g.out.switches &+= LaneMath.count(switching)
                    if R.isActive && candidates[lane] {
                        rec.switchAttempt(to: Int(target[lane]), succeeded: switching[lane])
                    }
                }
            }
        }

    }

    /// 4. Adoption, from the running capacity sums.
    @_transparent
    func recordAdoption<R: TrialRecorder>(_ t: Int, _ g: inout GroupRun, _ rec: inout R) {
        let lane = g.lane
        let n = chipCount
        let all = g.domestic + g.foreign
        let a = LaneMath.keep(
            g.domestic / all, (all .> LaneFloat()) & (all .<= LaneFloat(repeating: .greatestFiniteMagnitude)))
        adoption[t] = a
        if R.isActive {
            let fleets = (0..<n).map { Double(fleet[$0][lane]) }
            var copy = fleets
            copy.withUnsafeMutableBufferPointer {
                rec.endStep(t, fleets: $0.baseAddress!, adoption: Double(a[lane]))
            }
        }
    }

    /// After training: release r = tau + P + K*H, and the fold if it came first.
    @_transparent
    func release<R: TrialRecorder>(_ g: inout GroupRun, _ rec: inout R) {
        let taken = programmeTaken
        let keys = g.keys
        let lane = g.lane
        let done = g.done
        let tau = g.tau
        // K holds, from word 0 of the holds stream.
        g.out.completed = done._storage
        if LaneMath.any(done) {
            let u = LaneMath.unitOpenZero(keys.word(salt: holdsSalt, 0))
            let k = LaneMath.geometric(taken[1], u)
            // In double precision, each lane as the scalar definition: a
            // hold of 0 months adds 0 whatever K (K may be infinite).
            let finished = SIMDMask(LaneDouble.MaskStorage(truncatingIfNeeded: done._storage))
            let holds = LaneDouble(k)
            let months = LaneDouble(taken[2])
            let held = (holds * months).replacing(with: 0, where: .!(months .> 0))
            g.out.holds = g.out.holds.replacing(with: holds, where: finished)
            g.out.release = g.out.release.replacing(
                with: LaneDouble(tau) + LaneDouble(taken[0]) + held, where: finished)
        }
        if folds {
            // A fold counts when it came before the release (t < r).
            let foldStep = foldScratch.pointee
            let before = LaneDouble(foldStep) .< g.out.release
            for l in 0..<Self.width where before[l] { g.out.fold[l] = foldStep[l] }
            if R.isActive && before[lane] { rec.folded(step: Int(foldStep[lane])) }
        }
        if R.isActive { rec.release(holds: g.out.holds[lane], release: g.out.release[lane]) }
        self.out = g.out
    }
}
