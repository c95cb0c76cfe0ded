/// An accumulator's adoption histogram and pending fixed-point sums, as a
/// plain value a trial's adoption path is added to.
///
/// `sums` and `squares` must be 16-byte aligned (the accumulator's buffers
/// are 128-byte aligned): pairs of steps are read and written as one
/// `SIMD2<UInt64>`. Public for the benchmark's hand-written loop, which
/// accumulates as the engine does.
package struct AdoptionSink {
    let counts: UnsafeMutablePointer<UInt32>
    let sums: UnsafeMutablePointer<UInt64>
    let squares: UnsafeMutablePointer<UInt64>

    /// A sink over `counts` (`binStride` per step) and the per-step
    /// fixed-point `sums` and `squares` (16-byte aligned).
    public init(
        counts: UnsafeMutablePointer<UInt32>, sums: UnsafeMutablePointer<UInt64>, squares: UnsafeMutablePointer<UInt64>
    ) {
        (self.counts, self.sums, self.squares) = (counts, sums, squares)
    }

    /// Counts per step: bin 0, the `adoptionBins` bins of (0, 1), and A >= 1.
    package static let binStride = SimulationResult.adoptionBins + 2

    /// Adds the path A_0 ..< A_steps (each in [0, 1]): per step its histogram
    /// bin and A, A^2 in fixed point.
    ///
    /// Two steps at a time as `SIMD2<Double>` (with SSE2 one instruction
    /// does both lanes), four per turn of the loop, without a branch or a
    /// trapping conversion: the sums with `fixed48Pair`, the bins with
    /// `binPair`, then the two scattered histogram increments. An odd last
    /// step uses the scalar `fixed48` and `bin`. Every count and sum is the
    /// one the definitions in `bin` and `fixed48` give, bit for bit.
    @inline(__always)
    public func add(path a: UnsafePointer<Double>, steps: Int) {
        assert(Int(bitPattern: sums) & 15 == 0 && Int(bitPattern: squares) & 15 == 0)
        let sums = UnsafeMutableRawPointer(self.sums)
        let squares = UnsafeMutableRawPointer(self.squares)
        var row = counts
        var t = 0
        for _ in 0..<(steps >> 2) {
            Self.addPair(a, t, sums, squares, row)
            Self.addPair(a, t &+ 2, sums, squares, row + 2 &* Self.binStride)
            row += 4 &* Self.binStride
            t &+= 4
        }
        if t &+ 2 <= steps {
            Self.addPair(a, t, sums, squares, row)
            row += 2 &* Self.binStride
            t &+= 2
        }
        if t < steps {
            let x = a[t]
            self.sums[t] &+= Self.fixed48(x)
            self.squares[t] &+= Self.fixed48(x * x)
            row[Self.bin(x)] &+= 1
        }
    }

    /// Adds steps t and t + 1 (t even): their A, A^2 to the pending sums and
    /// one count each to the rows `row` and `row + binStride`.
    @inline(__always)
    private static func addPair(
        _ a: UnsafePointer<Double>, _ t: Int, _ sums: UnsafeMutableRawPointer,
        _ squares: UnsafeMutableRawPointer, _ row: UnsafeMutablePointer<UInt32>
    ) {
        let x = UnsafeRawPointer(a + t).loadUnaligned(as: SIMD2<Double>.self)
        let offset = t &* MemoryLayout<UInt64>.stride
        let s = sums.load(fromByteOffset: offset, as: SIMD2<UInt64>.self)
        sums.storeBytes(of: s &+ fixed48Pair(x), toByteOffset: offset, as: SIMD2<UInt64>.self)
        let q = squares.load(fromByteOffset: offset, as: SIMD2<UInt64>.self)
        squares.storeBytes(of: q &+ fixed48Pair(x * x), toByteOffset: offset, as: SIMD2<UInt64>.self)
        let b = binPair(x)
        row[Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: b[0]))] &+= 1
        row[binStride &+ Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: b[1]))] &+= 1
    }

    /// A's histogram bin, by definition: 0 for A <= 0 (and NaN), 1 + floor(A bins)
    /// for 0 < A < 1 (at most `bins`), bins + 1 for A >= 1. `binPair`
    /// computes this without branches; this is its scalar form.
    @inline(__always)
    static func bin(_ a: Double) -> Int {
        Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: binPair(SIMD2(repeating: a))[0]))
    }

    /// The histogram bins of two values of A, in the low 32 bits of each
    /// lane (the high 32 hold the exponent bits of 2^52), equal to the
    /// definition in `bin` for every Double, NaN included. With y = fl(A bins),
    /// the same rounded product the definition truncates:
    ///
    /// - y is clamped to [0, bins]: NaN and A <= 0 give 0, A > 1 gives bins.
    ///   For A < 1, y < bins already: the largest A below 1 is 1 - 2^-53, and
    ///   2000 (1 - 2^-53) = 2000 - 0.98 * 2^-42 rounds to 2000 - 2^-42 (the
    ///   spacing of doubles in [1024, 2048) is 2^-42). So floor(y) <= bins - 1
    ///   there, and the definition's min(_, bins - 1) never binds; at A = 1,
    ///   y = bins exactly.
    /// - t = y + 2^52 is a double in [2^52, 2^53), where doubles are exactly
    ///   the integers, so t = 2^52 + round(y) (to nearest) and its bit pattern
    ///   is bits(2^52) + round(y): round(y) sits in the low mantissa bits.
    ///   r = t - 2^52 = round(y) exactly (both in [2^52, 2^53)).
    /// - For y > 0, 1 + floor(y) = r + (r <= y ? 1 : 0): r <= y means r is
    ///   floor(y), r > y means rounding went up and floor(y) = r - 1. For
    ///   y = 0 (A <= 0 or NaN) the bin is 0 = r: comparing max(r, 2^-1074)
    ///   instead of r keeps every y > 0 unchanged (r >= 1, or r = 0 and
    ///   y >= 2^-1074, the least positive double) and makes y = 0 fail.
    /// - The comparison gives all-ones (-1) when true, so subtracting it
    ///   adds 1. bits(2^52) has zero low 32 bits and round(y) + 1 <= 2001,
    ///   so the low 32 bits are the bin.
    ///
    /// SSE2: mulpd, maxpd, minpd, addpd, subpd, maxpd, cmplepd, psubq.
    @inlinable @inline(__always)
    package static func binPair(_ a: SIMD2<Double>) -> SIMD2<UInt64> {
        let bins = Double(SimulationResult.adoptionBins)
        var y = a * bins
        y.replace(with: 0, where: .!(y .> 0))
        y.replace(with: bins, where: .!(y .< bins))
        let t = y + 0x1p52
        var r = t - 0x1p52
        r.replace(with: .leastNonzeroMagnitude, where: .!(r .> .leastNonzeroMagnitude))
        let inside = SIMD2<UInt64>(repeating: 0).replacing(with: .max, where: r .<= y)
        return t.bitPatterns &- inside
    }

    /// `bin` of the `Double` of each of 8 single-precision values, in
    /// single precision (the engine's lanes): 4 to 5 times fewer
    /// instructions than `binPair` on the widened values. With a in [0, 1]
    /// (a clamped copy; NaN and a <= 0 give 0, a >= 1 gives bins + 1 after):
    ///
    /// - Double(a) bins is exact (24 + 11 significant bits), so the
    ///   definition's floor is the floor of the exact product a bins.
    /// - r = floor(fl(a bins)) is that floor or one more (rounding may
    ///   carry a product just below an integer up to it, never across one).
    /// - fma(a, bins, -r) is a bins - r rounded once; a nonzero difference is
    ///   a multiple of a's spacing (at least 2^-149, representable), so
    ///   rounding keeps its sign: it is negative exactly when r is one too many.
    ///
    /// The fused multiply-add is one instruction with FMA (the AVX-512 and
    /// AVX2 builds); elsewhere it is correct but a library call per lane, so
    /// the portable build uses `binPair` (the same numbers).
    @inlinable @inline(__always)
    package static func binLanes(_ a: SIMD8<Float>) -> SIMD8<Int32> {
        typealias Math = Lanes<SIMD8<Float>>
        let bins = Float(SimulationResult.adoptionBins)
        let inside = a .> SIMD8<Float>()
        let full = a .>= SIMD8<Float>(repeating: 1)
        let x = Math.keep(Math.select(full, SIMD8(repeating: 1), a), inside)
        var r = (x * bins).rounded(.down)
        let error = (-r).addingProduct(x, SIMD8(repeating: bins))
        r = r - Math.keep(SIMD8(repeating: 1), error .< SIMD8<Float>())
        // r is a whole number in [0, bins]: 2^23 + r holds it in its low bits.
        let floor = unsafeBitCast(r + 0x1p23, to: SIMD8<Int32>.self) &- SIMD8(repeating: 0x4B00_0000)
        return Math.count(inside) &+ floor
    }

    /// x * 2^48 rounded to the nearest integer (ties to even), for x in
    /// [0, 1]: adding 2^52 puts the integer in the low mantissa bits.
    @inline(__always)
    static func fixed48(_ x: Double) -> UInt64 {
        (x * SimulationResult.adoptionScale + 0x1p52).bitPattern &- (0x1p52 as Double).bitPattern
    }

    /// `fixed48` of two values, without its multiplication: for x in [0, 1],
    /// x + 16 is exactly 2^-48 (x 2^48 + 2^52), and rounding commutes with
    /// scaling by a power of two (no overflow or underflow here), so the
    /// rounded x + 16 is 2^-48 times the rounded x 2^48 + 2^52. Doubles in
    /// [16, 32) are spaced 2^-48 apart as those in [2^52, 2^53) are spaced 1,
    /// so bits(x + 16) - bits(16) is the same integer `fixed48` gives.
    @inlinable @inline(__always)
    package static func fixed48Pair(_ x: SIMD2<Double>) -> SIMD2<UInt64> {
        (x + 16).bitPatterns &- SIMD2(repeating: (16 as Double).bitPattern)
    }
}

extension SIMD2 where Scalar == Double {
    /// The lanes' IEEE bit patterns.
    @inlinable @inline(__always)
    var bitPatterns: SIMD2<UInt64> { unsafeBitCast(self, to: SIMD2<UInt64>.self) }
}
