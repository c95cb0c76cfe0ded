import R2Model

/// One worker's handle on a compiled scenario for running it a group of
/// `width` trials at a time (16 in the AVX-512 and AVX2 builds, 8 in the
/// portable one; docs/MODEL.md, "Lanes"): read-only copies of the compiled tables and
/// the scratch of one group, allocated once as raw buffers, so the group
/// loop allocates nothing and touches no array. The group starting at
/// trial g holds trials g ..< g + width, one per lane; what a trial draws
/// and computes depends only on (seed, i), never on its lane or group.
/// Used by one thread at a time.
final class LaneMachine: @unchecked Sendable {
    static let width = LaneMath.width
    let seed: UInt64
    /// `LaneRandom.seedBase(seed)`.
    let seedBase: UInt64
    let steps: Int
    let clockStart: Int
    let chipCount: Int
    let eventCount: Int
    let stateCount: Int
    let nodeCount: Int
    let foreignCount: Int
    let domesticCount: Int
    let exportCheckCount: Int
    let drawCount: Int
    /// Where the draws of each kind end: quantile, exponential within
    /// `expInRange`'s range, other exponential, then uniform.
    let quantileEnd: Int
    let inRangeEnd: Int
    let exponentialEnd: Int
    let programCount: Int
    let dynamicCount: Int
    let mandateSalt = LaneRandom.salt(StreamID.mandate)
    let failureSalt = LaneRandom.salt(StreamID.failure)
    let switchSalt = LaneRandom.salt(StreamID.switchAttempt)
    let holdsSalt = LaneRandom.salt(StreamID.holds)
    let foldSalt = LaneRandom.salt(StreamID.fold)
    /// Whether the programme's fold draws run (model v2).
    let folds: Bool
    /// Whether any timeline statement changes a programme input (model v2).
    let programmeTimelines: Bool
    let needsSlot: Int
    let postSlot: Int
    let holdProbabilitySlot: Int
    let holdMonthsSlot: Int
    let restartSlot: Int
    let foldSlot: Int
    /// The sector (model v2): whether the scenario describes it, its
    /// pressure's slot, and its windows (the calendar years, then those
    /// asked for): per step the windows that start, are open and end there
    /// (offsets into the lists, by step).
    let hasSector: Bool
    let sectorPressureSlot: Int
    let sectorWindowCount: Int
    let sectorWindows: LaneBuffer<SectorPlan>
    let sectorStartOffsets: LaneBuffer<Int32>
    let sectorStartList: LaneBuffer<Int32>
    let sectorOpenOffsets: LaneBuffer<Int32>
    let sectorOpenList: LaneBuffer<Int32>
    let sectorEndOffsets: LaneBuffer<Int32>
    let sectorEndList: LaneBuffer<Int32>
    let baseNodes: LaneBuffer<Int32>
    /// The chips the sector receives: the foreign ones some statement ships
    /// (`sectorForeignCount` of them), then the domestic ones it makes.
    let sectorChips: LaneBuffer<Int32>
    let sectorForeignCount: Int
    let sectorChipCount: Int
    /// The copula of the correlated inputs (model v2), and its scratch.
    let copula: CompiledCopula?
    let copulaCount: Int
    let copulaSalt = LaneRandom.salt(StreamID.copula)
    /// The Cholesky factor in single precision, row-major; per input its
    /// plan; the group's k standard normals.
    let copulaCholesky: LaneBuffer<Float>
    let copulaPlans: LaneBuffer<CopulaPlan>
    let copulaNormals: LaneBuffer<LaneFloat>
    /// Whether any sector window weighs by perf (the compute sums run).
    let sectorCompute: Bool

    // Read-only tables.
    /// The single draws with constant parameters, then the other random
    /// slots' programs, step by step.
    let draws: LaneBuffer<Draw>
    let program: LaneBuffer<Step>
    let eventPlans: LaneBuffer<EventPlan>
    let mixtureNodes: LaneBuffer<Int32>
    let mixtureCumulative: LaneBuffer<Double>
    /// The lane tables of `Instruction.Op.table`, by table index.
    let laneTables: LaneBuffer<LaneTable>
    let normal: LaneTable
    let fleetNodes: LaneBuffer<Int32>
    let r2Nodes: LaneBuffer<Int32>
    let entryRuns: LaneBuffer<EntryRun>
    /// The entries whose step is the same in every trial, by step: those of
    /// step t are staticList[staticStart[t] ..< staticStart[t + 1]], in
    /// entry order.
    let staticStart: LaneBuffer<Int32>
    let staticList: LaneBuffer<Int32>
    /// The other entries (of an event, or with an uncertain `from`), in entry order.
    let dynamicEntries: LaneBuffer<Int32>
    let entries: LaneBuffer<CompiledEntry>
    let isDomestic: LaneBuffer<Bool>
    let foreign: LaneBuffer<Int32>
    let domestic: LaneBuffer<Int32>
    /// Per chip, the salt of its order stream (`StreamID.order`).
    let orderSalts: LaneBuffer<UInt32>
    let defaults: LaneBuffer<LaneFloat>
    let exportChecks: LaneBuffer<ExportCheck>

    // Scratch of one group.
    let nodes: LaneBuffer<LaneFloat>
    let state: LaneBuffer<LaneFloat>
    let fleet: LaneBuffer<LaneFloat>
    /// Per chip in the current timeline segment: units ordered or dies made
    /// per month (0 in lanes where the chip does not supply), and for a
    /// foreign chip a (1 - pi), the chance an order is delivered.
    let amount: LaneBuffer<LaneFloat>
    let deliver: LaneBuffer<LaneFloat>
    /// Per chip, the base of its order stream in each lane.
    let orderBases: LaneBuffer<LaneWord>
    /// The foreign chips that may deliver in some lane (whether a draw is
    /// needed in `supplierDraws`), then the domestic chips that make.
    let suppliers: LaneBuffer<Int32>
    let supplierDraws: LaneBuffer<Bool>
    /// Per dynamic entry, its step in each lane (`steps`: never).
    let dynamicSteps: LaneBuffer<LaneInt>
    /// The steps as bits, 64 to a word (`stepWords` words): bit t of
    /// `stepBits` is set when some dynamic entry acts at step t in some
    /// lane, bit t of dynamic entry d's words (`dynamicBits` from
    /// d `stepWords` on) when d does.
    let stepWords: Int
    let stepBits: LaneBuffer<UInt64>
    let dynamicBits: LaneBuffer<UInt64>
    /// Per event, whether it fired (all ones) in each lane, and its step.
    let eventFired: LaneBuffer<LaneInt>
    let eventStep: LaneBuffer<LaneInt>
    /// Per event and lane, the absolute month it happens in (Int.max: never).
    let eventMonth: LaneBuffer<Int>
    let adoption: LaneBuffer<LaneFloat>
    /// P, h and H taken when training completed, and the fold step F
    /// (model v2), per lane.
    let programmeTaken: LaneBuffer<LaneFloat>
    let foldScratch: LaneBuffer<LaneFloat>
    /// Per sector window, its value in each lane (NaN when nothing was received).
    let sectorValues: LaneBuffer<LaneFloat>
    /// Per sector window, its running domestic and total units (or compute).
    let sectorMarks: LaneBuffer<LaneFloat>
    /// The 64-bit keys of the group's trials.
    let laneKeys: LaneBuffer<UInt64>
    /// What the group's trials produced (see `Outcome`). Kept in the
    /// arena's cache lines: the object itself may share a line with another
    /// worker's, and this is written once per group.
    var out: Outcome {
        get { outcome.pointee }
        set { outcome.pointee = newValue }
    }
    let outcome: LaneBuffer<Outcome>

    private let tables: [InverseTable]
    private let arena: LaneArena

    init(
        _ compiled: CompiledScenario, seed: UInt64, exportChecks checks: [ExportCheck] = [],
        sectorWindows extraWindows: [SectorWindow] = []
    ) {
        var arena = LaneArena()
        self.seed = seed
        seedBase = LaneRandom.seedBase(seed)
        steps = compiled.steps
        clockStart = compiled.clock.start
        let chips = compiled.chipNames.count
        chipCount = chips
        eventCount = compiled.events.count
        stateCount = StateLayout.count(chips: chips)
        let foreignChips = compiled.chipOrigins.indices.filter { compiled.chipOrigins[$0] == .foreign }
        let domesticChips = compiled.chipOrigins.indices.filter { compiled.chipOrigins[$0] == .domestic }
        foreignCount = foreignChips.count
        domesticCount = domesticChips.count
        exportCheckCount = checks.count
        tables = compiled.tables

        // Nodes no instruction (and not the copula) writes hold constants.
        let written = Set(compiled.program.map(\.dst)).union(compiled.copula?.nodes ?? [])
        copula = compiled.copula
        let k = compiled.copula?.count ?? 0
        copulaCount = k
        copulaCholesky = arena.copy((compiled.copula?.cholesky ?? []).map { Float($0) })
        copulaPlans = arena.copy(Self.copulaPlans(compiled.copula))
        copulaNormals = arena.copy([LaneFloat](repeating: LaneFloat(), count: k))
        folds = compiled.folds
        needsSlot = StateLayout.programme(.needs, chips: chips)
        postSlot = StateLayout.programme(.post, chips: chips)
        holdProbabilitySlot = StateLayout.programme(.holdProbability, chips: chips)
        holdMonthsSlot = StateLayout.programme(.holdMonths, chips: chips)
        restartSlot = StateLayout.programme(.restart, chips: chips)
        foldSlot = StateLayout.programme(.fold, chips: chips)
        sectorPressureSlot = StateLayout.sectorPressure(chips: chips)
        let firstProgrammeSlot = Int32(StateLayout.programme(.needs, chips: chips))
        programmeTimelines = compiled.entries.contains { $0.stateSlot >= firstProgrammeSlot }
        hasSector = compiled.hasSector
        let plans = Self.sectorPlans(compiled, extra: extraWindows)
        sectorWindowCount = plans.count
        sectorCompute = plans.contains { $0.compute }
        sectorWindows = arena.copy(plans)
        // Per step, the windows that start (an installed share at step 0),
        // are open, and end there.
        var startsByStep = [[Int32]](repeating: [], count: compiled.steps)
        var openByStep = [[Int32]](repeating: [], count: compiled.steps)
        var endsByStep = [[Int32]](repeating: [], count: compiled.steps)
        for (w, plan) in plans.enumerated() {
            let first = Int(Swift.max(0, plan.first))
            startsByStep[first].append(Int32(w))
            for t in first...Int(plan.last) { openByStep[t].append(Int32(w)) }
            endsByStep[Int(plan.last)].append(Int32(w))
        }
        func offsets(_ lists: [[Int32]]) -> [Int32] {
            var o: [Int32] = [0]
            for l in lists { o.append(o.last! + Int32(l.count)) }
            return o
        }
        sectorStartOffsets = arena.copy(offsets(startsByStep))
        sectorStartList = arena.copy(startsByStep.flatMap { $0 })
        sectorOpenOffsets = arena.copy(offsets(openByStep))
        sectorOpenList = arena.copy(openByStep.flatMap { $0 })
        sectorEndOffsets = arena.copy(offsets(endsByStep))
        sectorEndList = arena.copy(endsByStep.flatMap { $0 })
        baseNodes = arena.copy(compiled.sector?.baseNodes ?? [])
        // A chip no statement ships or makes delivers nothing to the sector.
        let setSlots = Set(compiled.entries.map(\.stateSlot))
        let shipping = foreignChips.filter {
            setSlots.contains(Int32(StateLayout.slot(chip: $0, StateLayout.ship, chips: chips)))
        }
        let making = domesticChips.filter {
            setSlots.contains(Int32(StateLayout.slot(chip: $0, StateLayout.sectorMake, chips: chips)))
        }
        sectorChips = arena.copy((shipping + making).map { Int32($0) })
        sectorForeignCount = shipping.count
        sectorChipCount = shipping.count + making.count
        let (drawList, stepList) = Self.inputPlan(compiled, written: written)
        drawCount = drawList.count
        quantileEnd = drawList.filter { $0.kind == .quantile }.count
        inRangeEnd = quantileEnd + drawList.filter { $0.kind == .exponentialInRange }.count
        exponentialEnd = inRangeEnd + drawList.filter { $0.kind == .exponential }.count
        programCount = stepList.count
        draws = arena.copy(drawList)
        program = arena.copy(stepList)
        var nodeValues = compiled.initialNodes
        eventPlans = arena.copy(
            compiled.events.map { ev in
                var plan = EventPlan(
                    salt: LaneRandom.salt(ev.stream), salt64: RandomStream.salt(ev.stream),
                    probabilityNode: ev.probabilityNode, windowStartNode: ev.windowStartNode,
                    windowEndNode: ev.windowEndNode)
                if !written.contains(ev.windowStartNode) && !written.contains(ev.windowEndNode) {
                    (plan.low, plan.span) = Self.window(
                        nodeValues[Int(ev.windowStartNode)], nodeValues[Int(ev.windowEndNode)])
                }
                return plan
            })
        mixtureNodes = arena.copy(compiled.mixtureNodes)
        mixtureCumulative = arena.copy(compiled.mixtureCumulative)
        laneTables = arena.copy(compiled.tables.map(\.lanes))
        normal = LaneTable.standardNormal
        fleetNodes = arena.copy(compiled.fleetNodes)
        r2Nodes = arena.copy(compiled.r2Nodes)

        // Fixed values (export statuses) become nodes after the compiled ones.
        var runs: [EntryRun] = []
        for e in compiled.entries {
            var effect: UInt8 = 0
            let slot = Int(e.stateSlot)
            if let field = StateLayout.chipField(ofSlot: slot, chips: chips) {
                switch field {
                case StateLayout.perf: effect = Effect.capacity
                case StateLayout.buy, StateLayout.make, StateLayout.export, StateLayout.yieldStart,
                    StateLayout.yieldGrowth, StateLayout.yieldCap:
                    effect = Effect.supply
                default: break
                }
            } else if slot >= needsSlot {
                effect = Effect.programme
            }
            var node = e.valueNode
            var clamp = e.clamp
            if node < 0 {
                nodeValues.append(e.fixedValue)
                node = Int32(nodeValues.count - 1)
                clamp = .free
            }
            runs.append(EntryRun(stateSlot: e.stateSlot, node: node, effect: effect, clamp: clamp))
        }
        entryRuns = arena.copy(runs)
        nodeCount = nodeValues.count

        // An entry's step is static when it belongs to no event and its
        // `from` is constant (no program instruction writes its node).
        var staticByStep = [[Int32]](repeating: [], count: compiled.steps)
        var dynamicList: [Int32] = []
        for (e, en) in compiled.entries.enumerated() {
            if en.event >= 0 || (en.fromNode >= 0 && written.contains(en.fromNode)) {
                dynamicList.append(Int32(e))
                continue
            }
            let s =
                en.fromNode >= 0
                ? Self.step(ofMonth: compiled.initialNodes[Int(en.fromNode)], clockStart, steps) : 0
            if s < steps { staticByStep[s].append(Int32(e)) }
        }
        var starts: [Int32] = [0]
        for list in staticByStep { starts.append(starts.last! + Int32(list.count)) }
        staticStart = arena.copy(starts)
        staticList = arena.copy(staticByStep.flatMap { $0 })
        dynamicCount = dynamicList.count
        dynamicEntries = arena.copy(dynamicList)
        entries = arena.copy(compiled.entries)
        isDomestic = arena.copy(compiled.chipOrigins.map { $0 == .domestic })
        foreign = arena.copy(foreignChips.map { Int32($0) })
        domestic = arena.copy(domesticChips.map { Int32($0) })
        orderSalts = arena.copy((0..<chips).map { LaneRandom.salt(StreamID.order($0)) })
        defaults = arena.copy(StateLayout.defaults(chips: chips).map { LaneFloat(repeating: Float($0)) })
        exportChecks = arena.copy(checks)

        nodes = arena.copy(nodeValues.map { LaneFloat(repeating: Float($0)) })
        state = arena.copy([LaneFloat](repeating: LaneFloat(), count: stateCount))
        fleet = arena.copy([LaneFloat](repeating: LaneFloat(), count: chips))
        amount = arena.copy([LaneFloat](repeating: LaneFloat(), count: chips))
        deliver = arena.copy([LaneFloat](repeating: LaneFloat(), count: chips))
        orderBases = arena.copy([LaneWord](repeating: LaneWord(), count: chips))
        suppliers = arena.copy([Int32](repeating: 0, count: chips))
        supplierDraws = arena.copy([Bool](repeating: false, count: chips))
        dynamicSteps = arena.copy([LaneInt](repeating: LaneInt(), count: dynamicList.count))
        stepWords = (compiled.steps + 63) / 64
        stepBits = arena.copy([UInt64](repeating: 0, count: stepWords))
        dynamicBits = arena.copy([UInt64](repeating: 0, count: stepWords * dynamicList.count))
        eventFired = arena.copy([LaneInt](repeating: LaneInt(), count: compiled.events.count))
        eventStep = arena.copy([LaneInt](repeating: LaneInt(), count: compiled.events.count))
        eventMonth = arena.copy([Int](repeating: 0, count: Self.width * compiled.events.count))
        adoption = arena.copy([LaneFloat](repeating: LaneFloat(), count: compiled.steps))
        sectorValues = arena.copy([LaneFloat](repeating: LaneFloat(), count: plans.count))
        programmeTaken = arena.copy([LaneFloat](repeating: LaneFloat(), count: 3))
        foldScratch = arena.copy([LaneFloat(repeating: .infinity)])
        sectorMarks = arena.copy([LaneFloat](repeating: LaneFloat(), count: 2 * plans.count))
        laneKeys = arena.copy([UInt64](repeating: 0, count: Self.width))
        outcome = arena.copy([Outcome()])
        self.arena = arena
    }

    deinit {
        arena.free()
    }
}
