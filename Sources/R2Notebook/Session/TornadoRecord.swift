import R2Forecast
import R2Model

/// A sensitivity analysis kept for redrawing as `tornado` or an SVG.
struct TornadoRecord {
    var scenario: String
    /// The scenario and what it was conditioned on when it was analysed:
    /// the tornado is drawn again only for that same state.
    var state: Scenario
    var conditions: [String]
    var title: String
    var base: Double
    var bars: [TornadoBar]
    var format: (Double) -> String
}
