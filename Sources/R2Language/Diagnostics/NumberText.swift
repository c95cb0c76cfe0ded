import R2Model

/// Numbers as the language shows them in dumps and messages.
enum NumberText {
    /// `2000`, `0.3`, `1e-05`: integers without a fraction, others in
    /// Swift's shortest round-tripping form.
    static func plain(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }

    /// A count with its thousands grouped: `20,000`.
    static func count(_ n: Int) -> String { Figures.count(n) }

    /// A fraction as a percentage: `1.5` -> `150%`, `0.125` -> `12.5%`.
    static func percent(_ value: Double) -> String {
        let scaled = (value * 100 * 1e9).rounded() / 1e9
        return plain(scaled) + "%"
    }

    /// An absolute continuous month as a calendar date (`2025-07` or
    /// `2025-07-15` when it falls inside a month).
    static func date(_ continuousMonth: Double) -> String {
        let whole = continuousMonth.rounded(.down)
        guard whole >= 12, whole < 12 * 10_000 else { return plain(continuousMonth) }
        if whole == continuousMonth { return CalendarDateText.month(Int(whole)) }
        return CalendarDateText.day(continuousMonth)
    }
}
