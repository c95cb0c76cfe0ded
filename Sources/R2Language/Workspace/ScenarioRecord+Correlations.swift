import R2Model

extension ScenarioRecord {
    /// `correlate A, B RHO` (model v2, spec/model-v2.md section 5): both
    /// names bound to one distribution, the coefficient strictly inside
    /// (-1, 1), the pair not yet correlated, and every correlation of the
    /// scenario still possible together.
    mutating func correlate(_ a: Name, _ b: Name, _ q: Quantity, provenance: Provenance) throws(Failure) {
        let e = elaborator
        var failures = Failures()
        let first = failures.attempt { () throws(Failure) in try correlatedVariable(a) }
        let second = failures.attempt { () throws(Failure) in try correlatedVariable(b) }
        let rho = failures.attempt { () throws(Failure) -> Double in
            let x = try e.constantNumber(q, "a rank correlation")
            guard x > -1 && x < 1 else {
                throw Failure(
                    .correlationRange, at: q.range,
                    help: "this is \(NumberText.plain(x)); write a coefficient such as `0.6` or `-0.3`")
            }
            return x
        }
        try failures.check()
        guard let first, let second, let rho else { return }
        let both = a.range.union(b.range)
        guard first != second else { throw Failure(.selfCorrelation, at: both) }
        if let earlier = scenario.correlations.first(where: { Set([$0.first, $0.second]) == Set([first, second]) }) {
            throw Failure(
                .duplicateCorrelation(a.text, b.text), at: both,
                help: "remove one of the two statements",
                note: "first stated at \(earlier.provenance.location): `\(earlier.provenance.text)`")
        }
        let correlation = Correlation(first: first, second: second, coefficient: rho, provenance: provenance)
        let all = scenario.correlations + [correlation]
        guard CorrelationMatrix(all).cholesky != nil else {
            let others = scenario.correlations.map { "\($0.provenance.location): `\($0.provenance.text)`" }
            throw Failure(
                .correlationsImpossible, at: both.union(q.range),
                help: "weaken this coefficient or one of the others",
                note: "together with " + others.joined(separator: "; "))
        }
        scenario.correlations.append(correlation)
    }

    /// The index of the `let` named `name`, which must be bound to one
    /// distribution of constant parameters.
    func correlatedVariable(_ name: Name) throws(Failure) -> Int {
        let e = elaborator
        guard let index = scenario.variables.lastIndex(where: { $0.name == name.text }) else {
            throw Failure(
                .unknownName(name.text), at: name.range,
                help: Suggestion.help(for: name.text, in: scenario.variables.map(\.name))
                    ?? "declare it first with `let \(name.text) = ...`")
        }
        let variable = scenario.variables[index]
        // A unit scales a distribution (`2 to 6 weeks`), and is read so
        // only where the definition ends with one: `pert(1, 2, 6) * 2` is
        // arithmetic over a distribution, which the spec refuses.
        let value =
            variable.value.unitScaled.map { Self.endsWithUnit(variable.provenance.text) ? $0.value : variable.value }
            ?? variable.value
        guard Self.isSingleDistribution(value, constant: { e.constant($0) != nil }) else {
            throw Failure(
                .notSingleDistribution(name.text), at: name.range,
                help:
                    "bind it to one call such as `pert(...)`, one `a to b` or one date window, with constant parameters",
                note: "`\(variable.provenance.text)`")
        }
        return index
    }

    /// One distribution whose parameters are constants: a call, `a to b`,
    /// a date window, or a mixture of such (or of constants). Arithmetic
    /// over a distribution is not one (a unit's factor is looked through
    /// by the caller).
    static func isSingleDistribution(_ v: Value, constant: (Value) -> Bool, inMixture: Bool = false) -> Bool {
        switch v {
        case .constant: return inMixture
        case .normal(let a, let b), .lognormal(let a, let b), .uniform(let a, let b), .beta(let a, let b),
            .interval90(let a, let b), .monthWindow(let a, let b):
            return constant(a) && constant(b)
        case .triangular(let a, let b, let c), .pert(let a, let b, let c):
            return constant(a) && constant(b) && constant(c)
        case .mixture(let components, _):
            return !inMixture && components.allSatisfy { isSingleDistribution($0, constant: constant, inMixture: true) }
        default:
            return false
        }
    }

    /// Whether a `let`'s definition, as written (`let x = 2 to 6 weeks cite
    /// ...`), ends with a unit word.
    static func endsWithUnit(_ text: String) -> Bool {
        var definition = Substring(text)
        if let cite = definition.range(of: " cite ") { definition = definition[..<cite.lowerBound] }
        guard let last = definition.split(whereSeparator: { $0 == " " || $0 == "\t" }).last else { return false }
        return QuantityUnit.word(String(last)) != nil || last == "per-month" || last == "per-year"
    }
}
