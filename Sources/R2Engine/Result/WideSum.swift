/// An exact 128-bit unsigned sum of fixed-point values. Integer addition is
/// associative, so sums split across threads, chunks or shards in any way
/// add up to the same bits.
public struct WideSum: Sendable, Hashable, Codable {
    public var high: UInt64 = 0
    public var low: UInt64 = 0

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ x: UInt64) {
        let (s, overflow) = low.addingReportingOverflow(x)
        low = s
        if overflow { high &+= 1 }
    }

    @inlinable
    public mutating func add(_ other: WideSum) {
        add(other.low)
        high &+= other.high
    }

    /// The sum as a Double (rounded once).
    public var doubleValue: Double { Double(high) * 0x1p64 + Double(low) }

    /// A non-negative value in fixed point with `scale` (a power of two),
    /// rounded to nearest; NaN gives 0, values past 2^63 are capped.
    @inlinable @inline(__always)
    public static func fixed(_ x: Double, scale: Double) -> UInt64 {
        let y = x * scale + 0.5
        if y < 0x1p63 {
            return y > 0 ? UInt64(truncatingIfNeeded: Int64(y)) : 0
        }
        return 1 << 63
    }
}
