/// Sorting a run's release times (doubles) and sector shares (floats): a
/// least-significant-digit radix sort of the numbers' bit patterns, 8 bits a
/// pass, in time linear in the count. For a million release times it takes a
/// fraction of the comparison sort's time: the comparison sort took 75-100
/// ms on one thread, and the whole 1M run went from 0.35-0.43 s to 0.25-0.34 s
/// (docs/PERFORMANCE-LOG.md, "A whole file").
enum RadixSort {
    /// Below this many values the standard library's sort is as fast.
    static let threshold = 4096

    /// The values of `values` that are not NaN, ascending (as `sort()`
    /// orders them; -0 before +0, which compare equal).
    static func sortedNumbers(_ values: [Double]) -> [Double] { sorted(values) }

    /// The same for floats: four passes over 32-bit patterns.
    static func sortedNumbers(_ values: [Float]) -> [Float] { sorted(values) }

    @inline(__always)
    static func sorted<F: BinaryFloatingPoint>(_ values: [F]) -> [F] where F.RawSignificand: UnsignedInteger {
        var kept = [F]()
        kept.reserveCapacity(values.count)
        for x in values where !x.isNaN { kept.append(x) }
        if kept.count < threshold {
            kept.sort()
            return kept
        }
        let n = kept.count
        kept.withUnsafeMutableBufferPointer { buffer in
            if F.self == Double.self {
                buffer.baseAddress!.withMemoryRebound(to: UInt64.self, capacity: n) { sort($0, n) }
            } else {
                precondition(F.self == Float.self, "a radix sort of doubles or floats")
                buffer.baseAddress!.withMemoryRebound(to: UInt32.self, capacity: n) { sort($0, n) }
            }
        }
        return kept
    }

    /// Sorts the n keys' numbers at `keys` (bit patterns of floating-point
    /// numbers of K's width, no NaN).
    private static func sort<K: FixedWidthInteger & UnsignedInteger>(_ keys: UnsafeMutablePointer<K>, _ n: Int) {
        let passes = K.bitWidth / 8
        let scratch = UnsafeMutablePointer<K>.allocate(capacity: n)
        defer { scratch.deallocate() }
        // One histogram per byte in one pass, over keys that order as the numbers.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: passes * 256)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: passes * 256)
        for i in 0..<n {
            let k = key(keys[i])
            keys[i] = k
            for byte in 0..<passes {
                counts[byte &* 256 &+ Int(truncatingIfNeeded: (k &>> K(truncatingIfNeeded: byte &* 8)) & 0xFF)] &+= 1
            }
        }
        var from = keys
        var to = scratch
        for byte in 0..<passes {
            let count = counts + byte &* 256
            let shift = K(truncatingIfNeeded: byte &* 8)
            // A digit every key shares moves nothing: skip its pass.
            let first = Int(truncatingIfNeeded: (from[0] &>> shift) & 0xFF)
            if count[first] == n { continue }
            var offset = 0
            for d in 0..<256 {
                let c = count[d]
                count[d] = offset
                offset &+= c
            }
            for i in 0..<n {
                let k = from[i]
                let d = Int(truncatingIfNeeded: (k &>> shift) & 0xFF)
                to[count[d]] = k
                count[d] &+= 1
            }
            swap(&from, &to)
        }
        if from != keys { keys.update(from: from, count: n) }
        for i in 0..<n { keys[i] = value(keys[i]) }
    }

    /// The bits of x, turned so that unsigned order is numeric order:
    /// positive numbers gain the sign bit, negative ones are inverted.
    @inline(__always)
    static func key<K: FixedWidthInteger & UnsignedInteger>(_ bits: K) -> K {
        let sign = K(1) &<< K(K.bitWidth - 1)
        return bits & sign == 0 ? bits | sign : ~bits
    }

    /// The bits of the number whose key is k.
    @inline(__always)
    static func value<K: FixedWidthInteger & UnsignedInteger>(_ k: K) -> K {
        let sign = K(1) &<< K(K.bitWidth - 1)
        return k & sign != 0 ? k & ~sign : ~k
    }
}
