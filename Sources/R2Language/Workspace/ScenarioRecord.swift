import R2Model

/// A scenario and what the language knows about it beyond the model: the
/// dimension of each `let`.
struct ScenarioRecord: Hashable, Sendable {
    var scenario: Scenario
    var dimensions: [Dimension] = []

    var elaborator: Elaborator {
        Elaborator(variables: scenario.variables, dimensions: dimensions)
    }
}
