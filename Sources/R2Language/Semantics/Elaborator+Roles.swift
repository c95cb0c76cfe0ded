import R2Model

/// Quantities in the roles statements give them: probabilities, amounts,
/// durations, dates; each checked for dimension and for impossible values.
extension Elaborator {
    /// A quantity of `dimension`, described as `what` in the error.
    func require(_ e: Quantity, _ dimension: Dimension, _ what: String) throws(Failure) -> Value {
        let typed = try elaborate(e)
        guard typed.dimension == dimension else {
            throw Failure(
                .expectedDimension(what, found: typed.dimension), at: e.range,
                help: dimension == .date ? slashDateHelp(e) : nil)
        }
        return typed.value
    }

    /// A probability: a number whose written extent lies in [0, 1].
    func probability(_ e: Quantity) throws(Failure) -> Value {
        let value = try share(e, "a probability such as `30%`")
        if let (share, sampled) = clampedShare(value, low: 0, high: 1) {
            ClampWarnings.report(
                Failure(
                    .probabilityTailClamped(share), at: e.range,
                    help: "a bounded distribution, such as `pert(...)` or `beta(...)`, stays inside",
                    note: sampled.map(Self.sampledNote)))
        }
        return value
    }

    /// A yield's start y0 or cap ymax: written as a share in [0, 1] (a
    /// constant or a written range outside it is an error, as for a
    /// probability), but draws of an unbounded distribution are not
    /// clamped and draw no warning: the yield is max(0, min(ymax, y0 + g t))
    /// (spec/model-v2.md, 4), bounded whatever they draw.
    func yieldShare(_ e: Quantity) throws(Failure) -> Value {
        try share(e, "a share such as `30%`")
    }

    /// A number written in [0, 1]: a constant or a written range outside
    /// it is an error (`expected` says what was expected).
    private func share(_ e: Quantity, _ expected: String) throws(Failure) -> Value {
        let value = try require(e, .number, expected)
        if let (low, high) = extent(value), low < 0 || high > 1 {
            let shown = low < 0 ? low : high
            let help =
                low == high
                ? "this is \(NumberText.percent(shown))" : "this reaches \(NumberText.percent(shown))"
            throw Self.outOfRange(e, help: help)
        }
        return value
    }

    /// A monthly probability: a probability, or a rate `per month` (or
    /// `per year`, as its monthly share) whose extent lies in [0, 1].
    func monthlyProbability(_ e: Quantity) throws(Failure) -> Value {
        let typed = try elaborate(e)
        guard typed.dimension == .number || typed.dimension == .rate else {
            throw Failure(
                .expectedDimension("a probability such as `2%` or `2% per month`", found: typed.dimension), at: e.range)
        }
        if let (low, high) = extent(typed.value), low < 0 || high > 1 {
            let shown = low < 0 ? low : high
            throw Self.outOfRange(e, help: "this reaches \(NumberText.percent(shown)) a month")
        }
        return typed.value
    }

    /// A probability out of range; a number written alone (`pressure 50`)
    /// may be a percentage without its `%` (`Failure.mayLackPercent`).
    static func outOfRange(_ e: Quantity, help: String) -> Failure {
        var failure = Failure(.probabilityOutOfRange, at: e.range, help: help)
        if case .number = e.kind { failure.mayLackPercent = true }
        return failure
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
        guard typed.dimension == .date else {
            throw Failure(
                .expectedDimension("a date such as `2025-07`", found: typed.dimension), at: e.range,
                help: slashDateHelp(e))
        }
        throw Failure(.notConstant("this date"), at: e.range)
    }

    /// "dates are written `2025-10`" for a number where a date belongs that
    /// is a year over a month, `2025/10` (a division, 202.5), written so or
    /// bound so by the `let` it names; nil for any other quantity.
    func slashDateHelp(_ e: Quantity) -> String? {
        switch e.kind {
        case .binary(.divide, let year, let month):
            guard case .number(let y) = year.kind, case .number(let m) = month.kind,
                let date = Self.slashDate(y, written: year.range.length, m, written: month.range.length)
            else { return nil }
            return "dates are written `\(date)`"
        case .name(let name):
            // `let d = 2025/10` keeps only 202.5: its text tells how it was written.
            guard let variable = variables.last(where: { $0.name == name }) else { return nil }
            let text = SourceFile(name: name, text: variable.provenance.text)
            let tokens = Lexer.tokenize(text.text).tokens.filter { $0.kind != .newline }
            guard tokens.count >= 6, tokens[0].isIdentifier("let"), tokens[1].isIdentifier(name),
                tokens[2].isPunctuation(.equals), case .number(let y) = tokens[3].kind,
                tokens[4].isPunctuation(.slash), case .number(let m) = tokens[5].kind,
                tokens.count == 6 || tokens[6].isIdentifier("cite"),
                let date = Self.slashDate(
                    y, written: tokens[3].range.length, m, written: tokens[5].range.length)
            else { return nil }
            let division = text.text(in: tokens[3].range.union(tokens[5].range))
            return "`\(name)` is `\(division)`, a number: dates are written `\(date)`"
        default:
            return nil
        }
    }

    /// `YYYY-MM` for a year `y` written in 4 characters over a month `m`
    /// written in 1 or 2 (numbers of such lengths and values are written
    /// in digits alone, as `2025` and `10` or `07`).
    static func slashDate(_ y: Double, written yearLength: Int, _ m: Double, written monthLength: Int)
        -> String?
    {
        guard yearLength == 4, (1...2).contains(monthLength), y == y.rounded(), m == m.rounded(),
            y >= 1000, y <= 9999, m >= 1, m <= 12
        else { return nil }
        return "\(Int(y))-\(m < 10 ? "0" : "")\(Int(m))"
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
        if let (share, sampled) = clampedShare(value, low: 0, high: .infinity) {
            // The hint about lognormals only where a normal interval is the cause.
            let help: String
            if case .interval90 = resolved(value) {
                help = "`a to b` with both ends above 0 is lognormal and never negative"
            } else {
                help = "`max(0, ...)` makes the clamp explicit"
            }
            ClampWarnings.report(
                Failure(.negativeTailClamped(what, share), at: range, help: help, note: sampled.map(Self.sampledNote)))
        }
    }

    /// Says that a clamped share was estimated, not computed.
    static func sampledNote(_ draws: Int) -> String {
        "estimated from \(NumberText.count(draws)) draws of the value: arithmetic on distributions has no closed form here"
    }

    /// The share of `value`'s draws outside [low, high] that the engine
    /// will clamp, when it is worth a warning: in closed form where there
    /// is one (`ClampWarnings.shareOutside`), else, when the value's
    /// support crosses a bound, estimated by the workspace's sampler
    /// (`sampled` is then its number of draws).
    func clampedShare(_ value: Value, low: Double, high: Double) -> (share: Double, sampled: Int?)? {
        let v = resolved(value)
        if let share = ClampWarnings.shareOutside(v, low: low, high: high, constant: constant, resolve: resolved) {
            return share >= ClampWarnings.threshold ? (share, nil) : nil
        }
        guard constant(v) == nil else { return nil }
        let (lowest, highest) = ClampWarnings.support(v, constant: constant, resolve: resolved)
        guard lowest < low || highest > high, let sampler = ClampWarnings.sampler,
            let share = sampler.estimate(value, variables, low, high), share >= ClampWarnings.threshold
        else { return nil }
        return (share, sampler.draws)
    }

    /// The range a value is written to span, when it can be told without
    /// sampling: a constant's value, an interval's or a bounded
    /// distribution's ends, a mixture's hull, and such a value shifted,
    /// scaled or negated by constants (the same distribution written out:
    /// `pert(10%, 25%, 50%) * 3` spans 30% to 150% as `pert(30%, 75%, 150%)`).
    func extent(_ value: Value) -> (Double, Double)? {
        if let x = constant(value) { return (x, x) }
        func ordered(_ a: Double, _ b: Double) -> (Double, Double)? {
            a.isNaN || b.isNaN ? nil : (Swift.min(a, b), Swift.max(a, b))
        }
        switch value {
        case .negate(let x):
            return extent(x).flatMap { ordered(-$0.1, -$0.0) }
        case .binary(let op, let x, let y):
            switch (op, constant(x), constant(y)) {
            case (.add, let c?, nil): return extent(y).flatMap { ordered($0.0 + c, $0.1 + c) }
            case (.add, nil, let c?): return extent(x).flatMap { ordered($0.0 + c, $0.1 + c) }
            case (.subtract, nil, let c?): return extent(x).flatMap { ordered($0.0 - c, $0.1 - c) }
            case (.subtract, let c?, nil): return extent(y).flatMap { ordered(c - $0.1, c - $0.0) }
            case (.multiply, let c?, nil) where c.isFinite: return extent(y).flatMap { ordered($0.0 * c, $0.1 * c) }
            case (.multiply, nil, let c?) where c.isFinite: return extent(x).flatMap { ordered($0.0 * c, $0.1 * c) }
            case (.divide, nil, let c?) where c != 0 && c.isFinite:
                return extent(x).flatMap { ordered($0.0 / c, $0.1 / c) }
            default: return nil
            }
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
