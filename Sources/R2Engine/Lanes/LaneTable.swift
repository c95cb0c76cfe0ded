/// A quantile function for a group's draws at once, in single precision: 2^b cells
/// of u (b = 12, 14 for the standard normal), linear inside each. Cell k
/// holds Q(k / 2^b) and the rise Q((k + 1) / 2^b) - Q(k / 2^b), so one
/// 8-byte load per lane fetches both. A lane's 32-bit word w picks the cell
/// with its top b bits and the fraction with the rest. The four cells at
/// each end, where a quantile function may be unbounded or steep, are
/// computed exactly instead: Q((w + 1/2) 2^-32) from the double-precision
/// function (a lane in 2^(b-2) on average).
///
/// The chord is exact at the cells' ends, so every cell keeps its
/// probability 2^-b exactly; inside a cell the distribution function is
/// off by at most about h^2 |Q''| f / 8 (h = 2^-b): for the normal's
/// 16,384 cells below 2e-6 everywhere (tested), a fifth of the Monte Carlo
/// error of a probability of 10^-4 estimated from a million trials.
struct LaneTable: @unchecked Sendable {
    /// (Q at the cell's start, rise over the cell); owned by whoever built it.
    let cells: UnsafeMutablePointer<SIMD2<Float>>
    /// The double-precision function, for the end cells.
    let function: QuantileFunction
    let cellCount: Int
    /// 32 - b: the word's low bits that make the fraction.
    let shift: UInt32
    /// 2^-(32 - b): the fraction's scale; 2^(32 - b) - 1: the fraction's
    /// bits; 2^b - 1: a cell number's bits. Kept, not derived per draw.
    let scale: Float
    let fractionMask: UInt32
    let cellMask: UInt32

    /// The standard normal's, with 2^14 cells (shared by every normal and
    /// lognormal draw; built once per process).
    static let standardNormal = LaneTable(InverseTable.standardNormal.function, cellBits: 14)

    /// 2^12 cells: 512 were no faster (-1.3% ± 1.8%); fitting in L2 is not the cost.
    init(_ function: QuantileFunction, cellBits: Int = 12) {
        precondition(cellBits >= 9 && cellBits <= 16)
        self.function = function
        cellCount = 1 << cellBits
        shift = UInt32(32 - cellBits)
        scale = Float(sign: .plus, exponent: -(32 - cellBits), significand: 1)
        fractionMask = (1 << shift) &- 1
        cellMask = UInt32(cellCount - 1)
        cells = .allocate(capacity: cellCount)
        let n = cellCount
        let q = (0...n).map { k in k < 4 || k > n - 4 ? 0 : function.quantile(Double(k) / Double(n)) }
        for k in 0..<n {
            cells[k] = k < 4 || k >= n - 4 ? .zero : SIMD2(Float(q[k]), Float(q[k + 1] - q[k]))
        }
    }

    /// Q of each lane's word (see the type).
    @inline(__always)
    func sample(_ w: LaneWord) -> LaneFloat {
        let k = w &>> LaneWord(repeating: shift)
        let fraction = LaneMath.small(w & LaneWord(repeating: fractionMask)) * scale
        var x = LaneMath.interpolate(cells, k, fraction)
        // k + 4 mod 2^b is below 8 in the first four cells and the last four.
        let end = ((k &+ 4) & LaneWord(repeating: cellMask)) .< LaneWord(repeating: 8)
        if _slowPath(LaneMath.any(end)) {
            for l in 0..<LaneMath.width where end[l] { x[l] = exact(w[l]) }
        }
        return x
    }

    /// The scalar form of `sample`: the same value for the same word.
    func sample(_ w: UInt32) -> Float {
        let k = Int(w &>> shift)
        if k < 4 || k >= cellCount - 4 { return exact(w) }
        let fraction = Float(w & fractionMask) * scale
        return cells[k].x + fraction * cells[k].y
    }

    /// Q((w + 1/2) 2^-32) in double precision, rounded to single.
    @inline(never)
    func exact(_ w: UInt32) -> Float {
        Float(function.quantile((Double(w) + 0.5) * 0x1p-32))
    }
}
