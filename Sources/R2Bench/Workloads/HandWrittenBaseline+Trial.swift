import Foundation
import R2Engine

extension HandWrittenBaseline {
    @inline(__always)
    static func clamp01(_ x: Double) -> Double { x > 0 ? (x < 1 ? x : 1) : 0 }

    @inline(__always)
    static func positive(_ x: Double) -> Double { x > 0 ? x : 0 }

    /// One trial: writes the adoption path, returns the release.
    @inline(__always)
    static func trial(_ i: UInt64, seed: UInt64, adoption: UnsafeMutablePointer<Double>) -> Double {
        var r = RandomStream(seed: seed, trial: i, stream: 0)
        let t = inputs
        // Chips: 0 h800, 1 h100, 2 h20, 3 h200 (foreign), 4 ascend910c (domestic).
        let perf0 = 1.0
        let perf1 = positive(t.h100Perf.sample(&r))
        let perf2 = positive(t.h20Perf.sample(&r))
        let perf3 = positive(t.h200Perf.sample(&r))
        let perf4 = t.ascendPerf.sample(&r)
        let fail0 = clamp01(t.chipFail.sample(&r))
        let fail1 = clamp01(t.chipFail.sample(&r))
        let fail2 = clamp01(t.chipFail.sample(&r))
        let fail3 = clamp01(t.chipFail.sample(&r))
        let failA = clamp01(t.ascendFail.sample(&r))
        let failB = clamp01(t.ascendFail2026.sample(&r))  // from 2026-01 (step 12)
        let f0 = t.h800Fleet.sample(&r)
        let f1 = r.uniform() < 0.5 ? 0 : t.h100Fleet.sample(&r)
        var f2 = t.h20Fleet.sample(&r)
        var f3 = 0.0
        var f4 = t.ascendFleet.sample(&r)
        let licence = clamp01(t.licence.sample(&r))  // h20 from 2025-08-11 (step 7)
        let buyEarly = t.h20Buy.sample(&r)  // h20
        let buyLate = t.h20BuyLate.sample(&r)  // h20 from 2025-08-12 (step 7)
        let buyH200 = t.h200Buy.sample(&r)
        let output = t.ascendOutput.sample(&r)
        let share = t.labShare.sample(&r)
        let y0 = t.yieldStart.sample(&r)
        let make = positive(output / 12 * share / y0)
        let yieldStart = clamp01(y0)
        var growth = r.uniform(low: 0.003, high: 0.012)
        if growth.isNaN { growth = 0 }
        let yieldCap = clamp01(r.uniform(low: 0.5, high: 0.7))
        let pressure0 = clamp01(t.pressure0.sample(&r))
        let pressure1 = clamp01(t.pressure1.sample(&r))  // step 1
        let pressure2 = clamp01(t.pressure2.sample(&r))  // step 4
        let pressure3 = clamp01(t.pressure3.sample(&r))  // step 6
        let startStep = Int(r.bounded(2)) + 1  // between 2025-02 and 2025-03
        let needs = 3800 * t.needsFactor.sample(&r)
        let post = t.months1to3.sample(&r)
        let holdProbability = clamp01(t.hold.sample(&r))
        let holdMonths = t.months1to3.sample(&r)
        let k = r.uniform()  // mixture(2 @ 25%, 3 @ 45%, 4 @ 20%, 5 @ 10%)
        let switchAfter: Double = k < 0.25 ? 2 : (k < 0.70 ? 3 : (k < 0.90 ? 4 : 5))
        let portMonths = t.months1to3.sample(&r)
        let restartShare = clamp01(t.restart.sample(&r))
        // Events: reban (20%, 2025-10...2026-12), beijing_ban (30%, 2025-09...2026-06),
        // nvidia_opens (20%, 2025-12...2026-12); a step past the horizon means never.
        let reban = r.uniform() < 0.2 ? 9 + Int(r.bounded(15)) : steps
        let beijing = r.uniform() < 0.3 ? 8 + Int(r.bounded(10)) : steps
        let opens = r.uniform() < 0.2 ? 11 + Int(r.bounded(13)) : steps

        var chip = -1
        var done = false
        var tau = 0.0
        var progress = 0.0
        var failures = 0.0
        var port = 0.0
        for t in 0..<steps {
            let pi =
                t >= beijing
                ? 0.95 : (t >= 6 ? pressure3 : (t >= 4 ? pressure2 : (t >= 1 ? pressure1 : pressure0)))
            // h20: allowed, banned from step 3, licensed from step 7, banned again after reban.
            let approveH20 = t >= reban ? 0 : (t >= 7 ? licence : (t >= 3 ? 0 : 1))
            if approveH20 > 0 {
                let deliver = approveH20 * (1 - pi)
                if deliver >= 1 || (deliver > 0 && r.uniform32() < deliver * 0x1p32) {
                    f2 += t >= 7 ? buyLate : buyEarly
                }
            }
            if t >= opens {
                let deliver = 0.5 * (1 - pi)
                if deliver > 0 && r.uniform32() < deliver * 0x1p32 { f3 += buyH200 }
            }
            let y = Swift.min(yieldCap, yieldStart + growth * Double(t))
            if make > 0 && y > 0 { f4 += make * y }

            if !done && t >= startStep {
                let c0 = f0 * perf0
                let c1 = f1 * perf1
                let c2 = f2 * perf2
                let c3 = f3 * perf3
                var bestForeign = -1
                var best = 0.0
                if c0 > best { bestForeign = 0; best = c0 }
                if c1 > best { bestForeign = 1; best = c1 }
                if c2 > best { bestForeign = 2; best = c2 }
                if c3 > best { bestForeign = 3; best = c3 }
                if chip < 0 {
                    let domesticAvailable = f4 * perf4 > 0
                    if bestForeign >= 0 || domesticAvailable {
                        if r.bernoulli(pi) {
                            chip = domesticAvailable ? 4 : bestForeign
                        } else {
                            chip = bestForeign >= 0 ? bestForeign : 4
                        }
                    }
                }
                if chip >= 0 {
                    var f = 1.0
                    if port > 0 {
                        f = 1 - port > 0 ? 1 - port : 0
                        port = port - 1 > 0 ? port - 1 : 0
                    }
                    if f > 0 {
                        let pf: Double
                        switch chip {
                        case 0: pf = fail0
                        case 1: pf = fail1
                        case 2: pf = fail2
                        case 3: pf = fail3
                        default: pf = t >= 12 ? failB : failA
                        }
                        let u = r.uniform32()
                        if u < pf * 0x1p32 {
                            failures += 1
                            if u < pf * restartShare * 0x1p32 { progress = 0 }
                        } else {
                            let capacity: Double
                            switch chip {
                            case 0: capacity = c0
                            case 1: capacity = c1
                            case 2: capacity = c2
                            case 3: capacity = c3
                            default: capacity = f4 * perf4
                            }
                            let before = progress
                            progress += f * capacity
                            if progress >= needs {
                                done = true
                                let remaining = needs - before
                                tau = Double(t) + (1 - f) + (remaining > 0 ? remaining / capacity : 0)
                            }
                        }
                    }
                    if !done && chip == 4 && failures >= switchAfter {
                        if bestForeign >= 0 && !r.bernoulli(pi) {
                            chip = bestForeign
                            failures = 0
                            port = portMonths
                        }
                    }
                }
            }
            let dom = f4 * perf4
            let all = dom + f0 * perf0 + f1 * perf1 + f2 * perf2 + f3 * perf3
            adoption[t] = all > 0 ? dom / all : 0
        }
        if !done { return .infinity }
        let holds = r.geometric(holdProbability)
        return tau + post + (holdMonths > 0 ? holds * holdMonths : 0)
    }
}
