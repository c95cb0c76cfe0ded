/// Arithmetic on 8 trials at once (docs/MODEL.md, "Lanes"): every per-trial
/// quantity of the engine is a `SIMD8<Float>` (one 256-bit register with
/// AVX2, two 128-bit ones with SSE2), every branch on a trial's state a
/// mask. Public and inlinable so that the benchmark's hand-written loop
/// computes as the engine does.
public typealias LaneFloat = SIMD8<Float>
public typealias LaneWord = SIMD8<UInt32>
public typealias LaneInt = SIMD8<Int32>
public typealias LaneMask = SIMDMask<SIMD8<Int32>>

public enum LaneMath {
    /// Trials per group: the lane count of the vectors.
    public static let width = 8

    /// m ? a : b lane by lane: one `vblendvps` with AVX (`and`, `andn`, `or`
    /// on SSE2). Not an and/andn/or of the mask's bits written out: with 8
    /// float lanes LLVM turns that into selects on pieces of 2 lanes.
    @inlinable @inline(__always)
    public static func select(_ m: LaneMask, _ a: LaneFloat, _ b: LaneFloat) -> LaneFloat {
        b.replacing(with: a, where: m)
    }

    @inlinable @inline(__always)
    public static func select(_ m: LaneMask, _ a: LaneInt, _ b: LaneInt) -> LaneInt {
        b.replacing(with: a, where: m)
    }

    /// m ? x : 0 lane by lane (one `and`).
    @inlinable @inline(__always)
    public static func keep(_ x: LaneFloat, _ m: LaneMask) -> LaneFloat {
        unsafeBitCast(unsafeBitCast(x, to: LaneInt.self) & m._storage, to: LaneFloat.self)
    }

    /// m ? 1 : 0 as integers (the mask's all-ones is -1).
    @inlinable @inline(__always)
    public static func count(_ m: LaneMask) -> LaneInt { 0 &- m._storage }

    /// min(x, y) (y where either is NaN).
    @inlinable @inline(__always)
    public static func minimum(_ x: LaneFloat, _ y: LaneFloat) -> LaneFloat { select(x .< y, x, y) }

    /// max(x, y) (y where either is NaN).
    @inlinable @inline(__always)
    public static func maximum(_ x: LaneFloat, _ y: LaneFloat) -> LaneFloat { select(x .> y, x, y) }

    /// `Clamp.probability`: into [0, 1], NaN to 0.
    @inlinable @inline(__always)
    public static func clamp01(_ x: LaneFloat) -> LaneFloat {
        keep(select(x .< LaneFloat(repeating: 1), x, LaneFloat(repeating: 1)), x .> LaneFloat())
    }

    /// `Clamp.nonNegative`: negative and NaN to 0.
    @inlinable @inline(__always)
    public static func positive(_ x: LaneFloat) -> LaneFloat { keep(x, x .> LaneFloat()) }

    /// `Clamp.free`: NaN to 0.
    @inlinable @inline(__always)
    public static func notNaN(_ x: LaneFloat) -> LaneFloat { keep(x, x .== x) }

    /// Linear interpolation in a table of cells (value at the cell's start,
    /// rise over the cell) for each lane: cell k[l] at `fraction[l]` of its
    /// width. One 8-byte load per lane fetches both numbers of a cell.
    @inlinable @inline(__always)
    public static func interpolate(
        _ cells: UnsafePointer<SIMD2<Float>>, _ k: LaneWord, _ fraction: LaneFloat
    ) -> LaneFloat {
        var start = LaneFloat()
        var rise = LaneFloat()
        for l in 0..<width {
            let c = cells[Int(truncatingIfNeeded: k[l])]
            start[l] = c.x
            rise[l] = c.y
        }
        return start + fraction * rise
    }

    /// v as a float, exactly, for v < 2^23: 2^23 + v has v in its mantissa bits.
    @inlinable @inline(__always)
    public static func small(_ v: LaneWord) -> LaneFloat {
        let bits = v | LaneWord(repeating: (0x1p23 as Float).bitPattern)
        return unsafeBitCast(bits, to: LaneFloat.self) - 0x1p23
    }

    /// The uniform on [0, 1) of each lane's word: its top 23 bits times 2^-23.
    @inlinable @inline(__always)
    public static func unit(_ w: LaneWord) -> LaneFloat { small(w &>> 9) * 0x1p-23 }

    /// The scalar form of `unit`: the same value for the same word.
    @inlinable @inline(__always)
    public static func unit(_ w: UInt32) -> Float { Float(w &>> 9) * 0x1p-23 }

    /// floor(x) for x in [0, 2^22): x + 2^23 rounds to the nearest integer,
    /// one less where that went up.
    @inlinable @inline(__always)
    public static func floorSmall(_ x: LaneFloat) -> LaneFloat {
        let r = (x + 0x1p23) - 0x1p23
        return r - keep(LaneFloat(repeating: 1), r .> x)
    }

    /// e^x lane by lane without a call (after Cephes `expf`): x = n ln 2 + r
    /// with |r| <= ln 2 / 2 (n by the 1.5 2^23 rounding trick, ln 2 in two
    /// parts), e^r by its minimax polynomial (relative error about 2e-7),
    /// 2^n as two powers of two built in the exponent bits, so that results
    /// down to the subnormals are right. +infinity above 88.72, 0 below
    /// -103.9, NaN for NaN.
    @inlinable @inline(__always)
    public static func exp(_ x: LaneFloat) -> LaneFloat {
        let shifter: Float = 0x1.8p23
        let xc = maximum(minimum(x, LaneFloat(repeating: 88.7)), LaneFloat(repeating: -104))
        let t = xc * 1.44269504088896341 + shifter
        let n = t - shifter
        let r = (xc - n * 0.693359375) - n * -2.12194440e-4
        var p = LaneFloat(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        p = p * (r * r) + r + 1
        // The low bits of t hold n (two's complement), n in [-150, 128]:
        // 2^n = 2^h 2^(n - h) with h = n >> 1, both normal.
        let ni = unsafeBitCast(t, to: LaneInt.self) &- LaneInt(repeating: 0x4B40_0000)
        let h = ni &>> 1
        let s1 = unsafeBitCast((h &+ 127) &<< 23, to: LaneFloat.self)
        let s2 = unsafeBitCast((ni &- h &+ 127) &<< 23, to: LaneFloat.self)
        var y = p * s1 * s2
        y.replace(with: .infinity, where: x .> LaneFloat(repeating: 88.72283))
        y.replace(with: 0, where: x .< LaneFloat(repeating: -103.9))
        y.replace(with: x, where: x .!= x)
        return y
    }
}

/// The counter-based random words of the engine (docs/MODEL.md, "Random
/// streams"). Trial i under a seed has a 64-bit key, split into two 32-bit
/// halves k0, k1. Stream s of a trial (s a `StreamID`, as a 32-bit salt)
/// has the base b = H(H(k0 ^ salt(s)) ^ k1), and its word number c
/// (c = 0, 1, ...) is H(b + c φ), with H Wellons's `lowbias32` integer
/// hash (a bijection of 32-bit words with near-ideal avalanche) and φ the
/// 32-bit golden ratio: a SplitMix-style sequence per stream, one hash a
/// word once the stream's base is known. So a word depends only on (seed, i, s, c): the month t's
/// draw of a purpose is its word t whatever happened before, and pinning
/// one input never moves another's draws. Everything is 32-bit shifts,
/// xors and multiplications, which have vector forms (`vpmulld`).
public enum LaneRandom {
    /// The 32-bit golden ratio, 2^32 / φ rounded to odd.
    public static let phi: UInt32 = 0x9E37_79B9

    /// lowbias32 (Chris Wellons, "Prospecting for hash functions", 2018).
    @inlinable @inline(__always)
    public static func hash(_ v: LaneWord) -> LaneWord {
        var x = v
        x ^= x &>> 16
        x &*= 0x7FEB_352D
        x ^= x &>> 15
        x &*= 0x846C_A68B
        x ^= x &>> 16
        return x
    }

    /// The scalar form of `hash` (the same definition, one lane of it).
    @inlinable @inline(__always)
    public static func hash(_ v: UInt32) -> UInt32 {
        hash(LaneWord(repeating: v))[0]
    }

    /// The 32-bit salt of stream id `stream`: the low half of its 64-bit salt.
    @inlinable
    public static func salt(_ stream: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: RandomStream.salt(stream))
    }

    /// The seed's part of every trial key.
    @inlinable
    public static func seedBase(_ seed: UInt64) -> UInt64 {
        RandomStream.mix(seed ^ 0x6A09_E667_F3BC_C908)
    }

    /// Trial `trial`'s key under the seed whose `seedBase` is `base`: word
    /// trial + 1 of the SplitMix64 stream at `base` (distinct trials have
    /// distinct keys).
    @inlinable @inline(__always)
    public static func trialKey(base: UInt64, trial: UInt64) -> UInt64 {
        RandomStream.mix(base &+ (trial &+ 1) &* RandomStream.gamma)
    }

    /// The keys of 8 trials, halves apart.
    public struct Keys {
        public var k0: LaneWord
        public var k1: LaneWord

        /// Trials first ..< first + 8.
        @inlinable @inline(__always)
        public init(base: UInt64, first: UInt64) {
            k0 = LaneWord()
            k1 = LaneWord()
            for l in 0..<LaneMath.width {
                let k = LaneRandom.trialKey(base: base, trial: first &+ UInt64(l))
                k0[l] = UInt32(truncatingIfNeeded: k)
                k1[l] = UInt32(truncatingIfNeeded: k &>> 32)
            }
        }

        /// The base of stream `salt` in each lane.
        @inlinable @inline(__always)
        public func base(_ salt: UInt32) -> LaneWord {
            LaneRandom.hash(LaneRandom.hash(k0 ^ LaneWord(repeating: salt)) ^ k1)
        }

        /// Word `counter` of the streams whose bases are `base`.
        @inlinable @inline(__always)
        public func word(_ base: LaneWord, _ counter: UInt32) -> LaneWord {
            LaneRandom.hash(base &+ LaneWord(repeating: counter &* LaneRandom.phi))
        }

        /// Word `counter` of stream `salt`.
        @inlinable @inline(__always)
        public func word(salt: UInt32, _ counter: UInt32) -> LaneWord {
            word(base(salt), counter)
        }
    }

    /// The scalar form: word `counter` of stream `salt` of the trial with key `key`.
    @inlinable @inline(__always)
    public static func word(key: UInt64, salt: UInt32, _ counter: UInt32) -> UInt32 {
        let b = hash(hash(UInt32(truncatingIfNeeded: key) ^ salt) ^ UInt32(truncatingIfNeeded: key &>> 32))
        return hash(b &+ counter &* phi)
    }
}

extension LaneMath {
    /// Whether any lane is set: the mask's lanes or-ed in halves (the
    /// standard library's `any` takes the lanes' minimum one by one).
    @inlinable @inline(__always)
    public static func any(_ m: LaneMask) -> Bool {
        let x = m._storage.lowHalf | m._storage.highHalf
        let y = x.lowHalf | x.highHalf
        return (y[0] | y[1]) != 0
    }

    /// a and b, a or b, a and not b, lane by lane, on the masks' bits (the
    /// standard library's `.&` on 8 lanes compiles to a loop over them).
    @inlinable @inline(__always)
    public static func and(_ a: LaneMask, _ b: LaneMask) -> LaneMask { LaneMask(a._storage & b._storage) }

    @inlinable @inline(__always)
    public static func or(_ a: LaneMask, _ b: LaneMask) -> LaneMask { LaneMask(a._storage | b._storage) }

    @inlinable @inline(__always)
    public static func andNot(_ a: LaneMask, _ b: LaneMask) -> LaneMask { LaneMask(a._storage & ~b._storage) }
}

extension LaneMath {
    /// ln x lane by lane for positive normal x (after Cephes `logf`): x =
    /// 2^e m with m in [sqrt(1/2), sqrt(2)), ln m by its minimax polynomial
    /// in m - 1 (relative error about 1e-7), e ln 2 in two parts.
    @inlinable @inline(__always)
    public static func log(_ x: LaneFloat) -> LaneFloat {
        let bits = unsafeBitCast(x, to: LaneInt.self)
        var e = LaneFloat(((bits &>> 23) & LaneInt(repeating: 0xFF)) &- LaneInt(repeating: 126))
        // m in [1/2, 1).
        var m = unsafeBitCast(
            (bits & LaneInt(repeating: 0x007F_FFFF)) | LaneInt(repeating: 0x3F00_0000), to: LaneFloat.self)
        let small = m .< LaneFloat(repeating: 0.707106781186547524)
        e = select(small, e - 1, e)
        m = select(small, m + m, m) - 1
        let z = m * m
        var p = LaneFloat(repeating: 7.0376836292e-2)
        p = p * m - 1.1514610310e-1
        p = p * m + 1.1676998740e-1
        p = p * m - 1.2420140846e-1
        p = p * m + 1.4249322787e-1
        p = p * m - 1.6668057665e-1
        p = p * m + 2.0000714765e-1
        p = p * m - 2.4999993993e-1
        p = p * m + 3.3333331174e-1
        var y = m * z * p
        y = y + e * -2.12194440e-4
        y = y - z * 0.5
        return (m + y) + e * 0.693359375
    }

    /// Geometric counts K with P(K = k) = h^k (1 - h), by inversion from
    /// uniforms u in (0, 1]: floor(ln u / ln h); 0 where h <= 0 (or NaN),
    /// +infinity where h >= 1 (`RandomStream.geometric` in lanes).
    @inlinable @inline(__always)
    public static func geometric(_ h: LaneFloat, _ u: LaneFloat) -> LaneFloat {
        // Below 1e-30 the count is 0 for every u >= 2^-23, as with the exact h.
        let k = (log(u) / log(maximum(h, LaneFloat(repeating: 1e-30)))).rounded(.down)
        var out = keep(k, h .> LaneFloat())
        out.replace(with: .infinity, where: h .>= LaneFloat(repeating: 1))
        return out
    }

    /// The uniform on (0, 1] of each lane's word: (top 23 bits + 1) 2^-23
    /// (`small` holds 23 bits).
    @inlinable @inline(__always)
    public static func unitOpenZero(_ w: LaneWord) -> LaneFloat {
        (small(w &>> 9) + 1) * 0x1p-23
    }
}
