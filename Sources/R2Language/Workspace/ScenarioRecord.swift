import R2Model

/// A scenario and what the language knows about it beyond the model: the
/// dimension of each `let`, and where its dated statements are written.
struct ScenarioRecord: Hashable, Sendable {
    var scenario: Scenario
    var dimensions: [Dimension] = []
    /// The windows of its events and the dates of its `from` statements,
    /// to warn of those outside the clock (`ScenarioRecord+Windows`).
    var windows: [DatedWindow] = []
    /// A `clock` statement set the clock (here, or in the scenario this one
    /// was derived from): a window is checked against it when declared.
    var clockStated = false

    var elaborator: Elaborator {
        Elaborator(variables: scenario.variables, dimensions: dimensions)
    }
}
