/// An accumulator's adoption histogram and pending fixed-point sums, as a
/// plain value a trial's adoption path is added to.
struct AdoptionSink {
    let counts: UnsafeMutablePointer<UInt32>
    let stride: Int
    let sums: UnsafeMutablePointer<UInt64>
    let squares: UnsafeMutablePointer<UInt64>

    /// Adds the path A_0 ..< A_steps (each in [0, 1]): per step its histogram
    /// bin and A, A^2 in fixed point. Two passes: the sums are straight-line
    /// arithmetic on contiguous arrays, which the compiler turns into vector
    /// instructions; the histogram increments are scattered and stay scalar.
    @inline(__always)
    func add(path a: UnsafePointer<Double>, steps: Int) {
        let sums = self.sums
        let squares = self.squares
        for t in 0..<steps {
            let x = a[t]
            sums[t] &+= Self.fixed48(x)
            squares[t] &+= Self.fixed48(x * x)
        }
        let counts = self.counts
        var row = 0
        for t in 0..<steps {
            counts[row &+ Self.bin(a[t])] &+= 1
            row &+= stride
        }
    }

    /// A's histogram bin: 0 for A = 0 exactly, 1 + floor(A bins) inside,
    /// bins + 1 for A = 1.
    @inline(__always)
    static func bin(_ a: Double) -> Int {
        let bins = SimulationResult.adoptionBins
        let j = Int(a * Double(bins))
        return a > 0 ? (a < 1 ? 1 &+ (j < bins ? j : bins &- 1) : bins &+ 1) : 0
    }

    /// x * 2^48 rounded to the nearest integer (ties to even), for x in
    /// [0, 1]: adding 2^52 puts the integer in the low mantissa bits.
    @inline(__always)
    static func fixed48(_ x: Double) -> UInt64 {
        (x * SimulationResult.adoptionScale + 0x1p52).bitPattern &- (0x1p52 as Double).bitPattern
    }
}
