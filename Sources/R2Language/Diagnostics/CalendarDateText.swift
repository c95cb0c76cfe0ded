import R2Model

/// Absolute months shown as calendar dates.
enum CalendarDateText {
    static func month(_ absolute: Int) -> String {
        CalendarDate.month(absolute).description
    }

    static func day(_ continuousMonth: Double) -> String {
        let whole = continuousMonth.rounded(.down)
        return CalendarDate.day(monthsAfter: Int(whole), continuousMonth - whole).description
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
