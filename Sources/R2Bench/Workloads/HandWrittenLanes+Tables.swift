import Foundation
import R2Engine

extension HandWrittenLanes {
    /// A quantile function by inversion from 4,096 cells, linear inside each
    /// cell: cell k holds the value at k / 4096 and the rise over the cell, so
    /// that one 16-byte load per lane fetches both. Built from the scalar
    /// loop's PERT tables (the same quantiles), or from the standard normal.
    struct LaneTable: @unchecked Sendable {
        static let cells = 4096
        /// (value at the cell's start, rise over the cell); lives as long as the process.
        let cells: UnsafeMutablePointer<SIMD2<Double>>

        /// The PERT distribution of the scalar loop, `low + width * quantile`.
        init(_ pert: HandWrittenBaseline.Pert) {
            cells = .allocate(capacity: Self.cells)
            for k in 0..<Self.cells {
                let q0 = pert.low + pert.width * pert.quantiles[k]
                let q1 = pert.low + pert.width * pert.quantiles[k + 1]
                cells[k] = SIMD2(q0, q1 - q0)
            }
        }

        /// The standard normal's quantiles. The two end cells (a draw in
        /// 2,048) reach to infinity: they hold zeros, and `normal` computes
        /// their lanes exactly.
        init(normal: ()) {
            cells = .allocate(capacity: Self.cells)
            let z = (0...Self.cells).map { k in
                k == 0 || k == Self.cells
                    ? 0 : RandomStream.normalQuantile(Double(k) / Double(Self.cells))
            }
            for k in 0..<Self.cells {
                cells[k] = k == 0 || k == Self.cells - 1 ? .zero : SIMD2(z[k], z[k + 1] - z[k])
            }
        }

        /// The quantile at u / 2^32 of each lane: the top 12 bits pick the
        /// cell, the low 20 its fraction.
        @inline(__always)
        func sample(_ u: VU) -> VD {
            let k = u &>> 20
            let fraction = unit20(u)
            var start = VD()
            var rise = VD()
            for l in 0..<VD.scalarCount {
                let c = cells[Int(truncatingIfNeeded: k[l])]
                start[l] = c.x
                rise[l] = c.y
            }
            return start + fraction * rise
        }

        /// Standard normals (with the table of `init(normal:)`): a lane in an
        /// end cell, Φ⁻¹((u + 1/2) / 2^32) exactly.
        @inline(__always)
        func normal(_ u: VU) -> VD {
            var z = sample(u)
            let k = u &>> 20
            let tail = (k .== 0) .| (k .== VU(repeating: UInt32(Self.cells - 1)))
            if _slowPath(any(tail)) {
                for l in 0..<VD.scalarCount where tail[l] {
                    z[l] = RandomStream.normalQuantile((Double(u[l]) + 0.5) * 0x1p-32)
                }
            }
            return z
        }
    }

    /// `a to b`: exp(mu + sigma Z), as `HandWrittenBaseline.Lognormal90`.
    struct LaneLognormal: Sendable {
        let mu: VD
        let sigma: VD

        init(_ d: HandWrittenBaseline.Lognormal90) {
            mu = VD(repeating: d.mu)
            sigma = VD(repeating: d.sigma)
        }

        @inline(__always)
        func sample(_ u: VU, normal: LaneTable) -> VD {
            exp(mu + sigma * normal.normal(u))
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

    // MARK: Lane arithmetic

    /// u as a double, exactly: 2^52 + u has u in its low mantissa bits.
    @inline(__always)
    static func double(_ u: VU) -> VD {
        let wide = VW(truncatingIfNeeded: u) | VW(repeating: (0x1p52 as Double).bitPattern)
        return unsafeBitCast(wide, to: VD.self) - 0x1p52
    }

    /// The low 20 bits of u over 2^20, in [0, 1).
    @inline(__always)
    static func unit20(_ u: VU) -> VD {
        double(u & VU(repeating: 0xF_FFFF)) * 0x1p-20
    }

    /// Uniform on [0, 1) with 32 bits.
    @inline(__always)
    static func unit(_ u: VU) -> VD { double(u) * 0x1p-32 }

    /// Uniform integers 0 ..< n (n small): floor(u n / 2^32), exact in doubles.
    @inline(__always)
    static func bounded(_ u: VU, _ n: Double) -> VD {
        floorSmall(double(u) * (n * 0x1p-32))
    }

    /// floor(x) for 0 <= x < 2^51, without SSE4.1's `roundpd`: x + 2^52 rounds
    /// to the nearest integer, one less where that went up.
    @inline(__always)
    static func floorSmall(_ x: VD) -> VD {
        let r = (x + 0x1p52) - 0x1p52
        return r - keep(VD(repeating: 1), r .> x)
    }

    /// m ? a : b lane by lane, by the mask's bits. The stdlib's
    /// `replacing(with:where:)` tests each lane's sign, which SSE2 (without
    /// `pcmpgtq`) recomputes with two more instructions a register; a
    /// comparison's mask is already all ones or all zeros, so `and`, `andn`
    /// and `or` suffice (and LLVM makes them one `vblendvpd` with AVX).
    @inline(__always)
    static func select(_ m: VM, _ a: VD, _ b: VD) -> VD {
        // In the mask's own Int64 lanes: a bit cast of the mask to UInt64
        // lanes makes LLVM rebuild it lane by lane.
        let bits = m._storage
        let x = (unsafeBitCast(a, to: VI.self) & bits) | (unsafeBitCast(b, to: VI.self) & ~bits)
        return unsafeBitCast(x, to: VD.self)
    }

    /// m ? x : 0 lane by lane (one `and`).
    @inline(__always)
    static func keep(_ x: VD, _ m: VM) -> VD {
        unsafeBitCast(unsafeBitCast(x, to: VI.self) & m._storage, to: VD.self)
    }

    /// min(x, y) (y where NaN), without the stdlib's `pointwiseMin`, which is
    /// not inlined here.
    @inline(__always)
    static func minimum(_ x: VD, _ y: VD) -> VD { select(x .< y, x, y) }

    /// max(x, y) (y where NaN).
    @inline(__always)
    static func maximum(_ x: VD, _ y: VD) -> VD { select(x .> y, x, y) }

    @inline(__always)
    static func clamp01(_ x: VD) -> VD {
        // x > 0 ? (x < 1 ? x : 1) : 0, NaN to 0, as the scalar loop's.
        keep(select(x .< 1, x, VD(repeating: 1)), x .> 0)
    }

    @inline(__always)
    static func positive(_ x: VD) -> VD { keep(x, x .> 0) }

    /// e^x for |x| < 700, lane by lane without a call: x = n ln 2 + r with
    /// |r| <= ln 2 / 2 (n by the 1.5 2^52 rounding trick, ln 2 in two parts),
    /// e^r by its Taylor polynomial to degree 11 (relative error below 1e-14),
    /// 2^n built in the exponent bits.
    @inline(__always)
    static func exp(_ x: VD) -> VD {
        let shifter = 0x1.8p52
        let t = x * 1.4426950408889634 + shifter
        let n = t - shifter
        let r = (x - n * 0.6931471803691238) - n * 1.9082149292705877e-10
        var p = VD(repeating: 1.0 / 39_916_800)
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // The low bits of t hold n (two's complement); n + 1023 shifted into
        // the exponent field is 2^n.
        let bits = unsafeBitCast(t, to: VW.self) &+ VW(repeating: 1023)
        let scale = unsafeBitCast(bits &<< 52, to: VD.self)
        return p * scale
    }
}

/// xoshiro128** in lanes: one independent generator per lane (see
/// `HandWrittenLanes`), 32-bit words.
struct LaneXoshiro {
    var s0: SIMD4<UInt32>
    var s1: SIMD4<UInt32>
    var s2: SIMD4<UInt32>
    var s3: SIMD4<UInt32>

    /// The generators of trials first ..< first + 4: trial i from the
    /// SplitMix64 words 2i + 1 and 2i + 2 after `base`.
    @inline(__always)
    init(base: UInt64, first: Int) {
        s0 = .zero
        s1 = .zero
        s2 = .zero
        s3 = .zero
        for l in 0..<4 {
            let i = UInt64(truncatingIfNeeded: first &+ l)
            let w1 = RandomStream.mix(base &+ (2 &* i &+ 1) &* RandomStream.gamma)
            let w2 = RandomStream.mix(base &+ (2 &* i &+ 2) &* RandomStream.gamma)
            s0[l] = UInt32(truncatingIfNeeded: w1)
            s1[l] = UInt32(truncatingIfNeeded: w1 &>> 32)
            s2[l] = UInt32(truncatingIfNeeded: w2)
            s3[l] = UInt32(truncatingIfNeeded: w2 &>> 32)
        }
    }

    /// x rotated left by k. Written with `&+` (the two shifts' bits are
    /// disjoint) rather than `|`: LLVM turns `|` of the lanes' shifts into a
    /// rotation per lane before vectorizing and then keeps it scalar on SSE2
    /// (`roll` on each lane and back); the vector addition keeps it 3 vector
    /// instructions.
    @inline(__always)
    static func rotl(_ x: SIMD4<UInt32>, _ k: UInt32) -> SIMD4<UInt32> {
        (x &<< k) &+ (x &>> (32 - k))
    }

    /// The next word of every lane.
    @inline(__always)
    mutating func next() -> SIMD4<UInt32> {
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
