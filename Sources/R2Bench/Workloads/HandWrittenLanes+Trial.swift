import Foundation
import R2Engine

extension HandWrittenLanes {
    /// The capacity-largest foreign chip of each lane (0 ... 3, the first of
    /// equals), -1 where none has capacity: the scalar loop's `bestForeign`.
    @inline(__always)
    static func bestForeign(_ c0: VF, _ c1: VF, _ c2: VF, _ c3: VF) -> VF {
        var best = VF()
        var index = VF(repeating: -1)
        var m = c0 .> best
        best = Math.select(m, c0, best)
        index = Math.select(m, VF(repeating: 0), index)
        m = c1 .> best
        best = Math.select(m, c1, best)
        index = Math.select(m, VF(repeating: 1), index)
        m = c2 .> best
        best = Math.select(m, c2, best)
        index = Math.select(m, VF(repeating: 2), index)
        index = Math.select(c3 .> best, VF(repeating: 3), index)
        return index
    }

    /// The chip each lane trains on: its index (-1: none yet) and, for the
    /// month's arithmetic without a five-way choice, one-hot weights for the
    /// chips whose fleets grow (h20, h200, ascend), the capacity of a chip
    /// whose fleet is fixed (h800, h100) and the failure rate of a foreign
    /// chip (the domestic one's changes at step 12).
    struct Training {
        var chip = VF(repeating: -1)
        var h20 = VF()
        var h200 = VF()
        var ascend = VF()
        var fixedCapacity = VF()
        var foreignFail = VF()

        /// Moves the lanes of `m` to chip `pick` (0 ... 4).
        @inline(__always)
        mutating func choose(_ pick: VF, _ m: VM, _ c0: VF, _ c1: VF, _ fails: (VF, VF, VF, VF)) {
            let one = VF(repeating: 1)
            chip = Math.select(m, pick, chip)
            h20 = Math.select(m, Math.keep(one, pick .== 2), h20)
            h200 = Math.select(m, Math.keep(one, pick .== 3), h200)
            ascend = Math.select(m, Math.keep(one, pick .== 4), ascend)
            let fixed = Math.keep(c0, pick .== 0) + Math.keep(c1, pick .== 1)
            fixedCapacity = Math.select(m, fixed, fixedCapacity)
            let fail =
                Math.keep(fails.0, pick .== 0) + Math.keep(fails.1, pick .== 1) + Math.keep(fails.2, pick .== 2)
                + Math.keep(fails.3, pick .== 3)
            foreignFail = Math.select(m, fail, foreignFail)
        }
    }

    /// A group of `width` trials, and one of fewer (the run's last), each
    /// compiled with its lane count known. Not inlined: one call a group.
    @inline(never)
    static func fullGroup(
        first: Int, base: UInt64, tables: Tables, counts: UnsafeMutablePointer<UInt32>,
        sums: UnsafeMutablePointer<VW>, releases: UnsafeMutablePointer<Double>
    ) {
        group(first: first, lanes: width, base: base, tables: tables, counts: counts, sums: sums, releases: releases)
    }

    @inline(never)
    static func partialGroup(
        first: Int, lanes: Int, base: UInt64, tables: Tables, counts: UnsafeMutablePointer<UInt32>,
        sums: UnsafeMutablePointer<VW>, releases: UnsafeMutablePointer<Double>
    ) {
        group(first: first, lanes: lanes, base: base, tables: tables, counts: counts, sums: sums, releases: releases)
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
        let zero = VF()
        let one = VF(repeating: 1)
        // Chips: 0 h800, 1 h100, 2 h20, 3 h200 (foreign), 4 ascend910c (domestic).
        let perf1 = Math.positive(t.h100Perf.sample(r.next()))
        let perf2 = Math.positive(t.h20Perf.sample(r.next()))
        let perf3 = Math.positive(t.h200Perf.sample(r.next()))
        let perf4 = t.ascendPerf.sample(r.next(), normal: n)
        let fail0 = Math.clamp01(t.chipFail.sample(r.next()))
        let fail1 = Math.clamp01(t.chipFail.sample(r.next()))
        let fail2 = Math.clamp01(t.chipFail.sample(r.next()))
        let fail3 = Math.clamp01(t.chipFail.sample(r.next()))
        let failA = Math.clamp01(t.ascendFail.sample(r.next()))
        let failB = Math.clamp01(t.ascendFail2026.sample(r.next()))  // from 2026-01 (step 12)
        let f0 = t.h800Fleet.sample(r.next(), normal: n)
        let h100 = .!(Math.unit(r.next()) .< 0.5)
        let f1 = Math.keep(t.h100Fleet.sample(r.next(), normal: n), h100)
        var f2 = t.h20Fleet.sample(r.next(), normal: n)
        var f3 = zero
        var f4 = t.ascendFleet.sample(r.next(), normal: n)
        let licence = Math.clamp01(t.licence.sample(r.next()))  // h20 from step 7
        let buyEarly = t.h20Buy.sample(r.next(), normal: n)
        let buyLate = t.h20BuyLate.sample(r.next(), normal: n)  // from step 7
        let buyH200 = t.h200Buy.sample(r.next(), normal: n)
        let output = t.ascendOutput.sample(r.next(), normal: n)
        let share = t.labShare.sample(r.next())
        let y0 = t.yieldStart.sample(r.next())
        let make = Math.positive(output / 12 * share / y0)
        let yieldStart = Math.clamp01(y0)
        let growth = 0.003 + 0.009 * Math.unit(r.next())
        let yieldCap = Math.clamp01(0.5 + 0.2 * Math.unit(r.next()))
        let pressure0 = Math.clamp01(t.pressure0.sample(r.next()))
        let pressure1 = Math.clamp01(t.pressure1.sample(r.next()))  // step 1
        let pressure2 = Math.clamp01(t.pressure2.sample(r.next()))  // step 4
        let pressure3 = Math.clamp01(t.pressure3.sample(r.next()))  // step 6
        let startStep = bounded(r.next(), 2) + 1  // 2025-02 or 2025-03
        let needs = 3800 * t.needsFactor.sample(r.next(), normal: n)
        let post = t.months1to3.sample(r.next(), normal: n)
        let holdProbability = Math.clamp01(t.hold.sample(r.next()))
        let holdMonths = t.months1to3.sample(r.next(), normal: n)
        // mixture(2 @ 25%, 3 @ 45%, 4 @ 20%, 5 @ 10%)
        let k = Math.unit(r.next())
        let switchAfter = 5 - Math.keep(one, k .< 0.90) - Math.keep(one, k .< 0.70) - Math.keep(one, k .< 0.25)
        let portMonths = t.months1to3.sample(r.next(), normal: n)
        let restartShare = Math.clamp01(t.restart.sample(r.next()))
        // Events: reban (20%, steps 9 ... 23), beijing_ban (30%, 8 ... 17),
        // nvidia_opens (20%, 11 ... 23); the step past the horizon means never.
        let never = VF(repeating: Float(steps))
        let reban = Math.select(Math.unit(r.next()) .< 0.2, 9 + bounded(r.next(), 15), never)
        let beijing = Math.select(Math.unit(r.next()) .< 0.3, 8 + bounded(r.next(), 10), never)
        let opens = Math.select(Math.unit(r.next()) .< 0.2, 11 + bounded(r.next(), 13), never)
        let firstOpen = opens.min()

        let c0 = f0  // perf 1
        let c1 = f1 * perf1
        let restartThreshold = restartShare * 0x1p23
        // The chip each lane trains on, as one-hot weights (`Training`).
        var on = Training()
        var choicePending = true
        var portPending = false
        var done = VM(repeating: false)
        var tau = zero
        var progress = zero
        var failures = zero
        var port = zero
        let stride = AdoptionSink.binStride
        var row = counts
        let fails = (fail0, fail1, fail2, fail3)
        for step in 0..<steps {
            let time = Float(step)
            let tv = VF(repeating: time)
            let pi = Math.select(
                tv .>= beijing, VF(repeating: 0.95),
                step >= 6 ? pressure3 : (step >= 4 ? pressure2 : (step >= 1 ? pressure1 : pressure0)))
            let blocked = one - pi
            // h20: allowed, banned from step 3, licensed from step 7, banned again after reban.
            if step < 3 || step >= 7 {
                let approve = Math.keep(step >= 7 ? licence : one, tv .< reban)
                let through = top23(r.next()) .< approve * blocked * 0x1p23
                f2 += Math.keep(step >= 7 ? buyLate : buyEarly, through)
            }
            if time >= firstOpen {
                let through = (tv .>= opens) .& (top23(r.next()) .< blocked * 0x1p22)
                f3 += Math.keep(buyH200, through)
            }
            let y = Math.minimum(yieldCap, yieldStart + growth * time)
            f4 += Math.keep(make * y, (make .> 0) .& (y .> 0))

            let c2 = f2 * perf2
            let c3 = f3 * perf3
            let c4 = f4 * perf4
            if step >= 1 {
                let active = .!done .& (tv .>= startStep)
                if any(active) {
                    if choicePending {
                        let choosing = active .& (on.chip .< 0)
                        if any(choosing) {
                            let foreign = bestForeign(c0, c1, c2, c3)
                            let hasForeign = foreign .>= 0
                            let hasDomestic = c4 .> 0
                            let mandated = top23(r.next()) .< pi * 0x1p23
                            let free = Math.select(hasForeign, foreign, VF(repeating: 4))
                            let ordered = Math.select(hasDomestic, VF(repeating: 4), foreign)
                            on.choose(
                                Math.select(mandated, ordered, free), choosing .& (hasForeign .| hasDomestic), c0, c1,
                                fails)
                        }
                        choicePending = any(on.chip .< 0)
                    }
                    let training = active .& (on.chip .>= 0)
                    // Port stall: d months left train 1 - d of the month (port >= 0).
                    var f = one
                    if portPending {
                        f = Math.maximum(one - port, zero)
                        port = Math.maximum(port - 1, zero)
                    }
                    let pf = on.foreignFail + on.ascend * (step >= 12 ? failB : failA)
                    let capacity = on.fixedCapacity + on.h20 * c2 + on.h200 * c3 + on.ascend * c4
                    let u = top23(r.next())
                    let running = training .& (f .> 0)
                    let failed = running .& (u .< pf * 0x1p23)
                    failures += Math.keep(one, failed)
                    let wiped = failed .& (u .< pf * restartThreshold)
                    let advancing = running .& .!failed
                    let before = progress
                    progress = Math.keep(progress + Math.keep(f * capacity, advancing), .!wiped)
                    let completing = advancing .& (progress .>= needs)
                    if any(completing) {
                        let remaining = needs - before
                        let rest = Math.keep(remaining / capacity, remaining .> 0)
                        tau = Math.select(completing, time + (one - f) + rest, tau)
                        done = done .| completing
                    }
                    let switching = training .& .!done .& (on.ascend .> 0) .& (failures .>= switchAfter)
                    if any(switching) {
                        let foreign = bestForeign(c0, c1, c2, c3)
                        let free = .!(top23(r.next()) .< pi * 0x1p23)
                        let moving = switching .& (foreign .>= 0) .& free
                        on.choose(foreign, moving, c0, c1, fails)
                        failures = Math.select(moving, zero, failures)
                        port = Math.select(moving, portMonths, port)
                        portPending = true
                    }
                }
            }
            // Adoption: A = Dom / (Dom + For), 0 when both are 0.
            let all = c4 + c0 + c1 + c2 + c3
            let a = Math.keep(c4 / all, all .> 0)
            addAdoption(a, lanes: lanes, row: row, sums: sums + 2 &* step)
            row += stride
        }
        // Holds: K ~ geometric(h) as the run of draws below h (h >= 1: forever).
        var holds = zero
        var holding = done .& (holdProbability .> 0)
        let threshold = holdProbability * 0x1p23
        var turns = 0
        while any(holding) && turns < 256 {
            holding = holding .& (top23(r.next()) .< threshold)
            holds += Math.keep(one, holding)
            turns &+= 1
        }
        holds = Math.select(holdProbability .>= 1, VF(repeating: .infinity), holds)
        let release = Math.select(
            done, tau + post + Math.keep(holds * holdMonths, holdMonths .> 0), VF(repeating: .infinity))
        for l in 0..<lanes {
            releases[first &+ l] = Double(release[l])
        }
    }

    /// Adds one step of every lane's adoption path: A widened to `Double`
    /// (exactly), its histogram bin by `AdoptionSink.binLanes` (the AVX-512
    /// and AVX2 builds) or `binPair` (the same bins) and A, A^2 in 2^48
    /// fixed point by `AdoptionSink.fixed48Pair`, to the lane's sums. Lanes
    /// at and past `lanes` add nothing.
    @inline(__always)
    static func addAdoption(_ a: VF, lanes: Int, row: UnsafeMutablePointer<UInt32>, sums: UnsafeMutablePointer<VW>) {
        let lo = widen(a.lowHalf)
        let hi = widen(a.highHalf)
        var x = VW(lowHalf: fixed48(lo), highHalf: fixed48(hi))
        var x2 = VW(lowHalf: fixed48(lo * lo), highHalf: fixed48(hi * hi))
        // The bins as the engine finds them: in single-precision lanes where
        // the build has fused multiply-adds, else from the widened halves.
        // (On a Zen 4 the AVX2 build's increments after `binPair` stalled:
        // 60% of the loop's time; docs/PERFORMANCE-LOG.md, "Tried".)
        #if R2_LANES_AVX2
        let b = SIMD8<UInt32>(truncatingIfNeeded: AdoptionSink.binLanes(a))
        #else
        let b = SIMD8<UInt32>(truncatingIfNeeded: VW(lowHalf: bin(lo), highHalf: bin(hi)))
        #endif
        if lanes == VF.scalarCount {
            sums[0] &+= x
            sums[1] &+= x2
            for l in 0..<VF.scalarCount {
                row[Int(truncatingIfNeeded: b[l])] &+= 1
            }
        } else {
            for l in lanes..<VF.scalarCount {
                x[l] = 0
                x2[l] = 0
            }
            sums[0] &+= x
            sums[1] &+= x2
            for l in 0..<lanes {
                row[Int(truncatingIfNeeded: b[l])] &+= 1
            }
        }
    }

    /// The four lanes as doubles (`cvtps2pd`).
    @inline(__always)
    static func widen(_ x: SIMD4<Float>) -> SIMD4<Double> {
        SIMD4(Double(x[0]), Double(x[1]), Double(x[2]), Double(x[3]))
    }

    /// x 2^48 rounded to nearest, for x in [0, 1]: `AdoptionSink.fixed48Pair` of each half.
    @inline(__always)
    static func fixed48(_ x: SIMD4<Double>) -> SIMD4<UInt64> {
        SIMD4(lowHalf: AdoptionSink.fixed48Pair(x.lowHalf), highHalf: AdoptionSink.fixed48Pair(x.highHalf))
    }

    /// The histogram bin in the low 32 bits: `AdoptionSink.binPair` of each
    /// half (0 for A <= 0 or NaN, 1 + floor(2000 A) inside, 2001 for A >= 1).
    @inline(__always)
    static func bin(_ a: SIMD4<Double>) -> SIMD4<UInt64> {
        SIMD4(lowHalf: AdoptionSink.binPair(a.lowHalf), highHalf: AdoptionSink.binPair(a.highHalf))
    }
}
