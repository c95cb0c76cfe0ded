import R2Model

/// A scenario ready to simulate: every `Value` lowered to a flat program over
/// numbered nodes, constants folded, timelines to flat entry lists in their
/// precedence order. Build it once with `Engine.compile`, run it many times.
public struct CompiledScenario: Sendable {
    public let name: String
    public let clock: Clock
    /// The scenario's own trial count and seed (defaults for `SimulationOptions`).
    public let scenarioTrials: Int
    public let scenarioSeed: UInt64
    public let chipNames: [String]
    public let chipOrigins: [Origin]
    public let eventNames: [String]
    /// Every top-level input, in canonical order (variables, fleets, timeline
    /// statements, r2 fields, events).
    public let inputs: [InputSlot]
    /// A label per timeline entry (scenario statements, then event changes).
    public let entryLabels: [String]

    /// Node values before a trial: constants filled in, random nodes 0.
    let initialNodes: [Double]
    let program: [Instruction]
    let mixtureNodes: [Int32]
    let mixtureCumulative: [Double]
    /// The inverse tables of `Instruction.Op.table`.
    let tables: [InverseTable]
    /// Indices into `inputs` of the slots that draw (non-empty program).
    let randomSlots: [Int32]
    let entries: [CompiledEntry]
    let events: [CompiledEvent]
    let fleetNodes: [Int32]
    /// Node per `InputSlot.R2Field` (switchAfter is -1 when never).
    let r2Nodes: [Int32]

    /// T, the number of monthly steps.
    public var steps: Int { clock.steps }
}
