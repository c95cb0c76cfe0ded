import R2Model

/// Turns written quantities into `Value`s, checking dimensions, folding
/// constants and refusing impossible parameters. Names resolve to the
/// latest `let` of that name among `variables`.
struct Elaborator {
    var variables: [Variable]
    var dimensions: [Dimension]

    init(variables: [Variable], dimensions: [Dimension]) {
        self.variables = variables
        self.dimensions = dimensions
    }

    /// The variables' values, for constant look-through.
    var variableValues: [Value] { variables.map(\.value) }

    func constant(_ value: Value) -> Double? {
        value.constantValue(variables: variableValues)
    }

    func elaborate(_ e: Quantity) throws(Failure) -> TypedValue {
        switch e.kind {
        case .number(let x):
            try Self.checkMagnitude(.constant(x), e.range)
            return TypedValue(value: .constant(x), dimension: .number)
        case .date(let d):
            return TypedValue(value: .constant(d.continuousMonth), dimension: .date)
        case .name(let name):
            guard let index = variables.lastIndex(where: { $0.name == name }) else {
                throw Failure(
                    .unknownName(name), at: e.range,
                    help: Suggestion.help(for: name, in: variables.map(\.name)))
            }
            return TypedValue(value: .variable(index), dimension: dimensions[index])
        case .unit(let inner, let unit):
            let operand = try elaborate(inner)
            guard operand.dimension == .number else {
                throw Failure(.unitMismatch(unit, operand.dimension), at: e.range)
            }
            let (dimension, factor) = unit.conversion
            let value = scaled(operand.value, by: factor)
            try Self.checkMagnitude(value, e.range)
            return TypedValue(value: value, dimension: dimension)
        case .negate(let inner):
            let operand = try elaborate(inner)
            guard operand.dimension != .date else { throw Failure(.negateDate(), at: e.range) }
            let value: Value = constant(operand.value).map { .constant(-$0) } ?? .negate(operand.value)
            return TypedValue(value: value, dimension: operand.dimension)
        case .binary(let op, let a, let b):
            return try arithmetic(op, a, b, range: e.range)
        case .interval(let a, let b):
            return try interval(a, b, range: e.range)
        case .window(let a, let b):
            return try window(a, b, range: e.range)
        case .call(let function, let arguments):
            return try call(function, arguments, range: e.range)
        }
    }

    /// `value * factor`, folded when constant.
    func scaled(_ value: Value, by factor: Double) -> Value {
        if factor == 1 { return value }
        if let x = constant(value), case .constant = value { return .constant(x * factor) }
        return .binary(.multiply, value, .constant(factor))
    }

    /// A binary operation, folded when both sides are literal constants.
    func combine(_ op: Value.BinaryOperator, _ a: Value, _ b: Value) -> Value {
        if case .constant(let x) = a, case .constant(let y) = b { return .constant(op.apply(x, y)) }
        return .binary(op, a, b)
    }

    private func arithmetic(
        _ op: Value.BinaryOperator, _ a: Quantity, _ b: Quantity, range: SourceRange
    ) throws(Failure) -> TypedValue {
        let left = try elaborate(a)
        let right = try elaborate(b)
        let l = left.dimension, r = right.dimension
        var result: Dimension?
        switch op {
        case .add:
            if l == r, l != .date { result = l }
            if (l, r) == (.date, .duration) || (l, r) == (.duration, .date) { result = .date }
        case .subtract:
            if l == r { result = l == .date ? .duration : l }
            if (l, r) == (.date, .duration) { result = .date }
        case .multiply:
            if l == .number, r != .date { result = r }
            if r == .number, l != .date { result = l }
            if (l, r) == (.rate, .duration) || (l, r) == (.duration, .rate) { result = .number }
        case .divide:
            if r == .number, l != .date { result = l }
            if l == r, l == .duration || l == .rate { result = .number }
            if (l, r) == (.number, .duration) { result = .rate }
            if (l, r) == (.number, .rate) { result = .duration }
            if result != nil, constant(right.value) == 0 { throw Failure(.divisionByZero, at: b.range) }
        default:
            break
        }
        guard let result else { throw Failure(.arithmeticMismatch(op.rawValue, l, r), at: range) }
        let value = combine(op, left.value, right.value)
        try Self.checkMagnitude(value, range)
        return TypedValue(value: value, dimension: result)
    }

    /// A constant beyond `Scenario.largestValue` (or not finite) is an error
    /// where it is written: the engine could not simulate it.
    static func checkMagnitude(_ value: Value, _ range: SourceRange) throws(Failure) {
        if case .constant(let x) = value, !(abs(x) <= Scenario.largestValue) {
            throw Failure(.tooLarge, at: range)
        }
    }

    private func interval(_ a: Quantity, _ b: Quantity, range: SourceRange) throws(Failure) -> TypedValue {
        let low = try elaborate(a)
        let high = try elaborate(b)
        guard low.dimension == high.dimension else {
            throw Failure(.mismatchedArguments("`a to b`", low.dimension, high.dimension), at: range)
        }
        // A 90% interval of two dates would be a lognormal over the months
        // since year 0: never what `from 2025-09 to 2026-01` means.
        if low.dimension == .date {
            let a = constant(low.value).map { Dimension.date.show($0) } ?? "A"
            let b = constant(high.value).map { Dimension.date.show($0) } ?? "B"
            throw Failure(
                .dateInterval, at: range,
                help:
                    "an uncertain month is `between \(a) and \(b)`; a setting that stops takes a second statement from the month it stops"
            )
        }
        if let x = constant(low.value), let y = constant(high.value) {
            if x > y {
                throw Failure(
                    .backwardsInterval, at: range,
                    help: "\(low.dimension.show(x)) is above \(high.dimension.show(y))")
            }
            if x == y, case .constant = low.value, case .constant = high.value {
                return TypedValue(value: .constant(x), dimension: low.dimension)
            }
            if let orders = Self.intervalReachesTooFar(x, y) {
                throw Failure(
                    .drawsTooLarge("`a to b` (lognormal when both ends are above 0)"), at: range,
                    help: "this 90% interval spans \(orders) orders of magnitude; narrow it")
            }
        }
        return TypedValue(value: .interval90(low: low.value, high: high.value), dimension: low.dimension)
    }

    private func window(_ a: Quantity, _ b: Quantity, range: SourceRange) throws(Failure) -> TypedValue {
        let from = try elaborate(a)
        let to = try elaborate(b)
        for side in [(from, a), (to, b)] where side.0.dimension != .date {
            throw Failure(
                .expectedDimension("a date such as `2025-07`", found: side.0.dimension), at: side.1.range,
                help: slashDateHelp(side.1))
        }
        if let x = constant(from.value), let y = constant(to.value), y.rounded(.down) < x.rounded(.down) {
            throw Failure(
                .backwardsWindow, at: range, help: "\(NumberText.date(y)) is before \(NumberText.date(x))")
        }
        return TypedValue(value: .monthWindow(from: from.value, to: to.value), dimension: .date)
    }
}
