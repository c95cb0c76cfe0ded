import Foundation
import R2Engine

extension HandWrittenLanes {
    /// The capacity-largest foreign chip of each lane (0 ... 3, the first of
    /// equals), -1 where none has capacity: the scalar loop's `bestForeign`.
    @inline(__always)
    static func bestForeign(_ c0: VD, _ c1: VD, _ c2: VD, _ c3: VD) -> VD {
        var best = VD()
        var index = VD(repeating: -1)
        var m = c0 .> best
        best = select(m, c0, best)
        index = select(m, VD(repeating: 0), index)
        m = c1 .> best
        best = select(m, c1, best)
        index = select(m, VD(repeating: 1), index)
        m = c2 .> best
        best = select(m, c2, best)
        index = select(m, VD(repeating: 2), index)
        index = select(c3 .> best, VD(repeating: 3), index)
        return index
    }

    /// Trials first ..< first + lanes (lanes <= width): their releases into
    /// `releases`, their adoption paths into the histogram `counts` and the
    /// per-lane sums `sums` (A at 2t, A^2 at 2t + 1). Lanes past `lanes` run
    /// but count nowhere.
    @inline(__always)
    static func group(
        first: Int, lanes: Int, base: UInt64, tables: Tables, counts: UnsafeMutablePointer<UInt32>,
        sums: UnsafeMutablePointer<VW>, releases: UnsafeMutablePointer<Double>
    ) {
        var r = LaneXoshiro(base: base, first: first)
        let t = tables
        let n = t.normal
        let zero = VD()
        let one = VD(repeating: 1)
        // Chips: 0 h800, 1 h100, 2 h20, 3 h200 (foreign), 4 ascend910c (domestic).
        let perf1 = positive(t.h100Perf.sample(r.next()))
        let perf2 = positive(t.h20Perf.sample(r.next()))
        let perf3 = positive(t.h200Perf.sample(r.next()))
        let perf4 = t.ascendPerf.sample(r.next(), normal: n)
        let fail0 = clamp01(t.chipFail.sample(r.next()))
        let fail1 = clamp01(t.chipFail.sample(r.next()))
        let fail2 = clamp01(t.chipFail.sample(r.next()))
        let fail3 = clamp01(t.chipFail.sample(r.next()))
        let failA = clamp01(t.ascendFail.sample(r.next()))
        let failB = clamp01(t.ascendFail2026.sample(r.next()))  // from 2026-01 (step 12)
        let f0 = t.h800Fleet.sample(r.next(), normal: n)
        let h100 = .!(unit(r.next()) .< 0.5)
        let f1 = keep(t.h100Fleet.sample(r.next(), normal: n), h100)
        var f2 = t.h20Fleet.sample(r.next(), normal: n)
        var f3 = zero
        var f4 = t.ascendFleet.sample(r.next(), normal: n)
        let licence = clamp01(t.licence.sample(r.next()))  // h20 from step 7
        let buyEarly = t.h20Buy.sample(r.next(), normal: n)
        let buyLate = t.h20BuyLate.sample(r.next(), normal: n)  // from step 7
        let buyH200 = t.h200Buy.sample(r.next(), normal: n)
        let output = t.ascendOutput.sample(r.next(), normal: n)
        let share = t.labShare.sample(r.next())
        let y0 = t.yieldStart.sample(r.next())
        let make = positive(output / 12 * share / y0)
        let yieldStart = clamp01(y0)
        let growth = 0.003 + 0.009 * unit(r.next())
        let yieldCap = clamp01(0.5 + 0.2 * unit(r.next()))
        let pressure0 = clamp01(t.pressure0.sample(r.next()))
        let pressure1 = clamp01(t.pressure1.sample(r.next()))  // step 1
        let pressure2 = clamp01(t.pressure2.sample(r.next()))  // step 4
        let pressure3 = clamp01(t.pressure3.sample(r.next()))  // step 6
        let startStep = bounded(r.next(), 2) + 1  // 2025-02 or 2025-03
        let needs = 3800 * t.needsFactor.sample(r.next(), normal: n)
        let post = t.months1to3.sample(r.next(), normal: n)
        let holdProbability = clamp01(t.hold.sample(r.next()))
        let holdMonths = t.months1to3.sample(r.next(), normal: n)
        // mixture(2 @ 25%, 3 @ 45%, 4 @ 20%, 5 @ 10%)
        let k = unit(r.next())
        let switchAfter = 5 - keep(one, k .< 0.90) - keep(one, k .< 0.70) - keep(one, k .< 0.25)
        let portMonths = t.months1to3.sample(r.next(), normal: n)
        let restartShare = clamp01(t.restart.sample(r.next()))
        // Events: reban (20%, steps 9 ... 23), beijing_ban (30%, 8 ... 17),
        // nvidia_opens (20%, 11 ... 23); the step past the horizon means never.
        let never = VD(repeating: Double(steps))
        let reban = select(unit(r.next()) .< 0.2, 9 + bounded(r.next(), 15), never)
        let beijing = select(unit(r.next()) .< 0.3, 8 + bounded(r.next(), 10), never)
        let opens = select(unit(r.next()) .< 0.2, 11 + bounded(r.next(), 13), never)
        let firstOpen = opens.min()

        let c0 = f0  // perf 1
        let c1 = f1 * perf1
        let restartThreshold = restartShare * 0x1p32
        // The chip each lane trains on: its index (-1: none yet) and, for
        // the month's arithmetic without a five-way choice, one-hot weights
        // for the chips whose fleets grow (h20, h200, ascend), the capacity of
        // a chip whose fleet is fixed (h800, h100) and the failure rate of a
        // foreign chip (the domestic one's changes at step 12).
        var chip = VD(repeating: -1)
        var onH20 = zero
        var onH200 = zero
        var onAscend = zero
        var fixedCapacity = zero
        var foreignFail = zero
        var choicePending = true
        var portPending = false
        var done = VM(repeating: false)
        var tau = zero
        var progress = zero
        var failures = zero
        var port = zero
        let stride = AdoptionSink.binStride
        var row = counts
        // Moves the lanes of `m` to chip `pick` (0 ... 4).
        @inline(__always)
        func choose(_ pick: VD, _ m: VM) {
            chip = select(m, pick, chip)
            onH20 = select(m, keep(one, pick .== 2), onH20)
            onH200 = select(m, keep(one, pick .== 3), onH200)
            onAscend = select(m, keep(one, pick .== 4), onAscend)
            let fixed = keep(c0, pick .== 0) + keep(c1, pick .== 1)
            fixedCapacity = select(m, fixed, fixedCapacity)
            let fail = keep(fail0, pick .== 0) + keep(fail1, pick .== 1) + keep(fail2, pick .== 2)
                + keep(fail3, pick .== 3)
            foreignFail = select(m, fail, foreignFail)
        }
        for step in 0..<steps {
            let time = Double(step)
            let tv = VD(repeating: time)
            let pi = select(tv .>= beijing, VD(repeating: 0.95),
                step >= 6 ? pressure3 : (step >= 4 ? pressure2 : (step >= 1 ? pressure1 : pressure0)))
            let blocked = one - pi
            // h20: allowed, banned from step 3, licensed from step 7, banned again after reban.
            if step < 3 || step >= 7 {
                let approve = keep(step >= 7 ? licence : one, tv .< reban)
                let through = double(r.next()) .< approve * blocked * 0x1p32
                f2 += keep(step >= 7 ? buyLate : buyEarly, through)
            }
            if time >= firstOpen {
                let through = (tv .>= opens) .& (double(r.next()) .< blocked * 0x1p31)
                f3 += keep(buyH200, through)
            }
            let y = minimum(yieldCap, yieldStart + growth * time)
            f4 += keep(make * y, (make .> 0) .& (y .> 0))

            let c2 = f2 * perf2
            let c3 = f3 * perf3
            let c4 = f4 * perf4
            if step >= 1 {
                let active = .!done .& (tv .>= startStep)
                if any(active) {
                    if choicePending {
                        let choosing = active .& (chip .< 0)
                        if any(choosing) {
                            let foreign = bestForeign(c0, c1, c2, c3)
                            let hasForeign = foreign .>= 0
                            let hasDomestic = c4 .> 0
                            let mandated = double(r.next()) .< pi * 0x1p32
                            let free = select(hasForeign, foreign, VD(repeating: 4))
                            let ordered = select(hasDomestic, VD(repeating: 4), foreign)
                            choose(select(mandated, ordered, free), choosing .& (hasForeign .| hasDomestic))
                        }
                        choicePending = any(chip .< 0)
                    }
                    let training = active .& (chip .>= 0)
                    // Port stall: d months left train 1 - d of the month (port >= 0).
                    var f = one
                    if portPending {
                        f = maximum(one - port, zero)
                        port = maximum(port - 1, zero)
                    }
                    let pf = foreignFail + onAscend * (step >= 12 ? failB : failA)
                    let capacity = fixedCapacity + onH20 * c2 + onH200 * c3 + onAscend * c4
                    let u = double(r.next())
                    let running = training .& (f .> 0)
                    let failed = running .& (u .< pf * 0x1p32)
                    failures += keep(one, failed)
                    let wiped = failed .& (u .< pf * restartThreshold)
                    let advancing = running .& .!failed
                    let before = progress
                    progress = keep(progress + keep(f * capacity, advancing), .!wiped)
                    let completing = advancing .& (progress .>= needs)
                    if any(completing) {
                        let remaining = needs - before
                        let rest = keep(remaining / capacity, remaining .> 0)
                        tau = select(completing, time + (one - f) + rest, tau)
                        done = done .| completing
                    }
                    let switching = training .& .!done .& (onAscend .> 0) .& (failures .>= switchAfter)
                    if any(switching) {
                        let foreign = bestForeign(c0, c1, c2, c3)
                        let free = .!(double(r.next()) .< pi * 0x1p32)
                        let moving = switching .& (foreign .>= 0) .& free
                        choose(foreign, moving)
                        failures = select(moving, zero, failures)
                        port = select(moving, portMonths, port)
                        portPending = true
                    }
                }
            }
            // Adoption: A = Dom / (Dom + For), 0 when both are 0.
            let all = c4 + c0 + c1 + c2 + c3
            let a = keep(c4 / all, all .> 0)
            addAdoption(a, lanes: lanes, row: row, sums: sums + 2 &* step)
            row += stride
        }
        // Holds: K ~ geometric(h) as the run of draws below h (h >= 1: forever).
        var holds = zero
        var holding = done .& (holdProbability .> 0)
        let threshold = holdProbability * 0x1p32
        var turns = 0
        while any(holding) && turns < 256 {
            holding = holding .& (double(r.next()) .< threshold)
            holds += keep(one, holding)
            turns &+= 1
        }
        holds = select(holdProbability .>= 1, VD(repeating: .infinity), holds)
        let release = select(
            done, tau + post + keep(holds * holdMonths, holdMonths .> 0), VD(repeating: .infinity))
        for l in 0..<lanes {
            releases[first &+ l] = release[l]
        }
    }

    /// Adds one step of every lane's adoption path: the histogram bin
    /// (`AdoptionSink`'s definition, by its branch-free form) and A, A^2 in
    /// 2^48 fixed point to the lane's sums. Lanes at and past `lanes` add
    /// nothing.
    @inline(__always)
    static func addAdoption(_ a: VD, lanes: Int, row: UnsafeMutablePointer<UInt32>, sums: UnsafeMutablePointer<VW>) {
        var x = fixed48(a)
        var x2 = fixed48(a * a)
        if lanes < VD.scalarCount {
            for l in lanes..<VD.scalarCount {
                x[l] = 0
                x2[l] = 0
            }
        }
        sums[0] &+= x
        sums[1] &+= x2
        let b = bin(a)
        for l in 0..<lanes {
            row[Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: b[l]))] &+= 1
        }
    }

    /// x 2^48 rounded to nearest, for x in [0, 1]: `AdoptionSink.fixed48Pair` of each half.
    @inline(__always)
    static func fixed48(_ x: VD) -> VW {
        VW(lowHalf: AdoptionSink.fixed48Pair(x.lowHalf), highHalf: AdoptionSink.fixed48Pair(x.highHalf))
    }

    /// The histogram bin in the low 32 bits: `AdoptionSink.binPair` of each
    /// half, 0 for A <= 0 or NaN, 1 + floor(2000 A) inside, 2001 for A >= 1.
    @inline(__always)
    static func bin(_ a: VD) -> VW {
        VW(lowHalf: AdoptionSink.binPair(a.lowHalf), highHalf: AdoptionSink.binPair(a.highHalf))
    }
}
