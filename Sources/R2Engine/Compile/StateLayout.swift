import R2Model

/// Where each timeline's current value lives in a trial's state vector:
/// slot 0 is the pressure, then one row of `chips` slots per field (field
/// major, so a field of every chip is contiguous), then the global
/// timelines of model v2 (the sector's pressure and the programme's inputs).
@usableFromInline
enum StateLayout {
    static let pressure = 0
    /// Fields per chip.
    static let fields = 10
    static let perf = 0
    static let fail = 1
    static let buy = 2
    static let make = 3
    static let yieldStart = 4
    static let yieldGrowth = 5
    static let yieldCap = 6
    /// A foreign chip's export status, coded as `exportAllowed`, `exportBanned`
    /// or the licence probability p in [0, 1].
    static let export = 7
    /// The sector's monthly shipments of a foreign chip and production of a domestic one.
    static let ship = 8
    static let sectorMake = 9

    static let exportAllowed = 2.0
    static let exportBanned = -1.0

    @inline(__always)
    static func slot(chip: Int, _ field: Int, chips: Int) -> Int { 1 &+ field &* chips &+ chip }

    /// The offset of a field's row.
    @inline(__always)
    static func row(_ field: Int, chips: Int) -> Int { 1 &+ field &* chips }

    /// The global timelines after the chips' rows: the sector's pressure,
    /// then one slot per `ProgrammeInput`, in its declared order.
    static let globals = 1 + ProgrammeInput.allCases.count

    static func sectorPressure(chips: Int) -> Int { 1 + fields * chips }

    static func programme(_ input: ProgrammeInput, chips: Int) -> Int {
        2 + fields * chips + ProgrammeInput.allCases.firstIndex(of: input)!
    }

    static func count(chips: Int) -> Int { 1 + fields * chips + globals }

    /// The chip field of a slot, or nil for the pressure and the globals.
    static func chipField(ofSlot slot: Int, chips: Int) -> Int? {
        guard slot >= 1 && slot < 1 + fields * chips else { return nil }
        return (slot - 1) / chips
    }

    static func field(_ input: ChipInput) -> Int {
        switch input {
        case .perf: return perf
        case .fail: return fail
        case .buy: return buy
        case .make: return make
        case .yieldStart: return yieldStart
        case .yieldGrowth: return yieldGrowth
        case .yieldCap: return yieldCap
        case .ship: return ship
        case .sectorMake: return sectorMake
        }
    }

    /// The state at the start of every trial: each input's default.
    static func defaults(chips: Int) -> [Double] {
        var s = [Double](repeating: 0, count: count(chips: chips))
        for c in 0..<chips {
            for input in ChipInput.allCases {
                s[slot(chip: c, field(input), chips: chips)] = input.defaultValue
            }
            s[slot(chip: c, export, chips: chips)] = exportAllowed
        }
        return s
    }

    /// The export kind a coded status stands for.
    static func exportKind(_ code: Double) -> ExportKind {
        if code > 1 { return .allowed }
        if code < 0 { return .banned }
        return .licensed
    }
}
