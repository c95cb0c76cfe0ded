import R2Model

// The machine's small types and conversions: a sector window's plan, an
// export condition, a group's outcome, the step of a month, and the arena
// the buffers live in.
extension LaneMachine {
    /// A sector window as the group computes it: its first and last step
    /// (an installed share: first -1), and whether it weighs by perf.
    struct SectorPlan {
        var first: Int32
        var last: Int32
        var compute: Bool
    }

    /// An `export` condition, checked at its step.
    struct ExportCheck {
        var stateSlot: Int32
        var step: Int32
        var kind: ExportKind
    }

    /// The step an absolute (continuous) month acts in: floor, minus the
    /// clock's start; dates before the start act from step 0; `steps` (never)
    /// for months after the end and for NaN.
    @inline(__always)
    static func step(ofMonth x: Double, _ clockStart: Int, _ steps: Int) -> Int {
        let m = x.rounded(.down) - Double(clockStart)
        if m >= 0 { return m < Double(steps) ? Int(m) : steps }
        if m < 0 { return 0 }
        return steps
    }

    /// `step(ofMonth:)` of each lane, in lanes: floor(x) - start clamped to
    /// [0, steps], NaN to `steps`.
    @inline(__always)
    func monthSteps(_ x: LaneFloat) -> LaneInt {
        let m = x.rounded(.down) - LaneFloat(repeating: Float(clockStart))
        let never = LaneFloat(repeating: Float(steps))
        var c = LaneMath.select(m .< never, m, never)
        c = LaneMath.select(m .< LaneFloat(), LaneFloat(), c)
        // c is a whole number in [0, 2^22): 2^23 + c holds it in its low bits.
        return unsafeBitCast(c + 0x1p23, to: LaneInt.self) &- LaneInt(repeating: 0x4B00_0000)
    }

    /// The group's results, lane by lane.
    struct Outcome {
        /// r in months after the clock's start; +infinity when training never completed.
        var release = LaneDouble(repeating: .infinity)
        var holds = LaneDouble()
        var completed = LaneInt()
        var failures = LaneInt()
        var restarts = LaneInt()
        var switches = LaneInt()
        var mandated = LaneInt()
        /// All ones where every `export` condition held.
        var exportsHold = LaneInt()
        /// F, the step in which the programme folded (before its release);
        /// +infinity when it did not (model v2).
        var fold = LaneFloat(repeating: .infinity)
    }

    /// The sector windows a run computes: the calendar years of the clock,
    /// then `extra`, as steps.
    static func sectorPlans(_ compiled: CompiledScenario, extra: [SectorWindow]) -> [SectorPlan] {
        guard compiled.hasSector else { return [] }
        let start = compiled.clock.start
        return (compiled.sectorYears + extra).map { w in
            switch w.kind {
            case .share(let first, let last):
                return SectorPlan(first: Int32(first - start), last: Int32(last - start), compute: w.compute)
            case .installed(let m):
                return SectorPlan(first: -1, last: Int32(m - start), compute: w.compute)
            }
        }
    }
}
