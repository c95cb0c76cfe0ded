import R2Model

// quantity := range [unit]
// range    := sum ["to" sum]
// sum      := product {("+"|"-") product}
// product  := unary {("*"|"/") unary}
// unary    := "-" unary | postfix
// postfix  := primary [unit]
// primary  := NUMBER | DATE | NAME | "(" quantity ")" | call | "between" quantity "and" quantity
extension StatementParser {
    mutating func parseQuantity() throws(Failure) -> Quantity {
        let start = currentStart
        let value = try parseRange()
        if let unit = try parseUnit() {
            return Quantity(.unit(value, unit), range: range(from: start))
        }
        return value
    }

    /// `a to b`. A unit written only after `b` applies to both ends
    /// (`1 to 3 months` is `(1 to 3) months`).
    mutating func parseRange() throws(Failure) -> Quantity {
        let start = currentStart
        let low = try parseSum()
        // `90% to ±3 days` ends the range: `to ±` starts a precision.
        guard !isAtPrecision, consume("to") else { return low }
        let high = try parseSum()
        let whole = range(from: start)
        if case .unit(let inner, let unit) = high.kind, !low.hasOuterUnit {
            return Quantity(.unit(Quantity(.interval(low, inner), range: whole), unit), range: whole)
        }
        return Quantity(.interval(low, high), range: whole)
    }

    mutating func parseSum() throws(Failure) -> Quantity {
        let start = currentStart
        var left = try parseProduct()
        var progress = LoopProgress()
        while progress.advanced(to: index) {
            let op: Punctuation
            if isAt(.plus) { op = .plus } else if isAt(.minus) { op = .minus } else { break }
            try countExpressionNode()
            advance()
            let right = try parseProduct()
            left = combined(op == .plus ? .add : .subtract, left, right, from: start)
        }
        return left
    }

    mutating func parseProduct() throws(Failure) -> Quantity {
        let start = currentStart
        var left = try parseUnary()
        var progress = LoopProgress()
        while progress.advanced(to: index) {
            let op: Punctuation
            if isAt(.star) { op = .star } else if isAt(.slash) { op = .slash } else { break }
            try countExpressionNode()
            advance()
            let right = try parseUnary()
            left = combined(op == .star ? .multiply : .divide, left, right, from: start)
        }
        return left
    }

    /// `left op right`. A `per month` or `per year` written after the last
    /// term, outside parentheses, applies to the whole sum or product when
    /// the terms before it carry no unit: `x / 12 per month` is
    /// `(x / 12) per month`, while `x / (12 per month)` divides by a rate.
    private func combined(
        _ op: Value.BinaryOperator, _ left: Quantity, _ right: Quantity, from start: Int
    ) -> Quantity {
        let whole = range(from: start)
        if case .unit(let inner, let unit) = right.kind, unit == .perMonth || unit == .perYear,
            !left.hasOuterUnit, !file.text(in: right.range).hasPrefix("(")
        {
            let operation = Quantity(.binary(op, left, inner), range: whole)
            return Quantity(.unit(operation, unit), range: whole)
        }
        return Quantity(.binary(op, left, right), range: whole)
    }

    mutating func parseUnary() throws(Failure) -> Quantity {
        let start = currentStart
        if isAt(.minus) {
            try countExpressionNode()
            advance()
            let operand = try parseUnary()
            return Quantity(.negate(operand), range: range(from: start))
        }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws(Failure) -> Quantity {
        let start = currentStart
        let primary = try parsePrimary()
        if let unit = try parseUnit() {
            return Quantity(.unit(primary, unit), range: range(from: start))
        }
        return primary
    }

    mutating func parsePrimary() throws(Failure) -> Quantity {
        guard let token = current else { throw expected("a quantity") }
        switch token.kind {
        case .number(let x):
            advance()
            return Quantity(.number(x), range: token.range)
        case .date(let d):
            advance()
            return Quantity(.date(d), range: token.range)
        case .punctuation(.leftParen):
            try countExpressionNode()
            advance()
            let inner = try parseQuantity()
            guard consume(.rightParen) else {
                if current == nil { throw Failure(.unclosedParenthesis, at: token.range) }
                throw expected("`)`")
            }
            return Quantity(inner.kind, range: range(from: token.range.start))
        case .identifier("between"):
            try countExpressionNode()
            advance()
            let low = try parseQuantity()
            try expect("and")
            let high = try parseQuantity()
            return Quantity(.window(low, high), range: range(from: token.range.start))
        case .identifier(let word):
            if peek()?.isPunctuation(.leftParen) == true {
                return try parseCall(word, token)
            }
            if Keywords.reserved.contains(word) { throw expected("a quantity") }
            advance()
            return Quantity(.name(word), range: token.range)
        default:
            throw expected("a quantity")
        }
    }

    private mutating func parseCall(_ word: String, _ token: Token) throws(Failure) -> Quantity {
        guard let function = Quantity.Function(rawValue: word) else {
            throw Failure(
                .unknownFunction(word), at: token.range,
                help: Suggestion.help(for: word, in: Quantity.Function.allCases.map(\.rawValue)))
        }
        try countExpressionNode()
        advance()
        let open = advance()
        var arguments: [Quantity.Argument] = []
        if !isAt(.rightParen) {
            var progress = LoopProgress()
            repeat {
                guard progress.advanced(to: index) else { break }
                let value = try parseQuantity()
                var weight: Quantity?
                if isAt(.at) {
                    let at = advance()
                    guard function == .mixture else {
                        throw Failure(.weightOutsideMixture(word), at: at.range)
                    }
                    weight = try parseQuantity()
                }
                arguments.append(Quantity.Argument(value, weight: weight))
            } while consume(.comma)
        }
        guard consume(.rightParen) else {
            if current == nil { throw Failure(.unclosedParenthesis, at: open.range) }
            throw expected("`,` or `)`")
        }
        let whole = range(from: token.range.start)
        if let arity = function.arity, arguments.count != arity {
            throw Failure(.wrongArgumentCount(word, expected: arity, found: arguments.count), at: whole)
        }
        if arguments.isEmpty {
            throw Failure(
                .wrongArgumentCount(word, expected: 1, found: 0), at: whole,
                help: "give at least one component")
        }
        return Quantity(.call(function, arguments), range: whole)
    }

    /// Counts an operator, sign, parenthesis or call at the current token
    /// against `maximumExpressionNodes`.
    mutating func countExpressionNode() throws(Failure) {
        expressionNodes += 1
        guard expressionNodes > Self.maximumExpressionNodes else { return }
        throw Failure(
            .expressionTooLarge(Self.maximumExpressionNodes), at: current?.range ?? range(from: consumedEnd),
            help: "split it into `let` names")
    }

    /// A unit after a quantity, if one follows: a unit word, or `per month`
    /// / `per year`. A word right after a number that looks like a unit
    /// mistyped (`3 mnths`, `50 percent`) is an unknown unit, reported
    /// there rather than where the statement fails to go on.
    mutating func parseUnit() throws(Failure) -> QuantityUnit? {
        guard let token = current, let word = token.identifier else { return nil }
        if word == "per" {
            // `50 per cent`: a percentage.
            if let next = peek(), next.isIdentifier("cent"), let help = percentHelp() {
                throw Failure(.unknownUnit("per cent"), at: token.range.union(next.range), help: help)
            }
            advance()
            let period = try expectOne(
                of: ["month", "months", "mo", "year", "years"], "`month` or `year` after `per`")
            return period.hasPrefix("y") ? .perYear : .perMonth
        }
        guard let unit = QuantityUnit.word(word) else {
            if let slip = unitSlip(word, at: token.range) { throw slip }
            return nil
        }
        advance()
        return unit
    }

    /// The unknown unit `word` (the current token) is, when it comes right
    /// after a number and is no word of the language: a percentage written
    /// out (`50 percent`), a known abbreviation (`3 mths`), or a word near
    /// a unit word (`5 monts`, `2 wekks`). Nil for any other word, which
    /// the statement then reads on or reports itself.
    func unitSlip(_ word: String, at range: SourceRange) -> Failure? {
        guard index > 0, case .number = tokens[index - 1].kind, !Keywords.all.contains(word),
            lookalikeHelp() == nil
        else { return nil }
        if QuantityUnit.percentWords.contains(word.lowercased()), let help = percentHelp() {
            return Failure(.unknownUnit(word), at: range, help: help)
        }
        let meant =
            QuantityUnit.abbreviations[word.lowercased()]
            ?? (word.count >= Suggestion.shortestPrefix
                ? Suggestion.nearest(to: word, in: QuantityUnit.suggestedWords) : nil)
        guard let meant else { return nil }
        return Failure(.unknownUnit(word), at: range, help: "did you mean `\(meant)`?")
    }

    /// "write `50%`" for the number just before the current token, read as
    /// a percentage (`50 percent`); nil when no number comes just before.
    func percentHelp() -> String? {
        guard index > 0, case .number = tokens[index - 1].kind else { return nil }
        let written = file.text(in: tokens[index - 1].range)
        guard written.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }) else {
            return "`%` goes right after a number, as in `15%`"
        }
        return "write `\(written)%`"
    }
}

extension Quantity {
    /// True when the expression is a quantity with a unit written last.
    var hasOuterUnit: Bool {
        if case .unit = kind { return true }
        return false
    }
}
