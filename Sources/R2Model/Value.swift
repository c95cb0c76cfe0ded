/// A number in a scenario: a constant or a distribution, possibly built by
/// arithmetic from others. Every `Value` written in a scenario is sampled
/// once per trial, at the start of the trial.
///
/// Dates are absolute continuous month counts (`CalendarDate.continuousMonth`),
/// durations are months, probabilities and percentages are fractions.
public indirect enum Value: Hashable, Sendable {
    case constant(Double)
    /// A `let`-bound quantity, `Scenario.variables[i]`: sampled once per
    /// trial and shared by every use, so two uses are perfectly correlated.
    case variable(Int)
    /// Normal with mean and standard deviation.
    case normal(mean: Value, sd: Value)
    /// Lognormal whose logarithm is normal with mean `mu` and sd `sigma`.
    case lognormal(mu: Value, sigma: Value)
    /// Uniform on [low, high).
    case uniform(low: Value, high: Value)
    /// Beta with shapes alpha, beta > 0.
    case beta(alpha: Value, beta: Value)
    case triangular(low: Value, mode: Value, high: Value)
    /// PERT (beta-PERT with lambda = 4) on [low, high] with the given mode.
    case pert(low: Value, mode: Value, high: Value)
    /// `a to b`: a 90% interval, 5% of draws below `low` and 5% above `high`;
    /// lognormal when both bounds are > 0, normal otherwise.
    case interval90(low: Value, high: Value)
    /// One component drawn with probability proportional to its weight.
    case mixture(components: [Value], weights: [Double])
    /// A whole month drawn uniformly among floor(from) ... floor(to)
    /// (`between 2025-10 and 2026-06`); the result is that month's start.
    case monthWindow(from: Value, to: Value)
    case negate(Value)
    case binary(BinaryOperator, Value, Value)

    public enum BinaryOperator: String, Hashable, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
        case minimum = "min", maximum = "max"
    }

    /// The value when it involves no randomness, nil otherwise.
    /// Variables are random unless resolved by `variables`.
    public func constantValue(variables: [Value] = []) -> Double? {
        switch self {
        case .constant(let x): return x
        case .variable(let i):
            return i < variables.count ? variables[i].constantValue(variables: variables) : nil
        case .negate(let v): return v.constantValue(variables: variables).map { -$0 }
        case .binary(let op, let a, let b):
            guard let x = a.constantValue(variables: variables),
                let y = b.constantValue(variables: variables)
            else { return nil }
            return op.apply(x, y)
        default: return nil
        }
    }

    /// True when the value involves any distribution.
    public func isUncertain(variables: [Value] = []) -> Bool {
        constantValue(variables: variables) == nil
    }

    /// The indices of the variables the value names itself (not those its
    /// variables name in turn), in written order, repeats included.
    public var namedVariables: [Int] {
        switch self {
        case .constant: return []
        case .variable(let i): return [i]
        case .negate(let v): return v.namedVariables
        case .normal(let a, let b), .lognormal(let a, let b), .uniform(let a, let b), .beta(let a, let b),
            .interval90(let a, let b), .monthWindow(let a, let b), .binary(_, let a, let b):
            return a.namedVariables + b.namedVariables
        case .triangular(let a, let b, let c), .pert(let a, let b, let c):
            return a.namedVariables + b.namedVariables + c.namedVariables
        case .mixture(let components, _):
            return components.flatMap(\.namedVariables)
        }
    }
}

extension Value.BinaryOperator {
    @inlinable
    public func apply(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide: return x / y
        case .minimum: return Swift.min(x, y)
        case .maximum: return Swift.max(x, y)
        }
    }
}

extension Value {
    /// A value times (or divided by) a positive finite constant, as a unit
    /// writes it (`2 to 6 weeks`, `1 to 3 per year`): the value and the
    /// factor; nil for anything else.
    public var unitScaled: (value: Value, factor: Double)? {
        guard case .binary(let op, let a, let b) = self else { return nil }
        switch (op, a, b) {
        case (.multiply, _, .constant(let c)) where c > 0 && c.isFinite: return (a, c)
        case (.multiply, .constant(let c), _) where c > 0 && c.isFinite: return (b, c)
        case (.divide, _, .constant(let c)) where c > 0 && c.isFinite: return (a, 1 / c)
        default: return nil
        }
    }
}
