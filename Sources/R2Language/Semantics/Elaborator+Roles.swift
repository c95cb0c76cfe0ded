import R2Model

/// Quantities in the roles statements give them: probabilities, amounts,
/// durations, dates; each checked for dimension and for impossible values.
extension Elaborator {
    /// A quantity of `dimension`, described as `what` in the error.
    func require(_ e: Quantity, _ dimension: Dimension, _ what: String) throws(Failure) -> Value {
        let typed = try elaborate(e)
        guard typed.dimension == dimension else {
            throw Failure(.expectedDimension(what, found: typed.dimension), at: e.range)
        }
        return typed.value
    }

    /// A probability: a number whose written extent lies in [0, 1].
    func probability(_ e: Quantity) throws(Failure) -> Value {
        let value = try require(e, .number, "a probability such as `30%`")
        if let (low, high) = extent(value), low < 0 || high > 1 {
            let shown = low < 0 ? low : high
            let help =
                low == high
                ? "this is \(NumberText.percent(shown))" : "this reaches \(NumberText.percent(shown))"
            throw Failure(.probabilityOutOfRange, at: e.range, help: help)
        }
        if let share = ClampWarnings.shareOutside(resolved(value), low: 0, high: 1, constant: constant, resolve: resolved), share >= ClampWarnings.threshold {
            ClampWarnings.report(
                Failure(
                    .probabilityTailClamped(share), at: e.range,
                    help: "a bounded distribution, such as `pert(...)` or `beta(...)`, stays inside"))
        }
        return value
    }

    /// A value with `let` names looked through to the distribution they hold.
    func resolved(_ value: Value) -> Value {
        if case .variable(let i) = value, i < variables.count { return resolved(variables[i].value) }
        return value
    }

    /// A plain number that cannot be negative (`what` names it, such as "a fleet").
    func nonNegativeNumber(_ e: Quantity, _ what: String) throws(Failure) -> Value {
        let value = try require(e, .number, "a number")
        try requireNonNegative(value, what, e.range, .number)
        return value
    }

    /// An amount per month: a bare number or a rate (`per month`, `per year`).
    func amountPerMonth(_ e: Quantity, _ what: String) throws(Failure) -> Value {
        let typed = try elaborate(e)
        guard typed.dimension == .number || typed.dimension == .rate else {
            throw Failure(
                .expectedDimension("a number or an amount `per month`", found: typed.dimension), at: e.range)
        }
        try requireNonNegative(typed.value, what, e.range, typed.dimension)
        return typed.value
    }

    /// A duration in months, written with a unit, not negative.
    func duration(_ e: Quantity, _ what: String) throws(Failure) -> Value {
        let value = try require(e, .duration, "a duration such as `2 months`")
        try requireNonNegative(value, what, e.range, .duration)
        return value
    }

    /// A date (an absolute continuous month), possibly uncertain.
    func date(_ e: Quantity) throws(Failure) -> Value {
        try require(e, .date, "a date such as `2025-07`")
    }

    /// A date known exactly, as an absolute continuous month.
    func constantDate(_ e: Quantity) throws(Failure) -> Double {
        let value = try date(e)
        guard let x = constant(value) else { throw Failure(.notConstant("this date"), at: e.range) }
        return x
    }

    /// The end of a date known exactly: a date literal written at month
    /// precision (`2026-06`) ends with its month, one at day precision with
    /// its day; any other date expression is the instant it computes. Used
    /// for `by D`, `after D` and the upper end of `between`.
    func constantDateEnd(_ e: Quantity) throws(Failure) -> Double {
        let start = try constantDate(e)
        guard case .date(let d) = e.kind else { return start }
        if d.day == nil { return start + 1 }
        return start + 1 / Double(CalendarDate.daysIn(year: d.year, month: d.month))
    }

    /// A date written as a literal (`2025-07`), for the clock and `as of`.
    func calendarDate(_ e: Quantity) throws(Failure) -> CalendarDate {
        if case .date(let d) = e.kind { return d }
        let typed = try elaborate(e)
        throw Failure(
            typed.dimension == .date
                ? .notConstant("this date")
                : .expectedDimension("a date such as `2025-07`", found: typed.dimension),
            at: e.range)
    }

    /// A plain number known exactly.
    func constantNumber(_ e: Quantity, _ what: String) throws(Failure) -> Double {
        let value = try require(e, .number, "a number")
        guard let x = constant(value) else { throw Failure(.notConstant(what), at: e.range) }
        return x
    }

    /// A probability known exactly.
    func constantProbability(_ e: Quantity, _ what: String) throws(Failure) -> Double {
        let value = try probability(e)
        guard let x = constant(value) else { throw Failure(.notConstant(what), at: e.range) }
        return x
    }

    /// A whole number known exactly.
    func constantInteger(_ e: Quantity, _ what: String) throws(Failure) -> Double {
        let x = try constantNumber(e, what)
        guard x == x.rounded(), x.isFinite else {
            throw Failure(.notInteger(what), at: e.range, help: "this is \(NumberText.plain(x))")
        }
        return x
    }

    func requireNonNegative(_ value: Value, _ what: String, _ range: SourceRange, _ dimension: Dimension)
        throws(Failure)
    {
        if let (low, high) = extent(value), low < 0 {
            let help = low == high ? "this is \(dimension.show(low))" : "this reaches \(dimension.show(low))"
            throw Failure(.negative(what), at: range, help: help)
        }
        if let share = ClampWarnings.shareOutside(resolved(value), low: 0, high: .infinity, constant: constant, resolve: resolved),
            share >= ClampWarnings.threshold
        {
            ClampWarnings.report(
                Failure(
                    .negativeTailClamped(what, share), at: range,
                    help: "`a to b` with both ends above 0 is lognormal and never negative"))
        }
    }

    /// The range a value is written to span, when it can be told without
    /// sampling: a constant's value, an interval's or a bounded
    /// distribution's ends, a mixture's hull.
    func extent(_ value: Value) -> (Double, Double)? {
        if let x = constant(value) { return (x, x) }
        switch value {
        case .variable(let i):
            return i < variables.count ? extent(variables[i].value) : nil
        case .interval90(let low, let high), .uniform(let low, let high),
            .triangular(let low, _, let high), .pert(let low, _, let high), .monthWindow(let low, let high):
            guard let a = extent(low), let b = extent(high) else { return nil }
            return (a.0, b.1)
        case .beta:
            return (0, 1)
        case .mixture(let components, _):
            var hull: (Double, Double)?
            for component in components {
                guard let e = extent(component) else { return nil }
                hull = hull.map { (min($0.0, e.0), max($0.1, e.1)) } ?? e
            }
            return hull
        default:
            return nil
        }
    }
}
