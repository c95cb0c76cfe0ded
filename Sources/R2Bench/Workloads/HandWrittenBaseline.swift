import Foundation
import R2Engine

/// scenarios/baseline.r2s (as of 2025-08-14) written out by hand as one
/// loop: every input a local, PERT inputs drawn from quantile tables built
/// beforehand (as the engine does), each timeline an `if` on the month, one
/// random stream per trial, and the same adoption accumulation as the
/// engine (a 2002-bin histogram and fixed-point sums per month). It is the
/// same model, not the same draws: it answers the question "how fast could
/// this model be", against which the engine's interpretation is measured.
/// It follows the file as of its last edit here; `r2cast bench` compares the
/// two forecasts and says when they have drifted apart.
public enum HandWrittenBaseline {
    /// Months of the clock 2025-01 to 2027-12.
    public static let steps = 36

    /// Runs trials 0 ..< trials on the calling thread (call `prepare` first,
    /// or the first run builds the tables). Never inlined, so that a
    /// profiler finds its trial loop (docs/PERFORMANCE.md, "Profile").
    @inline(never)
    public static func run(trials: Int, seed: UInt64) -> Outcome {
        let stride = AdoptionSink.binStride
        // The engine's accumulation (SIMD2 lanes: the sums 16-byte aligned).
        let counts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: steps * stride)
        let sums = UnsafeMutableRawPointer.allocate(byteCount: steps * 8, alignment: 16)
            .bindMemory(to: UInt64.self, capacity: steps)
        let squares = UnsafeMutableRawPointer.allocate(byteCount: steps * 8, alignment: 16)
            .bindMemory(to: UInt64.self, capacity: steps)
        let adoption = UnsafeMutableBufferPointer<Double>.allocate(capacity: steps)
        counts.initialize(repeating: 0)
        sums.initialize(repeating: 0, count: steps)
        squares.initialize(repeating: 0, count: steps)
        adoption.initialize(repeating: 0)
        defer {
            counts.deallocate()
            sums.deallocate()
            squares.deallocate()
            adoption.deallocate()
        }
        let sink = AdoptionSink(counts: counts.baseAddress!, sums: sums, squares: squares)
        let releases = [Double](unsafeUninitializedCapacity: trials) { out, initialized in
            for i in 0..<trials {
                out[i] = trial(UInt64(i), seed: seed, adoption: adoption.baseAddress!)
                sink.add(path: adoption.baseAddress!, steps: steps)
            }
            initialized = trials
        }
        return Outcome(
            trials: trials, releases: releases, adoptionCounts: Array(counts),
            adoptionSum: Array(UnsafeBufferPointer(start: sums, count: steps)),
            adoptionSumOfSquares: Array(UnsafeBufferPointer(start: squares, count: steps)))
    }
}
