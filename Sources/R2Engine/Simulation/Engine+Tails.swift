import R2Model

extension Engine {
    /// The share of `draws` draws of `value` below `low` or above `high`
    /// (NaN counts as outside: the engine clamps it too), drawn as a run
    /// under `seed` draws a `let` holding it after `variables` (which it may
    /// refer to). Nil when the value holds no distribution or cannot be
    /// compiled on its own. Its cost does not grow with the variables the
    /// value does not depend on. For the language's clamp warnings
    /// (`TailSampler`): what arithmetic on distributions puts outside the
    /// range its role allows has no closed form.
    public static func shareOutside(
        _ value: Value, variables: [Variable], low: Double, high: Double, draws: Int,
        seed: UInt64 = Scenario.defaultSeed
    ) -> Double? {
        guard let samples = samples(value, variables: variables, draws: draws, seed: seed) else { return nil }
        var outside = 0
        for x in samples where !(x >= low && x <= high) { outside += 1 }
        return Double(outside) / Double(draws)
    }

    /// `draws` draws of `value`, as the engine draws a `let` holding it
    /// after `variables` (which it may refer to) in trials 0 ..< draws under
    /// `seed`, with the `correlations` among the variables it depends on.
    /// Nil when the value holds no distribution or cannot be compiled on
    /// its own. For the clamp warnings and for values typed at the prompt.
    public static func samples(
        _ value: Value, variables: [Variable], correlations: [Correlation] = [], draws: Int,
        seed: UInt64 = Scenario.defaultSeed
    ) -> [Double]? {
        guard draws > 0 else { return nil }
        var scenario = Scenario(name: "tail", clock: Clock(start: 0, end: 0))
        // Only the variables the value depends on are drawn; the others
        // become constants in place, so each keeps its index and stream.
        var needed = Set<Int>()
        var pending = value.namedVariables
        while let i = pending.popLast() {
            guard i < variables.count, needed.insert(i).inserted else { continue }
            pending += variables[i].value.namedVariables
        }
        let used = variables.indices.map { i in
            needed.contains(i) ? variables[i] : Variable(name: variables[i].name, value: .constant(0))
        }
        scenario.variables = used + [Variable(name: "value", value: value)]
        scenario.correlations = correlations.filter { needed.contains($0.first) && needed.contains($0.second) }
        scenario.r2.start = .constant(0)
        scenario.r2.needs = .constant(1)
        guard let compiled = try? compile(scenario),
            let slot = compiled.inputs.firstIndex(where: { $0.kind == .variable(variables.count) }),
            compiled.inputs[slot].isRandom
        else { return nil }
        return inputSamples(compiled, seed: seed, slot: slot, trials: 0..<draws)
    }
}
