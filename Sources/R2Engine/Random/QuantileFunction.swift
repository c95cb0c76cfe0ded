/// The quantile function of an `InverseTable` as a plain value (pointers
/// into the table), for the trial loop.
struct QuantileFunction: @unchecked Sendable {
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
        sample(word: rng.next())
    }

    /// `sample` on the word `w` already drawn.
    @inline(__always)
    func sample(word w: UInt64) -> Double {
        Self.sample(word: w, intervals: intervals, guide: guide, guideCount: guideCount)
    }

    /// `sample(word:)` of the function with these tables.
    @inline(__always)
    static func sample(
        word w: UInt64, intervals: UnsafeMutablePointer<InverseTable.Interval>,
        guide: UnsafeMutablePointer<Int32>, guideCount: UInt64
    ) -> Double {
        let bits = w &>> 11
        // bits < 2^53: the signed conversion is exact and the same value.
        let u = (Double(Int64(bitPattern: bits)) + 0.5) * 0x1p-53
        let j = Int(truncatingIfNeeded: (bits &* guideCount) &>> 53)
        return evaluate(u, intervals + Int(truncatingIfNeeded: guide[j]))
    }

    @inline(__always)
    func evaluate(_ u: Double, from k: Int) -> Double {
        Self.evaluate(u, intervals + k)
    }

    /// The polynomial of the first interval from `start` whose end is above u.
    @inline(__always)
    static func evaluate(_ u: Double, _ start: UnsafeMutablePointer<InverseTable.Interval>) -> Double {
        var p = start
        if u >= p.pointee.end {
            repeat { p += 1 } while u >= p.pointee.end
        }
        let v = u - p.pointee.start
        var x = p.pointee.c5
        x = p.pointee.c4 + v * x
        x = p.pointee.c3 + v * x
        x = p.pointee.c2 + v * x
        x = p.pointee.c1 + v * x
        return p.pointee.c0 + v * x
    }

    /// An upper bound of |Q(u)| over every u: per interval, the sum of
    /// |c_i| w^i with w its width (the search never gives v above w).
    func magnitudeBound() -> Double {
        var bound = 0.0
        for k in 0..<count {
            let p = intervals[k]
            var m = abs(p.c0)
            if p.c1 != 0 || p.c2 != 0 || p.c3 != 0 || p.c4 != 0 || p.c5 != 0 {
                let w = p.end - p.start
                guard w.isFinite, w >= 0 else { return .infinity }
                m += w * (abs(p.c1) + w * (abs(p.c2) + w * (abs(p.c3) + w * (abs(p.c4) + w * abs(p.c5)))))
            }
            if !(m <= bound) { bound = m }
        }
        return bound
    }

    /// Guide entries of a packed copy: 2^11, so the guide index of word w
    /// is w >> 53, the top 11 bits of its uniform's 53.
    static let packedGuideCount = 1 << 11
    /// Where a packed copy's intervals start.
    static let packedIntervalsOffset = packedGuideCount * MemoryLayout<Int32>.stride

    /// A copy of this function in one block for the draw loops: 2^11 guide
    /// entries (entry j: the byte offset from the block's start of the
    /// first interval whose end is above j / 2^11), then the intervals. The
    /// caller frees it.
    func packed() -> UnsafeMutableRawPointer {
        typealias I = InverseTable.Interval
        let stride = MemoryLayout<I>.stride
        // The offsets `sample(word:packed:)` reads the fields at.
        precondition(
            stride == 64 && MemoryLayout<I>.offset(of: \.start) == 0 && MemoryLayout<I>.offset(of: \.end) == 8
                && MemoryLayout<I>.offset(of: \.c0) == 16 && MemoryLayout<I>.offset(of: \.c1) == 24
                && MemoryLayout<I>.offset(of: \.c2) == 32 && MemoryLayout<I>.offset(of: \.c3) == 40
                && MemoryLayout<I>.offset(of: \.c4) == 48 && MemoryLayout<I>.offset(of: \.c5) == 56)
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: Self.packedIntervalsOffset + count * stride, alignment: 128)
        let copy = (raw + Self.packedIntervalsOffset).bindMemory(to: InverseTable.Interval.self, capacity: count)
        copy.initialize(from: intervals, count: count)
        let guide = raw.bindMemory(to: Int32.self, capacity: Self.packedGuideCount)
        var k = 0
        for j in 0..<Self.packedGuideCount {
            let u = Double(j) / Double(Self.packedGuideCount)
            while intervals[k].end <= u { k += 1 }
            guide[j] = Int32(Self.packedIntervalsOffset + k * stride)
        }
        return raw
    }

    /// `sample(word:)` of the function whose packed copy is at `base`: the
    /// same u, and the search from guide[w >> 53] (never above floor(u 2^11):
    /// (w >> 11) 2^-53 <= u) finds the same interval.
    @inline(__always)
    static func sample(word w: UInt64, packed base: UnsafeRawPointer) -> Double {
        let bits = w &>> 11
        let u = (Double(Int64(bitPattern: bits)) + 0.5) * 0x1p-53
        let j = Int(truncatingIfNeeded: w &>> 53)
        var offset = Int(truncatingIfNeeded: base.load(fromByteOffset: j &* 4, as: Int32.self))
        // The search and the polynomial of `evaluate`, by byte offset.
        let stride = 64
        while u >= base.load(fromByteOffset: offset &+ 8, as: Double.self) { offset &+= stride }
        let v = u - base.load(fromByteOffset: offset, as: Double.self)
        var x = base.load(fromByteOffset: offset &+ 56, as: Double.self)
        x = base.load(fromByteOffset: offset &+ 48, as: Double.self) + v * x
        x = base.load(fromByteOffset: offset &+ 40, as: Double.self) + v * x
        x = base.load(fromByteOffset: offset &+ 32, as: Double.self) + v * x
        x = base.load(fromByteOffset: offset &+ 24, as: Double.self) + v * x
        return base.load(fromByteOffset: offset &+ 16, as: Double.self) + v * x
    }
}
