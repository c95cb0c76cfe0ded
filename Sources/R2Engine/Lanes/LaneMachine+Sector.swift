import R2Model

extension LaneMachine {
    /// The sector's installed base in a group (model v2, spec/model-v2.md
    /// section 4): domestic and all units at the clock's start, and the same
    /// weighted by perf at step 0.
    struct SectorSums {
        var baseDomestic = LaneFloat()
        var baseAll = LaneFloat()
        var baseDomesticCompute = LaneFloat()
        var baseAllCompute = LaneFloat()
        /// What the foreign chips deliver a month (and its compute): the
        /// same from one timeline change to the next, so computed again
        /// only at steps where some statement acts.
        var foreign = LaneFloat()
        var foreignCompute = LaneFloat()
    }

    /// Step t of the sector: what every chip delivers to the sector (a
    /// foreign chip ship x a x (1 - sigma), a domestic one dies x yield),
    /// added to the sums of the windows open at t (in single precision: a
    /// window of a few dozen months loses nothing a share shows); then the
    /// windows that end at t take their value. Out of line: only scenarios
    /// that describe the sector call it.
    @inline(never)
    func addSector(_ t: Int, _ s: inout SectorSums, changed: Bool) {
        let n = chipCount
        let state = self.state
        let perf = state + StateLayout.row(StateLayout.perf, chips: n)
        if t == 0 {
            for c in 0..<n where baseNodes[c] >= 0 {
                let b = LaneMath.positive(nodes[Int(truncatingIfNeeded: baseNodes[c])])
                if isDomestic[c] {
                    s.baseDomestic += b
                    s.baseDomesticCompute += b * perf[c]
                }
                s.baseAll += b
                s.baseAllCompute += b * perf[c]
            }
        }
        if changed || t == 0 {
            let sigma = state[sectorPressureSlot]
            var units = LaneFloat()
            var compute = LaneFloat()
            for j in 0..<sectorForeignCount {
                let c = Int(truncatingIfNeeded: sectorChips[j])
                let ship = state[StateLayout.slot(chip: c, StateLayout.ship, chips: n)]
                let status = state[StateLayout.slot(chip: c, StateLayout.export, chips: n)]
                let a = LaneMath.select(
                    status .> LaneFloat(repeating: 1), LaneFloat(repeating: 1), LaneMath.positive(status))
                let u = ship * a * (1 - sigma)
                units += u
                if sectorCompute { compute += u * perf[c] }
            }
            s.foreign = units
            s.foreignCompute = compute
        }
        var domestic = LaneFloat()
        var all = s.foreign
        var domesticCompute = LaneFloat()
        var allCompute = s.foreignCompute
        let step = LaneFloat(repeating: Float(t))
        for j in sectorForeignCount..<sectorChipCount {
            let c = Int(truncatingIfNeeded: sectorChips[j])
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
        let sums = sectorMarks
        for k in Int(sectorStartOffsets[t])..<Int(sectorStartOffsets[t &+ 1]) {
            let w = Int(truncatingIfNeeded: sectorStartList[k])
            let compute = sectorWindows[w].compute
            sums[2 &* w] = sectorWindows[w].first < 0 ? (compute ? s.baseDomesticCompute : s.baseDomestic) : LaneFloat()
            sums[2 &* w &+ 1] = sectorWindows[w].first < 0 ? (compute ? s.baseAllCompute : s.baseAll) : LaneFloat()
        }
        for k in Int(sectorOpenOffsets[t])..<Int(sectorOpenOffsets[t &+ 1]) {
            let w = Int(truncatingIfNeeded: sectorOpenList[k])
            let compute = sectorWindows[w].compute
            sums[2 &* w] += compute ? domesticCompute : domestic
            sums[2 &* w &+ 1] += compute ? allCompute : all
        }
        for k in Int(sectorEndOffsets[t])..<Int(sectorEndOffsets[t &+ 1]) {
            let w = Int(truncatingIfNeeded: sectorEndList[k])
            let value = sums[2 &* w] / sums[2 &* w &+ 1]
            // Nothing received: 0 / 0, undefined; stored as the one NaN
            // (the division's own has the sign bit set), so that shards
            // written as text read back to the same bits.
            sectorValues[w] = value.replacing(with: .nan, where: value .!= value)
        }
    }
}
