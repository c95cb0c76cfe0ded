import R2Engine
import R2Forecast
import R2Model

/// A quantity observed later, scored as a continuous forecast by the CRPS
/// (docs/BACKTEST.md): the flagship's release date in months, or a year's
/// sector share. Each comes with the naive forecaster's point forecast as
/// its reference.
public struct ContinuousQuestion: Sendable {
    public enum Quantity: Sendable {
        /// The flagship's release (continuous absolute month).
        case flagshipRelease
        /// The sector's domestic share of a calendar year's units.
        case sectorShare(year: Int)
    }

    public var id: String
    public var text: String
    public var quantity: Quantity
    /// The value observed (an absolute continuous month, or a share).
    public var outcome: Double
    /// A forecast is scored only when its as-of date comes before this.
    public var knowableOn: CalendarDate
    public var sources: [String]
    /// The naive forecaster's point forecast as of a date (see `naiveRule`).
    public var naive: @Sendable (CalendarDate) -> Double
    /// How the naive forecaster forecasts, in a sentence.
    public var naiveRule: String

    /// The forecast's samples of the quantity over the kept trials (a
    /// release after the horizon counts as the horizon: a lower bound of
    /// its loss), or nil when the run cannot give it.
    func samples(_ result: SimulationResult) -> [Double]? {
        switch quantity {
        case .flagshipRelease:
            let horizon = Double(result.steps)
            return result.releases.filter { !$0.isNaN }.map { Swift.min($0, horizon) + Double(result.clockStart) }
        case .sectorShare(let year):
            guard let values = result.sector, let j = values.windows.firstIndex(of: SectorWindow.year(year)) else {
                return nil
            }
            let k = values.windows.count
            var out: [Double] = []
            for i in result.releases.indices where !result.releases[i].isNaN {
                let v = values.values[i * k + j]
                if !v.isNaN { out.append(Double(v)) }
            }
            return out
        }
    }

    /// The continuous ranked probability score of a sample against the
    /// outcome y: E|X - y| - E|X - X'| / 2, exactly over the sample (sorted:
    /// E|X - X'| = 2 / n^2 sum_i (2i - n - 1) x_(i)). A point forecast's is
    /// |x - y|. Lower is better; in the quantity's units.
    public static func crps(_ sample: [Double], _ y: Double) -> Double {
        guard !sample.isEmpty else { return .nan }
        let xs = sample.sorted()
        let n = Double(xs.count)
        var absolute = 0.0
        var spread = 0.0
        for (i, x) in xs.enumerated() {
            absolute += abs(x - y)
            spread += (2 * Double(i + 1) - n - 1) * x
        }
        return absolute / n - spread / (n * n)
    }

    /// The CRPS of the run's forecast, or nil.
    func score(_ result: SimulationResult) -> Double? {
        guard let s = samples(result), !s.isEmpty else { return nil }
        return Self.crps(s, outcome)
    }
}

/// One continuous question asked of one forecast.
public struct ContinuousScore: Sendable {
    public var question: ContinuousQuestion
    /// The forecast's CRPS, and the naive reference's, when scored.
    public var crps: Double?
    public var naiveCRPS: Double?
    public var unscoredReason: String?

    public var isScored: Bool { unscoredReason == nil && crps != nil }
}
