import R2Model

/// Number and date formatting shared by every text output.
public enum Format {
    /// A release time r (months after the clock's start) as a calendar day.
    public static func date(_ r: Double, clockStart: Int) -> String {
        CalendarDate.day(monthsAfter: clockStart, r).description
    }

    /// An optional release time: "after HORIZON" when censored.
    public static func date(_ r: Double?, clockStart: Int, steps: Int) -> String {
        guard let r else { return "after " + month(clockStart + steps - 1) }
        return date(r, clockStart: clockStart)
    }

    /// An absolute month as `YYYY-MM`.
    public static func month(_ absolute: Int) -> String {
        CalendarDate.month(absolute).description
    }

    /// A fraction as a percentage with `digits` decimals: 0.913 -> "91.3%".
    public static func percent(_ x: Double, digits: Int = 1) -> String {
        guard x.isFinite else { return "n/a" }
        return fixed(x * 100, digits: digits) + "%"
    }

    /// A fixed-point decimal without Foundation's locale-dependent formatting.
    public static func fixed(_ x: Double, digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        let scale = pow10(digits)
        // Past 10^15 no decimal is meaningful and no Int holds the digits.
        if abs(x) * scale >= 1e15 { return String(x) }
        let scaled = (abs(x) * scale).rounded()
        let negative = x < 0 && scaled > 0
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var s = (negative ? "-" : "") + String(whole)
        if digits > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return s
    }

    /// An input's or a fleet's value as explain and trace print it:
    /// thousands separated from 1,000 (20,000), three decimals below 1
    /// (0.125), two otherwise (2.50); past 10^15, which no Int holds, in
    /// powers of ten (1e+39).
    public static func quantity(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "∞" : "-∞") }
        if abs(x) >= 1e15 { return String(x) }
        if abs(x) >= 1000 { return count(Int(x.rounded())) }
        return fixed(x, digits: abs(x) < 1 ? 3 : 2)
    }

    /// A whole number with thousands separators: 20000 -> "20,000".
    public static func count(_ n: Int) -> String { Figures.count(n) }

    /// A duration given in months, written in whole days: "12 days", "1 day".
    public static func days(_ months: Double) -> String {
        let text = fixed(months * CalendarDate.averageDaysPerMonth, digits: 0)
        return text + (text == "1" || text == "-1" ? " day" : " days")
    }

    /// A fraction as a percentage with as few decimals (at most 3) as
    /// show it exactly: 0.005 -> "0.5%", 0.01 -> "1%".
    public static func percentAsWritten(_ x: Double) -> String {
        for digits in 0..<3 where abs((x * 100 * pow10(digits)).rounded() - x * 100 * pow10(digits)) < 1e-9 {
            return percent(x, digits: digits)
        }
        return percent(x, digits: 3)
    }

    private static func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<n { x *= 10 }
        return x
    }

    /// A duration in months, e.g. "3.2 months".
    public static func months(_ x: Double, digits: Int = 1) -> String {
        fixed(x, digits: digits) + (abs(x) == 1 ? " month" : " months")
    }

    /// Pads `s` on the right (or left) to `width` characters.
    public static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let n = s.count
        guard n < width else { return s }
        let fill = String(repeating: " ", count: width - n)
        return right ? fill + s : s + fill
    }
}
