import R2Model

/// The sector of a compiled scenario: each chip's installed-base node (-1:
/// none), and the calendar-year windows every run reports.
struct CompiledSector: Sendable {
    var baseNodes: [Int32]
    var years: [SectorWindow]
}
