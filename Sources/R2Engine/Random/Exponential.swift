import Foundation

/// e^x for the lognormal samplers, by Tang's table method ("Table-driven
/// implementation of the exponential function", ACM TOMS 15(2), 1989):
/// x = (64 m + j) ln2/64 + r with |r| <= ln2/128, e^x = 2^m 2^(j/64) e^r,
/// e^r - 1 by its degree-5 Taylor polynomial (truncation below 4e-17).
/// Within an ulp of e^x, a few times cheaper than the C library's, the same
/// bits on every platform once the 64 table entries are (they come from
/// the C library's exp2, once per process). Outside |x| <= 700 (and for
/// NaN) it defers to the C library.
struct Exponential: @unchecked Sendable {
    /// 2^(j/64), j = 0 ... 63.
    let table: UnsafeMutablePointer<Double>

    static let shared = Exponential()

    private init() {
        table = .allocate(capacity: 64)
        for j in 0..<64 { table[j] = exp2(Double(j) / 64) }
    }

    /// 64 / ln 2, and ln2 / 64 in two parts (the high part has 20 trailing
    /// zero bits, so n * high is exact for |n| < 2^20).
    static let scale = 0x1.71547652b82fep+6
    static let ln2High = 0x1.62e42fef00000p-7
    static let ln2Low = 0x1.473de6af278edp-40
    /// 1.5 * 2^52: adding it rounds to the nearest integer.
    static let shifter = 0x1.8p52

    @inline(__always)
    func callAsFunction(_ x: Double) -> Double {
        guard abs(x) <= 700 else { return exp(x) }
        return inRange(x)
    }

    /// e^x for |x| <= 700 (the caller knows it): `callAsFunction` without
    /// its test.
    @inline(__always)
    func inRange(_ x: Double) -> Double {
        let k = x * Self.scale + Self.shifter
        let n = Int64(bitPattern: k.bitPattern) &- Int64(bitPattern: Self.shifter.bitPattern)
        let kd = k - Self.shifter
        let r = (x - kd * Self.ln2High) - kd * Self.ln2Low
        // q = e^r - 1 to degree 5, by Estrin's scheme (short dependency
        // chains); then 2^(j/64) (1 + q) as s + s q.
        let r2 = r * r
        let q = r + r2 * ((0.5 + r * (1.0 / 6)) + r2 * (1.0 / 24 + r * (1.0 / 120)))
        let s = table[Int(truncatingIfNeeded: n & 63)]
        let y = s + s * q
        // Times 2^m, m = n >> 6: the result is normal for |x| <= 700.
        return Double(bitPattern: y.bitPattern &+ UInt64(bitPattern: (n &>> 6) &<< 52))
    }

    /// `inRange` of two exponents at once, lane by lane: the same
    /// operations in the same order on each lane (SSE2 vector arithmetic is
    /// IEEE arithmetic per lane), so the same bits.
    @inline(__always)
    func inRange(_ x: SIMD2<Double>) -> SIMD2<Double> {
        let shifter = SIMD2<Double>(repeating: Self.shifter)
        let k: SIMD2<Double> = x * SIMD2<Double>(repeating: Self.scale) + shifter
        let n: SIMD2<Int64> =
            unsafeBitCast(k, to: SIMD2<Int64>.self)
            &- SIMD2<Int64>(repeating: Int64(bitPattern: Self.shifter.bitPattern))
        let kd: SIMD2<Double> = k - shifter
        let hi: SIMD2<Double> = SIMD2(repeating: Self.ln2High)
        let lo: SIMD2<Double> = SIMD2(repeating: Self.ln2Low)
        let r: SIMD2<Double> = (x - kd * hi) - kd * lo
        let r2 = r * r
        let c2: SIMD2<Double> = SIMD2(repeating: 0.5)
        let c3: SIMD2<Double> = SIMD2(repeating: 1.0 / 6)
        let c4: SIMD2<Double> = SIMD2(repeating: 1.0 / 24)
        let c5: SIMD2<Double> = SIMD2(repeating: 1.0 / 120)
        let low: SIMD2<Double> = c2 + r * c3
        let high: SIMD2<Double> = c4 + r * c5
        let inner: SIMD2<Double> = low + r2 * high
        let q: SIMD2<Double> = r + r2 * inner
        let s = SIMD2<Double>(table[Int(truncatingIfNeeded: n[0] & 63)], table[Int(truncatingIfNeeded: n[1] & 63)])
        let y: SIMD2<Double> = s + s * q
        // (n >> 6) << 52 is n << 46 with its low 52 bits cleared.
        let shifted: SIMD2<UInt64> = unsafeBitCast(n, to: SIMD2<UInt64>.self) &<< SIMD2<UInt64>(repeating: 46)
        let exponent: SIMD2<UInt64> = shifted & SIMD2<UInt64>(repeating: 0xFFF0_0000_0000_0000)
        return unsafeBitCast(unsafeBitCast(y, to: SIMD2<UInt64>.self) &+ exponent, to: SIMD2<Double>.self)
    }
}
