/// A calendar date at month or day precision, as written in a scenario
/// (`2025-07` or `2025-07-15`).
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// Day of the month, or nil for a date written at month precision.
    public var day: Int?

    /// Creates a date, or returns nil when it does not exist (2025-02-30, month 13).
    public init?(year: Int, month: Int, day: Int? = nil) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        if let day, !(1...CalendarDate.daysIn(year: year, month: month)).contains(day) {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Months since January of year 0: the integer month this date falls in.
    public var absoluteMonth: Int { year * 12 + (month - 1) }

    /// The date as a continuous month count: its month plus the fraction of
    /// the month elapsed before the day starts (day 1 is the month's start).
    public var continuousMonth: Double {
        guard let day else { return Double(absoluteMonth) }
        return Double(absoluteMonth)
            + Double(day - 1) / Double(CalendarDate.daysIn(year: year, month: month))
    }

    /// The mean length of a month in days (a Gregorian year of 365.2425
    /// days over 12): what `2 weeks` is in months, and how a duration in
    /// months is printed in days.
    public static let averageDaysPerMonth = 30.436875

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date at month precision of an absolute month number.
    public static func month(_ absolute: Int) -> CalendarDate {
        CalendarDate(year: absolute / 12, month: absolute % 12 + 1)!
    }

    /// A continuous forecast time r (months after the start of the clock's
    /// first month) as a calendar day: the month S + floor(r), plus the
    /// fraction of that month in days.
    public static func day(monthsAfter start: Int, _ r: Double) -> CalendarDate {
        let whole = r.rounded(.down)
        let m = start + Int(whole)
        let ym = CalendarDate.month(m)
        let days = daysIn(year: ym.year, month: ym.month)
        let d = min(days, 1 + Int(((r - whole) * Double(days)).rounded(.down)))
        return CalendarDate(year: ym.year, month: ym.month, day: d)!
    }

    public var description: String {
        let y = String(year).leftPadded(to: 4)
        let m = String(month).leftPadded(to: 2)
        if let day { return "\(y)-\(m)-\(String(day).leftPadded(to: 2))" }
        return "\(y)-\(m)"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
