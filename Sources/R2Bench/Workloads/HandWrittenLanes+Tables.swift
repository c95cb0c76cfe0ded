import Foundation
import R2Engine

extension HandWrittenLanes {
    /// A quantile function by inversion from 4,096 cells, linear inside each
    /// cell, in single precision: cell k holds the value at k / 4096 and the
    /// rise over the cell (one 8-byte load per lane fetches both).
    struct LaneTable: @unchecked Sendable {
        static let cells = 4096
        /// (value at the cell's start, rise over the cell); lives as long as the process.
        let cells: UnsafeMutablePointer<SIMD2<Float>>

        /// The PERT distribution of the scalar loop, `low + width * quantile`.
        init(_ pert: HandWrittenBaseline.Pert) {
            cells = .allocate(capacity: Self.cells)
            for k in 0..<Self.cells {
                let q0 = pert.low + pert.width * pert.quantiles[k]
                let q1 = pert.low + pert.width * pert.quantiles[k + 1]
                cells[k] = SIMD2(Float(q0), Float(q1 - q0))
            }
        }

        /// The standard normal's quantiles; the two end cells hold zeros and
        /// `normal` computes their lanes exactly.
        init(normal: ()) {
            cells = .allocate(capacity: Self.cells)
            let z = (0...Self.cells).map { k in
                k == 0 || k == Self.cells
                    ? 0 : RandomStream.normalQuantile(Double(k) / Double(Self.cells))
            }
            for k in 0..<Self.cells {
                cells[k] = k == 0 || k == Self.cells - 1 ? .zero : SIMD2(Float(z[k]), Float(z[k + 1] - z[k]))
            }
        }

        /// The quantile at u / 2^32 of each lane: the top 12 bits pick the
        /// cell, the low 20 its fraction.
        @inline(__always)
        func sample(_ u: VU) -> VF {
            Math.interpolate(cells, u &>> 20, unit20(u))
        }

        /// Standard normals (with the table of `init(normal:)`): a lane in an
        /// end cell, Φ⁻¹((u + 1/2) / 2^32) exactly (rounded to `Float`).
        @inline(__always)
        func normal(_ u: VU) -> VF {
            var z = sample(u)
            let k = u &>> 20
            // (Against vectors: `.==` with a scalar `UInt32` compiles to a loop over the lanes.)
            let tail = (k .== VU()) .| (k .== VU(repeating: UInt32(Self.cells - 1)))
            if _slowPath(any(tail)) {
                for l in 0..<VF.scalarCount where tail[l] {
                    z[l] = Float(RandomStream.normalQuantile((Double(u[l]) + 0.5) * 0x1p-32))
                }
            }
            return z
        }
    }

    /// `a to b`: Math.exp(mu + sigma Z), as `HandWrittenBaseline.Lognormal90`.
    struct LaneLognormal: Sendable {
        let mu: VF
        let sigma: VF

        init(_ d: HandWrittenBaseline.Lognormal90) {
            mu = VF(repeating: Float(d.mu))
            sigma = VF(repeating: Float(d.sigma))
        }

        @inline(__always)
        func sample(_ u: VU, normal: LaneTable) -> VF {
            Math.exp(mu + sigma * normal.normal(u))
        }
    }

    /// The baseline's distributions as lane tables (`HandWrittenBaseline.Inputs`).
    struct Tables: @unchecked Sendable {
        let normal = LaneTable(normal: ())
        let chipFail: LaneTable
        let h100Perf: LaneTable
        let h20Perf: LaneTable
        let h200Perf: LaneTable
        let ascendFail: LaneTable
        let ascendFail2026: LaneTable
        let licence: LaneTable
        let labShare: LaneTable
        let yieldStart: LaneTable
        let pressure0: LaneTable
        let pressure1: LaneTable
        let pressure2: LaneTable
        let pressure3: LaneTable
        let hold: LaneTable
        let restart: LaneTable
        let ascendPerf: LaneLognormal
        let h800Fleet: LaneLognormal
        let h100Fleet: LaneLognormal
        let h20Fleet: LaneLognormal
        let ascendFleet: LaneLognormal
        let h20Buy: LaneLognormal
        let h20BuyLate: LaneLognormal
        let h200Buy: LaneLognormal
        let ascendOutput: LaneLognormal
        let needsFactor: LaneLognormal
        let months1to3: LaneLognormal

        init(_ t: HandWrittenBaseline.Inputs) {
            chipFail = LaneTable(t.chipFail)
            h100Perf = LaneTable(t.h100Perf)
            h20Perf = LaneTable(t.h20Perf)
            h200Perf = LaneTable(t.h200Perf)
            ascendFail = LaneTable(t.ascendFail)
            ascendFail2026 = LaneTable(t.ascendFail2026)
            licence = LaneTable(t.licence)
            labShare = LaneTable(t.labShare)
            yieldStart = LaneTable(t.yieldStart)
            pressure0 = LaneTable(t.pressure0)
            pressure1 = LaneTable(t.pressure1)
            pressure2 = LaneTable(t.pressure2)
            pressure3 = LaneTable(t.pressure3)
            hold = LaneTable(t.hold)
            restart = LaneTable(t.restart)
            ascendPerf = LaneLognormal(t.ascendPerf)
            h800Fleet = LaneLognormal(t.h800Fleet)
            h100Fleet = LaneLognormal(t.h100Fleet)
            h20Fleet = LaneLognormal(t.h20Fleet)
            ascendFleet = LaneLognormal(t.ascendFleet)
            h20Buy = LaneLognormal(t.h20Buy)
            h20BuyLate = LaneLognormal(t.h20BuyLate)
            h200Buy = LaneLognormal(t.h200Buy)
            ascendOutput = LaneLognormal(t.ascendOutput)
            needsFactor = LaneLognormal(t.needsFactor)
            months1to3 = LaneLognormal(t.months1to3)
        }
    }

    static let tables = Tables(HandWrittenBaseline.inputs)

    // MARK: Lane arithmetic (the rest is R2Engine's `LaneMath`)

    /// The top 23 bits of u as a float in [0, 2^23): compare with p 2^23 for
    /// an event of probability p.
    @inline(__always)
    static func top23(_ u: VU) -> VF { Math.small(u &>> 9) }

    /// The low 20 bits of u over 2^20, in [0, 1).
    @inline(__always)
    static func unit20(_ u: VU) -> VF {
        Math.small(u & VU(repeating: 0xF_FFFF)) * 0x1p-20
    }

    /// Uniform integers 0 ..< n (n small): floor(u23 n / 2^23), exact in floats.
    @inline(__always)
    static func bounded(_ u: VU, _ n: Float) -> VF {
        Math.floorSmall(top23(u) * (n * 0x1p-23))
    }
}

/// xoshiro128** in 8 lanes: one independent generator per lane (see
/// `HandWrittenLanes` for how each is seeded), 32-bit words.
struct LaneXoshiro {
    var s0: SIMD8<UInt32>
    var s1: SIMD8<UInt32>
    var s2: SIMD8<UInt32>
    var s3: SIMD8<UInt32>

    /// The generators of trials first ..< first + 8: trial i from the
    /// SplitMix64 words 2i + 1 and 2i + 2 after `base`.
    @inline(__always)
    init(base: UInt64, first: Int) {
        s0 = .zero
        s1 = .zero
        s2 = .zero
        s3 = .zero
        for l in 0..<8 {
            let i = UInt64(truncatingIfNeeded: first &+ l)
            let w1 = RandomStream.mix(base &+ (2 &* i &+ 1) &* RandomStream.gamma)
            let w2 = RandomStream.mix(base &+ (2 &* i &+ 2) &* RandomStream.gamma)
            s0[l] = UInt32(truncatingIfNeeded: w1)
            s1[l] = UInt32(truncatingIfNeeded: w1 &>> 32)
            s2[l] = UInt32(truncatingIfNeeded: w2)
            s3[l] = UInt32(truncatingIfNeeded: w2 &>> 32)
        }
    }

    /// x rotated left by k (`&+` of disjoint shifts: see `LaneXoshiro.rotl`).
    @inline(__always)
    static func rotl(_ x: SIMD8<UInt32>, _ k: UInt32) -> SIMD8<UInt32> {
        (x &<< k) &+ (x &>> (32 - k))
    }

    /// The next word of every lane.
    @inline(__always)
    mutating func next() -> SIMD8<UInt32> {
        let x = (s1 &<< 2) &+ s1  // s1 * 5
        let r = Self.rotl(x, 7)
        let result = (r &<< 3) &+ r  // * 9
        let t = s1 &<< 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 11)
        return result
    }
}
