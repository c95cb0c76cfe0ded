/// Names for tab completion.
extension Workspace {
    /// Every keyword of the language, sorted.
    public static let keywords: [String] = Array(Set(Keywords.statements + Keywords.others)).sorted()

    /// The chips of the current scenario.
    public var chipNames: [String] { currentScenario?.chips.map(\.name) ?? [] }

    /// Every scenario, in order of creation.
    public var scenarioNames: [String] { records.map(\.scenario.name) }

    /// The `let` names of the current scenario, each once.
    public var letNames: [String] {
        var seen = Set<String>()
        return (currentScenario?.variables ?? []).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The events of the current scenario.
    public var eventNames: [String] { currentScenario?.events.map(\.name) ?? [] }
}
