/// Stream ids: each input slot has an id built from its place in the
/// scenario's structure, so pinning one input, or adding one after the
/// others of its kind, never moves another's stream (one inserted before
/// others of its kind renumbers them: ids are positions, not names). The
/// monthly draws are counter-based: the draw of a purpose (a chip's order,
/// the mandate, a failure, a switch) in step t is word t of that purpose's
/// lane stream (`LaneRandom`), whatever happened in earlier steps, so a
/// change to one chip's supply never shifts another chip's draws or
/// training's (common random numbers stay aligned across scenarios).
/// They cost no extra instructions and shrank `compare`'s errors 2- to 7-fold.
enum StreamID {
    /// The order of foreign chip `c` (one draw per step).
    static func order(_ c: Int) -> UInt32 { 0x6000_0000 | UInt32(c) }
    /// Whether the lab is mandated onto a domestic chip at its first training step.
    static let mandate: UInt32 = 0x7000_0000
    /// Whether a training step fails (and whether the failure restarts).
    static let failure: UInt32 = 0x7000_0001
    /// Whether a switch attempt is blocked by the mandate.
    static let switchAttempt: UInt32 = 0x7000_0002
    /// The number of release holds (one geometric draw per trial).
    static let holds: UInt32 = 0x7000_0003
    /// Whether the programme folds in step t (word t; model v2).
    static let fold: UInt32 = 0x7000_0004
    /// The copula's independent standard normals (model v2).
    static let copula: UInt32 = 0x7000_0005

    static func variable(_ i: Int) -> UInt32 { 0x1000_0000 | UInt32(i) }
    static func fleet(_ c: Int) -> UInt32 { 0x2000_0000 | UInt32(c) }
    static func timeline(_ e: Int, from: Bool) -> UInt32 {
        0x3000_0000 | UInt32(e) << 1 | (from ? 1 : 0)
    }
    static func r2(_ f: InputSlot.R2Field) -> UInt32 { 0x4000_0000 | UInt32(f.rawValue) }
    /// Model v2's timeline statements (sector, dated programme inputs),
    /// numbered among themselves so that adding one moves no v1 stream.
    static func timelineV2(_ e: Int, from: Bool) -> UInt32 {
        0x9000_0000 | UInt32(e) << 1 | (from ? 1 : 0)
    }
    /// A chip's installed base in the sector (model v2).
    static func base(_ c: Int) -> UInt32 { 0x8000_0000 | UInt32(c) }
    /// Field 0 probability, 1 window start, 2 window end, 3 occurrence and
    /// month, 4 + 2j v1 change j's value, 5 + 2j its `from`; a model v2
    /// change j (numbered among the v2 changes) at `v2Changes` + 2j and + 2j + 1.
    static func event(_ v: Int, field: Int) -> UInt32 {
        0x5000_0000 | UInt32(v) << 16 | UInt32(field)
    }

    static let maximumVariables = 1 << 28
    static let maximumChips = 1 << 20
    static let maximumTimeline = 1 << 27
    static let maximumEvents = 1 << 12
    /// Of each kind (v1, v2) in one event.
    static let maximumEventChanges = (1 << 14) - 3
    static let v2Changes = 0x8000
}
