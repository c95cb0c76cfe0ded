/// The quantile function of an `InverseTable` as a plain value (pointers
/// into the table), for the trial loop.
struct QuantileFunction {
    let intervals: UnsafeMutablePointer<InverseTable.Interval>
    /// guide[j]: the first interval whose end is above j / guideCount.
    let guide: UnsafeMutablePointer<Int32>
    let guideCount: UInt64
    let count: Int

    /// At most 2^11 guide entries, so that (w >> 11) * guideCount fits 64 bits.
    static let maximumGuide = 1 << 11

    /// Q(u) for u in (0, 1).
    @inline(__always)
    func quantile(_ u: Double) -> Double {
        let j = Int(u * Double(guideCount))
        return evaluate(u, from: Int(truncatingIfNeeded: guide[j]))
    }

    /// Q(u) of the open uniform u = (w >> 11 + 1/2) 2^-53 of the 64-bit
    /// word w (one word of `rng`). The guide index (w >> 11) * G >> 53 is
    /// never above floor(u G), so the search from it finds u's interval.
    @inline(__always)
    func sample(_ rng: inout RandomStream) -> Double {
        let bits = rng.next() &>> 11
        let u = (Double(bits) + 0.5) * 0x1p-53
        let j = Int(truncatingIfNeeded: (bits &* guideCount) &>> 53)
        return evaluate(u, from: Int(truncatingIfNeeded: guide[j]))
    }

    @inline(__always)
    func evaluate(_ u: Double, from k: Int) -> Double {
        var p = intervals + k
        while u >= p.pointee.end { p += 1 }
        let v = u - p.pointee.start
        var x = p.pointee.c5
        x = p.pointee.c4 + v * x
        x = p.pointee.c3 + v * x
        x = p.pointee.c2 + v * x
        x = p.pointee.c1 + v * x
        return p.pointee.c0 + v * x
    }
}
