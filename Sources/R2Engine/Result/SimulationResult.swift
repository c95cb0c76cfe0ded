import R2Model

/// The outcome of a run of trials `firstTrial ..< firstTrial + trials`:
/// the release of every trial, the monthly adoption distribution as a
/// fixed-bin histogram with exact sums, and totals. Its size is 8 bytes per
/// trial plus O(months); bit-identical for any thread count and shard split.
public struct SimulationResult: Sendable, Codable {
    public var seed: UInt64
    public var firstTrial: Int
    public var trials: Int
    public var clockStart: Int
    public var clockEnd: Int
    public var chipNames: [String]
    public var eventNames: [String]
    /// Trials that satisfied every condition (all of them without conditions).
    public var accepted: Int
    /// Per trial (index i - firstTrial): the release r in months after the
    /// clock's start; `.infinity` when training never completed (or holds
    /// never end); NaN when a condition rejected the trial. A trial is
    /// censored when r >= T.
    public var releases: [Double]
    /// Per step, `adoptionBins + 2` counts: bin 0 holds A = 0 exactly, bins
    /// 1...adoptionBins the intervals [(j-1)/bins, j/bins) of (0, 1), and the
    /// last bin A = 1 exactly.
    package var adoptionCounts: [UInt32]
    /// Per step, the sum of A over accepted trials in fixed point (`adoptionScale`).
    package var adoptionSum: [WideSum]
    /// Per step, the sum of A^2, each term in fixed point (`adoptionScale`).
    package var adoptionSumOfSquares: [WideSum]
    public var totals: SimulationTotals
    /// Each trial's adoption at chosen steps, when the run asked for it.
    public var adoptionProbes: AdoptionProbes?
    /// Per trial, F, the step in which the programme folded before its
    /// release (+infinity: it did not; NaN: rejected); nil when the
    /// scenario cannot fold (model v2).
    public var folds: [Float]?
    /// Per trial, the sector's windows (model v2); nil without a sector.
    public var sector: SectorValues?

    public static let adoptionBins = 2000
    public static let adoptionScale = 0x1p48

    public var clock: Clock { Clock(start: clockStart, end: clockEnd) }
    /// T, the number of monthly steps.
    public var steps: Int { clockEnd - clockStart + 1 }

    /// Whether trial `firstTrial + i` was rejected by a condition.
    public func isRejected(_ i: Int) -> Bool { releases[i].isNaN }

    /// Whether an accepted trial's release falls after the horizon (r >= T,
    /// including training that never completed).
    public func isCensored(_ i: Int) -> Bool { releases[i] >= Double(steps) }

    /// Accepted trials whose release is censored.
    public var censored: Int {
        let t = Double(steps)
        return releases.reduce(0) { $0 + ($1 >= t ? 1 : 0) }
    }

    /// The releases of the accepted trials, in trial order.
    public var acceptedReleases: [Double] { releases.filter { !$0.isNaN } }

    /// Per trial, the named release (model v2): the flagship release when
    /// the programme did not fold, +infinity when it did; NaN when rejected.
    public var namedReleases: [Double] {
        guard let folds else { return releases }
        return zip(releases, folds).map { r, f in f.isFinite ? .infinity : r }
    }
}

/// Every trial's value of each sector window (model v2).
public struct SectorValues: Sendable, Codable, Equatable {
    /// The calendar years of the clock, then the windows the run asked for.
    public var windows: [SectorWindow]
    /// Trial-major: trial i's value of window j is `values[i * windows.count + j]`;
    /// NaN when nothing was received in the window, or the trial was rejected.
    public var values: [Float]

    public init(windows: [SectorWindow], values: [Float]) {
        self.windows = windows
        self.values = values
    }

    /// The values of window j over the trials, NaN ones included.
    public func column(_ j: Int) -> [Float] {
        stride(from: j, to: values.count, by: windows.count).map { values[$0] }
    }

    public static func == (a: SectorValues, b: SectorValues) -> Bool {
        a.windows == b.windows && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}

extension SimulationResult: Equatable {
    /// Bitwise equality: releases compare by bit pattern, so NaN marks compare equal.
    public static func == (a: SimulationResult, b: SimulationResult) -> Bool {
        a.seed == b.seed && a.firstTrial == b.firstTrial && a.trials == b.trials
            && a.clockStart == b.clockStart && a.clockEnd == b.clockEnd
            && a.chipNames == b.chipNames && a.eventNames == b.eventNames
            && a.accepted == b.accepted && a.adoptionCounts == b.adoptionCounts
            && a.adoptionSum == b.adoptionSum && a.adoptionSumOfSquares == b.adoptionSumOfSquares
            && a.totals == b.totals && a.adoptionProbes == b.adoptionProbes && a.sector == b.sector
            && a.folds?.map(\.bitPattern) == b.folds?.map(\.bitPattern)
            && a.releases.count == b.releases.count
            && zip(a.releases, b.releases).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
