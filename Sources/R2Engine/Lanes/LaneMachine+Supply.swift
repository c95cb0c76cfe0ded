import R2Model

// The group step's helpers: timeline values into range, the capacity sums,
// the chips that supply this segment, the largest chip of a kind, the
// traced lane's orders, export conditions, and the programme's inputs
// taken at completion.
extension LaneMachine {
    /// P, h and H as they stand in the lanes `m` whose training completes
    /// this step (model v2: they are read in that step).
    @inline(__always)
    func takeProgrammeInputs(_ m: LaneMask) {
        let taken = programmeTaken
        taken[0] = LaneMath.select(m, state[postSlot], taken[0])
        taken[1] = LaneMath.select(m, state[holdProbabilitySlot], taken[1])
        taken[2] = LaneMath.select(m, state[holdMonthsSlot], taken[2])
    }

    /// A timeline value brought into its range (`Clamp.apply` in lanes).
    @inline(__always)
    static func clamp(_ x: LaneFloat, _ clamp: Clamp) -> LaneFloat {
        switch clamp {
        case .probability: return LaneMath.clamp01(x)
        case .nonNegative: return LaneMath.positive(x)
        case .free: return LaneMath.notNaN(x)
        }
    }

    /// Dom and For: the sums of fleet * perf over the domestic and the
    /// foreign chips, in chip order.
    @inline(__always)
    func capacities() -> (domestic: LaneFloat, foreign: LaneFloat) {
        let perf = state + StateLayout.row(StateLayout.perf, chips: chipCount)
        var d = LaneFloat()
        var f = LaneFloat()
        for c in 0..<chipCount {
            if isDomestic[c] { d += fleet[c] * perf[c] } else { f += fleet[c] * perf[c] }
        }
        return (d, f)
    }

    /// Sets each chip's amount (and a foreign chip's chance of delivery)
    /// for the current segment, and lists the foreign chips that may
    /// deliver in some lane, then the domestic chips that make in some lane.
    ///
    /// Transparent, as `largest`: at 16 lanes the optimizer left both as
    /// calls despite `@inline(__always)`, and a call in the month loop
    /// spills every live vector around it (6% more instructions a trial).
    @_transparent
    func listSuppliers() -> (foreign: Int, domestic: Int) {
        let n = chipCount
        let state = self.state
        let pi = state[StateLayout.pressure]
        var k = 0
        for j in 0..<foreignCount {
            let c = Int(truncatingIfNeeded: foreign[j])
            let buy = state[StateLayout.slot(chip: c, StateLayout.buy, chips: n)]
            let status = state[StateLayout.slot(chip: c, StateLayout.export, chips: n)]
            let a = LaneMath.select(
                status .> LaneFloat(repeating: 1), LaneFloat(repeating: 1), LaneMath.positive(status))
            let orders = (buy .> LaneFloat()) & (a .> LaneFloat())
            let d = a * (1 - pi)
            amount[c] = LaneMath.keep(buy, orders)
            deliver[c] = d
            if LaneMath.any(orders & (d .> LaneFloat())) {
                suppliers[k] = Int32(truncatingIfNeeded: c)
                supplierDraws[k] = LaneMath.any(orders & (d .< LaneFloat(repeating: 1)))
                k &+= 1
            }
        }
        let foreignSuppliers = k
        for j in 0..<domesticCount {
            let c = Int(truncatingIfNeeded: domestic[j])
            let make = state[StateLayout.slot(chip: c, StateLayout.make, chips: n)]
            let makes = make .> LaneFloat()
            amount[c] = LaneMath.keep(make, makes)
            if LaneMath.any(makes) {
                suppliers[k] = Int32(truncatingIfNeeded: c)
                k &+= 1
            }
        }
        return (foreignSuppliers, k &- foreignSuppliers)
    }

    /// The chip among `list` with the largest capacity fleet * perf > 0
    /// (the first on ties) in each lane, or -1.
    @_transparent
    func largest(_ list: LaneBuffer<Int32>, _ count: Int, _ perf: UnsafeMutablePointer<LaneFloat>)
        -> (chip: LaneInt, capacity: LaneFloat)
    {
        var best = LaneInt(repeating: -1)
        var bestCapacity = LaneFloat()
        for j in 0..<count {
            let c = Int(truncatingIfNeeded: list[j])
            let capacity = fleet[c] * perf[c]
            let m = capacity .> bestCapacity
            best = LaneMath.select(m, LaneInt(repeating: list[j]), best)
            bestCapacity = LaneMath.select(m, capacity, bestCapacity)
        }
        return (best, bestCapacity)
    }

    /// Records the month's order of every foreign chip that orders in the
    /// traced lane, refused ones too, from the same draw as the group's.
    @inline(never)
    func recordForeignSupply<R: TrialRecorder>(_ t: Int, _ keys: LaneRandom.Keys, _ rec: inout R) {
        let l = rec.lane
        let n = chipCount
        for j in 0..<foreignCount {
            let c = Int(truncatingIfNeeded: foreign[j])
            let buy = state[StateLayout.slot(chip: c, StateLayout.buy, chips: n)][l]
            guard buy > 0 else { continue }
            let status = state[StateLayout.slot(chip: c, StateLayout.export, chips: n)][l]
            let a: Float = status > 1 ? 1 : (status > 0 ? status : 0)
            let u = LaneMath.unit(keys.word(orderBases[c], UInt32(truncatingIfNeeded: t)))[l]
            let outcome: SupplyOutcome
            if a > 0 && u < deliver[c][l] {
                outcome = .delivered
            } else if u < a {
                outcome = .blocked
            } else {
                outcome = status < 0 ? .banned : .refused
            }
            rec.supply(chip: c, outcome: outcome, added: outcome == .delivered ? Double(buy) : 0)
        }
    }

    func checkExports(_ t: Int, _ out: inout Outcome) {
        for j in 0..<exportCheckCount {
            let check = exportChecks[j]
            guard Int(check.step) == t else { continue }
            let status = state[Int(check.stateSlot)]
            for l in 0..<Self.width where StateLayout.exportKind(Double(status[l])) != check.kind {
                out.exportsHold[l] = 0
            }
        }
    }
}
