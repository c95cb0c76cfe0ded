import R2Model

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Elaborator {
    /// A distribution or `min`/`max`/`mixture` call.
    func call(
        _ function: Quantity.Function, _ arguments: [Quantity.Argument], range: SourceRange
    ) throws(Failure) -> TypedValue {
        var typed: [TypedValue] = []
        for argument in arguments { typed.append(try elaborate(argument.value)) }
        let name = "`\(function.rawValue)`"
        switch function {
        case .normal:
            let (m, s) = (typed[0], typed[1])
            let spread: Dimension = m.dimension == .date ? .duration : m.dimension
            guard s.dimension == spread else {
                throw Failure(
                    .mismatchedArguments(name, m.dimension, s.dimension), at: arguments[1].value.range)
            }
            try requirePositive(s.value, name, "its standard deviation", arguments[1].value.range)
            return TypedValue(value: .normal(mean: m.value, sd: s.value), dimension: m.dimension)
        case .lognormal:
            for (value, argument) in zip(typed, arguments) where value.dimension != .number {
                throw Failure(
                    .expectedDimension("a plain number (log-space parameter)", found: value.dimension),
                    at: argument.value.range, help: "write the unit after the call: `lognormal(0, 1) months`")
            }
            try requirePositive(typed[1].value, name, "sigma", arguments[1].value.range)
            if let mu = constant(typed[0].value), let sigma = constant(typed[1].value),
                Self.lognormalReachesTooFar(mu: mu, sigma: sigma)
            {
                // `lognormal(1000, 1)` meant as a median of 1000 draws e^1000.
                let median = mu > 1 ? NumberText.plain((log(mu) * 1000).rounded() / 1000) : nil
                throw Failure(
                    .drawsTooLarge("`lognormal`"), at: range,
                    help: median.map {
                        "its parameters are in log space (the median is e^mu): for a median of \(NumberText.plain(mu)), write `lognormal(\($0), ...)`, or a 90% interval `a to b`"
                    } ?? "its parameters are in log space (the median is e^mu, the spread e^sigma): lower mu or sigma")
            }
            return TypedValue(
                value: .lognormal(mu: typed[0].value, sigma: typed[1].value), dimension: .number)
        case .beta:
            for (value, argument) in zip(typed, arguments) {
                guard value.dimension == .number else {
                    throw Failure(
                        .expectedDimension("a plain number", found: value.dimension), at: argument.value.range
                    )
                }
                try requirePositive(value.value, name, "both shapes", argument.value.range)
            }
            return TypedValue(value: .beta(alpha: typed[0].value, beta: typed[1].value), dimension: .number)
        case .uniform:
            let dimension = try sameDimension(typed, arguments, name)
            if let a = constant(typed[0].value), let b = constant(typed[1].value), a > b {
                throw Failure(
                    .backwardsBounds(function.rawValue), at: range,
                    help: "\(dimension.show(a)) is above \(dimension.show(b))")
            }
            return TypedValue(
                value: .uniform(low: typed[0].value, high: typed[1].value), dimension: dimension)
        case .triangular, .pert:
            let dimension = try sameDimension(typed, arguments, name)
            if let lo = constant(typed[0].value), let mode = constant(typed[1].value),
                let hi = constant(typed[2].value)
            {
                if lo >= hi {
                    throw Failure(
                        .backwardsBounds(function.rawValue), at: range,
                        help: "\(dimension.show(lo)) is not below \(dimension.show(hi))")
                }
                if mode < lo || mode > hi {
                    throw Failure(
                        .modeOutside(function.rawValue), at: arguments[1].value.range,
                        help:
                            "\(dimension.show(mode)) is outside \(dimension.show(lo)) ... \(dimension.show(hi))"
                    )
                }
            }
            let value: Value =
                function == .pert
                ? .pert(low: typed[0].value, mode: typed[1].value, high: typed[2].value)
                : .triangular(low: typed[0].value, mode: typed[1].value, high: typed[2].value)
            return TypedValue(value: value, dimension: dimension)
        case .min, .max:
            let dimension = try sameDimension(typed, arguments, name)
            let value = combine(function == .min ? .minimum : .maximum, typed[0].value, typed[1].value)
            return TypedValue(value: value, dimension: dimension)
        case .mixture:
            let dimension = try sameDimension(typed, arguments, name)
            var weights: [Double] = []
            for argument in arguments {
                guard let written = argument.weight else {
                    weights.append(1)
                    continue
                }
                let weight = try elaborate(written)
                guard weight.dimension == .number else {
                    throw Failure(
                        .expectedDimension("a plain number", found: weight.dimension), at: written.range)
                }
                guard let w = constant(weight.value) else {
                    throw Failure(.notConstant("a mixture weight"), at: written.range)
                }
                guard w > 0, w.isFinite else {
                    throw Failure(.mixtureWeight, at: written.range, help: "this is \(NumberText.plain(w))")
                }
                weights.append(w)
            }
            let total = weights.reduce(0, +)
            let value = Value.mixture(components: typed.map(\.value), weights: weights.map { $0 / total })
            return TypedValue(value: value, dimension: dimension)
        }
    }

    /// The dimension all arguments share.
    private func sameDimension(
        _ typed: [TypedValue], _ arguments: [Quantity.Argument], _ name: String
    ) throws(Failure) -> Dimension {
        let first = typed[0].dimension
        for (value, argument) in zip(typed, arguments).dropFirst() where value.dimension != first {
            throw Failure(.mismatchedArguments(name, first, value.dimension), at: argument.value.range)
        }
        return first
    }

    /// Whether a lognormal draws above `Scenario.largestValue` in more than
    /// one trial in a million (its quantile at z = 4.75 is above it): the
    /// engine computes in single precision, where such draws overflow.
    static func lognormalReachesTooFar(mu: Double, sigma: Double) -> Bool {
        !(mu + 4.75 * sigma <= log(Scenario.largestValue))
    }

    /// The same for `a to b` with both ends above 0 (a lognormal whose
    /// ends are its 5% and 95% quantiles); nil when it stays within
    /// bounds, else the orders of magnitude it spans.
    static func intervalReachesTooFar(_ low: Double, _ high: Double) -> Int? {
        guard low > 0 && high > 0 else { return nil }
        let sigma = (log(high) - log(low)) / (2 * 1.6448536269514722)
        guard lognormalReachesTooFar(mu: (log(low) + log(high)) / 2, sigma: sigma) else { return nil }
        return Int((log10(high) - log10(low)).rounded())
    }

    private func requirePositive(
        _ value: Value, _ function: String, _ parameter: String, _ range: SourceRange
    ) throws(Failure) {
        if let x = constant(value), !(x > 0) {
            throw Failure(
                .nonPositiveShape(function.trimmingBackticks, parameter), at: range,
                help: "this is \(NumberText.plain(x))")
        }
    }
}

extension String {
    fileprivate var trimmingBackticks: String { filter { $0 != "`" } }
}
