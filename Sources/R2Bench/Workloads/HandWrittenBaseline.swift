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
        let bins = SimulationResult.adoptionBins
        let stride = bins + 2
        let counts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: steps * stride)
        let sums = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: steps)
        let squares = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: steps)
        let adoption = UnsafeMutableBufferPointer<Double>.allocate(capacity: steps)
        counts.initialize(repeating: 0)
        sums.initialize(repeating: 0)
        squares.initialize(repeating: 0)
        adoption.initialize(repeating: 0)
        defer {
            counts.deallocate()
            sums.deallocate()
            squares.deallocate()
            adoption.deallocate()
        }
        let releases = [Double](unsafeUninitializedCapacity: trials) { out, initialized in
            for i in 0..<trials {
                out[i] = trial(UInt64(i), seed: seed, adoption: adoption.baseAddress!)
                var row = counts.baseAddress!
                for t in 0..<steps {
                    let a = adoption[t]
                    let j = Int(a * Double(bins))
                    let bin = a > 0 ? (a < 1 ? 1 &+ (j < bins ? j : bins &- 1) : bins &+ 1) : 0
                    row[bin] &+= 1
                    row += stride
                    sums[t] &+= fixed48(a)
                    squares[t] &+= fixed48(a * a)
                }
            }
            initialized = trials
        }
        return Outcome(
            trials: trials, releases: releases, adoptionCounts: Array(counts), adoptionSum: Array(sums),
            adoptionSumOfSquares: Array(squares))
    }

    /// x 2^48 rounded to an integer, for x in [0, 1] (the engine's fixed point).
    @inline(__always)
    static func fixed48(_ x: Double) -> UInt64 {
        (x * 0x1p48 + 0x1p52).bitPattern &- (0x1p52 as Double).bitPattern
    }
}
