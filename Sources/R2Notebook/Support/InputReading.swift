import R2Engine
import R2Forecast
import R2Language

/// How an input's values read to a person: a share as a percentage, a
/// count as a whole number, a duration in months, a date as a date, any
/// other number as a quantity. Decided from what the input is (its
/// statement, its clamp); for a `let`, from the dimension the language
/// gave it (a date, a duration), and for a plain number from its values
/// (all within 0 to 1 reads as a share).
enum InputReading {
    case share, count, months, date, number

    /// The reading of an input labelled `label` (`fleet h800`, `pressure
    /// from 2025-05`, `r2 post`, `let x`), clamped into `allowed`, whose
    /// quantiles are `values`; `dimension` is a `let`'s.
    static func of(
        label: String, allowed: ClosedRange<Double>? = nil, isDate: Bool = false, values: [Double] = [],
        dimension: Dimension? = nil
    ) -> InputReading {
        if isDate || dimension == .date { return .date }
        if dimension == .duration { return .months }
        if dimension == .rate { return .number }
        let words = label.split(separator: " ").map(String.init)
        let first = words.first ?? ""
        if allowed == 0...1 { return .share }
        switch first {
        case "fleet", "buy", "make": return .count
        case "sector": return words.dropFirst().first == "pressure" ? .share : .count
        case "pressure", "fail", "export": return .share
        case "perf": return .number
        case "yield": return .share
        case "r2":
            switch words.dropFirst().joined(separator: " ") {
            case let w where w.hasPrefix("post") || w.hasPrefix("hold months") || w.hasPrefix("port"): return .months
            case let w where w.hasPrefix("switch"): return .number
            case let w where w.hasPrefix("hold") || w.hasPrefix("restart") || w.hasPrefix("fold"): return .share
            default: return .number
            }
        default:
            if !values.isEmpty, values.allSatisfy({ $0 >= 0 && $0 <= 1 }) { return .share }
            return .number
        }
    }

    /// `x` as this reading prints it, in full.
    func text(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "∞" : "-∞") }
        switch self {
        case .share:
            if x == 0 || x == 1 { return Format.percent(x, digits: 0) }
            return Format.percent(x, digits: abs(x) < 0.1 ? 2 : 1)
        case .count: return Format.count(Int(x.rounded()))
        case .months: return Format.months(x)
        case .date: return InputText.date(x)
        case .number: return Format.quantity(x)
        }
    }

    /// `x` in a few characters, for tornado labels: `25%`, `6.8k`, `2.3 mo`.
    func short(_ x: Double) -> String {
        switch self {
        case .share: return Format.percent(x, digits: abs(x) < 0.1 ? 1 : 0)
        case .date: return Format.month(Int(x.rounded(.down)))
        case .months: return Format.fixed(x, digits: 1) + " mo"
        case .count, .number:
            let a = abs(x)
            if a >= 1e6 { return Format.fixed(x / 1e6, digits: 1) + "M" }
            if a >= 1e4 { return Format.fixed(x / 1e3, digits: 0) + "k" }
            if a >= 1e3 { return Format.fixed(x / 1e3, digits: 1) + "k" }
            if self == .count || a >= 100 { return Format.fixed(x, digits: 0) }
            return Format.fixed(x, digits: 2)
        }
    }
}
