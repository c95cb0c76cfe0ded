/// Sorting a run's release times (doubles) and sector shares (floats): a
/// least-significant-digit radix sort of the numbers' bit patterns, 8 bits a
/// pass, in time linear in the count. For a million release times it takes a
/// fraction of the comparison sort's time: the comparison sort took 75-100
/// ms on one thread, and the whole 1M run went from 0.35-0.43 s to 0.25-0.34 s
/// (docs/PERFORMANCE-LOG.md, "A whole file").
///
/// The values are read once, through a function of their index, into the
/// keys (NaN left out, each digit counted on the way), and the sorted
/// numbers are written once into the result: a caller that picks values
/// (the kept trials of one sector window) pays no copy of its own.
enum RadixSort {
    /// Below this many values the standard library's sort is as fast.
    static let threshold = 4096

    /// The values of `values` that are not NaN, ascending (as `sort()`
    /// orders them; -0 before +0, which compare equal).
    static func sortedNumbers(_ values: [Double]) -> [Double] {
        values.withUnsafeBufferPointer { v in sortedNumbers(count: v.count) { v[$0] } }
    }

    /// The same for floats: four passes over 32-bit patterns.
    static func sortedNumbers(_ values: [Float]) -> [Float] {
        values.withUnsafeBufferPointer { v in sortedNumbers(count: v.count) { v[$0] } }
    }

    /// The numbers `value(0) ..< value(count)` that are not NaN, ascending.
    @inline(__always)
    static func sortedNumbers<F: RadixSortable>(count: Int, _ value: (Int) -> F) -> [F] {
        let passes = F.Key.bitWidth / 8
        let keys = UnsafeMutablePointer<F.Key>.allocate(capacity: Swift.max(1, count))
        defer { keys.deallocate() }
        // One histogram per byte, counted as the keys are made.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: passes * 256)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: passes * 256)
        var n = 0
        for i in 0..<count {
            let x = value(i)
            if x.isNaN { continue }
            let k = key(x.radixBits)
            keys[n] = k
            n &+= 1
            for byte in 0..<passes {
                counts[byte &* 256 &+ Int(truncatingIfNeeded: (k &>> F.Key(truncatingIfNeeded: byte &* 8)) & 0xFF)] &+=
                    1
            }
        }
        if n < threshold {
            var small = (0..<n).map { F(radixBits: Self.value(keys[$0])) }
            small.sort()
            return small
        }
        let sorted = sort(keys, n, counts)
        defer { if sorted != keys { sorted.deallocate() } }
        return [F](unsafeUninitializedCapacity: n) { out, written in
            for i in 0..<n { out[i] = F(radixBits: Self.value(sorted[i])) }
            written = n
        }
    }

    /// Sorts the n keys at `keys` by the byte histograms `counts`; returns
    /// where the sorted keys are: `keys`, or a buffer of its own that the
    /// caller deallocates.
    @inline(__always)
    private static func sort<K: FixedWidthInteger & UnsignedInteger>(
        _ keys: UnsafeMutablePointer<K>, _ n: Int, _ counts: UnsafeMutablePointer<Int>
    ) -> UnsafeMutablePointer<K> {
        let passes = K.bitWidth / 8
        let scratch = UnsafeMutablePointer<K>.allocate(capacity: n)
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
        // `to` is the buffer the keys are not in.
        if to != keys { to.deallocate() }
        return from
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

/// A floating-point type the radix sort orders by its bit pattern.
protocol RadixSortable: BinaryFloatingPoint {
    associatedtype Key: FixedWidthInteger & UnsignedInteger
    var radixBits: Key { get }
    init(radixBits: Key)
}

extension Double: RadixSortable {
    var radixBits: UInt64 { bitPattern }
    init(radixBits: UInt64) { self.init(bitPattern: radixBits) }
}

extension Float: RadixSortable {
    var radixBits: UInt32 { bitPattern }
    init(radixBits: UInt32) { self.init(bitPattern: radixBits) }
}
