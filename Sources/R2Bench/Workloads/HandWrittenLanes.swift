import Foundation
import R2Engine

/// The hand-written baseline (`HandWrittenBaseline`) with 8 trials per
/// group in single precision: every per-trial variable a `SIMD8<Float>`,
/// the generators `SIMD8<UInt32>`, one 256-bit register each in the AVX2
/// and AVX-512 builds (two SSE2 registers in the portable build); every
/// branch on a trial's state a mask, lanes whose training has finished
/// masked off. A branch survives only
/// where it is on the month alone (a timeline's pieces, the same for every
/// lane) or skips work no lane of the group needs this month (`any`).
///
/// The same inputs, distributions, timelines, events, month-by-month
/// semantics and adoption accumulation as the scalar loop; the arithmetic
/// of a trial (fleets, capacities, progress, the release) in `Float`, whose
/// 24-bit significand holds these magnitudes (fleets below 10^6, progress
/// below 10^5, months below 10^2) to about 10^-7 of themselves. Adoption A
/// is computed in `Float` and accumulated by `AdoptionSink`'s definitions on
/// the `Double` of that value (exact: a `Float` widens to `Double` without
/// rounding). It is the same model, not the same draws: its forecast agrees
/// with the scalar loop's within Monte Carlo error, not trial by trial.
///
/// Random numbers: trial i has a 128-bit xoshiro128** state (Blackman and
/// Vigna 2018; 32-bit words, passes BigCrush) made of the SplitMix64 words
/// 2i + 1 and 2i + 2 after `mix(seed ^ salt)`, so it depends only on
/// (seed, i), whatever group or lane it runs in. The generator's step is
/// shifts, rotations, xors and multiplications by 5 and 9 (a shift and an
/// add each): no 64-bit product, which has no vector form on x86-64 below
/// AVX-512. Uniforms for events use the word's top 23 bits (2^-23
/// resolution); table draws the top 12 bits for the cell and the next 20
/// for the fraction.
///
/// It measures how fast model v1 can run on this machine with several
/// trials per instruction (docs/PERFORMANCE-LOG.md, "The limit, measured").
public enum HandWrittenLanes {
    /// Trials per group: the lane count of the vectors below.
    public static let width = 8
    typealias VF = SIMD8<Float>
    typealias VU = SIMD8<UInt32>
    typealias VI = SIMD8<Int32>
    typealias VW = SIMD8<UInt64>
    typealias VM = SIMDMask<SIMD8<Int32>>
    /// The engine's lane arithmetic at this loop's width (the engine's own
    /// is 16 lanes in the AVX-512 and AVX2 builds).
    typealias Math = Lanes<SIMD8<Float>>

    static var steps: Int { HandWrittenBaseline.steps }

    /// Runs trials 0 ..< trials on the calling thread, `width` at a time
    /// (call `prepare` first, or the first run builds the tables). Never
    /// inlined, so that a profiler finds it.
    @inline(never)
    public static func run(trials: Int, seed: UInt64) -> HandWrittenBaseline.Outcome {
        let stride = AdoptionSink.binStride
        let steps = Self.steps
        let counts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: steps * stride)
        counts.initialize(repeating: 0)
        // Per step and lane, the fixed-point sums of A and A^2 (modulo 2^64),
        // added together at the end (addition modulo 2^64 does not depend on order).
        let sums = UnsafeMutablePointer<VW>.allocate(capacity: 2 * steps)
        sums.initialize(repeating: VW(), count: 2 * steps)
        defer {
            counts.deallocate()
            sums.deallocate()
        }
        let tables = Self.tables
        // Every trial's generator starts from words of this SplitMix64 stream.
        let base = RandomStream.mix(seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let releases = [Double](unsafeUninitializedCapacity: trials) { out, initialized in
            let release = out.baseAddress!
            let full = trials / width
            for g in 0..<full {
                fullGroup(
                    first: g &* width, base: base, tables: tables,
                    counts: counts.baseAddress!, sums: sums, releases: release)
            }
            if trials > full * width {
                partialGroup(
                    first: full * width, lanes: trials - full * width, base: base, tables: tables,
                    counts: counts.baseAddress!, sums: sums, releases: release)
            }
            initialized = trials
        }
        var adoptionSum = [UInt64](repeating: 0, count: steps)
        var adoptionSumOfSquares = [UInt64](repeating: 0, count: steps)
        for t in 0..<steps {
            adoptionSum[t] = sums[2 * t].wrappedSum()
            adoptionSumOfSquares[t] = sums[2 * t + 1].wrappedSum()
        }
        return HandWrittenBaseline.Outcome(
            trials: trials, releases: releases, adoptionCounts: Array(counts),
            adoptionSum: adoptionSum, adoptionSumOfSquares: adoptionSumOfSquares)
    }

    /// Builds the tables (a fraction of a second), so that no timed run pays for them.
    public static func prepare() {
        _ = tables
    }
}

extension SIMD8 where Scalar == UInt64 {
    /// The lanes' sum modulo 2^64.
    @inline(__always)
    fileprivate func wrappedSum() -> UInt64 {
        var s: UInt64 = 0
        for l in 0..<8 { s &+= self[l] }
        return s
    }
}
