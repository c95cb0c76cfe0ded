/// Sorting a run's release times: a least-significant-digit radix sort of
/// the doubles' bit patterns, 8 bits a pass, in time linear in the count.
/// For a million release times it takes a fraction of the comparison
/// sort's time (docs/PERFORMANCE.md, "A whole file").
enum RadixSort {
    /// Below this many values the standard library's sort is as fast.
    static let threshold = 4096

    /// The values of `values` that are not NaN, ascending (as `sort()`
    /// orders them; -0 before +0, which compare equal).
    static func sortedNumbers(_ values: [Double]) -> [Double] {
        var kept = [Double]()
        kept.reserveCapacity(values.count)
        for x in values where !x.isNaN { kept.append(x) }
        if kept.count < threshold {
            kept.sort()
            return kept
        }
        let n = kept.count
        kept.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UInt64.self, capacity: n) { sort($0, n) }
        }
        return kept
    }

    /// The values of `values` that are not NaN, ascending: the same radix
    /// sort on the 32-bit patterns of floats (four passes).
    static func sortedNumbers(_ values: [Float]) -> [Float] {
        var kept = [Float]()
        kept.reserveCapacity(values.count)
        for x in values where !x.isNaN { kept.append(x) }
        if kept.count < threshold {
            kept.sort()
            return kept
        }
        let n = kept.count
        kept.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UInt32.self, capacity: n) { sort32($0, n) }
        }
        return kept
    }

    /// Sorts the n keys' numbers at `keys` (bit patterns of floats, no NaN).
    private static func sort32(_ keys: UnsafeMutablePointer<UInt32>, _ n: Int) {
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
        defer { scratch.deallocate() }
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 4 * 256)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: 4 * 256)
        for i in 0..<n {
            let b = keys[i]
            let k = b & (1 &<< 31) == 0 ? b | (1 &<< 31) : ~b
            keys[i] = k
            for byte in 0..<4 {
                counts[byte &* 256 &+ Int(truncatingIfNeeded: (k &>> UInt32(byte &* 8)) & 0xFF)] &+= 1
            }
        }
        var from = keys
        var to = scratch
        for byte in 0..<4 {
            let count = counts + byte &* 256
            let first = Int(truncatingIfNeeded: (from[0] &>> UInt32(byte &* 8)) & 0xFF)
            if count[first] == n { continue }
            var offset = 0
            for d in 0..<256 {
                let c = count[d]
                count[d] = offset
                offset &+= c
            }
            let shift = UInt32(byte &* 8)
            for i in 0..<n {
                let k = from[i]
                let d = Int(truncatingIfNeeded: (k &>> shift) & 0xFF)
                to[count[d]] = k
                count[d] &+= 1
            }
            swap(&from, &to)
        }
        if from != keys { keys.update(from: from, count: n) }
        for i in 0..<n {
            let k = keys[i]
            keys[i] = k & (1 &<< 31) != 0 ? k & ~(1 &<< 31) : ~k
        }
    }

    /// Sorts the n keys' numbers at `keys` (bit patterns of doubles, no NaN).
    private static func sort(_ keys: UnsafeMutablePointer<UInt64>, _ n: Int) {
        let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        defer { scratch.deallocate() }
        // Eight histograms in one pass, over keys that order as the numbers.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 8 * 256)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: 8 * 256)
        for i in 0..<n {
            let k = key(keys[i])
            keys[i] = k
            for byte in 0..<8 {
                counts[byte &* 256 &+ Int(truncatingIfNeeded: (k &>> UInt64(byte &* 8)) & 0xFF)] &+= 1
            }
        }
        var from = keys
        var to = scratch
        for byte in 0..<8 {
            let count = counts + byte &* 256
            // A digit every key shares moves nothing: skip its pass.
            let first = Int(truncatingIfNeeded: (from[0] &>> UInt64(byte &* 8)) & 0xFF)
            if count[first] == n { continue }
            var offset = 0
            for d in 0..<256 {
                let c = count[d]
                count[d] = offset
                offset &+= c
            }
            let shift = UInt64(byte &* 8)
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
    static func key(_ bits: UInt64) -> UInt64 {
        bits & (1 &<< 63) == 0 ? bits | (1 &<< 63) : ~bits
    }

    /// The bits of the number whose key is k.
    @inline(__always)
    static func value(_ k: UInt64) -> UInt64 {
        k & (1 &<< 63) != 0 ? k & ~(1 &<< 63) : ~k
    }
}
