import R2Model

/// One worker's handle on a compiled scenario: read-only copies of the
/// compiled tables and the scratch buffers of one trial, all allocated once
/// as raw buffers, so the trial loop allocates nothing and touches no array.
/// Used by one thread at a time.
final class TrialMachine: @unchecked Sendable {
    let seed: UInt64
    let steps: Int
    let clockStart: Int
    let chipCount: Int
    let entryCount: Int
    let eventCount: Int
    /// The input sampler's draws, slot programs and events.
    let inputTables: InputTables
    let stateCount: Int
    let foreignCount: Int
    let domesticCount: Int
    let exportCheckCount: Int
    /// Entries whose step is the same in every trial (no event, a constant
    /// or no `from`) and falls inside the horizon, and the others. The
    /// first `initialCount` static entries act at step 0.
    let staticKeyCount: Int
    let initialCount: Int
    let dynamicCount: Int
    let mandateSalt = RandomStream.salt(StreamID.mandate)
    let failureSalt = RandomStream.salt(StreamID.failure)
    let switchSalt = RandomStream.salt(StreamID.switchAttempt)
    let holdsSalt = RandomStream.salt(StreamID.holds)

    // Read-only tables.
    let mixtureNodes: UnsafeMutablePointer<Int32>
    let mixtureCumulative: UnsafeMutablePointer<Double>
    let quantiles: UnsafeMutablePointer<QuantileFunction>
    let normal: QuantileFunction
    let exponential = Exponential.shared
    let entries: UnsafeMutablePointer<CompiledEntry>
    /// Per entry, where its value comes from, where it goes, its clamp and
    /// what applying it changes besides its state slot.
    let entryRuns: UnsafeMutablePointer<EntryRun>
    /// The static entries' keys (step << 32 | entry), sorted.
    let staticKeys: UnsafeMutablePointer<UInt64>
    /// The static entries of step 0, in order, applied before step 0 unless
    /// a dynamic entry of lower index acts at step 0 in the trial.
    let initialEntries: UnsafeMutablePointer<Int32>
    let dynamicEntries: UnsafeMutablePointer<Int32>
    /// Per dynamic entry: whether its index is below a static step-0 entry's.
    let dynamicPrecedesInitial: UnsafeMutablePointer<Bool>
    let events: UnsafeMutablePointer<CompiledEvent>
    /// Per chip, the salt of its order stream (`StreamID.order`).
    let orderSalts: UnsafeMutablePointer<UInt64>
    let fleetNodes: UnsafeMutablePointer<Int32>
    let r2Nodes: UnsafeMutablePointer<Int32>
    let isDomestic: UnsafeMutablePointer<Bool>
    let foreign: UnsafeMutablePointer<Int32>
    let domestic: UnsafeMutablePointer<Int32>
    let defaults: UnsafeMutablePointer<Double>
    let exportChecks: UnsafeMutablePointer<ExportCheck>

    // Scratch of one trial.
    let nodes: UnsafeMutablePointer<Double>
    let state: UnsafeMutablePointer<Double>
    let fleet: UnsafeMutablePointer<Double>
    /// The chips that order or make in the current timeline segment
    /// (foreign, then domestic), with their inputs.
    let suppliers: UnsafeMutablePointer<Supplier>
    let keys: UnsafeMutablePointer<UInt64>
    let eventFired: UnsafeMutablePointer<Bool>
    let eventMonth: UnsafeMutablePointer<Int>
    let eventStep: UnsafeMutablePointer<Int>
    let adoption: UnsafeMutablePointer<Double>

    /// Keeps the inverse tables alive while `quantiles` points into them.
    private let tables: [InverseTable]
    private let owned: [UnsafeMutableRawPointer]



    /// An `export` condition, checked at its step.
    struct ExportCheck {
        var stateSlot: Int32
        var step: Int32
        var kind: ExportKind
    }

    /// A timeline entry as the trial applies it: state[slot] = the value of
    /// `node` clamped into [low, high] (NaN becomes 0).
    struct EntryRun {
        var stateSlot: Int32
        var node: Int32
        var effect: UInt8
        var low: Double
        var high: Double

        @inline(__always)
        func clamp(_ x: Double) -> Double {
            x >= low ? (x <= high ? x : high) : (x < low ? low : 0)
        }
    }

    /// What applying a timeline entry changes besides its state slot.
    enum Effect {
        /// A perf: the capacity sums are recomputed (and the suppliers listed).
        static let capacity: UInt8 = 1
        /// A buy, make, yield or export status: the suppliers are listed again.
        static let supply: UInt8 = 2
    }

    /// A chip that orders (buy > 0, foreign) or makes (make > 0, domestic),
    /// with its inputs as of the current timeline segment.
    struct Supplier {
        var chip: Int32 = 0
        /// Foreign: how this step's order is decided (`Order`).
        var order: UInt8 = 0
        /// Units ordered (buy) or dies made (make) per month.
        var amount = 0.0
        var perf = 0.0
        /// Foreign: a (1 - pi) and a, the thresholds of the order's draw.
        var deliver = 0.0
        var approve = 0.0
        /// Domestic: the yield's start, growth and cap.
        var yieldStart = 0.0
        var yieldGrowth = 0.0
        var yieldCap = 0.0
    }

    /// How a foreign order is decided in a segment.
    enum Order {
        static let draw: UInt8 = 0
        static let delivered: UInt8 = 1
        static let blocked: UInt8 = 2
        static let refused: UInt8 = 3
    }

    init(_ compiled: CompiledScenario, seed: UInt64, exportChecks checks: [ExportCheck] = []) {
        var arena = Arena()
        self.seed = seed
        steps = compiled.steps
        clockStart = compiled.clock.start
        let chips = compiled.chipNames.count
        chipCount = chips
        entryCount = compiled.entries.count
        eventCount = compiled.events.count
        // Nodes no instruction writes hold constants.
        let written = Set(compiled.program.map(\.dst))
        inputTables = InputTables.make(compiled, seed: seed, written: written, &arena)
        stateCount = StateLayout.count(chips: chips)
        let foreignChips = compiled.chipOrigins.indices.filter { compiled.chipOrigins[$0] == .foreign }
        let domesticChips = compiled.chipOrigins.indices.filter { compiled.chipOrigins[$0] == .domestic }
        foreignCount = foreignChips.count
        domesticCount = domesticChips.count
        exportCheckCount = checks.count

        mixtureNodes = arena.copy(compiled.mixtureNodes)
        mixtureCumulative = arena.copy(compiled.mixtureCumulative)
        tables = compiled.tables
        quantiles = arena.copy(compiled.tables.map(\.function))
        normal = InverseTable.standardNormal.function
        entries = arena.copy(compiled.entries)
        // Fixed values (export statuses) become nodes after the compiled ones.
        var nodeValues = compiled.initialNodes
        entryRuns = arena.copy(
            compiled.entries.map { e -> EntryRun in
                var effect: UInt8 = 0
                let slot = Int(e.stateSlot)
                if slot >= 1 {
                    switch (slot - 1) / chips {
                    case StateLayout.perf: effect = Effect.capacity
                    case StateLayout.buy, StateLayout.make, StateLayout.export, StateLayout.yieldStart,
                        StateLayout.yieldGrowth, StateLayout.yieldCap:
                        effect = Effect.supply
                    default: break
                    }
                }
                var node = e.valueNode
                var (low, high) = (-Double.infinity, Double.infinity)
                if node < 0 {
                    nodeValues.append(e.fixedValue)
                    node = Int32(nodeValues.count - 1)
                } else {
                    switch e.clamp {
                    case .probability: (low, high) = (0, 1)
                    case .nonNegative: low = 0
                    case .free: break
                    }
                }
                return EntryRun(stateSlot: e.stateSlot, node: node, effect: effect, low: low, high: high)
            })

        // An entry's step is static when it belongs to no event and its
        // `from` is constant (no program instruction writes its node).
        var staticList: [UInt64] = []
        var dynamicList: [Int32] = []
        for (e, en) in compiled.entries.enumerated() {
            if en.event >= 0 || (en.fromNode >= 0 && written.contains(en.fromNode)) {
                dynamicList.append(Int32(e))
                continue
            }
            let s =
                en.fromNode >= 0
                ? Self.step(ofMonth: compiled.initialNodes[Int(en.fromNode)], clockStart, steps) : 0
            if s < steps { staticList.append(UInt64(s) << 32 | UInt64(e)) }
        }
        staticList.sort()
        staticKeyCount = staticList.count
        let initialList = staticList.filter { $0 >> 32 == 0 }.map { Int32(truncatingIfNeeded: $0) }
        initialCount = initialList.count
        dynamicCount = dynamicList.count
        staticKeys = arena.copy(staticList)
        initialEntries = arena.copy(initialList)
        dynamicEntries = arena.copy(dynamicList)
        let lastInitial = initialList.last ?? -1
        dynamicPrecedesInitial = arena.copy(dynamicList.map { $0 < lastInitial })

        events = arena.copy(compiled.events)
        orderSalts = arena.copy((0..<chips).map { RandomStream.salt(StreamID.order($0)) })
        fleetNodes = arena.copy(compiled.fleetNodes)
        r2Nodes = arena.copy(compiled.r2Nodes)
        isDomestic = arena.copy(compiled.chipOrigins.map { $0 == .domestic })
        foreign = arena.copy(foreignChips.map { Int32($0) })
        domestic = arena.copy(domesticChips.map { Int32($0) })
        defaults = arena.copy(StateLayout.defaults(chips: chips))
        exportChecks = arena.copy(checks)

        nodes = arena.copy(nodeValues)
        state = arena.copy(StateLayout.defaults(chips: chips))
        fleet = arena.copy([Double](repeating: 0, count: chips))
        suppliers = arena.copy([Supplier](repeating: Supplier(), count: chips))
        keys = arena.copy([UInt64](repeating: 0, count: entryCount))
        eventFired = arena.copy([Bool](repeating: false, count: eventCount))
        eventMonth = arena.copy([Int](repeating: 0, count: eventCount))
        eventStep = arena.copy([Int](repeating: 0, count: eventCount))
        adoption = arena.copy([Double](repeating: 0, count: steps))
        owned = arena.pointers
    }

    deinit {
        for p in owned { p.deallocate() }
    }

    /// The step an absolute (continuous) month acts in: floor, minus the
    /// clock's start; dates before the start act from step 0; `steps` (never)
    /// for months after the end and for NaN.
    @inline(__always)
    static func step(ofMonth x: Double, _ clockStart: Int, _ steps: Int) -> Int {
        let m = x.rounded(.down) - Double(clockStart)
        if m >= 0 { return m < Double(steps) ? Int(m) : steps }
        if m < 0 { return 0 }
        return steps
    }

    @inline(__always)
    func step(ofMonth x: Double) -> Int { Self.step(ofMonth: x, clockStart, steps) }

    /// Allocates the buffers of a machine; the machine frees them.
    struct Arena {
        var pointers: [UnsafeMutableRawPointer] = []

        /// A copy of `values` in its own cache lines (128-byte aligned and
        /// padded), so that two workers' buffers never share a line.
        mutating func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
            let bytes = (Swift.max(1, values.count) * MemoryLayout<T>.stride + 127) & ~127
            let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 128)
            let p = raw.bindMemory(to: T.self, capacity: Swift.max(1, values.count))
            _ = UnsafeMutableBufferPointer(start: p, count: values.count).initialize(from: values)
            pointers.append(raw)
            return p
        }
    }
}
