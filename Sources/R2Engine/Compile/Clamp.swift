/// How a sampled timeline value is brought into its range.
@usableFromInline
enum Clamp: UInt8, Sendable {
    /// Into [0, 1] (pressure, fail, licence p).
    case probability
    /// Up to 0 when below (perf, buy, make).
    case nonNegative
    /// Unchanged (the yield's start, growth and cap), except NaN, which becomes 0.
    case free

    /// The values it leaves as they are (nil: all but NaN).
    var allowed: ClosedRange<Double>? {
        switch self {
        case .probability: return 0...1
        case .nonNegative: return 0...Double.infinity
        case .free: return nil
        }
    }

    @inlinable @inline(__always)
    func apply(_ x: Double) -> Double {
        switch self {
        case .probability: return x > 0 ? (x < 1 ? x : 1) : 0
        case .nonNegative: return x > 0 ? x : 0
        case .free: return x.isNaN ? 0 : x
        }
    }
}
