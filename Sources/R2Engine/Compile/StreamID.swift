/// Stream ids: 0 is the monthly stream; each input slot has an id built from
/// its place in the scenario's structure, so adding or pinning one input never
/// moves another's stream.
enum StreamID {
    static let monthly: UInt32 = 0

    static func variable(_ i: Int) -> UInt32 { 0x1000_0000 | UInt32(i) }
    static func fleet(_ c: Int) -> UInt32 { 0x2000_0000 | UInt32(c) }
    static func timeline(_ e: Int, from: Bool) -> UInt32 {
        0x3000_0000 | UInt32(e) << 1 | (from ? 1 : 0)
    }
    static func r2(_ f: InputSlot.R2Field) -> UInt32 { 0x4000_0000 | UInt32(f.rawValue) }
    /// Field 0 probability, 1 window start, 2 window end, 3 occurrence and
    /// month, 4 + 2j change j's value, 5 + 2j change j's `from`.
    static func event(_ v: Int, field: Int) -> UInt32 {
        0x5000_0000 | UInt32(v) << 16 | UInt32(field)
    }

    static let maximumVariables = 1 << 28
    static let maximumChips = 1 << 20
    static let maximumTimeline = 1 << 27
    static let maximumEvents = 1 << 12
    static let maximumEventChanges = (1 << 15) - 3
}
