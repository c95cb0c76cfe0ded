/// Everything one forecast offers (model v1, "Outputs every forecast
/// offers"): the release distribution with its censored share, and the
/// adoption bands of every month.
import R2Model

public struct ForecastReport: Sendable {
    public var scenario: String
    /// Trials simulated.
    public var trials: Int
    /// Trials kept by the scenario's observations (all when there are none).
    public var kept: Int
    public var seed: UInt64
    /// The clock's first absolute month and its number of steps T.
    public var clockStart: Int
    public var steps: Int
    public var release: ReleaseDistribution
    public var adoption: [AdoptionBand]
    /// What the forecast is conditioned on, as written: the as-of date's
    /// condition first, then the observations.
    public var observations: [String]
    /// The named reading of the release, when the scenario can fold (model v2).
    public var named: NamedRelease?
    /// The sector's share by calendar year, when the scenario describes the sector (model v2).
    public var sector: [SectorBand] = []
    /// What the release charts call the release.
    public var releaseTitle = "R2 release"
    /// This is `reading(.named)`: `release` is the named release, in which
    /// a folded trial never releases (so "not released by the horizon" is
    /// folded or still pending, not censored).
    public private(set) var isNamedReading = false

    public init(
        scenario: String, trials: Int, kept: Int, seed: UInt64, clockStart: Int, steps: Int,
        release: ReleaseDistribution, adoption: [AdoptionBand], observations: [String] = []
    ) {
        self.scenario = scenario
        self.trials = trials
        self.kept = kept
        self.seed = seed
        self.clockStart = clockStart
        self.steps = steps
        self.release = release
        self.adoption = adoption
        self.observations = observations
        self.named = nil
    }

    /// The report with the named release in place of the flagship's, for
    /// the release charts (`hist named release`).
    public func reading(_ reading: ReleaseReading) -> ForecastReport {
        guard reading == .named, let named else { return self }
        var copy = self
        copy.release = named.release
        copy.releaseTitle = "R2 under its own name"
        copy.isNamedReading = true
        return copy
    }

    /// The release distribution of a reading (the flagship's when the
    /// scenario cannot fold: then both are the same).
    public func release(_ reading: ReleaseReading) -> ReleaseDistribution {
        reading == .named ? (named?.release ?? release) : release
    }

    /// The clock's last month, absolute.
    public var clockEnd: Int { clockStart + steps - 1 }

    /// Months after the clock's start of the end of absolute month `m`.
    public func endOfMonth(_ m: Int) -> Double { Double(m - clockStart + 1) }

    public func band(at month: Int) -> AdoptionBand? {
        adoption.first { $0.month == month }
    }

    /// The months shown in the text summary: each June and December and the last month.
    public var summaryMonths: [Int] {
        var months = adoption.map(\.month).filter { m in
            let mm = m % 12
            return mm == 5 || mm == 11
        }
        if let last = adoption.last?.month, months.last != last { months.append(last) }
        return months
    }
}
