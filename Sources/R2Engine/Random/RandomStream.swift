/// One reproducible stream of random words: Philox4x32-10 keyed by the
/// 64-bit seed, with counter (block, stream, trial low word, trial high word).
///
/// Trial `i`'s stream `s` depends only on (seed, i, s): streams never overlap,
/// whatever order trials are run in. Block b gives the 32-bit words x0, x1,
/// x2, x3, consumed in that order; a 64-bit word is two consecutive 32-bit
/// words, the first in the low half (so block b gives `x1 << 32 | x0`, then
/// `x3 << 32 | x2`).
public struct RandomStream: Sendable {
    @usableFromInline let key0: UInt32
    @usableFromInline let key1: UInt32
    @usableFromInline let stream: UInt32
    @usableFromInline let trialLow: UInt32
    @usableFromInline let trialHigh: UInt32
    @usableFromInline var blockIndex: UInt32
    /// The unread 32-bit words of the current block, lowest first.
    @usableFromInline var low: UInt64
    @usableFromInline var high: UInt64
    @usableFromInline var available: Int

    /// The stream `stream` of trial `trial` under `seed`, from its first word.
    @inlinable
    public init(seed: UInt64, trial: UInt64, stream: UInt32) {
        key0 = UInt32(truncatingIfNeeded: seed)
        key1 = UInt32(truncatingIfNeeded: seed &>> 32)
        self.stream = stream
        trialLow = UInt32(truncatingIfNeeded: trial)
        trialHigh = UInt32(truncatingIfNeeded: trial &>> 32)
        blockIndex = 0
        low = 0
        high = 0
        available = 0
    }

    @inlinable @inline(__always)
    mutating func refill() {
        let b = Philox4x32.block(
            (blockIndex, stream, trialLow, trialHigh), key0: key0, key1: key1)
        blockIndex &+= 1
        low = UInt64(b.1) &<< 32 | UInt64(b.0)
        high = UInt64(b.3) &<< 32 | UInt64(b.2)
        available = 4
    }

    /// The next 32-bit word.
    @inlinable @inline(__always)
    public mutating func next32() -> UInt32 {
        if available == 0 { refill() }
        let r = UInt32(truncatingIfNeeded: low)
        low = low &>> 32 | high &<< 32
        high = high &>> 32
        available &-= 1
        return r
    }

    /// The next 64-bit word (two 32-bit words, the first in the low half).
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        if available >= 2 {
            let r = low
            low = high
            high = 0
            available &-= 2
            return r
        }
        let a = UInt64(next32())
        return a | UInt64(next32()) &<< 32
    }

    /// Uniform on [0, 1) with 53 random bits: `Double(x >> 11) * 0x1p-53`.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() &>> 11) * 0x1p-53
    }

    /// Uniform on (0, 1]: safe to take the logarithm of.
    @inlinable @inline(__always)
    public mutating func uniformOpenZero() -> Double {
        1.0 - uniform()
    }

    /// Uniform on (0, 1), never 0 or 1: `(Double(x >> 11) + 0.5) * 0x1p-53`.
    @inlinable @inline(__always)
    public mutating func uniformOpen() -> Double {
        (Double(next() &>> 11) + 0.5) * 0x1p-53
    }

    /// A 32-bit uniform scaled to [0, 2^32): compare with `p * 0x1p32` for an
    /// event of probability p (exact to 2^-32).
    @inlinable @inline(__always)
    public mutating func uniform32() -> Double {
        Double(next32())
    }

    /// True with probability `p` (to within 2^-32), from one 32-bit word,
    /// drawn only when 0 < p < 1 (p <= 0 or NaN is never, p >= 1 always).
    @inlinable @inline(__always)
    public mutating func bernoulli(_ p: Double) -> Bool {
        if !(p > 0) { return false }
        if p >= 1 { return true }
        return Double(next32()) < p * 0x1p32
    }

    /// Uniform integer on 0..<n (n >= 1), by Lemire's multiply-shift with
    /// rejection on 64-bit words: exactly uniform.
    @inlinable
    public mutating func bounded(_ n: UInt64) -> UInt64 {
        precondition(n > 0)
        var m = next().multipliedFullWidth(by: n)
        if m.low < n {
            let threshold = (0 &- n) % n
            while m.low < threshold {
                m = next().multipliedFullWidth(by: n)
            }
        }
        return m.high
    }
}
