import R2Model

extension LaneMachine {
    /// The sector's running sums of a group (model v2, spec/model-v2.md
    /// section 4): units received from step 0, domestic and all, and the
    /// same weighted by perf; the installed base, weighted by perf at step 0.
    struct SectorSums {
        var domestic = LaneDouble()
        var all = LaneDouble()
        var domesticCompute = LaneDouble()
        var allCompute = LaneDouble()
        var baseDomestic = LaneDouble()
        var baseAll = LaneDouble()
        var baseDomesticCompute = LaneDouble()
        var baseAllCompute = LaneDouble()
    }

    /// Step t of the sector: what every chip delivers to the sector (a
    /// foreign chip ship x a x (1 - sigma), a domestic one dies x yield),
    /// added to the sums; then the windows that end at t take their value.
    /// Out of line: only scenarios that describe the sector call it.
    @inline(never)
    func addSector(_ t: Int, _ s: inout SectorSums) {
        let n = chipCount
        let state = self.state
        let perf = state + StateLayout.row(StateLayout.perf, chips: n)
        if t == 0 {
            for c in 0..<n where baseNodes[c] >= 0 {
                let b = LaneDouble(LaneMath.positive(nodes[Int(truncatingIfNeeded: baseNodes[c])]))
                let compute = b * LaneDouble(perf[c])
                if isDomestic[c] {
                    s.baseDomestic += b
                    s.baseDomesticCompute += compute
                }
                s.baseAll += b
                s.baseAllCompute += compute
            }
        }
        for k in Int(sectorStartOffsets[t])..<Int(sectorStartOffsets[t &+ 1]) {
            let w = Int(truncatingIfNeeded: sectorStartList[k])
            let compute = sectorWindows[w].compute
            sectorMarks[2 &* w] = compute ? s.domesticCompute : s.domestic
            sectorMarks[2 &* w &+ 1] = compute ? s.allCompute : s.all
        }
        let sigma = state[sectorPressureSlot]
        var domestic = LaneFloat()
        var all = LaneFloat()
        var domesticCompute = LaneFloat()
        var allCompute = LaneFloat()
        for j in 0..<foreignCount {
            let c = Int(truncatingIfNeeded: foreign[j])
            let ship = state[StateLayout.slot(chip: c, StateLayout.ship, chips: n)]
            let status = state[StateLayout.slot(chip: c, StateLayout.export, chips: n)]
            let a = LaneMath.select(status .> LaneFloat(repeating: 1), LaneFloat(repeating: 1), LaneMath.positive(status))
            let units = ship * a * (1 - sigma)
            all += units
            if sectorCompute { allCompute += units * perf[c] }
        }
        let step = LaneFloat(repeating: Float(t))
        for j in 0..<domesticCount {
            let c = Int(truncatingIfNeeded: self.domestic[j])
            let make = state[StateLayout.slot(chip: c, StateLayout.sectorMake, chips: n)]
            let start = state[StateLayout.slot(chip: c, StateLayout.yieldStart, chips: n)]
            let growth = state[StateLayout.slot(chip: c, StateLayout.yieldGrowth, chips: n)]
            let cap = state[StateLayout.slot(chip: c, StateLayout.yieldCap, chips: n)]
            let g = start + growth * step
            let y = LaneMath.select(g .< cap, g, cap)
            let units = LaneMath.keep(make * y, y .> LaneFloat())
            domestic += units
            all += units
            if sectorCompute {
                domesticCompute += units * perf[c]
                allCompute += units * perf[c]
            }
        }
        s.domestic += LaneDouble(domestic)
        s.all += LaneDouble(all)
        if sectorCompute {
            s.domesticCompute += LaneDouble(domesticCompute)
            s.allCompute += LaneDouble(allCompute)
        }
        for k in Int(sectorEndOffsets[t])..<Int(sectorEndOffsets[t &+ 1]) {
            let w = Int(truncatingIfNeeded: sectorEndList[k])
            let plan = sectorWindows[w]
            let value: LaneDouble
            if plan.first < 0 {
                value =
                    plan.compute
                    ? (s.baseDomesticCompute + s.domesticCompute) / (s.baseAllCompute + s.allCompute)
                    : (s.baseDomestic + s.domestic) / (s.baseAll + s.all)
            } else {
                let (d, a) = plan.compute ? (s.domesticCompute, s.allCompute) : (s.domestic, s.all)
                value = (d - sectorMarks[2 &* w]) / (a - sectorMarks[2 &* w &+ 1])
            }
            // Nothing received: 0 / 0, undefined; stored as the one NaN
            // (the division's own has the sign bit set), so that shards
            // written as text read back to the same bits.
            sectorValues[w] = LaneFloat(value.replacing(with: .nan, where: value .!= value))
        }
    }
}
