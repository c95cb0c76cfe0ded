/// The vectors of one group of trials (docs/MODEL.md, "Lanes"): every
/// per-trial quantity of the engine is a `LaneFloat`, every branch on a
/// trial's state a mask. 16 lanes in the builds for AVX-512 (one 512-bit
/// register a vector) and AVX2 (two 256-bit registers: the scalar work of
/// a group, its loops, branches and table reads, is shared by twice as many
/// trials), 8 in the portable build (two 128-bit SSE2 registers a vector;
/// 16 lanes there were 28% slower). Which lane a trial runs in never
/// changes what it computes, so every build gives the same bits.
/// Single precision: 8 Float lanes for AVX2 met the 0.25 s target where 4
/// Double lanes did not (0.615 s at best); 16, not SIMD32, with AVX-512:
/// 32 lanes gave the same bits 100x slower (generic per-lane fallbacks).
#if R2_LANES_AVX2
public typealias LaneFloat = SIMD16<Float>
public typealias LaneDouble = SIMD16<Double>
public typealias LaneWide = SIMD16<UInt64>
#else
public typealias LaneFloat = SIMD8<Float>
public typealias LaneDouble = SIMD8<Double>
public typealias LaneWide = SIMD8<UInt64>
#endif
/// The vector instructions the engine was compiled for (Package.swift,
/// `LaneBuild`): "AVX-512", "AVX2", or nil in the portable build.
#if R2_LANES_AVX512
public let laneInstructions: String? = "AVX-512"
#elseif R2_LANES_AVX2
public let laneInstructions: String? = "AVX2"
#else
public let laneInstructions: String? = nil
#endif
public typealias LaneWord = LaneFloat.Words
public typealias LaneInt = LaneFloat.MaskStorage
public typealias LaneMask = SIMDMask<LaneInt>
/// The engine's lane arithmetic, at its width.
public typealias LaneMath = Lanes<LaneFloat>

/// A vector of `Float` lanes the lane arithmetic works on: 8 or 16 lanes,
/// with its 32-bit integer masks and words.
public protocol LaneVector: SIMD
where
    Scalar == Float, MaskStorage.Scalar == Int32, MaskStorage.MaskStorage == MaskStorage,
    Words.MaskStorage == MaskStorage
{
    /// The unsigned 32-bit words of the same width.
    associatedtype Words: SIMD where Words.Scalar == UInt32
    /// Whether any lane of a mask's bits is set, the lanes or-ed in halves
    /// (the standard library's `any` takes the lanes' minimum one by one).
    static func anyLane(_ bits: MaskStorage) -> Bool
    /// Each integer lane as a float.
    static func float(_ x: MaskStorage) -> Self
    // The comparisons again, as requirements: their witnesses are the
    // standard library's concrete ones for the width (one vector compare),
    // where generic code would otherwise call the generic `SIMD` ones, a
    // loop over the lanes.
    static func .< (a: Self, b: Self) -> SIMDMask<MaskStorage>
    static func .<= (a: Self, b: Self) -> SIMDMask<MaskStorage>
    static func .> (a: Self, b: Self) -> SIMDMask<MaskStorage>
    static func .>= (a: Self, b: Self) -> SIMDMask<MaskStorage>
    static func .== (a: Self, b: Self) -> SIMDMask<MaskStorage>
    static func .!= (a: Self, b: Self) -> SIMDMask<MaskStorage>
}

extension SIMD8: LaneVector where Scalar == Float {
    public typealias Words = SIMD8<UInt32>

    @inlinable @inline(__always)
    public static func anyLane(_ bits: SIMD8<Int32>) -> Bool {
        let x = bits.lowHalf | bits.highHalf
        let y = x.lowHalf | x.highHalf
        return (y[0] | y[1]) != 0
    }

    @inlinable @inline(__always)
    public static func float(_ x: SIMD8<Int32>) -> Self { Self(x) }
}

extension SIMD16: LaneVector where Scalar == Float {
    public typealias Words = SIMD16<UInt32>

    @inlinable @inline(__always)
    public static func anyLane(_ bits: SIMD16<Int32>) -> Bool {
        SIMD8<Float>.anyLane(bits.lowHalf | bits.highHalf)
    }

    @inlinable @inline(__always)
    public static func float(_ x: SIMD16<Int32>) -> Self { Self(x) }
}

/// Arithmetic on the lanes of `F` (8 or 16 trials at once). Public and
/// inlinable so that the benchmark's hand-written loop computes as the
/// engine does, at its own width (`Lanes<SIMD8<Float>>`).
public enum Lanes<F: LaneVector> {
    public typealias Int32s = F.MaskStorage
    public typealias Words = F.Words
    public typealias Mask = SIMDMask<F.MaskStorage>

    /// Trials per group: the lane count of the vectors.
    @inlinable
    public static var width: Int { F.scalarCount }

    /// m ? a : b lane by lane: one `vblendvps` a register with AVX (`and`,
    /// `andn`, `or` on SSE2). Not an and/andn/or of the mask's bits written
    /// out: LLVM turns that into selects on pieces of 2 lanes.
    @inlinable @inline(__always)
    public static func select(_ m: Mask, _ a: F, _ b: F) -> F {
        b.replacing(with: a, where: m)
    }

    @inlinable @inline(__always)
    public static func select(_ m: Mask, _ a: Int32s, _ b: Int32s) -> Int32s {
        b.replacing(with: a, where: m)
    }

    /// m ? x : 0 lane by lane (one `and`).
    @inlinable @inline(__always)
    public static func keep(_ x: F, _ m: Mask) -> F {
        unsafeBitCast(unsafeBitCast(x, to: Int32s.self) & m._storage, to: F.self)
    }

    /// m ? 1 : 0 as integers (the mask's all-ones is -1).
    @inlinable @inline(__always)
    public static func count(_ m: Mask) -> Int32s { Int32s() &- m._storage }

    /// min(x, y) (y where either is NaN).
    @inlinable @inline(__always)
    public static func minimum(_ x: F, _ y: F) -> F { select(x .< y, x, y) }

    /// max(x, y) (y where either is NaN).
    @inlinable @inline(__always)
    public static func maximum(_ x: F, _ y: F) -> F { select(x .> y, x, y) }

    /// `Clamp.probability`: into [0, 1], NaN to 0.
    @inlinable @inline(__always)
    public static func clamp01(_ x: F) -> F {
        keep(select(x .< F(repeating: 1), x, F(repeating: 1)), x .> F())
    }

    /// `Clamp.nonNegative`: negative and NaN to 0.
    @inlinable @inline(__always)
    public static func positive(_ x: F) -> F { keep(x, x .> F()) }

    /// `Clamp.free`: NaN to 0.
    @inlinable @inline(__always)
    public static func notNaN(_ x: F) -> F { keep(x, x .== x) }

    /// Linear interpolation in a table of cells (value at the cell's start,
    /// rise over the cell) for each lane: cell k[l] at `fraction[l]` of its
    /// width. One 8-byte load per lane fetches both numbers of a cell.
    /// (Per-lane loads, not AVX2 gathers: gathers were 5.7% ± 2.7% slower on Zen 3.)
    @inlinable @inline(__always)
    public static func interpolate(_ cells: UnsafePointer<SIMD2<Float>>, _ k: Words, _ fraction: F) -> F {
        var start = F()
        var rise = F()
        for l in 0..<width {
            let c = cells[Int(truncatingIfNeeded: k[l])]
            start[l] = c.x
            rise[l] = c.y
        }
        return start + fraction * rise
    }

    /// v as a float, exactly, for v < 2^23: 2^23 + v has v in its mantissa bits.
    @inlinable @inline(__always)
    public static func small(_ v: Words) -> F {
        let bits = v | Words(repeating: (0x1p23 as Float).bitPattern)
        return unsafeBitCast(bits, to: F.self) - 0x1p23
    }

    /// The uniform on [0, 1) of each lane's word: its top 23 bits times 2^-23.
    @inlinable @inline(__always)
    public static func unit(_ w: Words) -> F { small(w &>> 9) * 0x1p-23 }

    /// The scalar form of `unit`: the same value for the same word.
    @inlinable @inline(__always)
    public static func unit(_ w: UInt32) -> Float { Float(w &>> 9) * 0x1p-23 }

    /// floor(x) for x in [0, 2^22): x + 2^23 rounds to the nearest integer,
    /// one less where that went up.
    @inlinable @inline(__always)
    public static func floorSmall(_ x: F) -> F {
        let r = (x + 0x1p23) - 0x1p23
        return r - keep(F(repeating: 1), r .> x)
    }

    /// e^x lane by lane without a call (after Cephes `expf`): x = n ln 2 + r
    /// with |r| <= ln 2 / 2 (n by the 1.5 2^23 rounding trick, ln 2 in two
    /// parts), e^r by its minimax polynomial (relative error about 2e-7),
    /// 2^n as two powers of two built in the exponent bits, so that results
    /// down to the subnormals are right. +infinity above 88.72, 0 below
    /// -103.9, NaN for NaN.
    @inlinable @inline(__always)
    public static func exp(_ x: F) -> F {
        let (p, ni) = expParts(maximum(minimum(x, F(repeating: 88.7)), F(repeating: -104)))
        // n in [-150, 128]: 2^n = 2^h 2^(n - h) with h = n >> 1, both normal.
        let h = ni &>> 1
        let s1 = unsafeBitCast((h &+ 127) &<< 23, to: F.self)
        let s2 = unsafeBitCast((ni &- h &+ 127) &<< 23, to: F.self)
        var y = p * s1 * s2
        y.replace(with: .infinity, where: x .> F(repeating: 88.72283))
        y.replace(with: 0, where: x .< F(repeating: -103.9))
        y.replace(with: x, where: x .!= x)
        return y
    }

    /// `exp` for every lane in [-87, 88], bit for bit, with one power of
    /// two: there n = round(x / ln 2) is in [-126, 127], so 2^n is a normal
    /// float, none of `exp`'s clamps or edge cases applies, and p 2^n is
    /// p 2^h 2^(n - h) (p 2^h is exact; both round p 2^n once).
    @inlinable @inline(__always)
    public static func expInRange(_ x: F) -> F {
        let (p, ni) = expParts(x)
        return p * unsafeBitCast((ni &+ 127) &<< 23, to: F.self)
    }

    /// e^x = p 2^n for x in [-104, 88.7]: x = n ln 2 + r with |r| <= ln 2 /
    /// 2 (n by the 1.5 2^23 rounding trick, ln 2 in two parts), p = e^r by
    /// its minimax polynomial.
    @inlinable @inline(__always)
    static func expParts(_ x: F) -> (p: F, n: Int32s) {
        let shifter: Float = 0x1.8p23
        let t = x * 1.44269504088896341 + shifter
        let n = t - shifter
        let r = (x - n * 0.693359375) - n * -2.12194440e-4
        var p = F(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        p = p * (r * r) + r + 1
        // The low bits of t hold n (two's complement).
        return (p, unsafeBitCast(t, to: Int32s.self) &- Int32s(repeating: 0x4B40_0000))
    }

    /// Whether any lane is set.
    @inlinable @inline(__always)
    public static func any(_ m: Mask) -> Bool { F.anyLane(m._storage) }

    /// ln x lane by lane for positive normal x (after Cephes `logf`): x =
    /// 2^e m with m in [sqrt(1/2), sqrt(2)), ln m by its minimax polynomial
    /// in m - 1 (relative error about 1e-7), e ln 2 in two parts.
    @inlinable @inline(__always)
    public static func log(_ x: F) -> F {
        let bits = unsafeBitCast(x, to: Int32s.self)
        var e = F.float(((bits &>> 23) & Int32s(repeating: 0xFF)) &- Int32s(repeating: 126))
        // m in [1/2, 1).
        var m = unsafeBitCast(
            (bits & Int32s(repeating: 0x007F_FFFF)) | Int32s(repeating: 0x3F00_0000), to: F.self)
        let small = m .< F(repeating: 0.707106781186547524)
        e = select(small, e - 1, e)
        m = select(small, m + m, m) - 1
        let z = m * m
        var p = F(repeating: 7.0376836292e-2)
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
    public static func geometric(_ h: F, _ u: F) -> F {
        // Below 1e-30 the count is 0 for every u >= 2^-23, as with the exact h.
        let k = (log(u) / log(maximum(h, F(repeating: 1e-30)))).rounded(.down)
        var out = keep(k, h .> F())
        out.replace(with: .infinity, where: h .>= F(repeating: 1))
        return out
    }

    /// The uniform on (0, 1] of each lane's word: (top 23 bits + 1) 2^-23
    /// (`small` holds 23 bits).
    @inlinable @inline(__always)
    public static func unitOpenZero(_ w: Words) -> F {
        (small(w &>> 9) + 1) * 0x1p-23
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

    /// The keys of a group's trials, halves apart.
    public struct Keys {
        public var k0: LaneWord
        public var k1: LaneWord

        /// Trials first ..< first + `LaneMath.width`.
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

/// Masks combine with `&`, `|` and `~` on their bits, lane by lane: one
/// vector instruction each (`a & ~b` one `andn`), where the standard
/// library's `.&`, `.|` and `.!` compile to a loop over the lanes. The
/// bits are those of the compares, all ones or all zeros a lane.
extension SIMDMask {
    @inlinable @inline(__always)
    public static func & (a: Self, b: Self) -> Self { Self(a._storage & b._storage) }

    @inlinable @inline(__always)
    public static func | (a: Self, b: Self) -> Self { Self(a._storage | b._storage) }

    @inlinable @inline(__always)
    public static prefix func ~ (a: Self) -> Self { Self(~a._storage) }
}
