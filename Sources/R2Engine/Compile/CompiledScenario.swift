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

    /// The slots that only hold a `let`'s value (`fail c ascend_fail`): the
    /// node of a variable's own slot, so their uncertainty is the let's.
    public var slotsBoundToLets: Set<Int> {
        let letNodes = Set(
            inputs.compactMap { slot -> Int32? in
                if case .variable = slot.kind { return slot.node }
                return nil
            })
        return Set(
            inputs.indices.filter { i in
                if case .variable = inputs[i].kind { return false }
                return letNodes.contains(inputs[i].node)
            })
    }
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
    /// Node per `InputSlot.R2Field` (switchAfter is -1 when never, fold
    /// -1 when the scenario does not fold).
    let r2Nodes: [Int32]
    /// Flagship releases before it (months after the clock's start) are
    /// ruled out by the scenario's as-of date; nil when none.
    public let asOfBound: Double?
    /// Whether the programme can fold (its fold draws run).
    public let folds: Bool
    /// The sector, when the scenario describes it.
    let sector: CompiledSector?
    /// The Gaussian copula of the correlated inputs, when there are any.
    let copula: CompiledCopula?

    /// The indices into `inputs` of the inputs drawn through the copula.
    public var correlatedInputs: Set<Int> {
        guard let copula else { return [] }
        return Set(inputs.indices.filter { copula.nodes.contains(inputs[$0].node) })
    }

    /// Whether the scenario describes the sector (its shares are computed).
    public var hasSector: Bool { sector != nil }
    /// The calendar years the sector's shares are reported for.
    public var sectorYears: [SectorWindow] { sector?.years ?? [] }

    /// T, the number of monthly steps.
    public var steps: Int { clock.steps }
}
