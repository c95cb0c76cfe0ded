/// A unit written after a number.
public enum QuantityUnit: String, Hashable, Sendable, CaseIterable {
    case months, weeks, days, years
    case perMonth = "per-month"
    case perYear = "per-year"
    /// Reference chip-months of compute (dimensionless).
    case chipMonths = "chip-months"
    /// Chips (dimensionless).
    case units
    /// Dies (dimensionless).
    case dies

    /// The unit a single word names (`month`, `weeks`, `mo`, `chip-month`, ...).
    static func word(_ word: String) -> QuantityUnit? {
        switch word {
        case "month", "months", "mo": return .months
        case "week", "weeks": return .weeks
        case "day", "days": return .days
        case "year", "years": return .years
        case "chip-months", "chip-month": return .chipMonths
        case "units", "unit": return .units
        case "dies", "die": return .dies
        default: return nil
        }
    }

    /// Every word that names or starts a unit.
    static let words: Set<String> = [
        "month", "months", "mo", "week", "weeks", "day", "days", "year", "years",
        "chip-months", "chip-month", "units", "unit", "dies", "die", "per",
    ]

    /// `words` in the order a suggestion prefers them, plurals first
    /// (`monts` is as near `months` as `month`).
    static let suggestedWords = [
        "months", "month", "mo", "weeks", "week", "days", "day", "years", "year",
        "chip-months", "chip-month", "units", "unit", "dies", "die", "per",
    ]

    /// Abbreviations of unit words that edit distance does not reach,
    /// with the word meant (`mos` is nearer `mo` than `months`).
    static let abbreviations: [String: String] = [
        "mth": "months", "mths": "months", "mnth": "months", "mnths": "months", "mon": "months",
        "mons": "months", "mos": "months", "wk": "weeks", "wks": "weeks", "yr": "years", "yrs": "years",
    ]

    /// Words for a percentage, which the language writes `%`.
    static let percentWords: Set<String> = ["percent", "percents", "percentage", "pct"]
}
