/// One reproducible stream of random 64-bit words: a SplitMix64 sequence
/// (Steele, Lea and Flood 2014) started from a key mixed with a salt; its
/// j-th word (j = 1, 2, ...) is `mix(state + j * gamma)`.
///
/// The engine keys it with a trial's key (`LaneRandom.trialKey`) for the
/// few draws it makes lane by lane in double precision (docs/MODEL.md,
/// "Random numbers"); most draws come from `LaneRandom`'s 32-bit streams.
/// `init(seed:trial:stream:)` keys it with one Philox4x32-10 block instead,
/// for the benchmark's scalar hand-written loop and the samplers' tests:
/// the first two words of the block with key (seed low, seed high) and
/// counter (0, 0, i low, i high), `x1 << 32 | x0`.
public struct RandomStream: Sendable {
    @usableFromInline var state: UInt64

    /// SplitMix64's increment, the odd integer nearest 2^64 / golden ratio.
    @usableFromInline package static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The stream `stream` of trial `trial` under `seed`, from its first word.
    @inlinable
    public init(seed: UInt64, trial: UInt64, stream: UInt32) {
        state = Self.trialKey(seed: seed, trial: trial) ^ Self.salt(stream)
    }

    /// The stream whose start is `key ^ salt` (`trialKey` and `salt`
    /// computed once per trial and once per scenario).
    @inlinable @inline(__always)
    public init(key: UInt64, salt: UInt64) {
        state = key ^ salt
    }

    /// The 64-bit key of trial `trial`: one Philox4x32-10 block.
    @inlinable @inline(__always)
    public static func trialKey(seed: UInt64, trial: UInt64) -> UInt64 {
        let b = Philox4x32.block(
            (0, 0, UInt32(truncatingIfNeeded: trial), UInt32(truncatingIfNeeded: trial &>> 32)),
            key0: UInt32(truncatingIfNeeded: seed), key1: UInt32(truncatingIfNeeded: seed &>> 32))
        return UInt64(b.1) &<< 32 | UInt64(b.0)
    }

    /// The salt of stream id `stream`: `mix((stream + 1) * gamma)`, the
    /// (stream + 1)-th word of SplitMix64 started from 0.
    @inlinable
    package static func salt(_ stream: UInt32) -> UInt64 {
        mix((UInt64(stream) &+ 1) &* gamma)
    }

    /// SplitMix64's output function (Stafford's Mix13): a bijection of
    /// 64-bit words with full avalanche.
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// Word `index + 1` of the stream starting at `base` (`key ^ salt`)
    /// without walking it: SplitMix64's j-th word is `mix(base + j * gamma)`.
    @inlinable @inline(__always)
    public static func word(_ base: UInt64, at index: Int) -> UInt64 {
        mix(base &+ UInt64(truncatingIfNeeded: index &+ 1) &* gamma)
    }

    /// Uniform on [0, 1) from word `index + 1` of the stream at `base`,
    /// the arithmetic of `uniform()`.
    @inlinable @inline(__always)
    public static func uniform(_ base: UInt64, at index: Int) -> Double {
        unit(word(base, at: index))
    }

    /// The uniform on [0, 1) of a word: its top 53 bits times 2^-53. They
    /// fit an Int64, so the conversion is one signed instruction with the
    /// same value as the unsigned one.
    @inlinable @inline(__always)
    public static func unit(_ word: UInt64) -> Double {
        Double(Int64(bitPattern: word &>> 11)) * 0x1p-53
    }

    /// True with probability `p` from word `index + 1` of the stream at
    /// `base`, as `bernoulli(_:)` (p <= 0 or NaN never, p >= 1 always).
    @inlinable @inline(__always)
    package static func bernoulli(_ p: Double, _ base: UInt64, at index: Int) -> Bool {
        if !(p > 0) { return false }
        if p >= 1 { return true }
        return uniform(base, at: index) < p
    }

    /// The next 64-bit word.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= Self.gamma
        return Self.mix(state)
    }

    /// The next word's high 32 bits (a whole 64-bit word is consumed).
    @inlinable @inline(__always)
    package mutating func next32() -> UInt32 {
        UInt32(truncatingIfNeeded: next() &>> 32)
    }

    /// Uniform on [0, 1) with 53 random bits: `Double(x >> 11) * 0x1p-53`.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Self.unit(next())
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

    /// The high 32 bits of a word scaled to [0, 2^32): compare with
    /// `p * 0x1p32` for an event of probability p (exact to 2^-32).
    @inlinable @inline(__always)
    package mutating func uniform32() -> Double {
        Double(next32())
    }

    /// True with probability `p` (to within 2^-53): one word, `uniform() < p`,
    /// drawn only when 0 < p < 1 (p <= 0 or NaN is never, p >= 1 always).
    @inlinable @inline(__always)
    package mutating func bernoulli(_ p: Double) -> Bool {
        if !(p > 0) { return false }
        if p >= 1 { return true }
        return uniform() < p
    }

    /// Uniform integer on 0..<n (n >= 1), by Lemire's multiply-shift with
    /// rejection on 64-bit words: exactly uniform.
    @inlinable
    public mutating func bounded(_ n: UInt64) -> UInt64 {
        precondition(n > 0)
        return boundedInline(n)
    }

    /// `bounded(n)` without its check, for n >= 1 (the caller knows it),
    /// always inlined: the same words and result.
    @usableFromInline @inline(__always)
    mutating func boundedInline(_ n: UInt64) -> UInt64 {
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
