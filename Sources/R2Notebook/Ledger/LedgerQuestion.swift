import R2Engine
import R2Forecast
import R2Model

/// A question still open when its forecast is registered (docs/BACKTEST.md,
/// "Forecasts registered before the facts"): an event a run gives a
/// probability to, identified so that its outcome can be entered later.
public struct LedgerQuestion: Sendable {
    public var id: String
    public var text: String
    public var event: BacktestEvent

    /// The last day the event can happen on: registered after it, the
    /// forecast would be of a question already settled.
    public var settles: CalendarDate {
        switch event {
        case .namedReleaseBy(let d), .releaseBy(let d), .noNamedReleaseBy(let d), .noReleaseBy(let d): return d
        case .adoptionBetween(let month, _, _): return month
        case .sectorShareBetween(let year, _, _): return CalendarDate(year: year, month: 12, day: 31)!
        }
    }

    /// The open questions every registration asks.
    public static let open: [LedgerQuestion] = [
        LedgerQuestion(
            id: "named-r2-by-2027-06", text: "A model named R2 released by 2027-06-30",
            event: .namedReleaseBy(CalendarDate(year: 2027, month: 6, day: 30)!)),
        LedgerQuestion(
            id: "flagship-by-2027-06",
            text: "The scenario's flagship (after V4, in a scenario that knows V4 shipped) released by 2027-06-30",
            event: .releaseBy(CalendarDate(year: 2027, month: 6, day: 30)!)),
        LedgerQuestion(
            id: "sector-2026-above-50", text: "China's domestic share of AI accelerators (units) in 2026 above 50%",
            event: .sectorShareBetween(year: 2026, low: 0.5.nextUp, high: 1)),
        LedgerQuestion(
            id: "sector-2027-above-60", text: "China's domestic share of AI accelerators (units) in 2027 above 60%",
            event: .sectorShareBetween(year: 2027, low: 0.6.nextUp, high: 1)),
    ]
}
