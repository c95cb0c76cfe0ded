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
}
