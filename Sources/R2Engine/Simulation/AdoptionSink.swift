/// An accumulator's adoption histogram and pending fixed-point sums, as a
/// plain value the trial loop adds each step's A to.
struct AdoptionSink {
    let counts: UnsafeMutablePointer<UInt32>
    let stride: Int
    let sums: UnsafeMutablePointer<UInt64>
    let squares: UnsafeMutablePointer<UInt64>

    /// Adds A (in [0, 1]) of step t: its histogram bin (0 for A = 0 exactly,
    /// 1 + floor(A bins) inside, bins + 1 for A = 1) and A, A^2 in fixed point.
    @inline(__always)
    func add(step t: Int, _ a: Double) {
        let bins = SimulationResult.adoptionBins
        let j = Int(a * Double(bins))
        let bin = a > 0 ? (a < 1 ? 1 &+ (j < bins ? j : bins &- 1) : bins &+ 1) : 0
        counts[t &* stride &+ bin] &+= 1
        sums[t] &+= Self.fixed48(a)
        squares[t] &+= Self.fixed48(a * a)
    }

    /// x * 2^48 rounded to the nearest integer (ties to even), for x in
    /// [0, 1]: adding 2^52 puts the integer in the low mantissa bits.
    @inline(__always)
    static func fixed48(_ x: Double) -> UInt64 {
        (x * SimulationResult.adoptionScale + 0x1p52).bitPattern &- (0x1p52 as Double).bitPattern
    }
}
