import R2Model

/// What kind of quantity a value is, checked when a statement is elaborated.
public enum Dimension: String, Hashable, Sendable {
    /// A plain number: counts, fractions, percentages, chip-months.
    case number
    /// A length of time, in months.
    case duration
    /// A point in time, as an absolute continuous month.
    case date
    /// An amount per month.
    case rate

    var withArticle: String {
        switch self {
        case .number: return "a number"
        case .duration: return "a duration"
        case .date: return "a date"
        case .rate: return "a rate"
        }
    }

    /// A value of this dimension as a user would write it.
    func show(_ value: Double) -> String {
        switch self {
        case .number: return NumberText.plain(value)
        case .duration: return NumberText.plain(value) + (value == 1 ? " month" : " months")
        case .date: return NumberText.date(value)
        case .rate: return NumberText.plain(value) + " per month"
        }
    }
}

extension QuantityUnit {
    /// The unit as written in messages.
    var spelling: String {
        switch self {
        case .perMonth: return "per month"
        case .perYear: return "per year"
        default: return rawValue
        }
    }

    /// The dimension a plain number takes with this unit, and the factor
    /// that converts it to that dimension's canonical unit.
    var conversion: (dimension: Dimension, factor: Double) {
        switch self {
        case .months: return (.duration, 1)
        case .weeks: return (.duration, 7 / CalendarDate.averageDaysPerMonth)
        case .days: return (.duration, 1 / CalendarDate.averageDaysPerMonth)
        case .years: return (.duration, 12)
        case .perMonth: return (.rate, 1)
        case .perYear: return (.rate, 1.0 / 12)
        case .chipMonths, .units, .dies: return (.number, 1)
        }
    }
}
