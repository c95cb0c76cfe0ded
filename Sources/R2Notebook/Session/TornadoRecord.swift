import R2Forecast

/// A sensitivity analysis kept for redrawing as `tornado` or an SVG.
struct TornadoRecord {
    var scenario: String
    var title: String
    var base: Double
    var bars: [TornadoBar]
    var format: (Double) -> String
}
