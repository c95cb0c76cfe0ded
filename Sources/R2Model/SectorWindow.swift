/// A per-trial reading of the sector (spec/model-v2.md, section 4): the
/// domestic share of the units the sector received over a window of whole
/// months, or the installed share at the end of a month; by units, or
/// weighted by each chip's perf (the share of compute). Months are absolute.
public struct SectorWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable, Codable {
        /// The months first ... last, inclusive.
        case share(first: Int, last: Int)
        /// The base plus everything received up to the end of the month.
        case installed(Int)
    }

    public var kind: Kind
    /// Weighted by perf (compute) rather than counted in units.
    public var compute: Bool

    public init(_ kind: Kind, compute: Bool = false) {
        self.kind = kind
        self.compute = compute
    }

    /// One calendar year's share, in units unless `compute`.
    public static func year(_ year: Int, compute: Bool = false) -> SectorWindow {
        SectorWindow(.share(first: year * 12, last: year * 12 + 11), compute: compute)
    }

    /// The calendar years a clock touches, each clipped to the clock.
    public static func years(of clock: Clock, compute: Bool = false) -> [SectorWindow] {
        (clock.start / 12...clock.end / 12).map { y in
            SectorWindow(.share(first: max(y * 12, clock.start), last: min(y * 12 + 11, clock.end)), compute: compute)
        }
    }

    /// Whether every month the window reads is a month of `clock`.
    public func lies(within clock: Clock) -> Bool {
        let months = clock.start...clock.end
        switch kind {
        case .share(let first, let last): return first <= last && months.contains(first) && months.contains(last)
        case .installed(let m): return months.contains(m)
        }
    }

    /// Whether the window is a whole calendar year.
    public var isWholeYear: Bool {
        guard case .share(let first, let last) = kind else { return false }
        return first % 12 == 0 && last == first + 11
    }

    /// `2026`, `2026 (Jan-Jun, partial)`, `2025-03 .. 2025-08`, `installed at 2026-12`.
    public var description: String {
        let unit = compute ? " by compute" : ""
        switch kind {
        case .share(let first, let last):
            if first / 12 == last / 12 && first % 12 == 0 && last % 12 == 11 { return "\(first / 12)\(unit)" }
            return "\(CalendarDate.month(first)) .. \(CalendarDate.month(last))\(unit)"
        case .installed(let m):
            return "installed at \(CalendarDate.month(m))\(unit)"
        }
    }
}
