import R2Model

/// A quantity as written: numbers, dates, names, units, arithmetic and
/// distributions, each with its source range.
public struct Quantity: Hashable, Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Hashable, Sendable {
        /// A number with its suffix applied (`30%` is 0.3).
        case number(Double)
        case date(CalendarDate)
        /// A `let` name.
        case name(String)
        case unit(Quantity, QuantityUnit)
        case negate(Quantity)
        /// `+ - * /` (`Value.BinaryOperator.add` ... `.divide`).
        case binary(Value.BinaryOperator, Quantity, Quantity)
        /// `a to b`, a 90% interval.
        case interval(Quantity, Quantity)
        /// `between a and b`, a whole month drawn from a window of dates.
        case window(Quantity, Quantity)
        case call(Function, [Argument])
    }

    /// A named distribution or function.
    public enum Function: String, Hashable, Sendable, CaseIterable {
        case normal, lognormal, uniform, beta, triangular, pert, min, max, mixture

        /// The number of arguments, or nil when any positive count is allowed.
        var arity: Int? {
            switch self {
            case .normal, .lognormal, .uniform, .beta, .min, .max: return 2
            case .triangular, .pert: return 3
            case .mixture: return nil
            }
        }
    }

    /// One argument of a call; only `mixture` components take `@ weight`.
    public struct Argument: Hashable, Sendable {
        public var value: Quantity
        public var weight: Quantity?

        public init(_ value: Quantity, weight: Quantity? = nil) {
            self.value = value
            self.weight = weight
        }
    }
}
