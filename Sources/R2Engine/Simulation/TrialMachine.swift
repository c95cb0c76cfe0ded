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
    let slotCount: Int
    let stateCount: Int
    let foreignCount: Int
    let domesticCount: Int
    let exportCheckCount: Int

    // Read-only tables.
    let program: UnsafeMutablePointer<Instruction>
    let mixtureNodes: UnsafeMutablePointer<Int32>
    let mixtureCumulative: UnsafeMutablePointer<Double>
    let slots: UnsafeMutablePointer<SlotRun>
    let entries: UnsafeMutablePointer<CompiledEntry>
    let events: UnsafeMutablePointer<CompiledEvent>
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
    let entryValue: UnsafeMutablePointer<Double>
    let keys: UnsafeMutablePointer<UInt64>
    let eventFired: UnsafeMutablePointer<Bool>
    let eventMonth: UnsafeMutablePointer<Int>
    let eventStep: UnsafeMutablePointer<Int>
    let adoption: UnsafeMutablePointer<Double>

    private let owned: [UnsafeMutableRawPointer]

    /// A random input slot's stream and program range.
    struct SlotRun {
        var stream: UInt32
        var start: Int32
        var end: Int32
    }

    /// An `export` condition, checked at its step.
    struct ExportCheck {
        var stateSlot: Int32
        var step: Int32
        var kind: ExportKind
    }

    init(_ compiled: CompiledScenario, seed: UInt64, exportChecks checks: [ExportCheck] = []) {
        var arena = Arena()
        self.seed = seed
        steps = compiled.steps
        clockStart = compiled.clock.start
        chipCount = compiled.chipNames.count
        entryCount = compiled.entries.count
        eventCount = compiled.events.count
        slotCount = compiled.randomSlots.count
        stateCount = StateLayout.count(chips: chipCount)
        let foreignChips = compiled.chipOrigins.indices.filter { compiled.chipOrigins[$0] == .foreign }
        let domesticChips = compiled.chipOrigins.indices.filter { compiled.chipOrigins[$0] == .domestic }
        foreignCount = foreignChips.count
        domesticCount = domesticChips.count
        exportCheckCount = checks.count

        program = arena.copy(compiled.program)
        mixtureNodes = arena.copy(compiled.mixtureNodes)
        mixtureCumulative = arena.copy(compiled.mixtureCumulative)
        slots = arena.copy(
            compiled.randomSlots.map {
                let s = compiled.inputs[Int($0)]
                return SlotRun(stream: s.stream, start: s.programStart, end: s.programEnd)
            })
        entries = arena.copy(compiled.entries)
        events = arena.copy(compiled.events)
        fleetNodes = arena.copy(compiled.fleetNodes)
        r2Nodes = arena.copy(compiled.r2Nodes)
        isDomestic = arena.copy(compiled.chipOrigins.map { $0 == .domestic })
        foreign = arena.copy(foreignChips.map { Int32($0) })
        domestic = arena.copy(domesticChips.map { Int32($0) })
        defaults = arena.copy(StateLayout.defaults(chips: chipCount))
        exportChecks = arena.copy(checks)

        nodes = arena.copy(compiled.initialNodes)
        state = arena.copy(StateLayout.defaults(chips: chipCount))
        fleet = arena.copy([Double](repeating: 0, count: chipCount))
        entryValue = arena.copy([Double](repeating: 0, count: entryCount))
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

    /// Allocates the buffers of a machine; the machine frees them.
    private struct Arena {
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
