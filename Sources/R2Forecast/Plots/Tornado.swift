/// One bar of a tornado: how far the output moves when one input goes from
/// its 10th to its 90th percentile with the others held.
public struct TornadoBar: Hashable, Sendable {
    public var label: String
    /// The output with the input at its 10th and its 90th percentile.
    public var low: Double
    public var high: Double
    public init(label: String, low: Double, high: Double) {
        self.label = label
        self.low = low
        self.high = high
    }
    public var swing: Double { abs(high - low) }
}

/// The tornado chart of a sensitivity analysis, widest bar first.
public enum TornadoPlot {
    /// - Parameters:
    ///   - base: the output with every input as sampled.
    ///   - format: how an output value is written (a date, a percentage).
    public static func render(
        title: String, base: Double, bars: [TornadoBar], style: Style, format: (Double) -> String
    ) -> String {
        let sorted = bars.sorted { $0.swing > $1.swing }
        let labelWidth = Swift.min(44, (sorted.map(\.label.count).max() ?? 0))
        let half = Swift.max(6, (style.width - labelWidth - 30) / 2)
        let extent = Swift.max(sorted.map { Swift.max(abs($0.low - base), abs($0.high - base)) }.max() ?? 0, 1e-12)
        var lines = [title, Format.pad("", labelWidth) + "   " + Format.pad("", half) + "│ base " + format(base)]
        for bar in sorted {
            let left = Swift.min(bar.low, bar.high) - base
            let right = Swift.max(bar.low, bar.high) - base
            let l = Int((Swift.max(0, -left) / extent * Double(half)).rounded())
            let r = Int((Swift.max(0, right) / extent * Double(half)).rounded())
            let bar1 = String(repeating: " ", count: half - l) + String(repeating: "█", count: l)
            let bar2 = String(repeating: "█", count: r) + String(repeating: " ", count: half - r)
            let name = Format.pad(String(bar.label.prefix(labelWidth)), labelWidth)
            lines.append("\(name)   \(style.cyan(bar1))│\(style.cyan(bar2)) \(format(bar.low)) .. \(format(bar.high))")
        }
        return lines.joined(separator: "\n")
    }
}
