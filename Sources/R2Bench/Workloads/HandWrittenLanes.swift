import Foundation
import R2Engine

/// The hand-written baseline (`HandWrittenBaseline`) with `width` trials in
/// SIMD lanes: the same inputs, distributions, timelines, events and
/// month-by-month semantics, every per-trial variable a vector, every branch
/// on a trial's state a mask (`replacing(with:where:)`), lanes whose training
/// has finished masked off. A branch survives only where it is on the month
/// alone (a timeline's pieces, the same for every lane) or skips work that no
/// lane of the group needs this month (`any`).
///
/// It is the same model, not the same draws: the release share and median
/// agree with the scalar loop's within Monte Carlo error, not trial by trial.
/// It measures how fast model v1 can run on this machine with several trials
/// per instruction (docs/PERFORMANCE.md, "What would meet the 1M target").
///
/// Random numbers. Trial i under `seed` has a 128-bit state of its own, the
/// SplitMix64 words 2i + 1 and 2i + 2 of the stream started at
/// `mix(seed ^ salt)` (a counter-based key: trial i depends only on (seed,
/// i), whatever the group or lane it runs in). From that state each lane
/// runs xoshiro128** (Blackman and Vigna 2018; 32-bit words, passes
/// BigCrush), whose step is shifts, rotations, xors and two multiplications
/// by 5 and 9 that are a shift and an add each: no 64-bit product, which has
/// no vector form on x86-64 below AVX-512, and no 32-bit product, which
/// SSE2 lacks (`pmulld` is SSE4.1). One vector step gives one word to every
/// lane for about 17 instructions. Uniforms use the word's 32 bits (2^-32
/// resolution, as the scalar loop's tables and monthly events do).
public enum HandWrittenLanes {
    /// Trials per group: the lane count of the vectors below.
    public static let width = 4
    typealias VD = SIMD4<Double>
    typealias VU = SIMD4<UInt32>
    typealias VW = SIMD4<UInt64>
    typealias VI = SIMD4<Int64>
    typealias VM = SIMDMask<SIMD4<Int64>>

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
        // Per step and lane, the fixed-point sums of A and A^2 (modulo 2^64);
        // the lanes are added together at the end, which gives the sums the
        // engine's `AdoptionSink` gives, bit for bit (addition modulo 2^64
        // does not depend on order).
        let sums = UnsafeMutablePointer<VW>.allocate(capacity: 2 * steps)
        sums.initialize(repeating: VW(), count: 2 * steps)
        defer {
            counts.deallocate()
            sums.deallocate()
        }
        let tables = Self.tables
        let base = RandomStream.mix(seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let releases = [Double](unsafeUninitializedCapacity: trials) { out, initialized in
            let release = out.baseAddress!
            let full = trials / width
            for g in 0..<full {
                group(
                    first: g &* width, lanes: width, base: base, tables: tables,
                    counts: counts.baseAddress!, sums: sums, releases: release)
            }
            if trials > full * width {
                group(
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

extension SIMD4 where Scalar == UInt64 {
    /// The lanes' sum modulo 2^64.
    @inline(__always)
    fileprivate func wrappedSum() -> UInt64 { self[0] &+ self[1] &+ self[2] &+ self[3] }
}
